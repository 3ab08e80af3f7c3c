//! One variable scope (a list with Postman's duplicate rules) and the set of
//! scopes an execution sees.

use serde_json::Value;

use crate::collection::Variable;

/// A list of variables. Lookups take the last enabled entry with the key
/// (Newman's "last enabled duplicate wins"); disabled entries are invisible
/// but kept for export.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VarList {
    pub vars: Vec<Variable>,
}

impl VarList {
    pub fn new(vars: Vec<Variable>) -> Self {
        VarList { vars }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.variable(key).map(|v| &v.value)
    }

    /// The variable a lookup of `key` sees.
    pub fn variable(&self, key: &str) -> Option<&Variable> {
        self.vars.iter().rev().find(|v| !v.disabled && v.key == key)
    }

    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Set the value of the last enabled entry with this key, or append one.
    pub fn set(&mut self, key: &str, value: Value) {
        if let Some(v) = self
            .vars
            .iter_mut()
            .rev()
            .find(|v| !v.disabled && v.key == key)
        {
            v.value = value;
            v.undefined = false;
        } else {
            self.vars.push(Variable::new(key, value));
        }
    }

    pub fn unset(&mut self, key: &str) {
        self.vars.retain(|v| v.key != key);
    }

    pub fn clear(&mut self) {
        self.vars.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.vars.iter().all(|v| v.disabled)
    }

    /// Enabled values by key, last duplicate winning, in first-seen order.
    pub fn to_object(&self) -> serde_json::Map<String, Value> {
        let mut m = serde_json::Map::new();
        for v in self.vars.iter().filter(|v| !v.disabled) {
            m.insert(v.key.clone(), v.value.clone());
        }
        m
    }

    pub fn from_object(map: &serde_json::Map<String, Value>) -> Self {
        VarList {
            vars: map
                .iter()
                .map(|(k, v)| Variable::new(k.clone(), v.clone()))
                .collect(),
        }
    }
}

/// Every scope one execution sees, innermost first when resolving:
/// local, iteration data, environment, collection, globals.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scopes {
    pub globals: VarList,
    pub collection: VarList,
    pub environment: VarList,
    pub data: VarList,
    pub local: VarList,
}

impl Scopes {
    /// Look a name up with Newman's precedence.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.variable(key).map(|v| &v.value)
    }

    /// The variable a lookup of `key` sees, with Newman's precedence.
    pub fn variable(&self, key: &str) -> Option<&Variable> {
        self.local
            .variable(key)
            .or_else(|| self.data.variable(key))
            .or_else(|| self.environment.variable(key))
            .or_else(|| self.collection.variable(key))
            .or_else(|| self.globals.variable(key))
    }
}

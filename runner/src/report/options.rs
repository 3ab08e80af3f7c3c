//! Reporter options as Newman takes them: `--reporter-<name>-<option> [v]`
//! goes to one reporter, `--reporter-<option> [v]` to every reporter (and
//! wins over the specific one).

use std::collections::BTreeMap;

use serde_json::Value;

#[derive(Debug, Clone, Default)]
pub struct ReporterOptions {
    /// Options per reporter name, keys in camelCase (`noSummary`).
    pub specific: BTreeMap<String, BTreeMap<String, Value>>,
    pub generic: BTreeMap<String, Value>,
}

impl ReporterOptions {
    /// The effective option for a reporter.
    pub fn get(&self, reporter: &str, key: &str) -> Option<&Value> {
        self.generic
            .get(key)
            .or_else(|| self.specific.get(reporter).and_then(|m| m.get(key)))
    }

    pub fn flag(&self, reporter: &str, key: &str) -> bool {
        match self.get(reporter, key) {
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) => !(s.is_empty() || s == "false" || s == "0"),
            Some(Value::Null) | None => false,
            Some(_) => true,
        }
    }

    pub fn string(&self, reporter: &str, key: &str) -> Option<String> {
        match self.get(reporter, key) {
            Some(Value::String(s)) => Some(s.clone()),
            _ => None,
        }
    }
}

/// `no-summary` → `noSummary`.
pub fn camel_case(s: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in s.chars() {
        if c == '-' || c == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

//! Typed, immutable model of a collection. Items are shared (`Arc`) so an
//! execution can hold the item it runs without copying it.

use std::sync::Arc;

use serde_json::{Map, Value};

/// One variable as Postman stores it in collections, environments and
/// globals. `value` keeps its JSON type (Newman keeps numbers and booleans).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Variable {
    pub key: String,
    pub value: Value,
    /// The value is JavaScript's `undefined` (`value` is then `Null`): a
    /// variable stored without a value, or a local variable a script set to
    /// `undefined`. It resolves to an empty string, scripts read
    /// `undefined`, and exports leave the value out, as in Newman.
    pub undefined: bool,
    /// Postman's `type`: `default`, `secret`, `any`, `string`, `number`, `boolean`.
    pub kind: String,
    /// Only `disabled: true` disables a variable, as in Newman (`enabled:false` is ignored).
    pub disabled: bool,
}

impl Variable {
    pub fn new(key: impl Into<String>, value: Value) -> Self {
        Variable {
            key: key.into(),
            value,
            kind: "any".into(),
            disabled: false,
            undefined: false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Collection {
    pub id: String,
    pub name: String,
    pub schema: String,
    pub description: Option<String>,
    pub items: Vec<Item>,
    pub events: Vec<Event>,
    pub variables: Vec<Variable>,
    pub auth: Option<Auth>,
    pub protocol_profile_behavior: Map<String, Value>,
    /// The document as loaded, for reports and `--export-collection`.
    pub raw: Arc<Value>,
}

#[derive(Debug, Clone)]
pub enum Item {
    Request(Arc<RequestItem>),
    Folder(Arc<Folder>),
}

impl Item {
    pub fn name(&self) -> &str {
        match self {
            Item::Request(r) => &r.name,
            Item::Folder(f) => &f.name,
        }
    }
    pub fn id(&self) -> &str {
        match self {
            Item::Request(r) => &r.id,
            Item::Folder(f) => &f.id,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Folder {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub items: Vec<Item>,
    pub events: Vec<Event>,
    pub auth: Option<Auth>,
    pub protocol_profile_behavior: Map<String, Value>,
    /// Folder variables are ignored by Newman's runtime; kept for export only.
    pub variables: Vec<Variable>,
}

#[derive(Debug, Clone)]
pub struct RequestItem {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub request: RequestDef,
    pub events: Vec<Event>,
    pub protocol_profile_behavior: Map<String, Value>,
}

#[derive(Debug, Clone, Default)]
pub struct RequestDef {
    pub url: UrlDef,
    pub method: String,
    pub headers: Vec<Header>,
    pub body: Option<Body>,
    /// `None`: inherit from the parent. `Some(auth)` with `auth.kind == "noauth"` stops inheritance.
    pub auth: Option<Auth>,
    pub description: Option<String>,
    pub certificate: Option<Value>,
    pub proxy: Option<Value>,
}

/// A URL as Postman stores it: the raw text and, when present, its parts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UrlDef {
    pub raw: String,
    pub protocol: Option<String>,
    pub host: Option<Vec<String>>,
    pub port: Option<String>,
    pub path: Option<Vec<String>>,
    pub query: Vec<QueryParam>,
    pub variables: Vec<Variable>,
    pub hash: Option<String>,
    /// True when the URL came as an object with parts rather than a string.
    pub structured: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QueryParam {
    pub key: Option<String>,
    pub value: Option<String>,
    pub disabled: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub key: String,
    pub value: String,
    pub disabled: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct KeyValue {
    pub key: String,
    pub value: String,
    pub disabled: bool,
    pub content_type: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FormValue {
    Text(String),
    /// File part: the source paths (relative to `--working-dir`).
    File(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct FormParam {
    pub key: String,
    pub value: FormValue,
    pub disabled: bool,
    pub content_type: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Raw {
        raw: String,
        /// `options.raw.language`: json, javascript, html, xml, text.
        language: Option<String>,
    },
    UrlEncoded(Vec<KeyValue>),
    FormData(Vec<FormParam>),
    File {
        src: Option<String>,
    },
    GraphQl {
        query: String,
        variables: String,
        /// `graphql.operationName`, sent when present.
        operation_name: Option<String>,
    },
    /// A mode we do not know, or `disabled: true`: nothing is sent.
    None,
}

/// An auth definition: the type and its parameters by name, in either
/// collection version's form (v2.1 lists of `{key, value}`; v2.0 objects).
#[derive(Debug, Clone, PartialEq)]
pub struct Auth {
    pub kind: String,
    pub params: Vec<(String, Value)>,
}

impl Auth {
    pub fn param(&self, name: &str) -> Option<&Value> {
        self.params
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }
    pub fn param_str(&self, name: &str) -> Option<String> {
        self.param(name).map(|v| match v {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            other => other.to_string(),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Listen {
    PreRequest,
    Test,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub listen: Listen,
    pub script: Arc<Script>,
    pub disabled: bool,
}

#[derive(Debug, Clone)]
pub struct Script {
    /// Stable identity used to cache the compiled function for a run.
    pub id: String,
    pub exec: Arc<str>,
    /// Where the script lives, for messages: `collection`, a folder or request name.
    pub owner: String,
    /// The source names `sendRequest`: the sandbox runs it where a request
    /// can be waited for (worked out once here, not per execution).
    pub sends_requests: bool,
}

impl Script {
    pub fn new(id: String, exec: Arc<str>, owner: String) -> Script {
        let sends_requests = exec.contains("sendRequest");
        Script {
            id,
            exec,
            owner,
            sends_requests,
        }
    }
}

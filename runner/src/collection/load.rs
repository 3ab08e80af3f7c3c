//! Reading input files: encoding detection (UTF-8 with or without BOM,
//! UTF-16 LE/BE with BOM, UTF-16 LE without BOM, Latin-1 fallback), JSON
//! parsing with line and column, and turning the result into the model.

use std::path::Path;

use serde_json::Value;

use super::model::{Collection, Variable};
use super::parse;
use crate::error::{Error, InputKind, Result};

/// Decode file bytes to text the way Newman's loader accepts them.
pub fn decode_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return encoding_rs::UTF_16LE
            .decode_with_bom_removal(&bytes[2..])
            .0
            .into_owned();
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return encoding_rs::UTF_16BE
            .decode_with_bom_removal(&bytes[2..])
            .0
            .into_owned();
    }
    // UTF-16 without a BOM: ASCII text has every other byte zero.
    if bytes.len() >= 4 && bytes[1] == 0 && bytes[3] == 0 && bytes[0] != 0 {
        return encoding_rs::UTF_16LE
            .decode_without_bom_handling(bytes)
            .0
            .into_owned();
    }
    if bytes.len() >= 4 && bytes[0] == 0 && bytes[2] == 0 && bytes[1] != 0 {
        return encoding_rs::UTF_16BE
            .decode_without_bom_handling(bytes)
            .0
            .into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// Read a file and parse it as JSON, with errors naming the file.
pub fn read_json_file(path: &Path, kind: InputKind) -> Result<Value> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        kind,
        path: path.to_path_buf(),
        source,
    })?;
    json_text(&decode_text(&bytes), path, kind)
}

pub fn json_text(text: &str, path: &Path, kind: InputKind) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| Error::Json {
        kind,
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: json_error_message(&e),
    })
}

fn json_error_message(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; we print those separately.
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

pub fn load_collection(path: &Path) -> Result<Collection> {
    let doc = read_json_file(path, InputKind::Collection)?;
    collection_from_value(doc, path)
}

pub fn collection_from_value(doc: Value, path: &Path) -> Result<Collection> {
    // Some exports wrap the collection: {"collection": {...}} (the Postman API shape).
    let doc = match doc {
        Value::Object(mut o)
            if !o.contains_key("info") && o.get("collection").is_some_and(Value::is_object) =>
        {
            o.remove("collection").unwrap_or(Value::Null)
        }
        other => other,
    };
    parse::collection(doc).map_err(|e| {
        if e.message.contains("unsupported collection schema")
            || e.message.contains("v1 collection")
        {
            Error::Unsupported {
                kind: InputKind::Collection,
                path: path.to_path_buf(),
                message: e.message,
            }
        } else {
            Error::Shape {
                kind: InputKind::Collection,
                path: path.to_path_buf(),
                json_path: e.path,
                message: e.message,
            }
        }
    })
}

/// An environment or globals file.
#[derive(Debug, Clone, Default)]
pub struct LoadedScope {
    pub id: Option<String>,
    pub name: Option<String>,
    pub values: Vec<Variable>,
    /// `_postman_*` metadata keys, echoed back in the JSON report.
    pub meta: serde_json::Map<String, Value>,
}

pub fn load_scope_file(path: &Path, kind: InputKind) -> Result<LoadedScope> {
    let doc = read_json_file(path, kind)?;
    scope_from_value(doc, path, kind)
}

pub fn scope_from_value(doc: Value, path: &Path, kind: InputKind) -> Result<LoadedScope> {
    let shape = |json_path: &str, message: String| Error::Shape {
        kind,
        path: path.to_path_buf(),
        json_path: json_path.to_string(),
        message,
    };
    let wrapper = match kind {
        InputKind::Globals => "globals",
        _ => "environment",
    };
    let doc = match doc {
        Value::Object(mut o)
            if !o.contains_key("values") && o.get(wrapper).is_some_and(Value::is_object) =>
        {
            o.remove(wrapper).unwrap_or(Value::Null)
        }
        other => other,
    };
    let Value::Object(o) = doc else {
        return Err(shape(
            "$",
            "expected an object with a \"values\" array".into(),
        ));
    };
    let values = match o.get("values") {
        None | Some(Value::Null) => Vec::new(),
        Some(v @ Value::Array(_)) => {
            parse::variables(Some(v), "values").map_err(|e| shape(&e.path, e.message))?
        }
        Some(_) => return Err(shape("values", "expected an array of variables".into())),
    };
    let meta = o
        .iter()
        .filter(|(k, _)| k.starts_with("_postman_"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Ok(LoadedScope {
        id: o.get("id").and_then(|v| v.as_str()).map(str::to_string),
        name: o.get("name").and_then(|v| v.as_str()).map(str::to_string),
        values,
        meta,
    })
}

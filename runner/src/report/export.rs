//! `--export-environment`, `--export-globals` and `--export-collection`:
//! the run's final variables written back in Postman's file shapes, as
//! Newman writes them (`lib/run/index.js`, `lib/run/export-file.js`).
//!
//! * Environment and globals: `{id, name, values: [{type, value, key}]}`
//!   with `name` defaulting to the scope's kind, then
//!   `_postman_variable_scope`, `_postman_exported_at` (ISO-8601) and
//!   `_postman_exported_using`. The last keeps Newman's exact value
//!   ([`EXPORTED_USING`]) so tools that check it treat the files alike.
//! * Collection: the collection document as it was loaded, with its
//!   `variable` list holding the collection variables' final values (Newman
//!   exports the initial ones, postmanlabs/newman#2680; this is deliberate),
//!   then the same three `_postman_*` keys Newman adds.
//!
//! Paths follow Newman's rules (see [`super::paths`]). The files are also
//! written when the run was interrupted, so work done before Ctrl-C or a
//! `--bail` is not lost.

use std::path::Path;
use std::time::SystemTime;

use serde_json::{Map, Value};

use super::json::sdk;
use super::{paths, BuildCtx};
use crate::collection::Variable;
use crate::run::RunSummary;
use crate::vars::VarList;

/// `_postman_exported_using`, as Newman 6.2.2 writes it.
pub const EXPORTED_USING: &str = "Newman/6.2.2";

/// Where each export goes; `None` means not requested.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExportTargets<'a> {
    pub environment: Option<&'a Path>,
    pub globals: Option<&'a Path>,
    pub collection: Option<&'a Path>,
}

fn stamp(out: &mut Map<String, Value>, scope: &str, now: SystemTime) {
    out.insert(
        "_postman_variable_scope".into(),
        Value::String(scope.into()),
    );
    out.insert(
        "_postman_exported_at".into(),
        Value::String(paths::iso_millis(now)),
    );
    out.insert(
        "_postman_exported_using".into(),
        Value::String(EXPORTED_USING.into()),
    );
}

fn scope_export(
    id: Option<&str>,
    name: Option<&str>,
    values: &VarList,
    scope: &str,
    now: SystemTime,
) -> Value {
    let mut out = Map::new();
    out.insert(
        "id".into(),
        Value::String(
            id.map(str::to_string)
                .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
        ),
    );
    let name = name.filter(|n| !n.is_empty());
    if let Some(n) = name {
        out.insert("name".into(), Value::String(n.into()));
    }
    out.insert("values".into(), sdk::var_list(values));
    if name.is_none() {
        out.insert("name".into(), Value::String(scope.into()));
    }
    stamp(&mut out, scope, now);
    Value::Object(out)
}

/// The `--export-environment` document.
pub fn environment_export(summary: &RunSummary, now: SystemTime) -> Value {
    scope_export(
        summary.environment_id.as_deref(),
        summary.environment_name.as_deref(),
        &summary.environment,
        "environment",
        now,
    )
}

/// The `--export-globals` document.
pub fn globals_export(summary: &RunSummary, now: SystemTime) -> Value {
    scope_export(None, None, &summary.globals, "globals", now)
}

/// A final collection variable in the file's shape: the loaded entry with
/// the same key (keeping its other fields) with the value replaced, or a
/// new `{key, value, type}` entry.
fn variable_entry(v: &Variable, original: Option<&Map<String, Value>>) -> Value {
    match original {
        Some(o) => {
            let mut o = o.clone();
            if v.undefined {
                o.remove("value");
            } else {
                o.insert("value".into(), v.value.clone());
            }
            if v.disabled {
                o.insert("disabled".into(), Value::Bool(true));
            }
            Value::Object(o)
        }
        None => {
            let mut o = Map::new();
            o.insert("key".into(), Value::String(v.key.clone()));
            if !v.undefined {
                o.insert("value".into(), v.value.clone());
            }
            o.insert(
                "type".into(),
                Value::String(if v.kind.is_empty() {
                    "any".into()
                } else {
                    v.kind.clone()
                }),
            );
            if v.disabled {
                o.insert("disabled".into(), Value::Bool(true));
            }
            Value::Object(o)
        }
    }
}

/// The `--export-collection` document.
pub fn collection_export(summary: &RunSummary, now: SystemTime) -> Value {
    let mut doc = match summary.collection.raw.as_ref() {
        Value::Object(o) => o.clone(),
        _ => Map::new(),
    };
    let originals: Vec<Map<String, Value>> = match doc.get("variable") {
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_object).cloned().collect(),
        _ => Vec::new(),
    };
    let mut used = vec![false; originals.len()];
    let finals = &summary.collection_variables.vars;
    if !finals.is_empty() || doc.contains_key("variable") {
        let list: Vec<Value> = finals
            .iter()
            .map(|v| {
                let found = originals.iter().enumerate().position(|(i, o)| {
                    !used[i]
                        && o.get("key")
                            .or_else(|| o.get("id"))
                            .map(crate::collection::parse::scalar_text)
                            .is_some_and(|k| k == v.key)
                });
                if let Some(i) = found {
                    used[i] = true;
                }
                variable_entry(v, found.map(|i| &originals[i]))
            })
            .collect();
        doc.insert("variable".into(), Value::Array(list));
    }
    stamp(&mut doc, "collection", now);
    Value::Object(doc)
}

fn write_one(
    requested: &Path,
    default_name: &str,
    what: &str,
    doc: &Value,
    ctx: &BuildCtx,
    now: SystemTime,
) -> Result<(), String> {
    let target = paths::resolve(Some(requested), default_name, &ctx.cwd, now)
        .map(|p| paths::numbered(p, ctx.part))
        .map_err(|e| paths::file_error(e, requested, what).to_string())?;
    let text = serde_json::to_string_pretty(doc)
        .map_err(|e| format!("could not encode the {what} export: {e}"))?;
    std::fs::write(&target, text).map_err(|e| paths::file_error(e, &target, what).to_string())
}

/// Write the requested exports; one message per export that failed.
pub fn write_exports(
    targets: &ExportTargets<'_>,
    summary: &RunSummary,
    ctx: &BuildCtx,
) -> Vec<String> {
    let now = SystemTime::now();
    let mut errors = Vec::new();
    if let Some(p) = targets.environment {
        if let Err(e) = write_one(
            p,
            paths::ENVIRONMENT_EXPORT,
            "environment",
            &environment_export(summary, now),
            ctx,
            now,
        ) {
            errors.push(e);
        }
    }
    if let Some(p) = targets.globals {
        if let Err(e) = write_one(
            p,
            paths::GLOBALS_EXPORT,
            "globals",
            &globals_export(summary, now),
            ctx,
            now,
        ) {
            errors.push(e);
        }
    }
    if let Some(p) = targets.collection {
        if let Err(e) = write_one(
            p,
            paths::COLLECTION_EXPORT,
            "collection",
            &collection_export(summary, now),
            ctx,
            now,
        ) {
            errors.push(e);
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::sync::Arc;

    fn summary() -> RunSummary {
        let raw = json!({
            "info": {"_postman_id": "c1", "name": "C", "schema": sdk::SCHEMA_V21},
            "item": [],
            "variable": [
                {"key": "base", "value": "http://x", "type": "string", "description": "keep me"},
                {"key": "gone", "value": "1"},
                {"key": "counter", "value": "0"}
            ]
        });
        let collection =
            crate::collection::collection_from_value(raw, Path::new("c.json")).unwrap();
        let mut s = RunSummary::new(Arc::new(collection));
        s.environment_id = Some("e1".into());
        s.environment_name = Some("Env".into());
        s.environment = VarList::new(vec![
            Variable::new("k1", json!("v1")),
            Variable::new("n", json!(3)),
        ]);
        s.globals = VarList::new(vec![Variable::new("g1", json!(42))]);
        s.collection_variables = VarList::new(vec![
            Variable {
                key: "base".into(),
                value: json!("http://x"),
                kind: "string".into(),
                disabled: false,
                undefined: false,
            },
            Variable::new("counter", json!("2")),
            Variable::new("added", json!(true)),
        ]);
        s
    }

    fn now() -> SystemTime {
        SystemTime::UNIX_EPOCH + std::time::Duration::from_millis(1_795_842_876_654)
    }

    // Shapes and key order as Newman 6.2.2 wrote them for the same run
    // (tests/fixtures/newman/report-sample.env.json, .globals.json).
    #[test]
    fn environment_shape() {
        let v = environment_export(&summary(), now());
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"id":"e1","name":"Env","values":[{"type":"any","value":"v1","key":"k1"},{"type":"any","value":3,"key":"n"}],"_postman_variable_scope":"environment","_postman_exported_at":"2026-11-28T05:14:36.654Z","_postman_exported_using":"Newman/6.2.2"}"#
        );
    }

    #[test]
    fn globals_shape_defaults_name() {
        let v = globals_export(&summary(), now());
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "id",
                "values",
                "name",
                "_postman_variable_scope",
                "_postman_exported_at",
                "_postman_exported_using"
            ]
        );
        assert_eq!(v["name"], "globals");
        assert_eq!(
            v["values"],
            json!([{"type": "any", "value": 42, "key": "g1"}])
        );
    }

    #[test]
    fn collection_export_has_final_variables() {
        let v = collection_export(&summary(), now());
        assert_eq!(
            v["variable"],
            json!([
                {"key": "base", "value": "http://x", "type": "string", "description": "keep me"},
                {"key": "counter", "value": "2"},
                {"key": "added", "value": true, "type": "any"}
            ])
        );
        assert_eq!(v["info"]["name"], "C");
        assert_eq!(v["_postman_variable_scope"], "collection");
        assert_eq!(v["_postman_exported_using"], EXPORTED_USING);
    }

    #[test]
    fn exports_written_to_files_and_directories() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("out")).unwrap();
        let ctx = BuildCtx {
            cwd: dir.path().to_path_buf(),
            ..BuildCtx::default()
        };
        let s = summary();
        let errs = write_exports(
            &ExportTargets {
                environment: Some(Path::new("deep/env.json")),
                globals: Some(Path::new("out")),
                collection: Some(Path::new("c.json")),
            },
            &s,
            &ctx,
        );
        assert!(errs.is_empty(), "{errs:?}");
        let env: Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("deep/env.json")).unwrap())
                .unwrap();
        assert_eq!(env["name"], "Env");
        let globals: Vec<_> = std::fs::read_dir(dir.path().join("out")).unwrap().collect();
        assert_eq!(globals.len(), 1);
        let name = globals[0]
            .as_ref()
            .unwrap()
            .file_name()
            .to_string_lossy()
            .into_owned();
        assert!(
            name.starts_with("newman-globals-") && name.ends_with("-0.json"),
            "{name}"
        );
        let c: Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("c.json")).unwrap()).unwrap();
        assert_eq!(c["variable"][1]["value"], "2");
    }

    #[test]
    fn unwritable_export_reports_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("file"), "x").unwrap();
        let ctx = BuildCtx {
            cwd: dir.path().to_path_buf(),
            ..BuildCtx::default()
        };
        let errs = write_exports(
            &ExportTargets {
                environment: Some(Path::new("file/env.json")),
                ..ExportTargets::default()
            },
            &summary(),
            &ctx,
        );
        assert_eq!(errs.len(), 1);
    }
}

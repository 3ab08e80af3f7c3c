//! Native half of `ajv` (v6.12 API and error shape) and `tv4` (1.3), and of
//! `__pg_schema_validate`: JSON-schema validation with the `jsonschema`
//! crate, its errors rewritten into ajv's or tv4's objects and put in the
//! order those libraries report them.
//!
//! `schemaValidate(schemaJson, dataJson, flavour, allErrors)` answers a JSON
//! string `{"valid":bool,"errors":[…],"missing":[…]}` or throws an `Error`
//! with ajv's message for schemas ajv refuses.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::paths::LocationSegment;
use jsonschema::{Draft, ValidationError, Validator};
use regex::Regex;
use rquickjs::function::Rest;
use rquickjs::{Ctx, Exception, Result, Value};
use serde_json::{json, Map, Value as J};

use super::{arg_bool, arg_string};

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Flavour {
    Ajv,
    Tv4,
}

const CACHE_MAX: usize = 64;

thread_local! {
    static CACHE: RefCell<HashMap<(Flavour, String), Arc<Compiled>>> = RefCell::new(HashMap::new());
}

struct Compiled {
    schema: J,
    validator: Option<Validator>,
    /// tv4: references it could not resolve.
    missing: Vec<String>,
}

pub fn validate<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> Result<Value<'js>> {
    let schema_src = arg_string(&ctx, &args, 0, "schemaValidate", "schema JSON")?;
    let data_src = arg_string(&ctx, &args, 1, "schemaValidate", "data JSON")?;
    let flavour = match arg_string(&ctx, &args, 2, "schemaValidate", "flavour")?.as_str() {
        "ajv" => Flavour::Ajv,
        "tv4" => Flavour::Tv4,
        other => {
            return Err(super::type_error(
                &ctx,
                &format!("schemaValidate: unknown flavour '{other}'"),
            ))
        }
    };
    let all = arg_bool(&args, 3);
    let data: J = match serde_json::from_str(&data_src) {
        Ok(d) => d,
        Err(_) => return Err(super::type_error(&ctx, "schemaValidate: data is not JSON")),
    };
    // The validator is third-party code: never let a panic cross into the engine.
    let result = std::panic::catch_unwind(|| {
        let compiled = compile(&schema_src, flavour)?;
        Ok::<_, String>(run(&compiled, &data, flavour, all))
    });
    let out = match result {
        Ok(Ok(out)) => out,
        Ok(Err(msg)) => return Err(Exception::throw_message(&ctx, &msg)),
        Err(_) => {
            return Err(Exception::throw_internal(
                &ctx,
                "schema validation failed unexpectedly",
            ))
        }
    };
    let s = out.to_string();
    Ok(rquickjs::String::from_str(ctx.clone(), &s)?.into_value())
}

fn compile(schema_src: &str, flavour: Flavour) -> std::result::Result<Arc<Compiled>, String> {
    let key = (flavour, schema_src.to_string());
    if let Some(c) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(c);
    }
    let schema: J = serde_json::from_str(schema_src)
        .map_err(|_| "schema must be an object or boolean".to_string())?;
    let compiled = Arc::new(match flavour {
        Flavour::Ajv => compile_ajv(schema)?,
        Flavour::Tv4 => compile_tv4(schema),
    });
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= CACHE_MAX {
            c.clear();
        }
        c.insert(key, compiled.clone());
    });
    Ok(compiled)
}

const AJV_FORMATS: &[&str] = &[
    "date",
    "time",
    "date-time",
    "uri",
    "uri-reference",
    "uri-template",
    "url",
    "email",
    "hostname",
    "ipv4",
    "ipv6",
    "regex",
    "uuid",
    "json-pointer",
    "json-pointer-uri-fragment",
    "relative-json-pointer",
];

fn compile_ajv(schema: J) -> std::result::Result<Compiled, String> {
    if !(schema.is_object() || schema.is_boolean()) {
        return Err("schema should be object or boolean".into());
    }
    if let Some(s) = schema.get("$schema").and_then(J::as_str) {
        let known = matches!(
            s.trim_end_matches('#'),
            "http://json-schema.org/draft-07/schema" | "http://json-schema.org/schema"
        );
        if !known {
            return Err(format!("no schema with key or ref \"{s}\""));
        }
    }
    check_formats(&schema, "#")?;
    let mut opts = jsonschema::options()
        .with_draft(Draft::Draft7)
        .should_validate_formats(true);
    for f in AJV_FORMATS {
        let f = *f;
        opts = opts.with_format(f, move |s: &str| ajv_format(f, s));
    }
    let validator = opts.build(&schema).map_err(|e| match e.kind() {
        ValidationErrorKind::Referencing(r) => {
            format!("can't resolve reference {}", ref_name(&r.to_string()))
        }
        _ => format!("schema is invalid: {e}"),
    })?;
    Ok(Compiled {
        schema,
        validator: Some(validator),
        missing: Vec::new(),
    })
}

fn ref_name(msg: &str) -> String {
    msg.split('\'').nth(1).unwrap_or(msg).to_string()
}

fn compile_tv4(schema: J) -> Compiled {
    // tv4 knows draft 4 only, checks no formats unless told, and never
    // refuses a schema: keywords it does not understand are ignored.
    for draft in [Draft::Draft4, Draft::Draft6, Draft::Draft7] {
        let built = jsonschema::options()
            .with_draft(draft)
            .should_validate_formats(false)
            .should_ignore_unknown_formats(true)
            .build(&schema);
        match built {
            Ok(v) => {
                return Compiled {
                    schema,
                    validator: Some(v),
                    missing: Vec::new(),
                }
            }
            Err(e) => {
                if let ValidationErrorKind::Referencing(r) = e.kind() {
                    let missing = vec![ref_name(&r.to_string())];
                    return Compiled {
                        schema,
                        validator: None,
                        missing,
                    };
                }
            }
        }
    }
    Compiled {
        schema,
        validator: None,
        missing: Vec::new(),
    }
}

/// ajv refuses formats it does not know, naming where they are used.
fn check_formats(schema: &J, path: &str) -> std::result::Result<(), String> {
    let Some(obj) = schema.as_object() else {
        return Ok(());
    };
    if let Some(f) = obj.get("format").and_then(J::as_str) {
        if !AJV_FORMATS.contains(&f) {
            return Err(format!(
                "unknown format \"{f}\" is used in schema at path \"{path}\""
            ));
        }
    }
    for (k, v) in obj {
        match k.as_str() {
            "properties" | "patternProperties" | "definitions" | "dependencies" => {
                if let Some(m) = v.as_object() {
                    for (name, sub) in m {
                        check_formats(sub, &format!("{path}/{k}/{}", escape_fragment(name)))?;
                    }
                }
            }
            "items" | "allOf" | "anyOf" | "oneOf" => {
                if let Some(a) = v.as_array() {
                    for (i, sub) in a.iter().enumerate() {
                        check_formats(sub, &format!("{path}/{k}/{i}"))?;
                    }
                } else {
                    check_formats(v, &format!("{path}/{k}"))?;
                }
            }
            "additionalProperties"
            | "additionalItems"
            | "not"
            | "contains"
            | "propertyNames"
            | "if"
            | "then"
            | "else" => {
                check_formats(v, &format!("{path}/{k}"))?;
            }
            _ => {}
        }
    }
    Ok(())
}

fn re(cell: &'static OnceLock<Regex>, src: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(src).expect("format regex"))
}

/// ajv 6's "fast" format checks.
fn ajv_format(name: &str, s: &str) -> bool {
    static DATE: OnceLock<Regex> = OnceLock::new();
    static TIME: OnceLock<Regex> = OnceLock::new();
    static DATE_TIME: OnceLock<Regex> = OnceLock::new();
    static URI: OnceLock<Regex> = OnceLock::new();
    static URI_REF: OnceLock<Regex> = OnceLock::new();
    static URI_TEMPLATE: OnceLock<Regex> = OnceLock::new();
    static URL: OnceLock<Regex> = OnceLock::new();
    static EMAIL: OnceLock<Regex> = OnceLock::new();
    static HOSTNAME: OnceLock<Regex> = OnceLock::new();
    static IPV4: OnceLock<Regex> = OnceLock::new();
    static UUID: OnceLock<Regex> = OnceLock::new();
    static JSON_POINTER: OnceLock<Regex> = OnceLock::new();
    static JSON_POINTER_FRAG: OnceLock<Regex> = OnceLock::new();
    static REL_JSON_POINTER: OnceLock<Regex> = OnceLock::new();
    const TIME_PART: &str = r"(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?";
    match name {
        "date" => re(&DATE, r"^\d\d\d\d-[0-1]\d-[0-3]\d$").is_match(s),
        "time" => re(&TIME, &format!(r"(?i)^{TIME_PART}(?:z|[+-]\d\d(?::?\d\d)?)?$")).is_match(s),
        "date-time" => re(&DATE_TIME, &format!(r"(?i)^\d\d\d\d-[0-1]\d-[0-3]\d[t\s]{TIME_PART}(?:z|[+-]\d\d(?::?\d\d)?)$")).is_match(s),
        "uri" => re(&URI, r"(?i)^[a-z][a-z0-9+\-.]*:(?://?)?\S*$").is_match(s),
        "uri-reference" => re(&URI_REF, r"(?i)^(?:(?:[a-z][a-z0-9+\-.]*:)?//?)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$").is_match(s),
        "uri-template" => re(
            &URI_TEMPLATE,
            r#"(?i)^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$"#,
        )
        .is_match(s),
        // A simplification of ajv's (dperini's) URL expression: scheme,
        // optional credentials, a dotted host with a TLD or an IPv4, port, path.
        "url" => re(
            &URL,
            r"(?i)^(?:https?|ftp)://(?:\S+(?::\S*)?@)?(?:(?:\d{1,3}\.){3}\d{1,3}|(?:(?:[0-9a-z\x{a1}-\x{ffff}]+-?)*[0-9a-z\x{a1}-\x{ffff}]+)(?:\.(?:[0-9a-z\x{a1}-\x{ffff}]+-?)*[0-9a-z\x{a1}-\x{ffff}]+)*\.[a-z\x{a1}-\x{ffff}]{2,})(?::\d{2,5})?(?:/\S*)?$",
        )
        .is_match(s),
        "email" => re(
            &EMAIL,
            r"(?i)^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$",
        )
        .is_match(s),
        "hostname" => {
            let trimmed = s.strip_suffix('.').unwrap_or(s);
            !s.is_empty()
                && s.len() <= 253 + usize::from(s.ends_with('.'))
                && re(&HOSTNAME, r"(?i)^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*$").is_match(trimmed)
        }
        "ipv4" => re(&IPV4, r"^(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)$").is_match(s),
        "ipv6" => {
            let t = s.trim();
            let t = t.split('%').next().unwrap_or(t);
            t.parse::<std::net::Ipv6Addr>().is_ok()
        }
        "regex" => !s.contains('\u{0}') && fancy_ok(s),
        "uuid" => re(&UUID, r"(?i)^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$").is_match(s),
        "json-pointer" => re(&JSON_POINTER, r"^(?:/(?:[^~/]|~0|~1)*)*$").is_match(s),
        "json-pointer-uri-fragment" => {
            re(&JSON_POINTER_FRAG, r"(?i)^#(?:/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$").is_match(s)
        }
        "relative-json-pointer" => re(&REL_JSON_POINTER, r"^(?:0|[1-9][0-9]*)(?:#|(?:/(?:[^~/]|~0|~1)*)*)$").is_match(s),
        _ => true,
    }
}

fn fancy_ok(s: &str) -> bool {
    // ajv compiles the string with `new RegExp`; the regex crate accepts
    // most of the same syntax (not look-around or back-references).
    Regex::new(s).is_ok() || s.contains("(?") || s.contains('\\')
}

#[cfg(test)]
pub(super) fn all_formats_compile() {
    for f in AJV_FORMATS {
        let _ = ajv_format(f, "x");
    }
}

// ---------------------------------------------------------------------------

fn run(c: &Compiled, data: &J, flavour: Flavour, all: bool) -> J {
    let Some(v) = &c.validator else {
        return json!({"valid": true, "errors": [], "missing": c.missing});
    };
    let errs: Vec<ValidationError<'_>> = v.iter_errors(data).collect();
    if errs.is_empty() {
        return json!({"valid": true, "errors": [], "missing": c.missing});
    }
    let mut mapped: Vec<(Vec<u64>, J)> = Vec::new();
    for e in &errs {
        expand(e, &c.schema, data, flavour, all, &mut mapped);
    }
    mapped.sort_by(|a, b| a.0.cmp(&b.0));
    if flavour == Flavour::Tv4 {
        // tv4 stops checking a schema after an error from its type, enum,
        // number, string, format or combinator checks (in every mode).
        let mut stopped: Vec<String> = Vec::new();
        mapped.retain(|(_, e)| {
            let node = e
                .get("__node")
                .and_then(J::as_str)
                .unwrap_or("")
                .to_string();
            if stopped
                .iter()
                .any(|s| node == *s || node.starts_with(&format!("{s}/")))
            {
                return false;
            }
            let code = e.get("code").and_then(J::as_u64).unwrap_or(0);
            if matches!(code, 0..=99 | 100..=199 | 200..=299 | 500) {
                stopped.push(node);
            }
            true
        });
        for (_, e) in mapped.iter_mut() {
            if let Some(o) = e.as_object_mut() {
                o.remove("__node");
            }
        }
    }
    let mut out: Vec<J> = Vec::new();
    if all || flavour == Flavour::Tv4 {
        out.extend(mapped.into_iter().map(|m| m.1));
    } else if let Some((_, first)) = mapped.into_iter().next() {
        out.push(first);
    }
    // ajv reports a failed anyOf/oneOf after its branches' errors.
    let out = out
        .into_iter()
        .flat_map(flatten_context)
        .collect::<Vec<_>>();
    json!({"valid": false, "errors": out, "missing": c.missing})
}

/// Move `__context` (branch errors, ajv) ahead of the error itself.
fn flatten_context(mut e: J) -> Vec<J> {
    let mut v = Vec::new();
    if let Some(J::Array(ctx)) = e.as_object_mut().and_then(|o| o.remove("__context")) {
        for c in ctx {
            v.extend(flatten_context(c));
        }
    }
    v.push(e);
    v
}

fn seg_str(s: &LocationSegment<'_>) -> String {
    match s {
        LocationSegment::Property(p) => p.to_string(),
        LocationSegment::Index(i) => i.to_string(),
    }
}

/// `encodeURIComponent` as ajv's schemaPath fragments use it.
fn escape_fragment(s: &str) -> String {
    let mut out = String::new();
    for b in s.replace('~', "~0").replace('/', "~1").bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn ajv_prop(name: &str, dot_ok: bool) -> String {
    let ident = !name.is_empty()
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if dot_ok && ident {
        format!(".{name}")
    } else {
        format!(
            "['{}']",
            name.replace('\\', "\\\\")
                .replace('\'', "\\'")
                .replace('\n', "\\n")
                .replace('\r', "\\r")
        )
    }
}

fn tv4_escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

fn js_type(v: &J) -> &'static str {
    match v {
        J::Null => "null",
        J::Bool(_) => "boolean",
        J::Number(_) => "number",
        J::String(_) => "string",
        J::Array(_) => "array",
        J::Object(_) => "object",
    }
}

fn ajv_rank(kw: &str, node: &J) -> u64 {
    let has = |ks: &[&str]| ks.iter().any(|k| node.get(*k).is_some());
    match kw {
        "$ref" => 0,
        "type" => {
            let t = node.get("type");
            let group = match t.and_then(J::as_str) {
                Some("number") | Some("integer") => has(&[
                    "maximum",
                    "minimum",
                    "exclusiveMaximum",
                    "exclusiveMinimum",
                    "multipleOf",
                ])
                .then_some(19),
                Some("string") => {
                    has(&["maxLength", "minLength", "pattern", "format"]).then_some(29)
                }
                Some("array") => has(&[
                    "maxItems",
                    "minItems",
                    "items",
                    "additionalItems",
                    "contains",
                    "uniqueItems",
                ])
                .then_some(39),
                Some("object") => has(&[
                    "maxProperties",
                    "minProperties",
                    "required",
                    "dependencies",
                    "propertyNames",
                    "properties",
                    "patternProperties",
                    "additionalProperties",
                ])
                .then_some(49),
                _ => None,
            };
            group.unwrap_or(1)
        }
        "maximum" | "exclusiveMaximum" => 10,
        "minimum" | "exclusiveMinimum" => 11,
        "multipleOf" => 12,
        "maxLength" => 20,
        "minLength" => 21,
        "pattern" => 22,
        "format" => 23,
        "maxItems" => 30,
        "minItems" => 31,
        "additionalItems" => 32,
        "items" => 33,
        "contains" => 34,
        "uniqueItems" => 35,
        "maxProperties" => 40,
        "minProperties" => 41,
        "required" => 42,
        "dependencies" => 43,
        "propertyNames" => 44,
        "additionalProperties" => 45,
        "properties" => 46,
        "patternProperties" => 47,
        "const" => 51,
        "enum" => 52,
        "not" => 53,
        "anyOf" => 54,
        "oneOf" => 55,
        "allOf" => 56,
        "if" | "then" | "else" => 57,
        _ => 60,
    }
}

fn tv4_rank(kw: &str) -> u64 {
    match kw {
        "type" => 1,
        "enum" => 2,
        "multipleOf" => 10,
        "minimum" | "exclusiveMinimum" => 11,
        "maximum" | "exclusiveMaximum" => 12,
        "minLength" => 20,
        "maxLength" => 21,
        "pattern" => 22,
        "minItems" => 30,
        "maxItems" => 31,
        "uniqueItems" => 32,
        "items" | "additionalItems" => 33,
        "minProperties" => 40,
        "maxProperties" => 41,
        "required" => 42,
        "properties" | "patternProperties" | "additionalProperties" => 43,
        "dependencies" => 44,
        "allOf" => 50,
        "anyOf" => 51,
        "oneOf" => 52,
        "not" => 53,
        _ => 60,
    }
}

fn resolve_ref<'a>(root: &'a J, r: &str) -> Option<&'a J> {
    let frag = r.strip_prefix('#')?;
    let decoded = percent_decode(frag);
    if decoded.is_empty() {
        return Some(root);
    }
    root.pointer(&decoded)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let hex = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What walking an error's evaluation path tells: the sort key, ajv's
/// dataPath, tv4's dataPath, and the schema node holding the keyword.
struct Walk<'a> {
    key: Vec<u64>,
    ajv_path: String,
    tv4_path: String,
    node: &'a J,
    inst: Option<&'a J>,
}

fn walk<'a>(e: &ValidationError<'_>, schema: &'a J, data: &'a J, flavour: Flavour) -> Walk<'a> {
    let eval: Vec<String> = e.evaluation_path().iter().map(|s| seg_str(&s)).collect();
    let inst_segs: Vec<String> = e.instance_path().iter().map(|s| seg_str(&s)).collect();
    let mut node = schema;
    let mut inst = Some(data);
    let mut k = 0usize;
    let mut key = Vec::new();
    let mut ajv_path = String::new();
    let mut tv4_path = String::new();
    let mut i = 0usize;
    let rank = |kw: &str, node: &J| match flavour {
        Flavour::Ajv => ajv_rank(kw, node),
        Flavour::Tv4 => tv4_rank(kw),
    };
    let data_index = |inst: Option<&J>, name: &str| -> u64 {
        match inst {
            Some(J::Object(m)) => m.keys().position(|k| k == name).unwrap_or(0) as u64,
            _ => name.parse().unwrap_or(0),
        }
    };
    while i < eval.len() {
        let kw = eval[i].as_str();
        let last = i + 1 == eval.len();
        if kw == "$ref" {
            if let Some(r) = node
                .get("$ref")
                .and_then(J::as_str)
                .and_then(|r| resolve_ref(schema, r))
            {
                node = r;
            }
            i += 1;
            continue;
        }
        if last {
            key.push(rank(kw, node));
            break;
        }
        let r = rank(kw, node);
        let consume = |k: &mut usize,
                       ajv_dot: bool,
                       ajv_path: &mut String,
                       tv4_path: &mut String,
                       inst: &mut Option<&'a J>|
         -> (String, u64) {
            let name = inst_segs.get(*k).cloned().unwrap_or_default();
            let idx = data_index(*inst, &name);
            match *inst {
                Some(J::Array(_)) => ajv_path.push_str(&format!("[{name}]")),
                _ => ajv_path.push_str(&ajv_prop(&name, ajv_dot)),
            }
            tv4_path.push('/');
            tv4_path.push_str(&tv4_escape(&name));
            *inst = match *inst {
                Some(J::Object(m)) => m.get(&name),
                Some(J::Array(a)) => name.parse::<usize>().ok().and_then(|n| a.get(n)),
                _ => None,
            };
            *k += 1;
            (name, idx)
        };
        match kw {
            "properties" => {
                let name = eval[i + 1].clone();
                let pos = node
                    .get("properties")
                    .and_then(J::as_object)
                    .and_then(|m| m.keys().position(|k| *k == name))
                    .unwrap_or(0) as u64;
                let (_, didx) = consume(&mut k, true, &mut ajv_path, &mut tv4_path, &mut inst);
                match flavour {
                    Flavour::Ajv => key.extend([r, pos]),
                    Flavour::Tv4 => key.extend([r, didx, 0]),
                }
                node = node
                    .get("properties")
                    .and_then(|p| p.get(&name))
                    .unwrap_or(&J::Null);
                i += 2;
            }
            "patternProperties" => {
                let pat = eval[i + 1].clone();
                let pos = node
                    .get("patternProperties")
                    .and_then(J::as_object)
                    .and_then(|m| m.keys().position(|k| *k == pat))
                    .unwrap_or(0) as u64;
                let (_, didx) = consume(&mut k, false, &mut ajv_path, &mut tv4_path, &mut inst);
                match flavour {
                    Flavour::Ajv => key.extend([r, pos, didx]),
                    Flavour::Tv4 => key.extend([r, didx, 1]),
                }
                node = node
                    .get("patternProperties")
                    .and_then(|p| p.get(&pat))
                    .unwrap_or(&J::Null);
                i += 2;
            }
            "additionalProperties" | "additionalItems" | "contains" => {
                let (_, didx) = consume(&mut k, false, &mut ajv_path, &mut tv4_path, &mut inst);
                key.extend([r, didx, 2]);
                node = node.get(kw).unwrap_or(&J::Null);
                i += 1;
            }
            "items" => {
                let tuple = node.get("items").is_some_and(J::is_array)
                    && eval[i + 1].parse::<usize>().is_ok();
                let (_, didx) = consume(&mut k, false, &mut ajv_path, &mut tv4_path, &mut inst);
                key.extend([r, didx]);
                if tuple {
                    let n: usize = eval[i + 1].parse().unwrap_or(0);
                    node = node.get("items").and_then(|a| a.get(n)).unwrap_or(&J::Null);
                    i += 2;
                } else {
                    node = node.get("items").unwrap_or(&J::Null);
                    i += 1;
                }
            }
            "allOf" | "anyOf" | "oneOf" => {
                let n: usize = eval[i + 1].parse().unwrap_or(0);
                key.extend([r, n as u64]);
                node = node.get(kw).and_then(|a| a.get(n)).unwrap_or(&J::Null);
                i += 2;
            }
            "dependencies" => {
                let name = eval[i + 1].clone();
                key.extend([r, data_index(inst, &name)]);
                match node.get("dependencies").and_then(|d| d.get(&name)) {
                    Some(dep) if dep.is_object() || dep.is_boolean() => node = dep,
                    _ => {}
                }
                i += 2;
            }
            "not" | "if" | "then" | "else" | "propertyNames" => {
                key.push(r);
                node = node.get(kw).unwrap_or(&J::Null);
                i += 1;
            }
            _ => {
                key.push(r);
                i += 1;
            }
        }
    }
    // Whatever the walk could not place.
    let mut cur = inst;
    while k < inst_segs.len() {
        let name = &inst_segs[k];
        match cur {
            Some(J::Array(a)) => {
                ajv_path.push_str(&format!("[{name}]"));
                cur = name.parse::<usize>().ok().and_then(|n| a.get(n));
            }
            Some(J::Object(m)) => {
                ajv_path.push_str(&ajv_prop(name, true));
                cur = m.get(name);
            }
            _ => ajv_path.push_str(&ajv_prop(name, true)),
        }
        tv4_path.push('/');
        tv4_path.push_str(&tv4_escape(name));
        k += 1;
    }
    Walk {
        key,
        ajv_path,
        tv4_path,
        node,
        inst: cur,
    }
}

fn num(v: &J) -> J {
    v.clone()
}

fn type_names(kind: &TypeKind, node: &J) -> Vec<String> {
    if let Some(ts) = schema_types(node) {
        return ts;
    }
    match kind {
        TypeKind::Single(t) => vec![t.to_string()],
        TypeKind::Multiple(ts) => ts.iter().map(|t| t.to_string()).collect(),
    }
}

fn schema_types(node: &J) -> Option<Vec<String>> {
    match node.get("type")? {
        J::String(s) => Some(vec![s.clone()]),
        J::Array(a) => Some(
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect(),
        ),
        _ => None,
    }
}

/// Map one crate error to ajv or tv4 error objects (with sort keys).
fn expand(
    e: &ValidationError<'_>,
    schema: &J,
    data: &J,
    flavour: Flavour,
    all: bool,
    out: &mut Vec<(Vec<u64>, J)>,
) {
    let w = walk(e, schema, data, flavour);
    let schema_path = match flavour {
        Flavour::Ajv => e.schema_path().as_str().to_string(),
        // tv4 names the path it walked, through `$ref`s
        Flavour::Tv4 => e
            .evaluation_path()
            .iter()
            .map(|s| seg_str(&s))
            .filter(|s| s != "$ref")
            .map(|s| format!("/{}", tv4_escape(&s)))
            .collect::<String>(),
    };
    let keyword = e
        .schema_path()
        .iter()
        .last()
        .map(|s| seg_str(&s))
        .unwrap_or_default();
    let instance = e.instance();
    match flavour {
        Flavour::Ajv => ajv_errors(
            e,
            &w,
            schema,
            data,
            &schema_path,
            &keyword,
            instance,
            all,
            out,
        ),
        Flavour::Tv4 => tv4_errors(e, &w, schema, data, &schema_path, &keyword, instance, out),
    }
}

fn ajv_sp(path: &str) -> String {
    let segs: Vec<String> = path
        .split('/')
        .skip(1)
        .map(|s| escape_fragment(&s.replace("~1", "/").replace("~0", "~")))
        .collect();
    if segs.is_empty() {
        "#".into()
    } else {
        format!("#/{}", segs.join("/"))
    }
}

fn parent_path(p: &str) -> &str {
    match p.rfind('/') {
        Some(i) => &p[..i],
        None => "",
    }
}

#[allow(clippy::too_many_arguments)]
fn ajv_errors(
    e: &ValidationError<'_>,
    w: &Walk<'_>,
    schema: &J,
    data: &J,
    schema_path: &str,
    keyword: &str,
    instance: &J,
    all: bool,
    out: &mut Vec<(Vec<u64>, J)>,
) {
    let mk = |keyword: &str, sp: String, params: J, message: String| -> J {
        json!({"keyword": keyword, "dataPath": w.ajv_path, "schemaPath": sp, "params": params, "message": message})
    };
    let sp = ajv_sp(schema_path);
    let ctx_errors = |ctx: &Vec<Vec<ValidationError<'static>>>| -> J {
        let mut v = Vec::new();
        for branch in ctx {
            let mut b: Vec<(Vec<u64>, J)> = Vec::new();
            for be in branch {
                expand(be, schema, data, Flavour::Ajv, all, &mut b);
            }
            b.sort_by(|x, y| x.0.cmp(&y.0));
            if !all {
                b.truncate(1);
            }
            v.extend(b.into_iter().map(|x| x.1));
        }
        J::Array(v)
    };
    let e_obj = match e.kind() {
        ValidationErrorKind::Type { kind } => {
            let t = type_names(kind, w.node).join(",");
            mk("type", sp, json!({"type": t}), format!("should be {t}"))
        }
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default().to_string();
            if schema_path.contains("/dependencies/")
                || parent_path(schema_path).ends_with("/dependencies")
                || keyword != "required" && schema_path.contains("dependencies")
            {
                // property dependency
                let dep_prop = dependency_name(schema_path, w.node, w.inst, &name);
                let dep_list = w.node.get("dependencies").and_then(|d| d.get(&dep_prop));
                let deps = dep_list
                    .and_then(J::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(|v| v.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_else(|| name.clone());
                let count = dep_list.and_then(J::as_array).map(|a| a.len()).unwrap_or(1);
                let mp = if all {
                    name.clone()
                } else {
                    ajv_prop(&name, true)
                };
                let dsp = ajv_sp(
                    &schema_path[..schema_path
                        .find("/dependencies")
                        .map(|i| i + "/dependencies".len())
                        .unwrap_or(schema_path.len())],
                );
                let mut key = w.key.clone();
                key.pop();
                out.push((key, json!({"keyword": "dependencies", "dataPath": w.ajv_path, "schemaPath": dsp,
                    "params": {"property": dep_prop, "missingProperty": mp, "depsCount": count, "deps": deps},
                    "message": format!("should have property {deps} when property {dep_prop} is present")})));
                return;
            }
            // required properties that have their own non-empty schema in
            // `properties` are checked (and reported) by ajv's properties rule
            let props = w.node.get("properties").and_then(J::as_object);
            let in_props = props.and_then(|p| p.get(&name)).is_some_and(has_rules);
            let mut key = w.key.clone();
            let rsp = if sp.ends_with("/required") {
                sp.clone()
            } else {
                ajv_sp(parent_path(schema_path))
            };
            key.truncate(key.len().saturating_sub(1));
            if in_props {
                let pos = props
                    .and_then(|p| p.keys().position(|k| *k == name))
                    .unwrap_or(0) as u64;
                key.extend([ajv_rank("properties", w.node), pos]);
            } else {
                let pos = w
                    .node
                    .get("required")
                    .and_then(J::as_array)
                    .and_then(|a| a.iter().position(|v| v.as_str() == Some(&name)))
                    .unwrap_or(0) as u64;
                key.extend([ajv_rank("required", w.node), pos]);
            }
            let mp = if all || in_props {
                name.clone()
            } else {
                ajv_prop(&name, true)
            };
            out.push((
                key,
                mk(
                    "required",
                    rsp,
                    json!({"missingProperty": mp}),
                    format!("should have required property '{mp}'"),
                ),
            ));
            return;
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            for name in unexpected {
                let mut key = w.key.clone();
                key.push(data_key_index(w.inst, name));
                out.push((
                    key,
                    mk(
                        "additionalProperties",
                        sp.clone(),
                        json!({"additionalProperty": name}),
                        "should NOT have additional properties".into(),
                    ),
                ));
            }
            return;
        }
        ValidationErrorKind::Enum { options } => mk(
            "enum",
            sp,
            json!({"allowedValues": options.as_ref()}),
            "should be equal to one of the allowed values".into(),
        ),
        ValidationErrorKind::Constant { expected_value } => mk(
            "const",
            sp,
            json!({"allowedValue": expected_value.as_ref()}),
            "should be equal to constant".into(),
        ),
        ValidationErrorKind::Minimum { limit }
        | ValidationErrorKind::ExclusiveMinimum { limit }
        | ValidationErrorKind::Maximum { limit }
        | ValidationErrorKind::ExclusiveMaximum { limit } => {
            let is_min = matches!(
                e.kind(),
                ValidationErrorKind::Minimum { .. } | ValidationErrorKind::ExclusiveMinimum { .. }
            );
            let excl = matches!(
                e.kind(),
                ValidationErrorKind::ExclusiveMinimum { .. }
                    | ValidationErrorKind::ExclusiveMaximum { .. }
            ) || (keyword == "minimum"
                && w.node.get("exclusiveMinimum") == Some(&J::Bool(true)))
                || (keyword == "maximum" && w.node.get("exclusiveMaximum") == Some(&J::Bool(true)));
            let cmp = match (is_min, excl) {
                (true, false) => ">=",
                (true, true) => ">",
                (false, false) => "<=",
                (false, true) => "<",
            };
            let kw = if keyword.is_empty() {
                if is_min {
                    "minimum"
                } else {
                    "maximum"
                }
            } else {
                keyword
            };
            mk(
                kw,
                sp,
                json!({"comparison": cmp, "limit": num(limit), "exclusive": excl}),
                format!("should be {cmp} {}", limit),
            )
        }
        ValidationErrorKind::MultipleOf { multiple_of } => {
            let m = w
                .node
                .get("multipleOf")
                .cloned()
                .unwrap_or(json!(multiple_of));
            mk(
                "multipleOf",
                sp,
                json!({"multipleOf": m}),
                format!("should be multiple of {m}"),
            )
        }
        ValidationErrorKind::MinLength { limit } => mk(
            "minLength",
            sp,
            json!({"limit": limit}),
            format!("should NOT be shorter than {limit} characters"),
        ),
        ValidationErrorKind::MaxLength { limit } => mk(
            "maxLength",
            sp,
            json!({"limit": limit}),
            format!("should NOT be longer than {limit} characters"),
        ),
        ValidationErrorKind::Pattern { pattern } => mk(
            "pattern",
            sp,
            json!({"pattern": pattern}),
            format!("should match pattern \"{pattern}\""),
        ),
        ValidationErrorKind::Format { format } => mk(
            "format",
            sp,
            json!({"format": format}),
            format!("should match format \"{format}\""),
        ),
        ValidationErrorKind::MinItems { limit } => mk(
            "minItems",
            sp,
            json!({"limit": limit}),
            format!("should NOT have fewer than {limit} items"),
        ),
        ValidationErrorKind::MaxItems { limit } => mk(
            "maxItems",
            sp,
            json!({"limit": limit}),
            format!("should NOT have more than {limit} items"),
        ),
        ValidationErrorKind::AdditionalItems { limit } => mk(
            "additionalItems",
            sp,
            json!({"limit": limit}),
            format!("should NOT have more than {limit} items"),
        ),
        ValidationErrorKind::MinProperties { limit } => mk(
            "minProperties",
            sp,
            json!({"limit": limit}),
            format!("should NOT have fewer than {limit} properties"),
        ),
        ValidationErrorKind::MaxProperties { limit } => mk(
            "maxProperties",
            sp,
            json!({"limit": limit}),
            format!("should NOT have more than {limit} properties"),
        ),
        ValidationErrorKind::UniqueItems => {
            let item_type = w.node.get("items").and_then(schema_types);
            let deep = match &item_type {
                None => true,
                Some(ts) => ts.iter().any(|t| t == "object" || t == "array"),
            };
            let (i, j) = duplicate_pair(instance, deep);
            mk(
                "uniqueItems",
                sp,
                json!({"i": i, "j": j}),
                format!("should NOT have duplicate items (items ## {j} and {i} are identical)"),
            )
        }
        ValidationErrorKind::Contains => mk(
            "contains",
            sp,
            json!({}),
            "should contain a valid item".into(),
        ),
        ValidationErrorKind::Not { .. } => mk("not", sp, json!({}), "should NOT be valid".into()),
        ValidationErrorKind::AnyOf { context } => {
            let mut o = mk(
                "anyOf",
                sp,
                json!({}),
                "should match some schema in anyOf".into(),
            );
            o["__context"] = ctx_errors(context);
            o
        }
        ValidationErrorKind::OneOfNotValid { context } => {
            let mut o = mk(
                "oneOf",
                sp,
                json!({"passingSchemas": null}),
                "should match exactly one schema in oneOf".into(),
            );
            o["__context"] = ctx_errors(context);
            o
        }
        ValidationErrorKind::OneOfMultipleValid { .. } => {
            let passing: Vec<usize> = w
                .node
                .get("oneOf")
                .and_then(J::as_array)
                .map(|a| {
                    a.iter()
                        .enumerate()
                        .filter(|(_, s)| {
                            jsonschema::options()
                                .with_draft(Draft::Draft7)
                                .build(s)
                                .map(|v| v.is_valid(instance))
                                .unwrap_or(false)
                        })
                        .map(|(i, _)| i)
                        .take(2)
                        .collect()
                })
                .unwrap_or_default();
            mk(
                "oneOf",
                sp,
                json!({"passingSchemas": passing}),
                "should match exactly one schema in oneOf".into(),
            )
        }
        ValidationErrorKind::PropertyNames { error } => {
            let name = instance_str(error.instance());
            let mut inner: Vec<(Vec<u64>, J)> = Vec::new();
            expand(error, schema, data, Flavour::Ajv, all, &mut inner);
            let mut ctx = Vec::new();
            for (_, mut ie) in inner {
                ie["dataPath"] = json!(w.ajv_path);
                if let Some(o) = ie.as_object_mut() {
                    o.insert("propertyName".into(), json!(name));
                }
                ctx.push(ie);
            }
            let mut o = mk(
                "propertyNames",
                sp,
                json!({"propertyName": name}),
                format!("property name '{name}' is invalid"),
            );
            o["__context"] = J::Array(ctx);
            o
        }
        ValidationErrorKind::FalseSchema => mk(
            "false schema",
            sp,
            json!({}),
            "boolean schema is false".into(),
        ),
        other => mk(keyword, sp, json!({}), format!("{other:?}")),
    };
    out.push((w.key.clone(), e_obj));
}

fn instance_str(v: &J) -> String {
    match v {
        J::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The property whose dependency failed: from the schema path when it
/// names it, else the first present key whose dependency list has `missing`.
fn dependency_name(schema_path: &str, node: &J, inst: Option<&J>, missing: &str) -> String {
    let segs: Vec<&str> = schema_path.split('/').collect();
    if let Some(name) = segs
        .iter()
        .position(|s| *s == "dependencies")
        .and_then(|i| segs.get(i + 1))
    {
        if !name.is_empty() && name.parse::<usize>().is_err() {
            return name.replace("~1", "/").replace("~0", "~");
        }
    }
    let deps = node.get("dependencies").and_then(J::as_object);
    let obj = inst.and_then(J::as_object);
    if let (Some(deps), Some(obj)) = (deps, obj) {
        for (k, v) in deps {
            if obj.contains_key(k)
                && v.as_array()
                    .is_some_and(|a| a.iter().any(|x| x.as_str() == Some(missing)))
            {
                return k.clone();
            }
        }
    }
    String::new()
}

fn has_rules(s: &J) -> bool {
    match s {
        J::Object(m) => !m.is_empty(),
        J::Bool(b) => !b,
        _ => false,
    }
}

fn data_key_index(inst: Option<&J>, name: &str) -> u64 {
    match inst {
        Some(J::Object(m)) => m.keys().position(|k| k == name).unwrap_or(0) as u64,
        _ => 0,
    }
}

/// The pair ajv names for duplicate items: `(i, j)`.
fn duplicate_pair(v: &J, deep: bool) -> (usize, usize) {
    let Some(a) = v.as_array() else { return (0, 0) };
    let eq = |x: &J, y: &J| json_eq(x, y);
    if deep {
        for i in (0..a.len()).rev() {
            for j in (0..i).rev() {
                if eq(&a[i], &a[j]) {
                    return (i, j);
                }
            }
        }
    } else {
        let mut seen: Vec<(&J, usize)> = Vec::new();
        for i in (0..a.len()).rev() {
            if let Some((_, j)) = seen.iter().find(|(x, _)| eq(x, &a[i])) {
                return (i, *j);
            }
            seen.push((&a[i], i));
        }
    }
    (0, 0)
}

fn json_eq(a: &J, b: &J) -> bool {
    match (a, b) {
        (J::Number(x), J::Number(y)) => x.as_f64() == y.as_f64(),
        (J::Array(x), J::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| json_eq(p, q))
        }
        (J::Object(x), J::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}

#[allow(clippy::too_many_arguments)]
fn tv4_errors(
    e: &ValidationError<'_>,
    w: &Walk<'_>,
    schema: &J,
    data: &J,
    schema_path: &str,
    keyword: &str,
    instance: &J,
    out: &mut Vec<(Vec<u64>, J)>,
) {
    let node_path = {
        let segs: Vec<String> = e.evaluation_path().iter().map(|s| seg_str(&s)).collect();
        segs[..segs.len().saturating_sub(1)].join("/")
    };
    let mk = |code: u32, message: String, params: J, data_path: &str, sp: &str| -> J {
        json!({"message": message, "params": params, "code": code, "dataPath": data_path, "schemaPath": sp, "subErrors": null, "__node": node_path})
    };
    let dp = w.tv4_path.as_str();
    let sub = |ctx: &Vec<Vec<ValidationError<'static>>>| -> J {
        let mut v = Vec::new();
        for branch in ctx {
            let mut b: Vec<(Vec<u64>, J)> = Vec::new();
            for be in branch {
                expand(be, schema, data, Flavour::Tv4, false, &mut b);
            }
            b.sort_by(|x, y| x.0.cmp(&y.0));
            v.extend(b.into_iter().take(1).map(|x| x.1));
        }
        J::Array(v)
    };
    let num_s = |v: &J| v.to_string();
    let o = match e.kind() {
        ValidationErrorKind::Type { kind } => {
            let expected = type_names(kind, w.node).join("/");
            let t = js_type(instance);
            mk(
                0,
                format!("Invalid type: {t} (expected {expected})"),
                json!({"type": t, "expected": expected}),
                dp,
                schema_path,
            )
        }
        ValidationErrorKind::Enum { .. } => {
            let v = instance.to_string();
            mk(
                1,
                format!("No enum match for: {v}"),
                json!({"value": v}),
                dp,
                &format!("{}/type", parent_path(schema_path)),
            )
        }
        ValidationErrorKind::AnyOf { context } => {
            let mut o = mk(
                10,
                "Data does not match any schemas from \"anyOf\"".into(),
                json!({}),
                dp,
                schema_path,
            );
            o["subErrors"] = sub(context);
            o
        }
        ValidationErrorKind::OneOfNotValid { context } => {
            let mut o = mk(
                11,
                "Data does not match any schemas from \"oneOf\"".into(),
                json!({}),
                dp,
                schema_path,
            );
            o["subErrors"] = sub(context);
            o
        }
        ValidationErrorKind::OneOfMultipleValid { .. } => {
            let passing: Vec<usize> = w
                .node
                .get("oneOf")
                .and_then(J::as_array)
                .map(|a| {
                    a.iter()
                        .enumerate()
                        .filter(|(_, s)| {
                            jsonschema::options()
                                .with_draft(Draft::Draft4)
                                .build(s)
                                .map(|v| v.is_valid(instance))
                                .unwrap_or(false)
                        })
                        .map(|(i, _)| i)
                        .take(2)
                        .collect()
                })
                .unwrap_or_default();
            let (a, b) = (
                passing.first().copied().unwrap_or(0),
                passing.get(1).copied().unwrap_or(1),
            );
            mk(12, format!("Data is valid against more than one schema from \"oneOf\": indices {a} and {b}"), json!({"index1": a, "index2": b}), dp, schema_path)
        }
        ValidationErrorKind::Not { .. } => mk(
            13,
            "Data matches schema from \"not\"".into(),
            json!({}),
            dp,
            schema_path,
        ),
        ValidationErrorKind::MultipleOf { .. } => {
            let m = w.node.get("multipleOf").cloned().unwrap_or(J::Null);
            mk(
                100,
                format!(
                    "Value {} is not a multiple of {}",
                    num_s(instance),
                    num_s(&m)
                ),
                json!({"value": instance, "multipleOf": m}),
                dp,
                "",
            )
        }
        ValidationErrorKind::Minimum { limit }
        | ValidationErrorKind::ExclusiveMinimum { limit } => {
            if matches!(e.kind(), ValidationErrorKind::ExclusiveMinimum { .. })
                || w.node.get("exclusiveMinimum") == Some(&J::Bool(true))
            {
                mk(
                    102,
                    format!(
                        "Value {} is equal to exclusive minimum {}",
                        num_s(instance),
                        num_s(limit)
                    ),
                    json!({"value": instance, "minimum": limit}),
                    dp,
                    &format!("{}/exclusiveMinimum", parent_path(schema_path)),
                )
            } else {
                mk(
                    101,
                    format!(
                        "Value {} is less than minimum {}",
                        num_s(instance),
                        num_s(limit)
                    ),
                    json!({"value": instance, "minimum": limit}),
                    dp,
                    schema_path,
                )
            }
        }
        ValidationErrorKind::Maximum { limit }
        | ValidationErrorKind::ExclusiveMaximum { limit } => {
            if matches!(e.kind(), ValidationErrorKind::ExclusiveMaximum { .. })
                || w.node.get("exclusiveMaximum") == Some(&J::Bool(true))
            {
                mk(
                    104,
                    format!(
                        "Value {} is equal to exclusive maximum {}",
                        num_s(instance),
                        num_s(limit)
                    ),
                    json!({"value": instance, "maximum": limit}),
                    dp,
                    &format!("{}/exclusiveMaximum", parent_path(schema_path)),
                )
            } else {
                mk(
                    103,
                    format!(
                        "Value {} is greater than maximum {}",
                        num_s(instance),
                        num_s(limit)
                    ),
                    json!({"value": instance, "maximum": limit}),
                    dp,
                    schema_path,
                )
            }
        }
        ValidationErrorKind::MinLength { limit } => {
            let n = instance
                .as_str()
                .map(|s| s.encode_utf16().count())
                .unwrap_or(0);
            mk(
                200,
                format!("String is too short ({n} chars), minimum {limit}"),
                json!({"length": n, "minimum": limit}),
                dp,
                schema_path,
            )
        }
        ValidationErrorKind::MaxLength { limit } => {
            let n = instance
                .as_str()
                .map(|s| s.encode_utf16().count())
                .unwrap_or(0);
            mk(
                201,
                format!("String is too long ({n} chars), maximum {limit}"),
                json!({"length": n, "maximum": limit}),
                dp,
                schema_path,
            )
        }
        ValidationErrorKind::Pattern { pattern } => mk(
            202,
            format!("String does not match pattern: {pattern}"),
            json!({"pattern": pattern, "value": instance}),
            dp,
            schema_path,
        ),
        ValidationErrorKind::MinProperties { limit } => {
            let n = instance.as_object().map(Map::len).unwrap_or(0);
            mk(
                300,
                format!("Too few properties defined ({n}), minimum {limit}"),
                json!({"propertyCount": n, "minimum": limit}),
                dp,
                schema_path,
            )
        }
        ValidationErrorKind::MaxProperties { limit } => {
            let n = instance.as_object().map(Map::len).unwrap_or(0);
            mk(
                301,
                format!("Too many properties defined ({n}), maximum {limit}"),
                json!({"propertyCount": n, "maximum": limit}),
                dp,
                schema_path,
            )
        }
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default().to_string();
            if schema_path.contains("dependencies") {
                let key = dependency_name(schema_path, w.node, w.inst, &name);
                let idx = w
                    .node
                    .get("dependencies")
                    .and_then(|d| d.get(&key))
                    .and_then(J::as_array)
                    .and_then(|a| a.iter().position(|v| v.as_str() == Some(&name)))
                    .unwrap_or(0);
                let base = &schema_path[..schema_path
                    .find("/dependencies")
                    .map(|i| i + "/dependencies".len())
                    .unwrap_or(0)];
                mk(
                    304,
                    format!("Dependency failed - key must exist: {name} (due to key: {key})"),
                    json!({"key": key, "missing": name}),
                    dp,
                    &format!("{base}/{}/{idx}", tv4_escape(&key)),
                )
            } else {
                let idx = w
                    .node
                    .get("required")
                    .and_then(J::as_array)
                    .and_then(|a| a.iter().position(|v| v.as_str() == Some(&name)))
                    .unwrap_or(0);
                let base = if schema_path.ends_with("/required") {
                    schema_path.to_string()
                } else {
                    format!("{}/required", parent_path(schema_path))
                };
                let mut key = w.key.clone();
                key.push(idx as u64);
                out.push((
                    key,
                    mk(
                        302,
                        format!("Missing required property: {name}"),
                        json!({"key": name}),
                        dp,
                        &format!("{base}/{idx}"),
                    ),
                ));
                return;
            }
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            for name in unexpected {
                let mut key = w.key.clone();
                key.truncate(key.len().saturating_sub(1));
                key.extend([tv4_rank("properties"), data_key_index(w.inst, name), 2]);
                let p = format!("{dp}/{}", tv4_escape(name));
                out.push((
                    key,
                    mk(
                        303,
                        "Additional properties not allowed".into(),
                        json!({"key": name}),
                        &p,
                        schema_path,
                    ),
                ));
            }
            return;
        }
        ValidationErrorKind::MinItems { limit } => {
            let n = instance.as_array().map(Vec::len).unwrap_or(0);
            mk(
                400,
                format!("Array is too short ({n}), minimum {limit}"),
                json!({"length": n, "minimum": limit}),
                dp,
                schema_path,
            )
        }
        ValidationErrorKind::MaxItems { limit } => {
            let n = instance.as_array().map(Vec::len).unwrap_or(0);
            mk(
                401,
                format!("Array is too long ({n}), maximum {limit}"),
                json!({"length": n, "maximum": limit}),
                dp,
                schema_path,
            )
        }
        ValidationErrorKind::UniqueItems => {
            let (mut a, mut b) = (0, 0);
            if let Some(arr) = instance.as_array() {
                'o: for i in 0..arr.len() {
                    for j in i + 1..arr.len() {
                        if json_eq(&arr[i], &arr[j]) {
                            (a, b) = (i, j);
                            break 'o;
                        }
                    }
                }
            }
            mk(
                402,
                format!("Array items are not unique (indices {a} and {b})"),
                json!({"match1": a, "match2": b}),
                dp,
                schema_path,
            )
        }
        ValidationErrorKind::AdditionalItems { limit } => {
            let p = format!("{dp}/{limit}");
            mk(
                403,
                "Additional items not allowed".into(),
                json!({}),
                &p,
                schema_path,
            )
        }
        ValidationErrorKind::Format { format } => mk(
            500,
            format!("Format validation failed ({format})"),
            json!({"format": format, "message": format}),
            dp,
            schema_path,
        ),
        ValidationErrorKind::FalseSchema => mk(
            0,
            "Data matches a false schema".into(),
            json!({}),
            dp,
            schema_path,
        ),
        other => mk(
            501,
            format!("Keyword failed: {keyword} ({other:?})"),
            json!({"key": keyword}),
            dp,
            schema_path,
        ),
    };
    out.push((w.key.clone(), o));
}

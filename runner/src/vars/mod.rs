//! Variables: scopes with Newman's precedence, `{{name}}` resolution and the
//! dynamic `$`-variables.

pub mod dynamic;
mod resolve;
mod scope;

pub use resolve::{resolve, resolve_with, Resolver};
pub use scope::{Scopes, VarList};

/// Render a JSON number the way JavaScript's `String(n)` does, since
/// variable values reach requests through Newman's JS string conversion.
pub fn number_to_js_string(n: &serde_json::Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    let f = n.as_f64().unwrap_or(f64::NAN);
    f64_to_js_string(f)
}

/// `String(f)` for a double, following ECMAScript's Number::toString.
pub fn f64_to_js_string(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    if f == 0.0 {
        return "0".into();
    }
    if f.fract() == 0.0 && f.abs() < 1e21 {
        return format!("{f:.0}");
    }
    let abs = f.abs();
    if (1e-7..1e21).contains(&abs) {
        // Rust's shortest round-trip representation matches JS in this range.
        return format!("{f}");
    }
    // Exponential form: JS writes 1e+21, 1.5e-7.
    let s = format!("{f:e}");
    match s.split_once('e') {
        Some((m, e)) if !e.starts_with('-') => format!("{m}e+{e}"),
        _ => s,
    }
}

/// The text a variable value contributes when it replaces `{{name}}`,
/// following the SDK: strings as they are, numbers and booleans via JS
/// `String()`, objects as `[object Object]`, arrays comma-joined, `null`
/// as `null`.
pub fn value_to_text(v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    Some(match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => number_to_js_string(n),
        Value::Bool(b) => b.to_string(),
        // A variable that exists with a null value resolves, as JS's String(null).
        Value::Null => "null".into(),
        Value::Object(_) => "[object Object]".into(),
        Value::Array(a) => a
            .iter()
            .map(|x| match x {
                Value::Null => String::new(),
                other => value_to_text(other).unwrap_or_default(),
            })
            .collect::<Vec<_>>()
            .join(","),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn js_number_formatting() {
        assert_eq!(f64_to_js_string(1.5), "1.5");
        assert_eq!(f64_to_js_string(1e21), "1e+21");
        assert_eq!(f64_to_js_string(100.0), "100");
        assert_eq!(f64_to_js_string(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(f64_to_js_string(-0.0), "0");
    }
}

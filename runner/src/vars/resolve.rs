//! `{{name}}` substitution as the Postman SDK does it: the innermost tokens
//! first, repeated while anything changed (at most 19 passes), unresolved
//! tokens left as written, dynamic variables generated per occurrence unless
//! a user variable of the same name exists.

use super::dynamic;
use super::scope::Scopes;

const MAX_PASSES: usize = 19;

/// Anything that can answer a variable name.
pub trait Resolver {
    fn lookup(&self, name: &str) -> Option<String>;
}

impl Resolver for Scopes {
    fn lookup(&self, name: &str) -> Option<String> {
        match self.get(name) {
            Some(v) => super::value_to_text(v),
            None => None,
        }
    }
}

/// Resolve `{{…}}` tokens in `text` against the scopes.
pub fn resolve(text: &str, scopes: &Scopes) -> String {
    resolve_with(text, scopes)
}

pub fn resolve_with<R: Resolver + ?Sized>(text: &str, r: &R) -> String {
    if !text.contains("{{") {
        return text.to_string();
    }
    let mut current = text.to_string();
    for _ in 0..MAX_PASSES {
        let (next, changed) = one_pass(&current, r);
        current = next;
        if !changed {
            break;
        }
    }
    current
}

/// One pass: replace every `{{name}}` whose name holds no brace, scanning
/// left to right like the SDK's `/\{\{([^{}]*?)}}/g`.
fn one_pass<R: Resolver + ?Sized>(text: &str, r: &R) -> (String, bool) {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut copied = 0;
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'{' && bytes[i + 1] == b'{' {
            let mut j = i + 2;
            while j < bytes.len() && bytes[j] != b'{' && bytes[j] != b'}' {
                j += 1;
            }
            if j + 1 < bytes.len() && bytes[j] == b'}' && bytes[j + 1] == b'}' {
                let name = &text[i + 2..j];
                let value = r.lookup(name).or_else(|| {
                    if name.starts_with('$') {
                        dynamic::generate(name)
                    } else {
                        None
                    }
                });
                if let Some(v) = value {
                    out.push_str(&text[copied..i]);
                    out.push_str(&v);
                    changed = true;
                    copied = j + 2;
                }
                i = j + 2;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&text[copied..]);
    (out, changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vars::VarList;
    use serde_json::json;

    fn scopes(pairs: &[(&str, serde_json::Value)]) -> Scopes {
        let mut s = Scopes::default();
        for (k, v) in pairs {
            s.environment.set(k, v.clone());
        }
        s
    }

    #[test]
    fn nested_tokens_resolve_innermost_first() {
        let s = scopes(&[
            ("i", json!("2")),
            ("a2", json!("two")),
            ("one", json!("x")),
            ("host.x", json!("h")),
        ]);
        assert_eq!(resolve("{{a{{i}}}}", &s), "two");
        assert_eq!(resolve("http://{{host.{{one}}}}/p", &s), "http://h/p");
    }

    #[test]
    fn unresolved_tokens_stay_as_written() {
        let s = scopes(&[("a", json!("1"))]);
        assert_eq!(resolve("{{a}}-{{novar}}-{{a}}", &s), "1-{{novar}}-1");
        assert_eq!(resolve("{ {{a}} }", &s), "{ 1 }");
        assert_eq!(resolve("{{{a}}}", &s), "{1}");
        assert_eq!(resolve("}}{{", &s), "}}{{");
    }

    #[test]
    fn values_use_js_string_conversion() {
        let s = scopes(&[
            ("n", json!(1.5)),
            ("b", json!(true)),
            ("o", json!({"a": 1})),
            ("arr", json!([1, "x"])),
        ]);
        assert_eq!(
            resolve("{{n}} {{b}} {{o}} {{arr}}", &s),
            "1.5 true [object Object] 1,x"
        );
    }

    #[test]
    fn names_may_hold_odd_characters() {
        let s = scopes(&[
            ("fo/o", json!("1")),
            ("b\\ar", json!("2")),
            ("#foo#", json!("3")),
        ]);
        assert_eq!(resolve("{{fo/o}}{{b\\ar}}{{#foo#}}", &s), "123");
    }

    #[test]
    fn precedence_local_data_env_collection_globals() {
        let mut s = Scopes::default();
        s.globals.set("x", json!("g"));
        assert_eq!(resolve("{{x}}", &s), "g");
        s.collection.set("x", json!("c"));
        assert_eq!(resolve("{{x}}", &s), "c");
        s.environment.set("x", json!("e"));
        assert_eq!(resolve("{{x}}", &s), "e");
        s.data = VarList::from_object(
            json!({"x": "d"})
                .as_object()
                .cloned()
                .as_ref()
                .unwrap_or(&Default::default()),
        );
        assert_eq!(resolve("{{x}}", &s), "d");
        s.local.set("x", json!("l"));
        assert_eq!(resolve("{{x}}", &s), "l");
    }

    #[test]
    fn user_variable_shadows_dynamic_and_dynamic_is_generated() {
        let mut s = Scopes::default();
        let g = resolve("{{$guid}}", &s);
        assert_eq!(g.len(), 36);
        s.environment.set("$guid", json!("mine"));
        assert_eq!(resolve("{{$guid}}", &s), "mine");
    }

    #[test]
    fn recursion_is_bounded() {
        let s = scopes(&[("a", json!("{{a}}"))]);
        assert_eq!(resolve("{{a}}", &s), "{{a}}");
    }
}

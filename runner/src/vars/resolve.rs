//! `{{name}}` substitution as the Postman SDK does it: the innermost tokens
//! first, repeated while anything changed (at most 19 passes), unresolved
//! tokens left as written, dynamic variables generated per occurrence unless
//! a user variable of the same name exists.

use super::dynamic;
use super::scope::Scopes;
use serde_json::Value;

const MAX_PASSES: usize = 19;

/// Substitution stops growing the text past this many bytes (or past the
/// input's own length, if that is larger): a token whose value would take
/// the result over the limit is left as written. Without it, variables
/// that expand into several copies of themselves multiply the text on
/// every pass, 19 times over, until the process runs out of memory (Newman
/// fails such a run with `Invalid string length`).
pub const MAX_RESOLVED_LEN: usize = 64 * 1024 * 1024;

/// Anything that can answer a variable name.
pub trait Resolver {
    fn lookup(&self, name: &str) -> Option<String>;
}

impl Resolver for Scopes {
    /// Newman's precedence, except that a `null` in the iteration data
    /// leaves the token unresolved (its runtime resolves requests with a
    /// data scope that holds no value for it, and stops there); scripts
    /// still see the null.
    fn lookup(&self, name: &str) -> Option<String> {
        if self.local.get(name).is_none() && self.data.get(name).is_some_and(Value::is_null) {
            return None;
        }
        let v = self.variable(name)?;
        // `undefined` resolves to an empty string, not "undefined".
        if v.undefined {
            return Some(String::new());
        }
        super::value_to_text(&v.value)
    }
}

/// Resolve `{{…}}` tokens in `text` against the scopes.
pub fn resolve(text: &str, scopes: &Scopes) -> String {
    resolve_with(text, scopes)
}

pub fn resolve_with<R: Resolver + ?Sized>(text: &str, r: &R) -> String {
    resolve_within(text, r, MAX_RESOLVED_LEN)
}

/// [`resolve_with`] with the result kept within `limit` bytes (or the
/// length of `text`, if larger): at the first token whose value does not
/// fit, it and the rest of the text are left as written and substitution
/// stops.
fn resolve_within<R: Resolver + ?Sized>(text: &str, r: &R, limit: usize) -> String {
    if !text.contains("{{") {
        return text.to_string();
    }
    let limit = limit.max(text.len());
    let mut current = text.to_string();
    for _ in 0..MAX_PASSES {
        let (next, pass) = one_pass(&current, r, limit);
        current = next;
        if pass != Pass::Changed {
            break;
        }
    }
    current
}

#[derive(Debug, PartialEq)]
enum Pass {
    Changed,
    Unchanged,
    /// A value did not fit within the limit.
    Full,
}

/// One pass: replace every `{{name}}` whose name holds no brace, scanning
/// left to right like the SDK's `/\{\{([^{}]*?)}}/g`, until a value would
/// take the result past `limit` bytes.
fn one_pass<R: Resolver + ?Sized>(text: &str, r: &R, limit: usize) -> (String, Pass) {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut pass = Pass::Unchanged;
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
                    // The length with this token replaced and the rest kept.
                    if out.len() + (i - copied) + v.len() + (bytes.len() - (j + 2)) > limit {
                        pass = Pass::Full;
                        break;
                    }
                    out.push_str(&text[copied..i]);
                    out.push_str(&v);
                    pass = Pass::Changed;
                    copied = j + 2;
                }
                i = j + 2;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&text[copied..]);
    (out, pass)
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
    fn null_in_iteration_data_leaves_the_token_unresolved() {
        let mut s = Scopes::default();
        s.environment.set("nil", json!("from env"));
        s.data = VarList::from_object(
            json!({"nil": null})
                .as_object()
                .cloned()
                .as_ref()
                .unwrap_or(&Default::default()),
        );
        assert_eq!(resolve("{{nil}}", &s), "{{nil}}");
        s.local.set("nil", json!(null));
        assert_eq!(resolve("{{nil}}", &s), "null");
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

    #[test]
    fn self_multiplying_variables_stay_bounded() {
        // Found while writing the resolve fuzz target: each pass multiplied the text
        // by ten, 19 times over (5 × 10^19 bytes), and the process aborted.
        let s = scopes(&[("a", json!("{{a}}".repeat(10)))]);
        let out = resolve("{{a}}", &s);
        assert!(out.len() <= MAX_RESOLVED_LEN, "{}", out.len());
        assert!(out.len() > MAX_RESOLVED_LEN / 20, "{}", out.len());
        assert!(out.starts_with("{{a}}"));
        let small = resolve_within("{{a}}", &s, 1000);
        assert!(small.len() <= 1000 && small.len() > 500, "{}", small.len());
        // One huge value is substituted while it fits, and left as
        // written when it cannot.
        let big = "x".repeat(MAX_RESOLVED_LEN / 2);
        let s = scopes(&[("big", json!(big))]);
        assert_eq!(resolve("{{big}}", &s).len(), MAX_RESOLVED_LEN / 2);
        let out = resolve("{{big}}{{big}}{{big}}", &s);
        assert_eq!(out.len(), MAX_RESOLVED_LEN / 2 + "{{big}}{{big}}".len());
        assert!(out.ends_with("x{{big}}{{big}}"));
    }
}

#[cfg(test)]
mod proptests {
    //! Properties of the resolver over generated templates and variables.
    //! Names are drawn without `$`, so no dynamic variable is involved.

    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    /// Text with no braces at all.
    fn plain() -> impl Strategy<Value = String> {
        "[^{}$]{0,24}"
    }

    fn name() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9_.\\-]{1,8}"
    }

    /// Templates mixing text, braces and tokens.
    fn template() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                plain(),
                name().prop_map(|n| format!("{{{{{n}}}}}")),
                Just("{".to_string()),
                Just("}".to_string()),
                Just("{{".to_string()),
                Just("}}".to_string()),
            ],
            0..12,
        )
        .prop_map(|parts| parts.concat())
    }

    fn env(vars: &[(String, String)]) -> Scopes {
        let mut s = Scopes::default();
        for (k, v) in vars {
            s.environment.set(k, json!(v));
        }
        s
    }

    proptest! {
        #[test]
        fn text_without_double_braces_is_returned_as_is(text in "[^$]{0,64}", vars in proptest::collection::vec((name(), plain()), 0..4)) {
            prop_assume!(!text.contains("{{"));
            prop_assert_eq!(resolve(&text, &env(&vars)), text);
        }

        #[test]
        fn unknown_names_stay_as_written(text in template()) {
            prop_assert_eq!(resolve(&text, &Scopes::default()), text);
        }

        #[test]
        fn a_token_between_plain_texts_becomes_its_value(a in plain(), b in plain(), k in name(), v in plain()) {
            let s = env(&[(k.clone(), v.clone())]);
            prop_assert_eq!(resolve(&format!("{a}{{{{{k}}}}}{b}"), &s), format!("{a}{v}{b}"));
        }

        #[test]
        fn resolving_twice_changes_nothing_more(text in template(), vars in proptest::collection::vec((name(), plain()), 0..6)) {
            // With brace-free values every pass removes tokens, so the
            // result is a fixed point.
            let s = env(&vars);
            let once = resolve(&text, &s);
            prop_assert_eq!(resolve(&once, &s), once);
        }

        #[test]
        fn values_are_never_resolved_past_nineteen_levels(depth in 1usize..40) {
            // v0 → {{v1}} → … → {{v<depth>}} = "end"
            let mut vars: Vec<(String, String)> = (0..depth).map(|i| (format!("v{i}"), format!("{{{{v{}}}}}", i + 1))).collect();
            vars.push((format!("v{depth}"), "end".into()));
            let out = resolve("{{v0}}", &env(&vars));
            if depth < MAX_PASSES {
                prop_assert_eq!(out, "end");
            } else {
                prop_assert_eq!(out, format!("{{{{v{MAX_PASSES}}}}}"));
            }
        }

        #[test]
        fn output_is_bounded_for_any_variables(text in template(), vars in proptest::collection::vec((name(), template()), 0..6), copies in 1usize..64) {
            // Values that hold tokens (possibly their own) repeated many
            // times: the output never exceeds the limit.
            let vars: Vec<(String, String)> = vars.into_iter().map(|(k, v)| (k, v.repeat(copies))).collect();
            let out = resolve_within(&text, &env(&vars), 4096);
            prop_assert!(out.len() <= text.len().max(4096), "{}", out.len());
        }
    }
}

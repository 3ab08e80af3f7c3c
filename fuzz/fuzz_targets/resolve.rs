//! The `{{}}` resolver: arbitrary variables (in every scope) and an
//! arbitrary template. Besides not panicking, the output must stay bounded
//! (variables that expand into themselves must not blow up memory).
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use postgate::vars::{resolve, Scopes};
use serde_json::Value;

#[derive(Arbitrary, Debug)]
struct Input {
    vars: Vec<(u8, String, String)>,
    template: String,
}

fuzz_target!(|input: Input| {
    let mut scopes = Scopes::default();
    for (scope, key, value) in &input.vars {
        let list = match scope % 5 {
            0 => &mut scopes.local,
            1 => &mut scopes.data,
            2 => &mut scopes.environment,
            3 => &mut scopes.collection,
            _ => &mut scopes.globals,
        };
        list.set(key, Value::String(value.clone()));
    }
    let out = resolve(&input.template, &scopes);
    if !input.template.contains("{{") {
        assert_eq!(out, input.template);
    }
});

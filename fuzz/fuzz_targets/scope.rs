//! Environment and globals loader: bytes → decode_text → JSON →
//! scope_from_value, as an environment and as globals.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use postgate::collection::{decode_text, json_text, scope_from_value};
use postgate::error::InputKind;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.postman_environment.json");
    let text = decode_text(data);
    let Ok(doc) = json_text(&text, path, InputKind::Environment) else {
        return;
    };
    let _ = scope_from_value(doc.clone(), path, InputKind::Environment);
    let _ = scope_from_value(doc, path, InputKind::Globals);
});

//! Collection loader: bytes → decode_text → JSON → collection_from_value;
//! then every request of a loaded collection goes through the URL printer,
//! the request JSON and the request builder (no variables).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use postgate::collection::{collection_from_value, decode_text, json_text, Item};
use postgate::error::InputKind;
use postgate::request::{build, request_to_json, url::PmUrl, BuildContext};
use postgate::vars::Scopes;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.postman_collection.json");
    let text = decode_text(data);
    let Ok(doc) = json_text(&text, path, InputKind::Collection) else {
        return;
    };
    let Ok(collection) = collection_from_value(doc, path) else {
        return;
    };
    let scopes = Scopes::default();
    let empty = std::env::temp_dir().join("postgate-fuzz-empty");
    let _ = std::fs::create_dir_all(&empty);
    let mut stack: Vec<&Item> = collection.items.iter().collect();
    while let Some(item) = stack.pop() {
        match item {
            Item::Folder(f) => stack.extend(f.items.iter()),
            Item::Request(r) => {
                let def = &r.request;
                let _ = request_to_json(def);
                let _ = PmUrl::from_def(&def.url).to_sdk_string();
                let cx = BuildContext {
                    scopes: &scopes,
                    auth: def.auth.as_ref(),
                    working_dir: &empty,
                    restrict_files: true,
                    disable_body_pruning: false,
                    disabled_system_headers: Vec::new(),
                };
                let _ = build(def, &cx);
            }
        }
    }
});

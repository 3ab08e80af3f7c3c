//! Iteration data loader: bytes → decode_text → parse_iteration_data (JSON
//! first, then CSV with Newman's casting).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use postgate::collection::decode_text;
use postgate::data::parse_iteration_data;

fuzz_target!(|data: &[u8]| {
    let text = decode_text(data);
    let _ = parse_iteration_data(&text, Path::new("fuzz.csv"));
});

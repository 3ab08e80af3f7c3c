//! The Postman collection model (v2.0.0 and v2.1.0), environments and
//! globals, and loading them from files with errors that name the file and
//! the JSON path of what is wrong.

mod load;
mod model;
pub mod parse;

pub use load::{
    collection_from_value, decode_text, json_text, load_collection, load_scope_file,
    read_json_file, scope_from_value, LoadedScope,
};
pub use model::*;

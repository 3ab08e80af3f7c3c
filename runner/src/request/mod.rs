//! Building the HTTP request Newman would send for an item: variables
//! resolved, URL from raw text or parts, query and path variables, headers,
//! every body mode, auth applied, system headers added, bodies pruned for
//! methods that carry none; and the Postman JSON of a request, resolved
//! (what was sent) and unresolved (what pre-request scripts see).

mod body;
mod build;
mod to_json;
pub mod url;

pub use body::{language_content_type, mime_for, prunes_body, strip_json_comments, PPERM};
pub use build::{build, note_sent_headers, BuildContext, BuildError, USER_AGENT};
pub use to_json::request_to_json;

/// Encode a query parameter key as it appears in a sent URL (`&`, `#`, `=`
/// escaped, then the query encode set).
pub fn encode_query_key(s: &str) -> String {
    let u = url::PmUrl {
        query: vec![url::Query {
            key: Some(s.to_string()),
            value: None,
            disabled: false,
        }],
        ..Default::default()
    };
    url::encode(&u.query_string().unwrap_or_default(), url::Set::Query)
}

/// Encode a query parameter value as it appears in a sent URL.
pub fn encode_query_value(s: &str) -> String {
    let u = url::PmUrl {
        query: vec![url::Query {
            key: Some(String::new()),
            value: Some(s.to_string()),
            disabled: false,
        }],
        ..Default::default()
    };
    let q = u.query_string().unwrap_or_default();
    url::encode(q.trim_start_matches('='), url::Set::Query)
}

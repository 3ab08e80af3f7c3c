//! OAuth 2.0 with an existing access token (Newman has no grant flow):
//! `Authorization: <headerPrefix|Bearer> <token>` or `?access_token=`.
//! A `mac` token type is ignored, as in the runtime.

use super::{AuthTarget, Params};

pub(super) fn sign(p: &Params<'_>, t: &mut dyn AuthTarget) {
    let token = p.text("accessToken");
    if token.is_empty() {
        return;
    }
    let add_to = p
        .get("addTokenTo")
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "header".into());
    let token_type = p
        .get("tokenType")
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "bearer".into());
    if token_type.eq_ignore_ascii_case("mac") {
        return;
    }
    let mut prefix = match p.auth.param("headerPrefix") {
        None | Some(serde_json::Value::Null) => "Bearer".to_string(),
        Some(_) => p.text("headerPrefix").trim().to_string(),
    };
    if !prefix.is_empty() {
        prefix.push(' ');
    }
    t.remove_headers(&|k| k.eq_ignore_ascii_case("authorization"));
    t.remove_query("access_token");
    match add_to.as_str() {
        "queryParams" => t.add_query("access_token", &token),
        "header" => t.add_header("Authorization", &format!("{prefix}{token}")),
        _ => {}
    }
}

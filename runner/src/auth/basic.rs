//! Basic auth: `Authorization: Basic base64(user:pass)` (UTF-8), replacing
//! any Authorization header the user set, as the runtime's handler does.

use base64::Engine;

use super::{AuthTarget, Params};

pub(super) fn sign(p: &Params<'_>, t: &mut dyn AuthTarget) {
    let creds = format!("{}:{}", p.text("username"), p.text("password"));
    t.remove_headers(&|k| k.eq_ignore_ascii_case("authorization"));
    t.add_header(
        "Authorization",
        &format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(creds.as_bytes())
        ),
    );
}

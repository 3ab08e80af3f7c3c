//! Bearer auth: `Authorization: Bearer <token>`, only when the token is
//! non-empty; replaces any Authorization header the user set.

use super::{AuthTarget, Params};

pub(super) fn sign(p: &Params<'_>, t: &mut dyn AuthTarget) {
    let token = p.text("token");
    if token.is_empty() {
        return;
    }
    t.remove_headers(&|k| k.eq_ignore_ascii_case("authorization"));
    t.add_header("Authorization", &format!("Bearer {token}"));
}

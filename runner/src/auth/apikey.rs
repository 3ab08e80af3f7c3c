//! API key auth: a header (default) or a query parameter. The header
//! replaces user headers whose names match in lodash `lowerCase` form
//! (`X-Key`, `x_key` and `xKey` all match), as the runtime does; the query
//! parameter replaces parameters with exactly that key.

use super::{AuthTarget, Params};

/// lodash `_.lowerCase`: words split on separators and case changes,
/// joined by spaces, lower-cased.
pub(crate) fn lodash_lower_case(s: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(&prev) = cur.chars().last().as_ref() {
            let next = chars.get(i + 1).copied();
            let boundary = (prev.is_lowercase() && c.is_uppercase())
                || (prev.is_uppercase()
                    && c.is_uppercase()
                    && next.is_some_and(|n| n.is_lowercase()))
                || (prev.is_ascii_digit() != c.is_ascii_digit());
            if boundary {
                words.push(std::mem::take(&mut cur));
            }
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words.join(" ").to_lowercase()
}

pub(super) fn sign(p: &Params<'_>, t: &mut dyn AuthTarget) {
    let key = p.text("key");
    let value = p.text("value");
    if key.is_empty() && value.is_empty() {
        return;
    }
    if p.get("in").as_deref() == Some("query") {
        t.remove_query(&key);
        t.add_query(&key, &value);
    } else {
        let lkey = lodash_lower_case(&key);
        t.remove_headers(&|k| lodash_lower_case(k) == lkey);
        t.add_header(&key, &value);
    }
}

#[cfg(test)]
mod tests {
    use super::lodash_lower_case;

    #[test]
    fn lower_case_like_lodash() {
        assert_eq!(lodash_lower_case("X-KEY"), "x key");
        assert_eq!(lodash_lower_case("x_key"), "x key");
        assert_eq!(lodash_lower_case("xKey"), "x key");
        assert_eq!(lodash_lower_case("XMLHttp"), "xml http");
        assert_eq!(lodash_lower_case("api2key"), "api 2 key");
    }
}

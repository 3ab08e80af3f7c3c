//! What an item reads and writes, for the scheduler: the `{{variables}}` its
//! request uses, and what its scripts (own and inherited) do to variables,
//! cookies and the flow of the run. The analysis is static and
//! conservative: anything it cannot follow counts as writing everything,
//! which makes the item a barrier.

use std::collections::BTreeSet;

use crate::collection::{Body, FormValue, RequestDef};

use super::plan::RunItem;

/// Why an item must run alone, with everything before it finished and
/// nothing after it started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Barrier {
    /// The method is not safe in the sense of RFC 9110.
    UnsafeMethod(String),
    /// A script writes variables (`pm.environment.set`, `postman.setGlobalVariable`, …).
    WritesVariables(String),
    /// A script controls the flow (`setNextRequest`, `skipRequest`).
    ControlsFlow(String),
    /// A script sends requests of its own (`pm.sendRequest`).
    SendsRequests,
    /// A script uses the cookie jar (`pm.cookies.jar()`).
    UsesCookieJar,
    /// A script does something the analysis cannot follow.
    Unfollowable(String),
    /// The auth keeps state between requests or replays them (digest,
    /// ntlm, hawk).
    StatefulAuth(String),
}

impl std::fmt::Display for Barrier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Barrier::UnsafeMethod(m) => write!(f, "{m} is not a safe method"),
            Barrier::WritesVariables(w) => write!(f, "a script writes variables ({w})"),
            Barrier::ControlsFlow(w) => write!(f, "a script controls the run's flow ({w})"),
            Barrier::SendsRequests => write!(f, "a script sends requests (pm.sendRequest)"),
            Barrier::UsesCookieJar => write!(f, "a script uses the cookie jar"),
            Barrier::StatefulAuth(kind) => {
                write!(f, "its {kind} auth keeps state between requests")
            }
            Barrier::Unfollowable(w) => write!(
                f,
                "a script does something the analysis cannot follow ({w})"
            ),
        }
    }
}

/// The analysis of one item.
#[derive(Debug, Clone, Default)]
pub struct Access {
    /// `{{names}}` the request uses (URL, headers, body, auth).
    pub reads: BTreeSet<String>,
    /// Why the item is a barrier; `None` when it only reads.
    pub barrier: Option<Barrier>,
}

const SAFE_METHODS: &[&str] = &["GET", "HEAD", "OPTIONS", "TRACE"];

/// Script fragments that mean the script changes shared state or the flow.
/// Property names are matched as words, so `env.set(...)` through an alias
/// and `const s = pm.globals.set` are both caught.
const WRITE_WORDS: &[&str] = &[
    "set",
    "unset",
    "clear",
    "setEnvironmentVariable",
    "setGlobalVariable",
    "clearEnvironmentVariable",
    "clearEnvironmentVariables",
    "clearGlobalVariable",
    "clearGlobalVariables",
];
const FLOW_WORDS: &[&str] = &["setNextRequest", "skipRequest"];
/// Ways to reach an API without naming it, which a text scan cannot follow.
const UNFOLLOWABLE: &[&str] = &["eval", "Function", "Reflect", "globalThis", "this"];
/// Objects whose members, reached with `[...]`, could be any API.
const API_OBJECTS: &[&str] = &[
    "pm",
    "postman",
    "environment",
    "globals",
    "collectionVariables",
    "variables",
    "execution",
    "cookies",
];

/// Analyse one item of the plan.
pub fn analyse(item: &RunItem) -> Access {
    let mut reads = BTreeSet::new();
    request_reads(&item.item.request, &mut reads);
    if let Some(auth) = &item.auth {
        for (_, v) in &auth.params {
            if let Some(s) = v.as_str() {
                tokens(s, &mut reads);
            }
        }
    }
    let method = item.item.request.method.to_ascii_uppercase();
    let mut barrier = if SAFE_METHODS.contains(&method.as_str()) {
        None
    } else {
        Some(Barrier::UnsafeMethod(method))
    };
    if let Some(a) = item
        .auth
        .as_ref()
        .filter(|a| crate::auth::is_stateful(&a.kind))
    {
        barrier = barrier.or(Some(Barrier::StatefulAuth(a.kind.clone())));
    }
    if barrier.is_none() {
        for script in item.prerequest.iter().chain(item.test.iter()) {
            if let Some(b) = script_barrier(&script.exec) {
                barrier = Some(b);
                break;
            }
        }
    }
    Access { reads, barrier }
}

fn request_reads(def: &RequestDef, out: &mut BTreeSet<String>) {
    tokens(&def.url.raw, out);
    for part in def
        .url
        .host
        .iter()
        .flatten()
        .chain(def.url.path.iter().flatten())
    {
        tokens(part, out);
    }
    for q in &def.url.query {
        tokens(q.key.as_deref().unwrap_or(""), out);
        tokens(q.value.as_deref().unwrap_or(""), out);
    }
    for v in &def.url.variables {
        if let Some(s) = v.value.as_str() {
            tokens(s, out);
        }
    }
    for h in &def.headers {
        tokens(&h.key, out);
        tokens(&h.value, out);
    }
    match &def.body {
        Some(Body::Raw { raw, .. }) => tokens(raw, out),
        Some(Body::UrlEncoded(kv)) => {
            for p in kv {
                tokens(&p.key, out);
                tokens(&p.value, out);
            }
        }
        Some(Body::FormData(ps)) => {
            for p in ps {
                tokens(&p.key, out);
                match &p.value {
                    FormValue::Text(t) => tokens(t, out),
                    FormValue::File(srcs) => srcs.iter().for_each(|s| tokens(s, out)),
                }
            }
        }
        Some(Body::GraphQl {
            query, variables, ..
        }) => {
            tokens(query, out);
            tokens(variables, out);
        }
        Some(Body::File { src: Some(s) }) => tokens(s, out),
        _ => {}
    }
}

/// Collect the names inside `{{…}}`.
fn tokens(text: &str, out: &mut BTreeSet<String>) {
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) => {
                let name = &after[..end];
                if !name.is_empty() && !name.contains('{') {
                    out.insert(name.to_string());
                }
                rest = &after[end + 2..];
            }
            None => break,
        }
    }
}

/// Identifier-like words of a script, with whether each is a property
/// access (`.word`) and whether string literals spell an API word.
fn script_barrier(src: &str) -> Option<Barrier> {
    let bytes = src.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'$';
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Skip comments.
        if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if b == b'/' && bytes.get(i + 1) == Some(&b'*') {
            i += 2;
            while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
            continue;
        }
        // String literals: an API word spelled as a string means dynamic access.
        if b == b'\'' || b == b'"' || b == b'`' {
            let quote = b;
            let start = i + 1;
            i += 1;
            while i < bytes.len() && bytes[i] != quote {
                if bytes[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            let lit = src.get(start..i.min(src.len())).unwrap_or("");
            if WRITE_WORDS.contains(&lit)
                || FLOW_WORDS.contains(&lit)
                || lit == "sendRequest"
                || lit == "jar"
            {
                return Some(Barrier::Unfollowable(format!("the string '{lit}'")));
            }
            i += 1;
            continue;
        }
        if is_ident(b) && (i == 0 || !is_ident(bytes[i - 1])) {
            let start = i;
            while i < bytes.len() && is_ident(bytes[i]) {
                i += 1;
            }
            let word = &src[start..i];
            let after_dot = start > 0 && prev_non_space(bytes, start) == Some(b'.');
            if FLOW_WORDS.contains(&word) {
                return Some(Barrier::ControlsFlow(word.to_string()));
            }
            if word == "sendRequest" {
                return Some(Barrier::SendsRequests);
            }
            if word == "jar" && after_dot {
                return Some(Barrier::UsesCookieJar);
            }
            if after_dot && WRITE_WORDS.contains(&word) {
                return Some(Barrier::WritesVariables(format!(".{word}")));
            }
            if !after_dot && word.starts_with("set") && WRITE_WORDS.contains(&word) {
                return Some(Barrier::WritesVariables(word.to_string()));
            }
            if API_OBJECTS.contains(&word) && next_non_space(bytes, i) == Some(b'[') {
                return Some(Barrier::Unfollowable(format!("{word}[…]")));
            }
            if !after_dot && UNFOLLOWABLE.contains(&word) {
                return Some(Barrier::Unfollowable(word.to_string()));
            }
            continue;
        }
        i += 1;
    }
    None
}

fn next_non_space(bytes: &[u8], mut i: usize) -> Option<u8> {
    while i < bytes.len() {
        if !bytes[i].is_ascii_whitespace() {
            return Some(bytes[i]);
        }
        i += 1;
    }
    None
}

fn prev_non_space(bytes: &[u8], mut i: usize) -> Option<u8> {
    while i > 0 {
        i -= 1;
        if !bytes[i].is_ascii_whitespace() {
            return Some(bytes[i]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_only_scripts_are_not_barriers() {
        assert_eq!(
            script_barrier("pm.test('x', () => pm.expect(pm.response.json().a).to.equal(pm.environment.get('a')));"),
            None
        );
        assert_eq!(
            script_barrier("// pm.environment.set('a', 1)\nconst x = 1;"),
            None
        );
        assert_eq!(
            script_barrier("tests['ok'] = responseCode.code === 200;"),
            None
        );
    }

    #[test]
    fn writes_flow_and_dynamic_access_are_barriers() {
        for src in [
            "pm.environment.set('a', 1)",
            "const e = pm.globals; e.unset('x')",
            "const s = pm.collectionVariables.set;",
            "pm.variables.clear()",
            "postman.setEnvironmentVariable('a', 'b')",
            "postman.setNextRequest('x')",
            "pm.execution.skipRequest()",
            "pm.sendRequest('http://x', () => {})",
            "pm.cookies.jar().set('u', 'a', 'b', () => {})",
            "pm.environment['se' + 't']('a', 1)",
            "pm.environment['set']('a', 1)",
            "eval('1')",
            "new Function('return 1')",
            "globalThis.pm.environment",
        ] {
            assert!(script_barrier(src).is_some(), "{src}");
        }
    }

    #[test]
    fn token_names_are_collected() {
        let mut s = BTreeSet::new();
        tokens("{{baseUrl}}/x/{{id}}?q={{a}}&{{}}", &mut s);
        assert_eq!(
            s.into_iter().collect::<Vec<_>>(),
            vec!["a", "baseUrl", "id"]
        );
    }
}

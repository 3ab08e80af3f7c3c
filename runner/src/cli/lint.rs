//! `postgate lint <collection>`: what postgate will not be able to run as
//! Newman would, found before the gate ever runs.
//!
//! Errors (exit 1):
//! * `unknown-auth`: an auth type postgate's `auth` module does not sign
//!   (the request would go out unsigned).
//! * `missing-module`: `require()` of a module that is neither in the
//!   sandbox's built-in list nor in a module folder.
//! * `missing-global`: the legacy `cheerio`/`Backbone` globals, which Newman
//!   has and postgate does not.
//! * `newer-postman-api`: `pm.require`, `pm.vault`, `pm.execution.runRequest`
//!   and top-level `await`: Postman app features Newman 6.2 does not have,
//!   so the script fails in both.
//! * `syntax-error`: a script that does not compile.
//!
//! Warnings (exit 0):
//! * `unfollowable-script`: a script the concurrency analysis cannot follow
//!   (`eval`, `pm[...]`, …). Every request that inherits it becomes a
//!   barrier only because of it, which serialises that part of the run.
//! * `npm-module`: `require()` of an npm package found in a module folder:
//!   postgate loads it, Newman cannot.
//! * `dynamic-require`: `require()` of a computed name, which cannot be
//!   checked.
//!
//! Built-in modules come from the sandbox itself (the module table in
//! `script/js/libs/prelude.js` and the extras in `script/js/pm/pm.js`), and
//! "does postgate sign this auth type" from calling `auth::apply`, so the
//! lint follows the code it describes.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{Args, ValueEnum};
use serde::Serialize;
use serde_json::json;

use crate::collection::{self, Auth, Collection, Event, Item, Listen, Script};
use crate::error::InputKind;
use crate::run::analysis::{analyse, Barrier};

#[derive(Debug, Args)]
pub struct LintArgs {
    /// The collection to check (a file path).
    #[arg(value_name = "COLLECTION")]
    pub collection: PathBuf,

    /// Folder of npm packages that scripts may require(), as for `run`
    /// (default: a node_modules folder beside the collection, if any).
    #[arg(long, value_name = "DIR")]
    pub script_modules: Vec<PathBuf>,

    /// Output: text, json, or github (workflow-command annotations).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = LintFormat::Text)]
    pub format: LintFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum LintFormat {
    #[default]
    Text,
    Json,
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One finding.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: &'static str,
    /// `Folder / Request`, or `(collection)`.
    pub path: String,
    /// The script (`test script, line 3`) or `auth`, when it applies.
    pub place: String,
    pub message: String,
    pub hint: String,
}

/// Modules `require()` finds in Newman 6.2's sandbox (postman-sandbox 4.7.1).
pub const NEWMAN_MODULES: &[&str] = &[
    "ajv",
    "assert",
    "atob",
    "backbone",
    "btoa",
    "buffer",
    "chai",
    "cheerio",
    "crypto-js",
    "csv-parse/lib/sync",
    "events",
    "fs",
    "json",
    "lodash",
    "moment",
    "os",
    "path",
    "postman-collection",
    "punycode",
    "querystring",
    "stream",
    "string_decoder",
    "timers",
    "tv4",
    "url",
    "util",
    "uuid",
    "xml2js",
];

const PM_JS: &str = include_str!("../script/js/pm/pm.js");

/// The modules postgate's sandbox provides to `require()`, read from the
/// sandbox's own sources.
pub fn builtin_modules() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    if let Ok(re) = regex::Regex::new(r#"def\(\s*'([^']+)'"#) {
        for c in re.captures_iter(crate::script::libs::PRELUDE) {
            if !c[1].starts_with("__") {
                out.insert(c[1].to_string());
            }
        }
    }
    if let Ok(re) =
        regex::Regex::new(r#"BUILTIN_EXTRA(?:\.([A-Za-z_$][\w$]*)|\[\s*'([^']+)'\s*\])\s*="#)
    {
        for c in re.captures_iter(PM_JS) {
            if let Some(m) = c.get(1).or_else(|| c.get(2)) {
                out.insert(m.as_str().to_string());
            }
        }
    }
    out
}

/// Legacy globals Newman defines and postgate leaves undefined.
const MISSING_GLOBALS: &[(&str, &str)] = &[("cheerio", "cheerio"), ("Backbone", "backbone")];

// ---- a small JavaScript tokenizer ------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    /// A template literal (its text is not inspected).
    Template,
    Punct(char),
    Other,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    line: usize,
}

const REGEX_AFTER_WORDS: &[&str] = &[
    "return",
    "typeof",
    "case",
    "in",
    "of",
    "new",
    "delete",
    "void",
    "throw",
    "else",
    "do",
    "instanceof",
    "yield",
    "await",
];

fn tokenize(src: &str) -> Vec<Token> {
    let chars: Vec<char> = src.chars().collect();
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    let mut line = 1;
    let is_ident_start = |c: char| c.is_alphabetic() || c == '_' || c == '$';
    let is_ident = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && chars.get(i + 1) == Some(&'*') {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                if chars[i] == '\n' {
                    line += 1;
                }
                i += 1;
            }
            i += 2;
            continue;
        }
        let start_line = line;
        if c == '\'' || c == '"' {
            let mut s = String::new();
            i += 1;
            while i < chars.len() && chars[i] != c && chars[i] != '\n' {
                if chars[i] == '\\' && i + 1 < chars.len() {
                    i += 1;
                    match chars[i] {
                        'n' => s.push('\n'),
                        't' => s.push('\t'),
                        '\n' => line += 1,
                        other => s.push(other),
                    }
                } else {
                    s.push(chars[i]);
                }
                i += 1;
            }
            i += 1;
            out.push(Token {
                tok: Tok::Str(s),
                line: start_line,
            });
            continue;
        }
        if c == '`' {
            i += 1;
            let mut depth = 0usize;
            while i < chars.len() {
                match chars[i] {
                    '\\' => i += 1,
                    '\n' => line += 1,
                    '$' if chars.get(i + 1) == Some(&'{') => {
                        depth += 1;
                        i += 1;
                    }
                    '}' if depth > 0 => depth -= 1,
                    '`' if depth == 0 => break,
                    _ => {}
                }
                i += 1;
            }
            i += 1;
            out.push(Token {
                tok: Tok::Template,
                line: start_line,
            });
            continue;
        }
        if c == '/' {
            let regex_here = match out.last().map(|t| &t.tok) {
                None => true,
                Some(Tok::Punct(p)) => !matches!(p, ')' | ']' | '}'),
                Some(Tok::Ident(w)) => REGEX_AFTER_WORDS.contains(&w.as_str()),
                _ => false,
            };
            if regex_here {
                i += 1;
                let mut class = false;
                while i < chars.len() && chars[i] != '\n' {
                    match chars[i] {
                        '\\' => i += 1,
                        '[' => class = true,
                        ']' => class = false,
                        '/' if !class => break,
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
                while i < chars.len() && is_ident(chars[i]) {
                    i += 1;
                }
                out.push(Token {
                    tok: Tok::Other,
                    line: start_line,
                });
                continue;
            }
        }
        if is_ident_start(c) {
            let start = i;
            while i < chars.len() && is_ident(chars[i]) {
                i += 1;
            }
            out.push(Token {
                tok: Tok::Ident(chars[start..i].iter().collect()),
                line: start_line,
            });
            continue;
        }
        if c.is_ascii_digit() {
            while i < chars.len() && (is_ident(chars[i]) || chars[i] == '.') {
                i += 1;
            }
            out.push(Token {
                tok: Tok::Other,
                line: start_line,
            });
            continue;
        }
        // `?.` reads as `.` for member access.
        if c == '?' && chars.get(i + 1) == Some(&'.') {
            i += 2;
            out.push(Token {
                tok: Tok::Punct('.'),
                line: start_line,
            });
            continue;
        }
        out.push(Token {
            tok: Tok::Punct(c),
            line: start_line,
        });
        i += 1;
    }
    out
}

// ---- the checks --------------------------------------------------------------

struct Linter {
    builtins: BTreeSet<String>,
    module_dirs: Vec<PathBuf>,
    out: Vec<Diagnostic>,
    js: Option<(rquickjs::Runtime, rquickjs::Context)>,
}

fn listen_name(l: Listen) -> &'static str {
    match l {
        Listen::PreRequest => "pre-request script",
        Listen::Test => "test script",
    }
}

impl Linter {
    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        path: &str,
        place: String,
        message: String,
        hint: String,
    ) {
        self.out.push(Diagnostic {
            severity,
            code,
            path: path.to_string(),
            place,
            message,
            hint,
        });
    }

    fn auth(&mut self, auth: Option<&Auth>, path: &str) {
        let Some(auth) = auth else { return };
        if auth.kind == "noauth" {
            return;
        }
        let mut req = crate::http::PreparedRequest {
            method: "GET".into(),
            url: "http://localhost/".into(),
            ..Default::default()
        };
        let warnings = crate::auth::apply(auth, &mut req, &crate::vars::Scopes::default());
        let kind = &auth.kind;
        if warnings
            .iter()
            .any(|w| w.contains("could not find a handler"))
        {
            self.push(
                Severity::Error,
                "unknown-auth",
                path,
                "auth".into(),
                format!("auth type \"{kind}\" is not one Newman or postgate knows; the request is sent unsigned"),
                "use one of Postman's auth types (basic, bearer, apikey, oauth2, digest, oauth1, awsv4, hawk, ntlm, edgegrid, jwt, asap) or noauth".into(),
            );
        } else if warnings.iter().any(|w| w.contains("does not support")) {
            self.push(
                Severity::Error,
                "unknown-auth",
                path,
                "auth".into(),
                format!("postgate does not sign \"{kind}\" auth yet; Newman would sign the request, postgate sends it unsigned"),
                "sign the request in a pre-request script (pm.request.headers.upsert), or run this collection with Newman until postgate supports it".into(),
            );
        }
    }

    fn module_on_disk(&self, name: &str) -> Option<PathBuf> {
        if name.starts_with('.') || name.starts_with('/') {
            return None;
        }
        for dir in &self.module_dirs {
            let base = dir.join(name);
            for candidate in [
                base.clone(),
                base.with_extension("js"),
                base.with_extension("json"),
            ] {
                if candidate.exists() {
                    return Some(candidate);
                }
            }
        }
        None
    }

    fn script(&mut self, script: &Script, listen: Listen, path: &str) {
        let exec: &str = &script.exec;
        if exec.trim().is_empty() {
            return;
        }
        let what = listen_name(listen);
        let place = |line: usize| format!("{what}, line {line}");
        let toks = tokenize(exec);
        let at = |i: usize| toks.get(i).map(|t| &t.tok);
        let is_punct = |i: usize, c: char| at(i) == Some(&Tok::Punct(c));
        let ident = |i: usize| match at(i) {
            Some(Tok::Ident(w)) => Some(w.as_str()),
            _ => None,
        };
        // Names the script declares itself (`const cheerio = …`) are not
        // the legacy globals.
        let mut declared: BTreeSet<String> = BTreeSet::new();
        for i in 1..toks.len() {
            if matches!(ident(i - 1), Some("const" | "let" | "var" | "function")) {
                if let Some(w) = ident(i) {
                    declared.insert(w.to_string());
                }
            }
        }
        let mut required: BTreeSet<String> = BTreeSet::new();
        for (i, tok) in toks.iter().enumerate() {
            let line = tok.line;
            let after_dot = i > 0 && is_punct(i - 1, '.');
            match ident(i) {
                Some("require") if !after_dot && is_punct(i + 1, '(') => match at(i + 2) {
                    Some(Tok::Str(name)) if is_punct(i + 3, ')') || is_punct(i + 3, ',') => {
                        required.insert(name.clone());
                        self.require(name, path, place(line));
                    }
                    _ => self.push(
                        Severity::Warning,
                        "dynamic-require",
                        path,
                        place(line),
                        "require() of a computed name cannot be checked".into(),
                        "require modules by a literal name so lint can check them".into(),
                    ),
                },
                // `typeof pm.vault` is a feature test, not a use.
                Some("pm")
                    if !after_dot
                        && is_punct(i + 1, '.')
                        && (i == 0 || ident(i - 1) != Some("typeof")) =>
                {
                    let api = match (ident(i + 2), ident(i + 4)) {
                        (Some("require"), _) => Some((
                            "pm.require",
                            "Postman packages are not available to Newman; inline the package's code in the script, or use require() of a built-in module",
                        )),
                        (Some("vault"), _) => Some((
                            "pm.vault",
                            "pass secrets with --env-var or an environment file and read them with pm.environment.get()",
                        )),
                        (Some("execution"), Some("runRequest")) if is_punct(i + 3, '.') => Some((
                            "pm.execution.runRequest",
                            "run the referenced request as its own item (order the collection, or use pm.execution.setNextRequest), or call it with pm.sendRequest",
                        )),
                        _ => None,
                    };
                    if let Some((api, hint)) = api {
                        self.push(
                            Severity::Error,
                            "newer-postman-api",
                            path,
                            place(line),
                            format!("{api} is a Postman app feature Newman 6.2 does not have; the script throws a TypeError in Newman and in postgate"),
                            hint.into(),
                        );
                    }
                }
                Some(w) if !after_dot && !is_punct(i + 1, ':') => {
                    if let Some((global, module)) =
                        MISSING_GLOBALS.iter().find(|(g, _)| *g == w).copied()
                    {
                        if !declared.contains(global)
                            && !required.contains(module)
                            && !self.builtins.contains(module)
                        {
                            self.push(
                                Severity::Error,
                                "missing-global",
                                path,
                                place(line),
                                format!("the legacy global `{global}` exists in Newman but not in postgate's sandbox"),
                                format!("require a module that does the same job (postgate has no {module}); xml2js parses XHTML"),
                            );
                            // once per script is enough
                            required.insert(module.to_string());
                        }
                    }
                }
                _ => {}
            }
        }
        self.syntax(exec, path, what);
    }

    fn require(&mut self, name: &str, path: &str, place: String) {
        if self.builtins.contains(name) {
            return;
        }
        let newman_has = NEWMAN_MODULES.contains(&name);
        match (self.module_on_disk(name), newman_has) {
            (Some(found), true) => self.push(
                Severity::Warning,
                "npm-module",
                path,
                place,
                format!("require('{name}') loads {} in postgate; Newman uses the copy in its sandbox", found.display()),
                "check that both versions behave the same for this script".into(),
            ),
            (Some(found), false) => self.push(
                Severity::Warning,
                "npm-module",
                path,
                place,
                format!("require('{name}') loads {} in postgate; Newman cannot load npm packages and fails with \"Cannot find module\"", found.display()),
                "fine for postgate-only gates; for Newman too, use a built-in module".into(),
            ),
            (None, true) => self.push(
                Severity::Error,
                "missing-module",
                path,
                place,
                format!("require('{name}'): Newman's sandbox has {name}, postgate's does not"),
                format!("put a CommonJS build of {name} in node_modules beside the collection (or pass --script-modules DIR), or use a built-in module instead"),
            ),
            (None, false) => self.push(
                Severity::Error,
                "missing-module",
                path,
                place,
                format!("require('{name}'): no such module in Newman's or postgate's sandbox (\"Cannot find module '{name}'\")"),
                format!("built-in modules: {}", self.builtins.iter().cloned().collect::<Vec<_>>().join(", ")),
            ),
        }
    }

    /// Compile the script as the sandbox does (the body of a function). When
    /// that fails but the body of an async function compiles, the script
    /// uses top-level `await`.
    fn syntax(&mut self, exec: &str, path: &str, what: &str) {
        if self.js.is_none() {
            let Ok(rt) = rquickjs::Runtime::new() else {
                return;
            };
            let Ok(ctx) = rquickjs::Context::full(&rt) else {
                return;
            };
            self.js = Some((rt, ctx));
        }
        let Some((_, ctx)) = &self.js else { return };
        let compile = |prefix: &str| -> Result<(), (String, Option<usize>)> {
            ctx.with(|ctx| {
                let src = format!("({prefix}(){{{exec}\n}})");
                match ctx.eval::<rquickjs::Value, _>(src) {
                    Ok(_) => Ok(()),
                    Err(_) => {
                        let caught = ctx.catch();
                        let (msg, stack) = match caught.as_exception() {
                            Some(e) => (
                                e.message().unwrap_or_default(),
                                e.stack().unwrap_or_default(),
                            ),
                            None => ("syntax error".to_string(), String::new()),
                        };
                        let line = stack
                            .split(':')
                            .nth(1)
                            .and_then(|l| l.trim().parse::<usize>().ok());
                        Err((msg, line))
                    }
                }
            })
        };
        if let Err((msg, line)) = compile("function") {
            let place = match line {
                Some(l) => format!("{what}, line {l}"),
                None => what.to_string(),
            };
            if exec.contains("await") && compile("async function").is_ok() {
                self.push(
                    Severity::Error,
                    "newer-postman-api",
                    path,
                    place,
                    "top-level await is a Postman app feature; Newman 6.2 (and postgate) report \"SyntaxError: await is only valid in async functions\"".into(),
                    "wrap the code in an async function, or use callbacks: pm.sendRequest(req, (err, res) => { … })".into(),
                );
            } else {
                self.push(
                    Severity::Error,
                    "syntax-error",
                    path,
                    place,
                    format!("the script does not compile: SyntaxError: {msg}"),
                    "fix the script; Newman reports the same error when it runs".into(),
                );
            }
        }
    }
}

fn events(linter: &mut Linter, list: &[Event], path: &str) {
    for e in list.iter().filter(|e| !e.disabled) {
        linter.script(&e.script, e.listen, path);
    }
}

fn walk(linter: &mut Linter, items: &[Item], parents: &mut Vec<String>) {
    for item in items {
        let name = if item.name().is_empty() {
            item.id().to_string()
        } else {
            item.name().to_string()
        };
        parents.push(name);
        let path = parents.join(" / ");
        match item {
            Item::Folder(f) => {
                linter.auth(f.auth.as_ref(), &path);
                events(linter, &f.events, &path);
                walk(linter, &f.items, parents);
            }
            Item::Request(r) => {
                linter.auth(r.request.auth.as_ref(), &path);
                events(linter, &r.events, &path);
            }
        }
        parents.pop();
    }
}

/// The barrier one script causes on its own (in a GET request), through
/// the scheduler's analysis.
fn barrier_of(
    script: &Script,
    listen: Listen,
    cache: &mut HashMap<usize, Option<Barrier>>,
) -> Option<Barrier> {
    let key = script as *const Script as usize;
    if let Some(b) = cache.get(&key) {
        return b.clone();
    }
    let listen = match listen {
        Listen::PreRequest => "prerequest",
        Listen::Test => "test",
    };
    let exec: Vec<&str> = script.exec.split('\n').collect();
    let doc = json!({
        "info": {"name": "lint", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{
            "name": "probe",
            "request": {"method": "GET", "url": "http://localhost/"},
            "event": [{"listen": listen, "script": {"type": "text/javascript", "exec": exec}}]
        }]
    });
    let barrier = collection::collection_from_value(doc, Path::new("lint-probe.json"))
        .ok()
        .and_then(|c| crate::run::plan(&c, &[]).ok())
        .and_then(|items| items.first().and_then(|i| analyse(i).barrier));
    cache.insert(key, barrier.clone());
    barrier
}

/// Scripts that make requests barriers only because the analysis cannot
/// follow them: one warning per script, naming the requests it affects.
fn unfollowable(linter: &mut Linter, collection: &Collection) {
    let Ok(items) = crate::run::plan(collection, &[]) else {
        return;
    };
    // Where each script lives, by identity.
    let mut owners: HashMap<usize, (String, Listen)> = HashMap::new();
    fn record(list: &[Event], path: &str, owners: &mut HashMap<usize, (String, Listen)>) {
        for e in list {
            owners.insert(
                Arc::as_ptr(&e.script) as usize,
                (path.to_string(), e.listen),
            );
        }
    }
    fn walk_owners(
        items: &[Item],
        parents: &mut Vec<String>,
        owners: &mut HashMap<usize, (String, Listen)>,
    ) {
        for item in items {
            parents.push(if item.name().is_empty() {
                item.id().to_string()
            } else {
                item.name().to_string()
            });
            let path = parents.join(" / ");
            match item {
                Item::Folder(f) => {
                    record(&f.events, &path, owners);
                    walk_owners(&f.items, parents, owners);
                }
                Item::Request(r) => record(&r.events, &path, owners),
            }
            parents.pop();
        }
    }
    record(&collection.events, "(collection)", &mut owners);
    walk_owners(&collection.items, &mut Vec::new(), &mut owners);

    let mut cache = HashMap::new();
    // script -> (what the analysis could not follow, affected requests)
    let mut found: BTreeMap<usize, (String, Vec<String>)> = BTreeMap::new();
    for item in &items {
        if !matches!(analyse(item).barrier, Some(Barrier::Unfollowable(_))) {
            continue;
        }
        let scripts: Vec<(&Arc<Script>, Listen)> = item
            .prerequest
            .iter()
            .map(|s| (s, Listen::PreRequest))
            .chain(item.test.iter().map(|s| (s, Listen::Test)))
            .collect();
        let barriers: Vec<Option<Barrier>> = scripts
            .iter()
            .map(|(s, l)| barrier_of(s, *l, &mut cache))
            .collect();
        // A barrier for another reason anyway: nothing lost to the analysis.
        if barriers
            .iter()
            .any(|b| b.is_some() && !matches!(b, Some(Barrier::Unfollowable(_))))
        {
            continue;
        }
        for ((s, _), b) in scripts.iter().zip(&barriers) {
            if let Some(Barrier::Unfollowable(w)) = b {
                found
                    .entry(Arc::as_ptr(s) as usize)
                    .or_insert_with(|| (w.clone(), Vec::new()))
                    .1
                    .push(item.full_name.clone());
            }
        }
    }
    let mut entries: Vec<(String, Listen, String, Vec<String>)> = found
        .into_iter()
        .filter_map(|(ptr, (w, reqs))| {
            owners
                .get(&ptr)
                .map(|(path, listen)| (path.clone(), *listen, w, reqs))
        })
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, listen, what, mut reqs) in entries {
        reqs.dedup();
        let n = reqs.len();
        let shown: Vec<String> = reqs.iter().take(5).cloned().collect();
        let more = if n > 5 {
            format!(" and {} more", n - 5)
        } else {
            String::new()
        };
        linter.push(
            Severity::Warning,
            "unfollowable-script",
            &path,
            listen_name(listen).to_string(),
            format!(
                "the concurrency analysis cannot follow this script ({what}), so the requests that run it run alone and serialise the run ({n}: {}{more})",
                shown.join(", "),
            ),
            "name the pm API directly (pm.environment.get('x') rather than pm.environment[m]('x'), no eval/Function/globalThis/this) so the requests can run side by side".into(),
        );
    }
}

/// Lint a loaded collection.
pub fn lint(collection: &Collection, module_dirs: Vec<PathBuf>) -> Vec<Diagnostic> {
    let mut linter = Linter {
        builtins: builtin_modules(),
        module_dirs,
        out: Vec::new(),
        js: None,
    };
    linter.auth(collection.auth.as_ref(), "(collection)");
    events(&mut linter, &collection.events, "(collection)");
    walk(&mut linter, &collection.items, &mut Vec::new());
    unfollowable(&mut linter, collection);
    linter.out
}

fn module_dirs_for(args: &LintArgs) -> Vec<PathBuf> {
    if !args.script_modules.is_empty() {
        return args.script_modules.clone();
    }
    args.collection
        .parent()
        .map(|p| p.join("node_modules"))
        .filter(|p| p.is_dir())
        .into_iter()
        .collect()
}

pub fn lint_command(args: LintArgs) -> i32 {
    let loaded = collection::read_json_file(&args.collection, InputKind::Collection)
        .and_then(|doc| collection::collection_from_value(doc, &args.collection));
    let collection = match loaded {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    let diags = lint(&collection, module_dirs_for(&args));
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    let file = args.collection.display().to_string();
    match args.format {
        LintFormat::Json => {
            let doc = json!({
                "collection": file,
                "errors": errors,
                "warnings": warnings,
                "diagnostics": diags,
            });
            println!(
                "{}",
                serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into())
            );
        }
        LintFormat::Github => {
            use crate::report::github::{escape_data, escape_property};
            for d in &diags {
                let level = match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                };
                println!(
                    "::{level} file={},title={}::{}",
                    escape_property(&file),
                    escape_property(&format!(
                        "postgate lint {}: {} ({})",
                        d.code, d.path, d.place
                    )),
                    escape_data(&format!("{}\nhint: {}", d.message, d.hint))
                );
            }
            println!("{}", totals(&file, errors, warnings));
        }
        LintFormat::Text => {
            for d in &diags {
                let level = match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                };
                println!(
                    "{level}[{}] {} ({}): {}\n  hint: {}",
                    d.code, d.path, d.place, d.message, d.hint
                );
            }
            println!("{}", totals(&file, errors, warnings));
        }
    }
    i32::from(errors > 0)
}

fn totals(file: &str, errors: usize, warnings: usize) -> String {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    format!(
        "{file}: {}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

/// The lint's view of a JSON document, for tests: `(code, path)` pairs.
pub fn codes(diags: &[Diagnostic]) -> Vec<(String, String)> {
    diags
        .iter()
        .map(|d| (d.code.to_string(), d.path.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_list_comes_from_the_sandbox() {
        let b = builtin_modules();
        for m in [
            "lodash",
            "crypto-js",
            "moment",
            "chai",
            "postman-collection",
            "json",
            "uuid",
            "csv-parse/lib/sync",
        ] {
            assert!(b.contains(m), "{m} in {b:?}");
        }
        assert!(!b.contains("cheerio"));
        assert!(!b.iter().any(|m| m.starts_with("__")));
        // Everything postgate has, Newman has too.
        for m in &b {
            assert!(NEWMAN_MODULES.contains(&m.as_str()), "{m}");
        }
    }

    #[test]
    fn tokens_skip_comments_strings_and_regexes() {
        let t = tokenize("// require('x')\nconst a = '/*'; /* pm.vault */ const r = /require\\('y'\\)/g; require(\"z\")");
        let words: Vec<String> = t
            .iter()
            .filter_map(|t| match &t.tok {
                Tok::Ident(w) => Some(w.clone()),
                Tok::Str(s) => Some(format!("'{s}'")),
                _ => None,
            })
            .collect();
        assert_eq!(
            words,
            ["const", "a", "'/*'", "const", "r", "require", "'z'"]
        );
        assert_eq!(t.last().unwrap().line, 2);
    }
}

//! Request bodies as the runtime builds them: every mode (raw, urlencoded,
//! formdata, file, graphql) with `{{variables}}` resolved, JSON comments
//! stripped from JSON raw bodies, files read relative to the working
//! directory (with Newman's warnings when they cannot be), multipart
//! encoded the way `form-data` does, and the body's part of the request JSON.

use std::path::{Component, Path, PathBuf};

use bytes::Bytes;
use rand::Rng;
use serde_json::{json, Map, Value};

use crate::collection::{Body, FormValue};
use crate::vars::{resolve, Scopes};

use super::url::{encode, Set};

/// Newman's message for a file outside the working directory.
pub const PPERM: &str = "PPERM: insecure file access outside working directory";

/// Where a built body puts its Content-Type.
#[derive(Debug, Clone, PartialEq)]
pub enum ContentType {
    /// None implied.
    None,
    /// Added to the request's headers (and so reported), as the runtime's
    /// body builder does for raw and graphql, unless the user set one.
    Reported(String),
    /// Set on the wire only (postman-request does it for forms): `replace`
    /// overrides a user's Content-Type, otherwise the user's stays.
    WireOnly { value: String, replace: bool },
}

/// A body ready to send, and its JSON for reports.
#[derive(Debug, Clone)]
pub struct BuiltBody {
    /// `None` when nothing is sent (empty, disabled, pruned).
    pub bytes: Option<Bytes>,
    pub content_type: ContentType,
    /// The resolved body in Postman's JSON shape (`None`: no body key).
    pub json: Option<Value>,
    pub warnings: Vec<String>,
}

/// How files are read.
pub struct FileAccess<'a> {
    pub working_dir: &'a Path,
    pub restrict: bool,
}

impl FileAccess<'_> {
    /// Newman's secure-fs resolution plus the runtime's stat checks; the
    /// error text is what Newman puts in its warnings.
    pub fn read(&self, src: &str) -> Result<(PathBuf, Vec<u8>), String> {
        let joined = if Path::new(src).is_absolute() {
            PathBuf::from(src)
        } else {
            self.working_dir.join(src)
        };
        let resolved = normalize(&joined);
        if self.restrict && !resolved.starts_with(normalize(self.working_dir)) {
            return Err(PPERM.to_string());
        }
        // Newman checks the path only; a symlink inside the working
        // directory must not lead outside it either.
        if self.restrict && !symlinks_stay_inside(&resolved, self.working_dir) {
            return Err(PPERM.to_string());
        }
        let meta = std::fs::metadata(&resolved).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("\"{src}\", no such file"),
            _ => e.to_string(),
        })?;
        if !meta.is_file() {
            return Err(format!("\"{src}\", is not a file"));
        }
        let data = std::fs::read(&resolved).map_err(|e| match e.kind() {
            std::io::ErrorKind::PermissionDenied => format!("\"{src}\", read permission denied"),
            _ => e.to_string(),
        })?;
        Ok((resolved, data))
    }
}

/// Does `path`, with its symlinks resolved, still lie inside `dir` (also
/// resolved)? A path that does not exist passes: reading it fails anyway.
fn symlinks_stay_inside(path: &Path, dir: &Path) -> bool {
    match (path.canonicalize(), dir.canonicalize()) {
        (Ok(real), Ok(dir)) => real.starts_with(dir),
        (Err(_), _) => true,
        (Ok(_), Err(_)) => false,
    }
}

/// Lexical normalisation like Node's `path.resolve` (no symlinks followed).
fn normalize(p: &Path) -> PathBuf {
    let base = if p.is_absolute() {
        PathBuf::new()
    } else {
        std::env::current_dir().unwrap_or_default()
    };
    let mut out = base;
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Is this a method whose body the runtime prunes?
pub fn prunes_body(method: &str) -> bool {
    matches!(
        method.to_ascii_uppercase().as_str(),
        "GET" | "COPY" | "HEAD" | "PURGE" | "UNLOCK"
    )
}

/// The `Content-Type` implied by a raw body's language.
pub fn language_content_type(language: Option<&str>) -> &'static str {
    match language {
        Some("json") => "application/json",
        Some("javascript") => "application/javascript",
        Some("html") => "text/html",
        Some("xml") => "application/xml",
        _ => "text/plain",
    }
}

/// Remove `//` and `/* */` comments outside strings, keeping line breaks,
/// as `strip-json-comments` does with `{whitespace: false}`.
pub fn strip_json_comments(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    let mut in_string = false;
    while i < b.len() {
        let c = b[i];
        if in_string {
            out.push(c);
            if c == b'"' {
                // escaped when preceded by an odd number of backslashes
                let mut n = 0;
                let mut j = i;
                while j > 0 && b[j - 1] == b'\\' {
                    n += 1;
                    j -= 1;
                }
                if n % 2 == 0 {
                    in_string = false;
                }
            }
            i += 1;
            continue;
        }
        if c == b'"' {
            in_string = true;
            out.push(c);
            i += 1;
        } else if c == b'/' && b.get(i + 1) == Some(&b'/') {
            i += 2;
            while i < b.len() && b[i] != b'\n' && !(b[i] == b'\r' && b.get(i + 1) == Some(&b'\n')) {
                i += 1;
            }
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            i += 2;
            while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                i += 1;
            }
            i = (i + 2).min(b.len());
        } else {
            out.push(c);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn is_json_content_type(v: &str) -> bool {
    // ^application/(\S+\+)?json
    let Some(rest) = v.strip_prefix("application/") else {
        return false;
    };
    if rest.starts_with("json") {
        return true;
    }
    let token: &str = rest.split(char::is_whitespace).next().unwrap_or("");
    token.match_indices("+json").any(|(i, _)| i > 0)
}

/// What the body needs from the request around it.
pub struct BodyInput<'a> {
    pub method: &'a str,
    pub scopes: &'a Scopes,
    /// The last enabled user `Content-Type` (resolved), if any.
    pub user_content_type: Option<&'a str>,
    pub disable_body_pruning: bool,
    pub files: FileAccess<'a>,
}

fn kv_json(disabled: bool, key: &str, value: &str) -> Map<String, Value> {
    let mut o = Map::new();
    if disabled {
        o.insert("disabled".into(), Value::Bool(true));
    }
    o.insert("key".into(), json!(key));
    o.insert("value".into(), json!(value));
    o
}

/// Build the body. Pruned bodies still load their files (and warn), as the
/// runtime loads files before it decides.
pub fn build_body(body: Option<&Body>, input: &BodyInput<'_>) -> BuiltBody {
    let mut out = BuiltBody {
        bytes: None,
        content_type: ContentType::None,
        json: None,
        warnings: Vec::new(),
    };
    let Some(body) = body else { return out };
    let pruned = prunes_body(input.method) && !input.disable_body_pruning;
    let r = |s: &str| resolve(s, input.scopes);
    match body {
        Body::None => {}
        Body::Raw { raw, language } => {
            let mut text = r(raw);
            let json_like = match language.as_deref() {
                Some(l) => l == "json",
                None => input.user_content_type.is_some_and(is_json_content_type),
            };
            if json_like
                && !pruned
                && !text.is_empty()
                && (text.contains("//") || text.contains("/*"))
            {
                text = strip_json_comments(&text);
            }
            let mut j = Map::new();
            j.insert("mode".into(), json!("raw"));
            j.insert("raw".into(), json!(text));
            if let Some(l) = language {
                j.insert("options".into(), json!({"raw": {"language": l}}));
            }
            out.json = Some(Value::Object(j));
            if !text.is_empty() && !pruned {
                out.content_type =
                    ContentType::Reported(language_content_type(language.as_deref()).into());
                out.bytes = Some(Bytes::from(text));
            }
        }
        Body::UrlEncoded(params) => {
            let mut list = Vec::new();
            let mut pairs = Vec::new();
            for p in params {
                let (k, v) = (r(&p.key), r(&p.value));
                let mut o = kv_json(p.disabled, &k, &v);
                if let Some(ct) = &p.content_type {
                    o.insert("contentType".into(), json!(ct));
                }
                list.push(Value::Object(o));
                if !p.disabled {
                    pairs.push(format!(
                        "{}={}",
                        encode(&k, Set::Strict),
                        encode(&v, Set::Strict)
                    ));
                }
            }
            out.json = Some(json!({"mode": "urlencoded", "urlencoded": list}));
            if !pairs.is_empty() && !pruned {
                out.bytes = Some(Bytes::from(pairs.join("&")));
                out.content_type = ContentType::WireOnly {
                    value: "application/x-www-form-urlencoded".into(),
                    replace: true,
                };
            }
        }
        Body::FormData(params) => {
            let mut list = Vec::new();
            let mut parts: Vec<Part> = Vec::new();
            for p in params {
                let key = r(&p.key);
                match &p.value {
                    FormValue::Text(v) => {
                        let v = r(v);
                        let mut o = kv_json(p.disabled, &key, &v);
                        o.insert("type".into(), json!("text"));
                        if let Some(ct) = &p.content_type {
                            o.insert("contentType".into(), json!(ct));
                        }
                        list.push(Value::Object(o));
                        if !p.disabled {
                            parts.push(Part {
                                name: key,
                                filename: None,
                                content_type: p.content_type.clone(),
                                data: v.into_bytes(),
                            });
                        }
                    }
                    FormValue::File(srcs) => {
                        let base = |src: Option<&str>, disabled: bool| {
                            let mut o = Map::new();
                            if p.disabled {
                                o.insert("disabled".into(), Value::Bool(true));
                            }
                            o.insert("key".into(), json!(key));
                            o.insert("type".into(), json!("file"));
                            if let Some(s) = src {
                                o.insert("src".into(), json!(s));
                            }
                            if let Some(ct) = &p.content_type {
                                o.insert("contentType".into(), json!(ct));
                            }
                            if disabled && !p.disabled {
                                o.insert("disabled".into(), Value::Bool(true));
                            }
                            o
                        };
                        if p.disabled {
                            let src = srcs.first().map(|s| r(s));
                            list.push(Value::Object(base(src.as_deref(), false)));
                            continue;
                        }
                        if srcs.is_empty() {
                            out.warnings.push(format!(
                                "Form param `{key}`, file load error: missing file source"
                            ));
                            let mut o = base(None, false);
                            o.insert("fileName".into(), json!(""));
                            list.push(Value::Object(o));
                            parts.push(Part {
                                name: key.clone(),
                                filename: Some(String::new()),
                                content_type: p.content_type.clone(),
                                data: Vec::new(),
                            });
                            continue;
                        }
                        let single = srcs.len() == 1;
                        for src in srcs {
                            let src = r(src);
                            match input.files.read(&src) {
                                Ok((path, data)) => {
                                    let filename = path
                                        .file_name()
                                        .map(|f| f.to_string_lossy().into_owned())
                                        .unwrap_or_default();
                                    list.push(Value::Object(base(Some(&src), false)));
                                    parts.push(Part {
                                        name: key.clone(),
                                        content_type: Some(
                                            p.content_type
                                                .clone()
                                                .unwrap_or_else(|| mime_for(&filename).into()),
                                        ),
                                        filename: Some(filename),
                                        data,
                                    });
                                }
                                Err(e) => {
                                    out.warnings
                                        .push(format!("Form param `{key}`, file load error: {e}"));
                                    if single {
                                        list.push(Value::Object(base(Some(&src), true)));
                                    }
                                }
                            }
                        }
                    }
                }
            }
            out.json = Some(json!({"mode": "formdata", "formdata": list}));
            if !parts.is_empty() && !pruned {
                let boundary = form_boundary();
                out.bytes = Some(Bytes::from(multipart(&parts, &boundary)));
                out.content_type = ContentType::WireOnly {
                    value: format!("multipart/form-data; boundary={boundary}"),
                    replace: false,
                };
            }
        }
        Body::File { src } => {
            let mut file = Map::new();
            match src.as_deref().map(r) {
                Some(src) if !src.is_empty() => {
                    file.insert("src".into(), json!(src));
                    match input.files.read(&src) {
                        Ok((_, data)) => {
                            if !pruned && !data.is_empty() {
                                out.bytes = Some(Bytes::from(data));
                            }
                        }
                        Err(e) => {
                            out.warnings.push(format!("Binary file load error: {e}"));
                            file.insert("value".into(), Value::Null);
                        }
                    }
                }
                _ => {
                    out.warnings
                        .push("Binary file load error: invalid or missing file source".into());
                    file.insert("value".into(), Value::Null);
                }
            }
            out.json = Some(json!({"mode": "file", "file": file}));
        }
        Body::GraphQl {
            query,
            variables,
            operation_name,
        } => {
            let (q, v) = (r(query), r(variables));
            let op = operation_name.as_deref().map(&r);
            out.json = Some(match &op {
                Some(op) => {
                    json!({"mode": "graphql", "graphql": {"query": q, "operationName": op, "variables": v}})
                }
                None => json!({"mode": "graphql", "graphql": {"query": q, "variables": v}}),
            });
            if !pruned {
                let mut fields = vec![format!("\"query\":{}", Value::String(q))];
                if let Some(op) = op {
                    fields.push(format!("\"operationName\":{}", Value::String(op)));
                }
                if !v.is_empty() {
                    fields.push(format!("\"variables\":{v}"));
                }
                out.bytes = Some(Bytes::from(format!("{{{}}}", fields.join(","))));
                out.content_type = ContentType::Reported("application/json".into());
            }
        }
    }
    out
}

struct Part {
    name: String,
    filename: Option<String>,
    content_type: Option<String>,
    data: Vec<u8>,
}

/// `form-data`'s boundary: 26 dashes and 24 random digits.
fn form_boundary() -> String {
    let mut rng = rand::rng();
    let mut b = "-".repeat(26);
    for _ in 0..24 {
        b.push(char::from(b'0' + rng.random_range(0..10u8)));
    }
    b
}

fn multipart(parts: &[Part], boundary: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for p in parts {
        out.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        let mut disp = format!("Content-Disposition: form-data; name=\"{}\"", p.name);
        if let Some(f) = &p.filename {
            disp.push_str(&format!("; filename=\"{f}\""));
        }
        out.extend_from_slice(disp.as_bytes());
        out.extend_from_slice(b"\r\n");
        if let Some(ct) = &p.content_type {
            out.extend_from_slice(format!("Content-Type: {ct}\r\n").as_bytes());
        }
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(&p.data);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    out
}

/// The MIME type `form-data` picks for a file name (mime-types lookup);
/// unknown extensions are `application/octet-stream`.
pub fn mime_for(filename: &str) -> &'static str {
    let ext = match filename.rsplit_once('.') {
        Some((_, e)) => e.to_ascii_lowercase(),
        None => return "application/octet-stream",
    };
    match ext.as_str() {
        "txt" | "text" | "log" | "conf" | "ini" => "text/plain",
        "json" | "map" => "application/json",
        "html" | "htm" | "shtml" => "text/html",
        "xml" => "application/xml",
        "csv" => "text/csv",
        "css" => "text/css",
        "js" | "mjs" => "application/javascript",
        "md" | "markdown" => "text/markdown",
        "yaml" | "yml" => "text/yaml",
        "png" => "image/png",
        "jpg" | "jpeg" | "jpe" => "image/jpeg",
        "gif" => "image/gif",
        "svg" | "svgz" => "image/svg+xml",
        "webp" => "image/webp",
        "ico" => "image/vnd.microsoft.icon",
        "bmp" => "image/bmp",
        "tif" | "tiff" => "image/tiff",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "gz" => "application/gzip",
        "tar" => "application/x-tar",
        "7z" => "application/x-7z-compressed",
        "mp3" => "audio/mpeg",
        "wav" => "audio/wav",
        "ogg" => "audio/ogg",
        "mp4" | "mp4v" | "mpg4" => "video/mp4",
        "webm" => "video/webm",
        "avi" => "video/x-msvideo",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "wasm" => "application/wasm",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "rtf" => "application/rtf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::{FormParam, KeyValue};

    fn input<'a>(method: &'a str, scopes: &'a Scopes, dir: &'a Path) -> BodyInput<'a> {
        BodyInput {
            method,
            scopes,
            user_content_type: None,
            disable_body_pruning: false,
            files: FileAccess {
                working_dir: dir,
                restrict: true,
            },
        }
    }

    #[test]
    fn comments_are_stripped_outside_strings() {
        assert_eq!(
            strip_json_comments("{\n // c\n \"a\": \"//x\" /* y */\n}"),
            "{\n \n \"a\": \"//x\" \n}"
        );
        assert_eq!(
            strip_json_comments(r#"{"a\"//": 1} // z"#),
            r#"{"a\"//": 1} "#
        );
    }

    #[test]
    fn json_content_type_pattern() {
        assert!(is_json_content_type("application/json"));
        assert!(is_json_content_type("application/vnd.api+json"));
        assert!(!is_json_content_type("text/json"));
        assert!(!is_json_content_type("application/xml"));
    }

    #[test]
    fn raw_language_sets_content_type_and_get_prunes() {
        let s = Scopes::default();
        let dir = std::env::temp_dir();
        let b = Body::Raw {
            raw: "{\"a\":1} // c".into(),
            language: Some("json".into()),
        };
        let out = build_body(Some(&b), &input("POST", &s, &dir));
        assert_eq!(
            out.content_type,
            ContentType::Reported("application/json".into())
        );
        assert_eq!(out.bytes.as_deref(), Some(&b"{\"a\":1} "[..]));
        let out = build_body(Some(&b), &input("get", &s, &dir));
        assert!(out.bytes.is_none());
        assert_eq!(out.content_type, ContentType::None);
        let nolang = Body::Raw {
            raw: "x".into(),
            language: None,
        };
        let out = build_body(Some(&nolang), &input("POST", &s, &dir));
        assert_eq!(out.content_type, ContentType::Reported("text/plain".into()));
    }

    #[test]
    fn urlencoded_strict_encoding_and_duplicates() {
        let s = Scopes::default();
        let dir = std::env::temp_dir();
        let kv = |k: &str, v: &str, d: bool| KeyValue {
            key: k.into(),
            value: v.into(),
            disabled: d,
            content_type: None,
        };
        let b = Body::UrlEncoded(vec![
            kv("a b", "1&2=3", false),
            kv("a b", "x", false),
            kv("d", "z", true),
            kv("e", "é*~!'()", false),
        ]);
        let out = build_body(Some(&b), &input("POST", &s, &dir));
        assert_eq!(
            out.bytes.as_deref(),
            Some(&b"a%20b=1%262%3D3&a%20b=x&e=%C3%A9%2A~%21%27%28%29"[..])
        );
        let all_off = Body::UrlEncoded(vec![kv("d", "z", true)]);
        assert!(build_body(Some(&all_off), &input("POST", &s, &dir))
            .bytes
            .is_none());
    }

    #[test]
    fn graphql_variables_verbatim() {
        let s = Scopes::default();
        let dir = std::env::temp_dir();
        let b = Body::GraphQl {
            query: "{ a }".into(),
            variables: "{\"x\": 1}".into(),
            operation_name: None,
        };
        let out = build_body(Some(&b), &input("POST", &s, &dir));
        assert_eq!(
            out.bytes.as_deref(),
            Some(&br#"{"query":"{ a }","variables":{"x": 1}}"#[..])
        );
        let b = Body::GraphQl {
            query: "q".into(),
            variables: "".into(),
            operation_name: None,
        };
        let out = build_body(Some(&b), &input("POST", &s, &dir));
        assert_eq!(out.bytes.as_deref(), Some(&br#"{"query":"q"}"#[..]));
        let b = Body::GraphQl {
            query: "query A { a } query B { b }".into(),
            variables: "{}".into(),
            operation_name: Some("B".into()),
        };
        let out = build_body(Some(&b), &input("POST", &s, &dir));
        assert_eq!(
            out.bytes.as_deref(),
            Some(
                &br#"{"query":"query A { a } query B { b }","operationName":"B","variables":{}}"#[..]
            )
        );
    }

    #[test]
    fn formdata_files_and_warnings() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("hello.txt"), "hello-file\n").expect("write");
        let s = Scopes::default();
        let fp = |k: &str, v: FormValue| FormParam {
            key: k.into(),
            value: v,
            disabled: false,
            content_type: None,
        };
        let b = Body::FormData(vec![
            fp("t", FormValue::Text("v".into())),
            fp("f", FormValue::File(vec!["nofile.txt".into()])),
            fp("g", FormValue::File(vec!["hello.txt".into()])),
            fp("out", FormValue::File(vec!["../x.txt".into()])),
            fp("e", FormValue::File(vec![])),
        ]);
        let out = build_body(Some(&b), &input("POST", &s, dir.path()));
        assert_eq!(
            out.warnings,
            vec![
                "Form param `f`, file load error: \"nofile.txt\", no such file".to_string(),
                format!("Form param `out`, file load error: {PPERM}"),
                "Form param `e`, file load error: missing file source".to_string(),
            ]
        );
        let ContentType::WireOnly { value, .. } = &out.content_type else {
            panic!("content type")
        };
        let boundary = value.trim_start_matches("multipart/form-data; boundary=");
        let text = String::from_utf8(out.bytes.expect("body").to_vec()).expect("utf8");
        let expected = format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\nv\r\n--{b}\r\nContent-Disposition: form-data; name=\"g\"; filename=\"hello.txt\"\r\nContent-Type: text/plain\r\n\r\nhello-file\n\r\n--{b}\r\nContent-Disposition: form-data; name=\"e\"; filename=\"\"\r\n\r\n\r\n--{b}--\r\n",
            b = boundary
        );
        assert_eq!(text, expected);
        let list = out
            .json
            .as_ref()
            .and_then(|j| j["formdata"].as_array())
            .expect("list");
        assert_eq!(list[1]["disabled"], json!(true));
        assert_eq!(list[4]["fileName"], json!(""));
    }

    #[test]
    fn file_body_missing_warns() {
        let dir = tempfile::tempdir().expect("tempdir");
        let s = Scopes::default();
        let b = Body::File {
            src: Some("none.bin".into()),
        };
        let out = build_body(Some(&b), &input("POST", &s, dir.path()));
        assert_eq!(
            out.warnings,
            vec!["Binary file load error: \"none.bin\", no such file".to_string()]
        );
        assert!(out.bytes.is_none());
        assert_eq!(
            out.json,
            Some(json!({"mode": "file", "file": {"src": "none.bin", "value": null}}))
        );
    }
}

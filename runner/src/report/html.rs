//! The `html` reporter (`-r html`, `--reporter-html-export <path>`): one
//! self-contained page (inline CSS and JS, no network: its
//! Content-Security-Policy forbids any fetch) with
//!
//! * the run summary: requests passed, failed, errored, flaky and skipped,
//!   assertions, iterations, duration, and a banner when the run stopped
//!   early;
//! * the failures, each linking to its request;
//! * a timeline: one row per execution with a bar from its start for its
//!   duration (and one bar per earlier attempt of a retried request), so
//!   requests that ran side by side and retries can be seen;
//! * every execution, failed, errored and flaky ones first: folder path,
//!   assertions, request and response headers and bodies (bodies past
//!   [`DEFAULT_BODY_LIMIT`] bytes are cut), console output and warnings.
//!
//! The markup is in `html/*.html`: the page's parts (`page_*.html`) and an
//! execution's three parts (`failures.html`, `timeline_row.html`,
//! `execution.html`), rendered with minijinja and auto-escaped, so every
//! value from the run is escaped; the style and script are
//! `html/report.css` and `html/report.js`. minijinja rather than askama:
//! templates stay plain files beside this one (pulled in with
//! `include_str!`, no crate-level template directory or build step), it
//! renders straight into an `io::Write`, and it brings no dependency but
//! serde; the templates are parsed once per run and checked by a unit test.
//!
//! Memory stays flat whatever the run's length: each execution's HTML is
//! written, as it arrives, to one of four hidden temporary files beside
//! the target (failure list, timeline rows, executions needing attention,
//! the other executions); at the end the page is assembled from the
//! summary and those files, which are then removed. Secrets are masked
//! before any reporter sees an event (see [`super::redact`]).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use minijinja::{Environment, Value};
use serde::Serialize;

use super::format::{filesize, prettyms};
use super::{paths, BuildCtx, Reporter, ReporterOptions};
use crate::run::{ExecutionRecord, RunEvent, RunSummary};

/// Newman-style default file name.
pub const HTML_REPORT: &str = "newman-run-report.html";
/// Bytes of a body shown before it is cut (`--reporter-html-body-limit`).
pub const DEFAULT_BODY_LIMIT: usize = 64 * 1024;
/// Timeline rows drawn at most; later executions are counted.
pub const MAX_TIMELINE_ROWS: usize = 10_000;
/// Executions that need attention opened on load, at most.
const MAX_OPEN: usize = 20;

/// The templates, by name; each is one part of the page.
const TEMPLATES: &[(&str, &str)] = &[
    ("page_start.html", include_str!("html/page_start.html")),
    (
        "page_timeline.html",
        include_str!("html/page_timeline.html"),
    ),
    (
        "page_requests.html",
        include_str!("html/page_requests.html"),
    ),
    ("page_end.html", include_str!("html/page_end.html")),
    ("failures.html", include_str!("html/failures.html")),
    ("timeline_row.html", include_str!("html/timeline_row.html")),
    ("execution.html", include_str!("html/execution.html")),
];
const CSS: &str = include_str!("html/report.css");
const JS: &str = include_str!("html/report.js");

#[derive(Debug, Clone)]
pub struct HtmlSettings {
    /// `--reporter-html-export`; `None` for the default path.
    pub export: Option<String>,
    /// `--reporter-html-body-limit <bytes>`.
    pub body_limit: usize,
    /// `--reporter-html-title`; default: the collection's name.
    pub title: Option<String>,
    pub base_dir: PathBuf,
    /// With several collections, this report's collection (1-based): the
    /// file name gets `-<part>` ([`paths::numbered`]).
    pub part: Option<usize>,
    /// Whether secrets are masked (said on the page).
    pub redacted: bool,
}

impl Default for HtmlSettings {
    fn default() -> Self {
        HtmlSettings {
            export: None,
            body_limit: DEFAULT_BODY_LIMIT,
            title: None,
            base_dir: PathBuf::new(),
            redacted: true,
            part: None,
        }
    }
}

impl HtmlSettings {
    pub fn from_options(opts: &ReporterOptions, ctx: &BuildCtx) -> Self {
        HtmlSettings {
            export: opts.string("html", "export"),
            body_limit: opts
                .string("html", "bodyLimit")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(DEFAULT_BODY_LIMIT),
            title: opts.string("html", "title"),
            base_dir: ctx.cwd.clone(),
            part: ctx.part,
            redacted: ctx.redact,
        }
    }
}

/// The four parts written while the run goes.
const FAILURES: usize = 0;
const TIMELINE: usize = 1;
const ATTENTION: usize = 2;
const REST: usize = 3;
const PART_NAMES: [&str; 4] = [
    "html-failures",
    "html-timeline",
    "html-attention",
    "html-rest",
];

struct Spool {
    target: PathBuf,
    parts: Vec<(PathBuf, BufWriter<File>)>,
}

#[derive(Debug, Default, Clone, Serialize)]
struct Counts {
    executions: usize,
    pass: usize,
    fail: usize,
    error: usize,
    flaky: usize,
    skipped: usize,
    failures: usize,
    timeline_rows: usize,
    open: usize,
}

pub struct HtmlReporter {
    settings: HtmlSettings,
    env: Environment<'static>,
    spool: Option<Spool>,
    /// When the run started (timeline origin).
    t0: Option<SystemTime>,
    /// Milliseconds from `t0` to the end of the last execution.
    end_ms: u64,
    counts: Counts,
    done: bool,
}

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    // All are `.html`: auto-escaped. A template that fails to parse is a
    // bug caught by the unit tests.
    for (name, source) in TEMPLATES {
        let _ = env.add_template(name, source);
    }
    env
}

fn template_error(e: minijinja::Error) -> io::Error {
    io::Error::other(format!("html template: {e:#}"))
}

impl HtmlReporter {
    pub fn new(settings: HtmlSettings) -> Self {
        HtmlReporter {
            settings,
            env: environment(),
            spool: None,
            t0: None,
            end_ms: 0,
            counts: Counts::default(),
            done: false,
        }
    }

    fn open(&mut self) -> io::Result<&mut Spool> {
        if self.spool.is_none() {
            let requested = self.settings.export.as_deref().map(Path::new);
            let target = paths::resolve(
                requested,
                HTML_REPORT,
                &self.settings.base_dir,
                SystemTime::now(),
            )
            .map(|p| paths::numbered(p, self.settings.part))
            .map_err(|e| {
                let shown = requested
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| paths::DEFAULT_DIR.into());
                paths::file_error(e, &shown, "")
            })?;
            let mut parts = Vec::with_capacity(PART_NAMES.len());
            for name in PART_NAMES {
                let path = paths::temp_beside(&target, name);
                let file = File::create(&path).map_err(|e| paths::file_error(e, &path, ""))?;
                parts.push((path, BufWriter::with_capacity(1 << 15, file)));
            }
            self.spool = Some(Spool { target, parts });
        }
        self.spool
            .as_mut()
            .ok_or_else(|| io::Error::other("the html report could not be opened"))
    }

    fn execution(&mut self, rec: &ExecutionRecord) -> io::Result<()> {
        let t0 = *self.t0.get_or_insert(rec.started);
        self.open()?;
        self.counts.executions += 1;
        let n = self.counts.executions;
        let view = ExecView::new(rec, n, t0, self.settings.body_limit);
        for a in &view.attempts {
            self.end_ms = self.end_ms.max(a.start_ms + a.dur_ms);
        }
        match view.status {
            "pass" => self.counts.pass += 1,
            "fail" => self.counts.fail += 1,
            "error" => self.counts.error += 1,
            "flaky" => self.counts.flaky += 1,
            _ => self.counts.skipped += 1,
        }
        let attention = matches!(view.status, "fail" | "error" | "flaky");
        let open = attention && self.counts.open < MAX_OPEN;
        if open {
            self.counts.open += 1;
        }
        let draw = self.counts.timeline_rows < MAX_TIMELINE_ROWS;
        if draw {
            self.counts.timeline_rows += 1;
        }
        self.counts.failures += view.failures.len();
        let ctx = minijinja::context! { e => Value::from_serialize(&view), open => open };
        let env = &self.env;
        let Some(spool) = self.spool.as_mut() else {
            return Err(io::Error::other("the html report could not be opened"));
        };
        let render = |name: &str, out: &mut BufWriter<File>| {
            env.get_template(name)
                .and_then(|t| t.render_captured_to(&ctx, out))
                .map(|_| ())
                .map_err(template_error)
        };
        if !view.failures.is_empty() {
            render("failures.html", &mut spool.parts[FAILURES].1)?;
        }
        if draw {
            render("timeline_row.html", &mut spool.parts[TIMELINE].1)?;
        }
        let part = if attention { ATTENTION } else { REST };
        render("execution.html", &mut spool.parts[part].1)
    }

    fn finish(&mut self, summary: &RunSummary) -> io::Result<()> {
        if self.done {
            return Ok(());
        }
        self.done = true;
        self.open()?;
        let Some(spool) = self.spool.take() else {
            return Err(io::Error::other("the html report could not be opened"));
        };
        let Spool { target, parts } = spool;
        let mut paths_only = Vec::with_capacity(parts.len());
        for (path, mut w) in parts {
            w.flush()?;
            drop(w);
            paths_only.push(path);
        }
        let result = self
            .write_page(&target, &paths_only, summary)
            .map_err(|e| paths::file_error(e, &target, ""));
        for p in &paths_only {
            let _ = std::fs::remove_file(p);
        }
        result
    }

    fn write_page(&self, target: &Path, parts: &[PathBuf], summary: &RunSummary) -> io::Result<()> {
        let page = PageView::new(summary, &self.counts, &self.settings, self.end_ms);
        let ctx = minijinja::context! {
            p => Value::from_serialize(&page),
            css => Value::from_safe_string(CSS.to_string()),
            js => Value::from_safe_string(JS.to_string()),
        };
        let mut out = BufWriter::with_capacity(1 << 16, File::create(target)?);
        let env = &self.env;
        let render = |name: &str, out: &mut BufWriter<File>| {
            env.get_template(name)
                .and_then(|t| t.render_captured_to(&ctx, out))
                .map(|_| ())
                .map_err(template_error)
        };
        render("page_start.html", &mut out)?;
        io::copy(&mut File::open(&parts[FAILURES])?, &mut out)?;
        render("page_timeline.html", &mut out)?;
        io::copy(&mut File::open(&parts[TIMELINE])?, &mut out)?;
        render("page_requests.html", &mut out)?;
        io::copy(&mut File::open(&parts[ATTENTION])?, &mut out)?;
        io::copy(&mut File::open(&parts[REST])?, &mut out)?;
        render("page_end.html", &mut out)?;
        out.flush()
    }
}

impl Drop for HtmlReporter {
    fn drop(&mut self) {
        if let Some(spool) = self.spool.take() {
            for (path, w) in spool.parts {
                drop(w);
                let _ = std::fs::remove_file(path);
            }
        }
    }
}

impl Reporter for HtmlReporter {
    fn name(&self) -> &'static str {
        "html"
    }

    fn on_event(&mut self, event: &RunEvent) -> io::Result<()> {
        match event {
            RunEvent::Started { .. } => {
                self.t0.get_or_insert_with(SystemTime::now);
                self.open().map(|_| ())
            }
            RunEvent::Execution(rec) => self.execution(rec),
            RunEvent::Finished(summary) => self.finish(summary),
            RunEvent::IterationStarted { .. } | RunEvent::IterationFinished { .. } => Ok(()),
        }
    }
}

// ---- views: what the templates see ----------------------------------------

fn ms_between(t0: SystemTime, t: SystemTime) -> u64 {
    t.duration_since(t0)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// One try of an item, as the timeline draws it.
#[derive(Debug, Serialize)]
struct AttemptView {
    number: usize,
    start_ms: u64,
    dur_ms: u64,
    /// CSS class: the execution's status for the final attempt,
    /// `attempt-failed` for an earlier one.
    class: &'static str,
    /// What happened (shown on hover and in the attempts list).
    outcome: String,
}

/// The attempts of a record, oldest first, the record itself (the final
/// attempt) last. Earlier attempts exist when a retry policy tried the
/// item again (`ExecutionRecord::attempts`).
fn attempts(rec: &ExecutionRecord, t0: SystemTime, status: &'static str) -> Vec<AttemptView> {
    let mut out: Vec<AttemptView> = rec
        .attempts
        .iter()
        .map(|a| AttemptView {
            number: a.number,
            start_ms: ms_between(t0, a.started),
            dur_ms: (a.duration.as_millis() as u64).max(1),
            class: "attempt-failed",
            outcome: a.summary(),
        })
        .collect();
    let outcome = match (&rec.request_error, &rec.response) {
        (Some(e), _) => e.message.clone(),
        (None, Some(r)) => format!("{} {}", r.code, r.status),
        (None, None) if rec.skipped => "skipped".into(),
        (None, None) => "no request".into(),
    };
    out.push(AttemptView {
        number: rec.attempts.len() + 1,
        start_ms: ms_between(t0, rec.started),
        dur_ms: (rec.duration.as_millis() as u64).max(1),
        class: status,
        outcome,
    });
    out
}

#[derive(Debug, Serialize)]
struct AssertionView {
    name: String,
    /// `pass`, `fail` or `skipped`.
    state: &'static str,
    message: Option<String>,
}

#[derive(Debug, Serialize)]
struct FailureView {
    /// `assertion`, `prerequest-script`, `test-script`, `request`.
    at: String,
    test: String,
    message: String,
}

#[derive(Debug, Serialize)]
struct ConsoleView {
    level: &'static str,
    text: String,
}

#[derive(Debug, Serialize)]
struct BodyView {
    text: String,
    note: Option<String>,
}

#[derive(Debug, Serialize)]
struct ExecView {
    n: usize,
    status: &'static str,
    name: String,
    folder: Option<String>,
    full_name: String,
    search: String,
    iteration: usize,
    method: String,
    url: String,
    code: Option<u16>,
    status_text: String,
    time: String,
    size: String,
    request_error: Option<String>,
    assertions: Vec<AssertionView>,
    failures: Vec<FailureView>,
    request_headers: Vec<(String, String)>,
    request_body: Option<BodyView>,
    response_headers: Vec<(String, String)>,
    response_body: Option<BodyView>,
    console: Vec<ConsoleView>,
    warnings: Vec<String>,
    attempts: Vec<AttemptView>,
    retried: bool,
}

fn status_of(rec: &ExecutionRecord) -> &'static str {
    if rec.request_error.is_some() || rec.script_errors().next().is_some() {
        "error"
    } else if rec.assertions().any(|a| a.error.is_some()) {
        "fail"
    } else if rec.flaky() {
        "flaky"
    } else if rec.skipped || (rec.request.is_none() && rec.response.is_none()) {
        "skipped"
    } else {
        "pass"
    }
}

fn content_type(headers: &[(String, String)]) -> Option<&str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v.as_str())
}

/// A body as text, cut past `limit` bytes; JSON is indented when whole.
fn body_view(bytes: &[u8], content_type: Option<&str>, limit: usize) -> Option<BodyView> {
    if bytes.is_empty() {
        return None;
    }
    let cut = bytes.len() > limit;
    let shown = &bytes[..bytes.len().min(limit)];
    let text = match std::str::from_utf8(shown) {
        Ok(t) => t,
        // Cut inside a character: drop its first bytes.
        Err(e) if e.error_len().is_none() && cut => {
            std::str::from_utf8(&shown[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => {
            return Some(BodyView {
                text: String::new(),
                note: Some(format!(
                    "binary body, {} ({} bytes), not shown",
                    filesize(bytes.len() as u64),
                    bytes.len()
                )),
            })
        }
    };
    let is_json = content_type.is_some_and(|c| c.to_ascii_lowercase().contains("json"));
    let text = if is_json && !cut {
        serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|v| serde_json::to_string_pretty(&v).ok())
            .filter(|p| p.len() <= limit.saturating_mul(2))
            .unwrap_or_else(|| text.to_string())
    } else {
        text.to_string()
    };
    let note = cut.then(|| {
        format!(
            "cut: the first {} of {} bytes are shown",
            shown.len(),
            bytes.len()
        )
    });
    Some(BodyView { text, note })
}

impl ExecView {
    fn new(rec: &ExecutionRecord, n: usize, t0: SystemTime, limit: usize) -> Self {
        let status = status_of(rec);
        let item = &rec.item;
        let (method, url) = match &rec.request {
            Some(sent) => (sent.prepared.method.clone(), sent.prepared.url.clone()),
            None => (
                item.item.request.method.clone(),
                item.item.request.url.raw.clone(),
            ),
        };
        let request_headers = rec
            .response
            .as_ref()
            .map(|r| r.request_headers.clone())
            .filter(|h| !h.is_empty())
            .or_else(|| rec.request.as_ref().map(|s| s.prepared.headers.clone()))
            .unwrap_or_default();
        let request_body = rec.request.as_ref().and_then(|s| {
            s.prepared
                .body
                .as_ref()
                .and_then(|b| body_view(b, content_type(&s.prepared.headers), limit))
        });
        let mut assertions = Vec::new();
        let mut failures = Vec::new();
        for a in rec.assertions() {
            let (state, message) = match (&a.error, a.skipped) {
                (_, true) => ("skipped", None),
                (Some(e), _) => {
                    failures.push(FailureView {
                        at: "assertion".into(),
                        test: a.name.clone(),
                        message: format!("{}: {}", e.name, e.message),
                    });
                    ("fail", Some(e.message.clone()))
                }
                (None, false) => ("pass", None),
            };
            assertions.push(AssertionView {
                name: a.name.clone(),
                state,
                message,
            });
        }
        for (listen, e) in rec.script_errors() {
            failures.push(FailureView {
                at: format!("{listen}-script"),
                test: String::new(),
                message: format!("{}: {}", e.name, e.message),
            });
        }
        if let Some(e) = &rec.request_error {
            failures.insert(
                0,
                FailureView {
                    at: "request".into(),
                    test: String::new(),
                    message: e.message.clone(),
                },
            );
        }
        let console = rec
            .console
            .iter()
            .map(|c| ConsoleView {
                level: match c.level {
                    crate::script::ConsoleLevel::Log => "log",
                    crate::script::ConsoleLevel::Info => "info",
                    crate::script::ConsoleLevel::Warn => "warn",
                    crate::script::ConsoleLevel::Error => "error",
                    crate::script::ConsoleLevel::Debug => "debug",
                    crate::script::ConsoleLevel::Clear => "clear",
                },
                text: c.messages.join(" "),
            })
            .collect();
        let mut warnings = rec.warnings.clone();
        if let Some(sent) = &rec.request {
            warnings.extend(sent.prepared.warnings.iter().cloned());
        }
        let resp = rec.response.as_deref();
        ExecView {
            n,
            status,
            name: item.item.name.clone(),
            folder: item.group_name.clone(),
            full_name: item.full_name.clone(),
            search: item.full_name.to_lowercase(),
            iteration: rec.cursor.iteration + 1,
            method,
            url,
            code: resp.map(|r| r.code),
            status_text: resp.map(|r| r.status.clone()).unwrap_or_default(),
            time: resp.map(|r| prettyms(r.response_time)).unwrap_or_default(),
            size: resp
                .map(|r| filesize((r.body.len() + r.header_size) as u64))
                .unwrap_or_default(),
            request_error: rec.request_error.as_ref().map(|e| e.message.clone()),
            assertions,
            failures,
            request_headers,
            request_body,
            response_headers: resp.map(|r| r.headers.clone()).unwrap_or_default(),
            response_body: resp.and_then(|r| body_view(&r.body, content_type(&r.headers), limit)),
            console,
            warnings,
            retried: !rec.attempts.is_empty(),
            attempts: attempts(rec, t0, status),
        }
    }
}

#[derive(Debug, Serialize)]
struct Tick {
    pct: f64,
    label: String,
}

#[derive(Debug, Serialize)]
struct PageView {
    title: String,
    collection: String,
    started: String,
    duration: String,
    counts: Counts,
    iterations: usize,
    requests: usize,
    assertions: usize,
    assertions_failed: usize,
    test_scripts_failed: usize,
    prerequest_scripts_failed: usize,
    average: String,
    received: String,
    interrupted: bool,
    error: Option<String>,
    redacted: bool,
    total_ms: u64,
    ticks: Vec<Tick>,
    timeline_hidden: usize,
    version: &'static str,
    generated: String,
    body_limit: String,
}

impl PageView {
    fn new(s: &RunSummary, counts: &Counts, settings: &HtmlSettings, end_ms: u64) -> Self {
        let name = if s.collection.name.is_empty() {
            s.collection.id.clone()
        } else {
            s.collection.name.clone()
        };
        let total_ms = end_ms.max(1);
        let ticks = (0..=4)
            .map(|i| Tick {
                pct: f64::from(i) * 25.0,
                label: if i == 0 {
                    "0".into()
                } else {
                    prettyms(total_ms as f64 * f64::from(i) / 4.0)
                },
            })
            .collect();
        let t = &s.timings;
        let st = &s.stats;
        PageView {
            title: settings.title.clone().unwrap_or_else(|| name.clone()),
            collection: name,
            started: paths::iso_from_epoch_ms(t.started),
            duration: prettyms(t.completed.saturating_sub(t.started) as f64),
            counts: counts.clone(),
            iterations: st.iterations.total,
            requests: st.requests.total,
            assertions: st.assertions.total,
            assertions_failed: st.assertions.failed,
            test_scripts_failed: st.test_scripts.failed,
            prerequest_scripts_failed: st.prerequest_scripts.failed,
            average: prettyms(t.response_average),
            received: filesize(s.transfers_response_total),
            interrupted: s.interrupted || s.error.is_some(),
            error: s.error.clone(),
            redacted: settings.redacted,
            total_ms,
            ticks,
            timeline_hidden: counts.executions.saturating_sub(counts.timeline_rows),
            version: crate::VERSION,
            generated: paths::iso_millis(SystemTime::now()),
            body_limit: if settings.body_limit % 1024 == 0 {
                format!("{} KiB", settings.body_limit / 1024)
            } else {
                format!("{} bytes", settings.body_limit)
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::json::tests::sample_run;

    #[test]
    fn templates_parse() {
        let env = environment();
        for (name, _) in TEMPLATES {
            if let Err(e) = env.get_template(name) {
                panic!("{name}: {e:#}");
            }
        }
    }

    #[test]
    fn body_view_cuts_escapes_later_and_pretty_prints_json() {
        let v = body_view(br#"{"a":1}"#, Some("application/json"), 100).expect("body");
        assert_eq!(v.text, "{\n  \"a\": 1\n}");
        assert!(v.note.is_none());
        let v = body_view("héllo".as_bytes(), None, 2).expect("body");
        assert_eq!(v.text, "h");
        assert!(v.note.as_deref().is_some_and(|n| n.contains("of 6 bytes")));
        let v = body_view(&[0xff, 0x00, 0xfe], None, 100).expect("body");
        assert!(v.note.as_deref().is_some_and(|n| n.starts_with("binary")));
        assert!(body_view(b"", None, 10).is_none());
    }

    #[test]
    fn sample_run_writes_one_escaped_page() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("r.html");
        let mut rep = HtmlReporter::new(HtmlSettings {
            export: Some(target.to_string_lossy().into_owned()),
            base_dir: dir.path().to_path_buf(),
            ..HtmlSettings::default()
        });
        let run = sample_run();
        for ev in &run.events {
            rep.on_event(ev).expect("event");
        }
        rep.on_event(&RunEvent::Finished(run.summary.clone()))
            .expect("finish");
        let html = std::fs::read_to_string(&target).expect("report");
        assert!(html.starts_with("<!doctype html>"), "{}", &html[..80]);
        assert!(html.trim_end().ends_with("</html>"));
        assert!(html.contains("id=\"timeline\""));
        assert!(html.contains("<details class=\"exec\""));
        if let Ok(keep) = std::env::var("POSTGATE_KEEP_HTML") {
            let _ = std::fs::write(keep, &html);
        }
        // Only the page's own script; nothing from outside.
        assert_eq!(html.matches("<script").count(), 1);
        assert!(!html.contains("src=\"http"));
        assert!(!html.contains("href=\"http"));
        // Temporary parts are gone.
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left, vec!["r.html".to_string()]);
    }
}

//! `-r github`: GitHub Actions workflow commands and a job summary.
//!
//! * Every failure (failed assertion, script error, request error) becomes
//!   an `::error` annotation on stdout, pointing at the collection file (and
//!   the item's line when it can be found), so it shows on the run page and
//!   beside the file in a pull request.
//! * At the end, a Markdown summary (counts, failures, flaky requests) is
//!   appended to the file named by `$GITHUB_STEP_SUMMARY`, when it is set.
//!
//! Options: `--reporter-github-summary PATH` writes the summary elsewhere;
//! `--reporter-github-no-summary` and `--reporter-github-no-annotations`
//! turn either half off.
//!
//! Escaping follows GitHub's workflow-command rules: in the message `%`,
//! CR and LF become `%25`, `%0D`, `%0A`; in properties (`file`, `title`)
//! `:` and `,` also become `%3A` and `%2C`.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::format::{filesize, prettyms};
use super::{BuildCtx, Reporter, ReporterOptions};
use crate::run::{ExecutionRecord, Failure, RunEvent, RunSummary};

/// Failures listed in the job summary at most; the rest are counted.
const SUMMARY_FAILURES: usize = 50;

/// Settings of the GitHub reporter.
#[derive(Debug, Clone, Default)]
pub struct GithubSettings {
    pub annotations: bool,
    /// Where the Markdown summary is appended; `None`: no summary.
    pub summary: Option<PathBuf>,
    /// The collection file as annotations name it (relative to the
    /// workspace); `None` when the collection is a URL.
    pub file: Option<String>,
    /// The collection's text, to find an item's line.
    pub text: Option<String>,
}

impl GithubSettings {
    pub fn from_options(opts: &ReporterOptions, ctx: &BuildCtx) -> Self {
        let summary = if opts.flag("github", "noSummary") {
            None
        } else {
            opts.string("github", "summary")
                .map(|p| ctx.cwd.join(p))
                .or_else(|| {
                    std::env::var_os("GITHUB_STEP_SUMMARY")
                        .filter(|v| !v.is_empty())
                        .map(PathBuf::from)
                })
        };
        let workspace = std::env::var_os("GITHUB_WORKSPACE")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        let (file, text) = match ctx.collection.as_deref() {
            Some(c) if !c.starts_with("http://") && !c.starts_with("https://") => {
                let path = ctx.cwd.join(c);
                let text = std::fs::read(&path)
                    .ok()
                    .map(|b| crate::collection::decode_text(&b));
                (
                    Some(annotation_path(&path, workspace.as_deref(), &ctx.cwd)),
                    text,
                )
            }
            _ => (None, None),
        };
        GithubSettings {
            annotations: !opts.flag("github", "noAnnotations"),
            summary,
            file,
            text,
        }
    }
}

/// The path GitHub matches against the repository: relative to the
/// workspace (or the current directory), with forward slashes.
fn annotation_path(path: &Path, workspace: Option<&Path>, cwd: &Path) -> String {
    let rel = workspace
        .and_then(|w| path.strip_prefix(w).ok())
        .or_else(|| path.strip_prefix(cwd).ok())
        .unwrap_or(path);
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                parts.pop();
            }
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    let joined = parts.join("/");
    if rel.is_absolute() && !joined.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

/// Escape a workflow command's message.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a workflow command's property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A Markdown table cell: pipes escaped, HTML neutralised, one line.
fn cell(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace(['\n', '\r'], "<br>")
}

/// One flaky execution: it passed, but only after failed attempts.
#[derive(Debug, Clone)]
struct Flaky {
    name: String,
    iteration: usize,
    attempts: usize,
    earlier: Vec<String>,
}

pub struct GithubReporter<W: Write + Send> {
    out: W,
    s: GithubSettings,
    /// Requests that passed only on a retry, for the summary.
    flaky: Vec<Flaky>,
    collection_name: String,
}

impl<W: Write + Send> GithubReporter<W> {
    pub fn new(out: W, s: GithubSettings) -> Self {
        GithubReporter {
            out,
            s,
            flaky: Vec::new(),
            collection_name: String::new(),
        }
    }

    /// The 1-based line of an item in the collection file: where its `id`
    /// is, else where its `name` is when that name appears once.
    fn line_of(&self, id: &str, name: &str) -> Option<usize> {
        let text = self.s.text.as_deref()?;
        let find = |key: &str, value: &str| -> Vec<usize> {
            let Ok(quoted) = serde_json::to_string(value) else {
                return Vec::new();
            };
            let pattern = format!(r#""{key}"\s*:\s*{}"#, regex::escape(&quoted));
            match regex::Regex::new(&pattern) {
                Ok(re) => re.find_iter(text).map(|m| m.start()).collect(),
                Err(_) => Vec::new(),
            }
        };
        let line = |offset: usize| text[..offset].matches('\n').count() + 1;
        let by_id = find("id", id);
        if by_id.len() == 1 {
            return Some(line(by_id[0]));
        }
        let by_name = find("name", name);
        (by_name.len() == 1).then(|| line(by_name[0]))
    }

    fn command(&self, level: &str, line: Option<usize>, title: &str, message: &str) -> String {
        let mut props = Vec::new();
        if let Some(f) = &self.s.file {
            props.push(format!("file={}", escape_property(f)));
            if let Some(l) = line {
                props.push(format!("line={l}"));
            }
        }
        props.push(format!("title={}", escape_property(title)));
        format!("::{level} {}::{}\n", props.join(","), escape_data(message))
    }

    fn annotation(&self, rec: &ExecutionRecord, f: &Failure) -> String {
        let item = &rec.item;
        let mut title = if f.is_request_error {
            format!("{}: request failed", item.full_name)
        } else if f.index.is_some() {
            format!("{}: {}", item.full_name, f.test)
        } else {
            format!("{}: {} in {}", item.full_name, f.error.name, f.at)
        };
        if f.cursor.cycles > 1 {
            title.push_str(&format!(" (iteration {})", f.cursor.iteration + 1));
        }
        let message = if f.is_request_error {
            let (method, url) = match &rec.request {
                Some(sent) => (sent.prepared.method.clone(), sent.prepared.url.clone()),
                None => (
                    item.item.request.method.clone(),
                    item.item.request.url.raw.clone(),
                ),
            };
            format!("{method} {url}: {}", f.error.message)
        } else {
            format!("{}: {}", f.error.name, f.error.message)
        };
        self.command(
            "error",
            self.line_of(&item.item.id, &item.item.name),
            &title,
            &message,
        )
    }

    fn execution(&mut self, rec: &ExecutionRecord) -> std::io::Result<()> {
        if let Some(f) = flaky_of(rec) {
            if self.s.annotations {
                let msg = format!(
                    "passed on attempt {} after: {}",
                    f.attempts,
                    f.earlier.join("; ")
                );
                let line = self.command(
                    "warning",
                    self.line_of(&rec.item.item.id, &rec.item.item.name),
                    &format!("{}: flaky", f.name),
                    &msg,
                );
                self.out.write_all(line.as_bytes())?;
            }
            self.flaky.push(f);
        }
        if !self.s.annotations {
            return Ok(());
        }
        let mut o = String::new();
        for f in RunSummary::failures_of(rec) {
            o.push_str(&self.annotation(rec, &f));
        }
        if !o.is_empty() {
            self.out.write_all(o.as_bytes())?;
            self.out.flush()?;
        }
        Ok(())
    }

    fn finished(&mut self, summary: &RunSummary) -> std::io::Result<()> {
        if self.s.annotations {
            if let Some(err) = &summary.error {
                let line = self.command("error", None, "postgate: the run stopped", err);
                self.out.write_all(line.as_bytes())?;
                self.out.flush()?;
            }
        }
        let Some(path) = self.s.summary.clone() else {
            return Ok(());
        };
        let text = self.markdown(summary);
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(|e| {
                std::io::Error::new(
                    e.kind(),
                    format!("could not open the job summary {}: {e}", path.display()),
                )
            })?;
        f.write_all(text.as_bytes())
    }

    /// The job summary.
    pub fn markdown(&self, summary: &RunSummary) -> String {
        let st = &summary.stats;
        let failed = summary.exit_failed();
        let name = if self.collection_name.is_empty() {
            "collection"
        } else {
            self.collection_name.as_str()
        };
        let mut o = String::new();
        o.push_str(&format!(
            "### {} postgate: {} {}\n\n",
            if failed { "❌" } else { "✅" },
            cell(name),
            if failed { "failed" } else { "passed" }
        ));
        o.push_str("| | executed | failed |\n|:--|--:|--:|\n");
        for (label, s) in [
            ("iterations", st.iterations),
            ("requests", st.requests),
            ("test-scripts", st.test_scripts),
            ("prerequest-scripts", st.prerequest_scripts),
            ("assertions", st.assertions),
        ] {
            o.push_str(&format!("| {label} | {} | {} |\n", s.total, s.failed));
        }
        if let Some(f) = st.flaky {
            o.push_str(&format!(
                "| flaky requests | {} | {} |\n",
                f.total, f.failed
            ));
        }
        o.push('\n');
        let t = &summary.timings;
        let mut facts = vec![
            format!(
                "total run duration: {}",
                prettyms(t.completed.saturating_sub(t.started) as f64)
            ),
            format!(
                "data received: {}",
                filesize(summary.transfers_response_total)
            ),
        ];
        if t.response_average != 0.0 {
            facts.push(format!(
                "average response time: {}",
                prettyms(t.response_average)
            ));
        }
        o.push_str(&facts.join(" · "));
        o.push_str("\n\n");
        if let Some(err) = &summary.error {
            o.push_str(&format!("**The run stopped:** {}\n\n", cell(err)));
        }
        if !summary.failures.is_empty() {
            o.push_str(&format!("#### Failures ({})\n\n", summary.failures.len()));
            o.push_str("| # | request | failure | detail |\n|--:|:--|:--|:--|\n");
            for (i, f) in summary.failures.iter().take(SUMMARY_FAILURES).enumerate() {
                let mut place = f.source.full_name.clone();
                if f.cursor.cycles > 1 {
                    place.push_str(&format!(" (iteration {})", f.cursor.iteration + 1));
                }
                let what = if f.is_request_error {
                    "request error".to_string()
                } else if f.index.is_some() {
                    f.test.clone()
                } else {
                    format!("{} in {}", f.error.name, f.at)
                };
                let detail = if f.index.is_some() {
                    format!("{}: {}", f.error.name, f.error.message)
                } else {
                    f.error.message.clone()
                };
                o.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    i + 1,
                    cell(&place),
                    cell(&what),
                    cell(&detail)
                ));
            }
            if summary.failures.len() > SUMMARY_FAILURES {
                o.push_str(&format!(
                    "\n…and {} more.\n",
                    summary.failures.len() - SUMMARY_FAILURES
                ));
            }
            o.push('\n');
        }
        if !self.flaky.is_empty() {
            o.push_str(&format!(
                "#### Flaky requests ({})\n\nPassed only after a retry.\n\n",
                self.flaky.len()
            ));
            o.push_str("| request | attempts | earlier failures |\n|:--|--:|:--|\n");
            for f in &self.flaky {
                let mut place = f.name.clone();
                if summary.stats.iterations.total > 1 {
                    place.push_str(&format!(" (iteration {})", f.iteration + 1));
                }
                o.push_str(&format!(
                    "| {} | {} | {} |\n",
                    cell(&place),
                    f.attempts,
                    cell(&f.earlier.join("; "))
                ));
            }
            o.push('\n');
        }
        o
    }
}

/// The retries an execution needed, when it passed only after failing
/// (`--retries`); `None` for everything else.
fn flaky_of(rec: &ExecutionRecord) -> Option<Flaky> {
    if !rec.flaky() {
        return None;
    }
    Some(Flaky {
        name: rec.item.full_name.clone(),
        iteration: rec.cursor.iteration,
        attempts: rec.attempt_number(),
        earlier: rec
            .attempts
            .iter()
            .map(|a| format!("attempt {}: {}", a.number, a.summary()))
            .collect(),
    })
}

impl<W: Write + Send> Reporter for GithubReporter<W> {
    fn name(&self) -> &'static str {
        "github"
    }

    fn on_event(&mut self, event: &RunEvent) -> std::io::Result<()> {
        match event {
            RunEvent::Started { collection, .. } => {
                self.collection_name = if collection.name.is_empty() {
                    collection.id.clone()
                } else {
                    collection.name.clone()
                };
                Ok(())
            }
            RunEvent::Execution(rec) => self.execution(rec),
            RunEvent::Finished(summary) => self.finished(summary),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_workflow_command_rules() {
        assert_eq!(escape_data("a%b\r\nc: d, e"), "a%25b%0D%0Ac: d, e");
        assert_eq!(escape_property("a%b\nc: d, e"), "a%25b%0Ac%3A d%2C e");
    }

    #[test]
    fn markdown_cells_stay_in_their_cell() {
        assert_eq!(cell("a|b\n<i>"), "a\\|b<br>&lt;i&gt;");
    }

    #[test]
    fn paths_are_relative_to_the_workspace() {
        let p = Path::new("/w/repo/collections/./api.json");
        assert_eq!(
            annotation_path(p, Some(Path::new("/w/repo")), Path::new("/elsewhere")),
            "collections/api.json"
        );
        assert_eq!(
            annotation_path(p, None, Path::new("/w/repo/collections")),
            "api.json"
        );
    }
}

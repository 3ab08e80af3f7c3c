//! Reporters: each consumes run events and writes one format. The set of
//! selected reporters is itself a run listener; the CLI reporter is the one
//! place that writes run output to the terminal.

pub mod background;
pub mod cli;
pub mod export;
pub mod format;
pub mod github;
pub mod html;
pub mod json;
pub mod junit;
pub mod options;
pub mod paths;
pub mod progress;
pub mod redact;

use crate::run::{RunEvent, RunListener};

pub use options::ReporterOptions;

/// One output format.
pub trait Reporter: Send {
    fn name(&self) -> &'static str;
    fn on_event(&mut self, event: &RunEvent) -> std::io::Result<()>;
}

/// What building a file reporter needs from the command line besides its
/// options.
#[derive(Debug, Clone, Default)]
pub struct BuildCtx {
    /// Relative report and export paths are taken from here (the current
    /// directory, as Newman takes them).
    pub cwd: std::path::PathBuf,
    /// The collection as given on the command line (path or URL), for
    /// reporters that point at it (github annotations).
    pub collection: Option<String>,
    /// `--silent`: reporters that draw on the terminal (progress) stay quiet.
    pub silent: bool,
    /// Secrets are masked (no `--no-redact`); reports may say so.
    pub redact: bool,
}

impl BuildCtx {
    /// The context of this process (its current directory).
    pub fn current() -> Self {
        BuildCtx {
            cwd: std::env::current_dir().unwrap_or_default(),
            collection: None,
            silent: false,
            redact: true,
        }
    }
}

/// Build a reporter by name (`json`, `junit`, `html`, `progress`); `None`
/// for a name this build does not have.
pub fn build(name: &str, opts: &ReporterOptions, ctx: &BuildCtx) -> Option<Box<dyn Reporter>> {
    match name {
        "json" => {
            let settings = json::JsonSettings::from_options(opts, ctx);
            Some(Box::new(json::JsonReporter::new(settings)))
        }
        "junit" => {
            let settings = junit::JunitSettings::from_options(opts, ctx);
            Some(Box::new(junit::JunitReporter::new(settings)))
        }
        "html" => {
            let settings = html::HtmlSettings::from_options(opts, ctx);
            Some(Box::new(html::HtmlReporter::new(settings)))
        }
        "progress" => Some(Box::new(progress::ProgressReporter::new(ctx.silent))),
        "github" => {
            let settings = github::GithubSettings::from_options(opts, ctx);
            Some(Box::new(github::GithubReporter::new(
                std::io::stdout(),
                settings,
            )))
        }
        _ => None,
    }
}

/// The selected reporters, fed in order. A reporter that fails to write is
/// reported once on stderr and dropped; the others go on.
#[derive(Default)]
pub struct ReporterSet {
    pub reporters: Vec<Box<dyn Reporter>>,
    pub errors: Vec<String>,
    /// Masks secrets in every event before any reporter sees it; `None`
    /// with `--no-redact`.
    pub redactor: Option<redact::Redactor>,
}

impl ReporterSet {
    pub fn push(&mut self, r: Box<dyn Reporter>) {
        self.reporters.push(r);
    }
}

impl RunListener for ReporterSet {
    fn on_event(&mut self, event: &RunEvent) {
        let masked;
        let event = match self.redactor.as_mut() {
            Some(r) => {
                masked = r.event(event);
                &*masked
            }
            None => event,
        };
        let mut failed = Vec::new();
        for (i, r) in self.reporters.iter_mut().enumerate() {
            if let Err(e) = r.on_event(event) {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    failed.push((i, None));
                } else {
                    failed.push((i, Some(format!("{} reporter: {e}", r.name()))));
                }
            }
        }
        for (i, msg) in failed.into_iter().rev() {
            self.reporters.remove(i);
            if let Some(m) = msg {
                self.errors.push(m);
            }
        }
    }
}

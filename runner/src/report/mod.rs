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
    /// Every run of the invocation has ended (several collections may have
    /// run); a report that covers them all is written now.
    fn close(&mut self) -> std::io::Result<()> {
        Ok(())
    }
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
    /// How many collections the invocation runs (0 or 1: one).
    pub collections: usize,
    /// With several collections, the 1-based position of the collection a
    /// per-collection report is for; its file name gets `-<part>`
    /// ([`paths::numbered`]).
    pub part: Option<usize>,
}

impl BuildCtx {
    /// The context of this process (its current directory).
    pub fn current() -> Self {
        BuildCtx {
            cwd: std::env::current_dir().unwrap_or_default(),
            collection: None,
            silent: false,
            redact: true,
            collections: 1,
            part: None,
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
    /// Reporters that see every run.
    pub reporters: Vec<Box<dyn Reporter>>,
    /// With several collections: the reporters that write one output per
    /// collection, by collection position.
    pub parts: Vec<Vec<Box<dyn Reporter>>>,
    pub errors: Vec<String>,
    /// Masks secrets in every event before any reporter sees it; `None`
    /// with `--no-redact`.
    pub redactor: Option<redact::Redactor>,
}

impl ReporterSet {
    pub fn push(&mut self, r: Box<dyn Reporter>) {
        self.reporters.push(r);
    }

    /// Feed an event of collection `part` (0-based).
    pub fn on_part_event(&mut self, part: usize, event: &RunEvent) {
        let masked;
        let event = match self.redactor.as_mut() {
            Some(r) => {
                masked = r.event(event);
                &*masked
            }
            None => event,
        };
        feed(&mut self.reporters, &mut self.errors, |r| r.on_event(event));
        if let Some(list) = self.parts.get_mut(part) {
            feed(list, &mut self.errors, |r| r.on_event(event));
        }
    }

    /// Every run has ended: reporters covering several runs write now.
    pub fn close(&mut self) {
        feed(&mut self.reporters, &mut self.errors, |r| r.close());
        for list in &mut self.parts {
            feed(list, &mut self.errors, |r| r.close());
        }
    }
}

/// Give each reporter of `list` one call; drop the ones that fail.
fn feed(
    list: &mut Vec<Box<dyn Reporter>>,
    errors: &mut Vec<String>,
    mut call: impl FnMut(&mut dyn Reporter) -> std::io::Result<()>,
) {
    let mut failed = Vec::new();
    for (i, r) in list.iter_mut().enumerate() {
        if let Err(e) = call(r.as_mut()) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                failed.push((i, None));
            } else {
                failed.push((i, Some(format!("{} reporter: {e}", r.name()))));
            }
        }
    }
    for (i, msg) in failed.into_iter().rev() {
        list.remove(i);
        if let Some(m) = msg {
            errors.push(m);
        }
    }
}

impl RunListener for ReporterSet {
    fn on_event(&mut self, event: &RunEvent) {
        self.on_part_event(0, event);
    }
}

impl crate::run::multi::MultiListener for ReporterSet {
    fn on_run_event(&mut self, run: usize, event: &RunEvent) {
        self.on_part_event(run, event);
    }
}

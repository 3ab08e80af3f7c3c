//! Typed errors for everything that can stop a run before or outside a
//! request. Errors that belong to one request (network, script) are not here:
//! they are recorded in that request's execution record and the run goes on.

use std::path::PathBuf;

/// What kind of input file a load error is about; it names the file in the
/// message the way Newman does ("collection could not be loaded").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Collection,
    Environment,
    Globals,
    IterationData,
    CookieJar,
    Other,
}

impl InputKind {
    pub fn headline(self) -> &'static str {
        match self {
            InputKind::Collection => "collection could not be loaded",
            InputKind::Environment => "could not load environment",
            InputKind::Globals => "could not load globals",
            InputKind::IterationData => "iteration data could not be loaded",
            InputKind::CookieJar => "cookie jar could not be loaded",
            InputKind::Other => "file could not be loaded",
        }
    }
}

/// An error that stops the run. Rendered once for the terminal (`error: …`
/// plus indented detail lines, as Newman prints) and once as plain text for
/// reports.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}\n  unable to read data from file \"{}\"\n  {source}", kind.headline(), path.display())]
    Read {
        kind: InputKind,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}\n  {}: invalid JSON at line {line}, column {column}: {message}", kind.headline(), path.display())]
    Json {
        kind: InputKind,
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}\n  {}: at {json_path}: {message}", kind.headline(), path.display())]
    Shape {
        kind: InputKind,
        path: PathBuf,
        json_path: String,
        message: String,
    },
    #[error("{}\n  {}: {message}", kind.headline(), path.display())]
    Unsupported {
        kind: InputKind,
        path: PathBuf,
        message: String,
    },
    #[error("{}\n  {}: {message}", kind.headline(), source_name)]
    Fetch {
        kind: InputKind,
        source_name: String,
        message: String,
    },
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Run(String),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// Plain one-paragraph text for reports (no terminal styling).
    pub fn plain(&self) -> String {
        self.to_string()
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

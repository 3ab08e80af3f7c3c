//! Options that change how a run behaves (not how it is reported).

use std::path::PathBuf;
use std::time::Duration;

use crate::data::Row;
use crate::http::HttpOptions;

/// `--bail [folder,failure]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bail {
    /// Stop gracefully after the item in which anything failed.
    pub failure: bool,
    /// An unknown `--folder` stops the run before it starts; errors abort.
    pub folder: bool,
}

#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// `-n`; `None` means the data file's row count, else 1.
    pub iteration_count: Option<usize>,
    pub data: Vec<Row>,
    /// `--folder`, repeatable.
    pub folders: Vec<String>,
    pub bail: Option<Bail>,
    pub delay_request: Option<Duration>,
    /// `--timeout`: the whole run.
    pub timeout: Option<Duration>,
    pub timeout_script: Option<Duration>,
    pub working_dir: PathBuf,
    /// `--no-insecure-file-read`.
    pub restrict_files: bool,
    pub http: HttpOptions,
    /// `--jobs`: requests in flight at most between two barriers; 1 runs
    /// one request at a time, exactly in Newman's order.
    pub jobs: usize,
    /// `--shard I/N` (1-based I).
    pub shard: Option<(usize, usize)>,
    /// `--wait-for` and friends: what must be ready before the first item.
    pub readiness: crate::policy::ReadinessOptions,
    /// `--retries` and friends: the retry policy's command-line defaults.
    pub retry: crate::policy::RetryOptions,
    /// `--parallel-iterations`: iterations run side by side, each from the
    /// scopes and cookies the run started with.
    pub parallel_iterations: bool,
    /// Permits for requests in flight, shared by every collection of one
    /// invocation (and by side-by-side iterations); `None` leaves the cap
    /// to `jobs` alone.
    pub in_flight: Option<std::sync::Arc<tokio::sync::Semaphore>>,
}

/// The default for `--jobs`: enough to hide network latency for a smoke
/// suite, few enough not to load a small test environment.
pub const DEFAULT_JOBS: usize = 32;

impl RunOptions {
    pub fn cycles(&self) -> usize {
        self.iteration_count
            .unwrap_or(if self.data.is_empty() {
                1
            } else {
                self.data.len()
            })
            .max(1)
    }
}

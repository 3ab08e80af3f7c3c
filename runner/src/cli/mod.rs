//! The command line: clap definitions (Newman's `run` options grouped apart
//! from postgate's own), Newman's reporter-option syntax, and turning
//! arguments into a run. Exit codes: 0 when every request, script and
//! assertion passed (or with `-x`), 1 otherwise.

mod args;
pub mod completions;
pub mod config;
pub mod lint;
mod reporter_args;
mod start;

pub use args::{Cli, Command, RunArgs};
pub use reporter_args::extract_reporter_options;
pub use start::main_entry;

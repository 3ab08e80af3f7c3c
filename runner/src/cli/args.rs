//! Clap definitions. One definition per flag feeds `--help`, the CLI
//! reference in `docs/cli.md` and (later) completions and the man page.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "postgate",
    version,
    about = "Run Postman collections natively, with Newman's semantics",
    long_about = None,
    propagate_version = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a collection (a drop-in for `newman run`).
    // Newman lets a repeated option override the earlier one.
    #[command(args_override_self = true)]
    Run(Box<RunArgs>),
    /// Report what postgate cannot run as Newman would (unknown auth,
    /// missing modules, newer Postman APIs, scripts that serialise the run).
    Lint(super::lint::LintArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell).
    Completions(super::completions::CompletionsArgs),
    /// Print the man page (roff), or write every page to a directory.
    Man(super::completions::ManArgs),
}

/// A positive integer, as Newman requires for its numeric options.
fn positive_int(s: &str) -> Result<u64, String> {
    match s.trim().parse::<f64>() {
        Ok(n) if n.is_finite() && n > 0.0 && n.fract() == 0.0 && n <= 9_007_199_254_740_991.0 => {
            Ok(n as u64)
        }
        _ => Err("The value must be a positive integer.".into()),
    }
}

fn shard_spec(s: &str) -> Result<(usize, usize), String> {
    let bad = || format!("invalid shard `{s}`: expected I/N with 1 <= I <= N, for example 2/4");
    let (i, n) = s.split_once('/').ok_or_else(bad)?;
    let i: usize = i.trim().parse().map_err(|_| bad())?;
    let n: usize = n.trim().parse().map_err(|_| bad())?;
    if i == 0 || n == 0 || i > n {
        return Err(bad());
    }
    Ok((i, n))
}

/// One name of `--retry-on`.
fn retry_condition(s: &str) -> Result<String, String> {
    crate::policy::RetryOn::parse(&[s])?;
    Ok(s.trim().to_ascii_lowercase())
}

fn key_value(s: &str) -> Result<(String, Option<String>), String> {
    match s.split_once('=') {
        Some((k, v)) => Ok((k.to_string(), Some(v.to_string()))),
        None => Ok((s.to_string(), None)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    On,
    Off,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The collection to run: a file path or an http(s) URL. Several run
    /// side by side, each with its own variables and cookies, into one set
    /// of reports (in the order named).
    #[arg(value_name = "COLLECTION", required = true, num_args = 1..)]
    pub collection: Vec<String>,

    // ---- Newman options -------------------------------------------------
    /// Environment file (path or URL).
    #[arg(
        short = 'e',
        long,
        value_name = "PATH",
        help_heading = "Newman options"
    )]
    pub environment: Option<String>,

    /// Globals file (path or URL).
    #[arg(
        short = 'g',
        long,
        value_name = "PATH",
        help_heading = "Newman options"
    )]
    pub globals: Option<String>,

    /// Reporters to use, comma separated: cli, json, junit, html, progress,
    /// github.
    #[arg(
        short = 'r',
        long,
        value_name = "LIST",
        value_delimiter = ',',
        default_value = "cli",
        help_heading = "Newman options"
    )]
    pub reporters: Vec<String>,

    /// Number of iterations (default: the data file's rows, else 1).
    #[arg(short = 'n', long, value_name = "N", value_parser = positive_int, help_heading = "Newman options")]
    pub iteration_count: Option<u64>,

    /// Iteration data file, JSON or CSV.
    #[arg(
        short = 'd',
        long,
        value_name = "PATH",
        help_heading = "Newman options"
    )]
    pub iteration_data: Option<String>,

    /// Run only this folder or request (repeatable; by name or id).
    #[arg(long, value_name = "NAME", help_heading = "Newman options")]
    pub folder: Vec<String>,

    /// Set a global variable, key=value (repeatable).
    #[arg(long, value_name = "KEY=VALUE", value_parser = key_value, help_heading = "Newman options")]
    pub global_var: Vec<(String, Option<String>)>,

    /// Set an environment variable, key=value (repeatable).
    #[arg(long, value_name = "KEY=VALUE", value_parser = key_value, help_heading = "Newman options")]
    pub env_var: Vec<(String, Option<String>)>,

    /// Write the final environment to this file or directory.
    #[arg(long, value_name = "PATH", help_heading = "Newman options")]
    pub export_environment: Option<PathBuf>,

    /// Write the final globals to this file or directory.
    #[arg(long, value_name = "PATH", help_heading = "Newman options")]
    pub export_globals: Option<PathBuf>,

    /// Write the collection to this file or directory.
    #[arg(long, value_name = "PATH", help_heading = "Newman options")]
    pub export_collection: Option<PathBuf>,

    /// Postman API key, for collections given as a Postman UID.
    #[arg(long, value_name = "KEY", help_heading = "Newman options")]
    pub postman_api_key: Option<String>,

    /// Stop on the first failure; modifiers: folder, failure.
    #[arg(long, value_name = "MODIFIERS", num_args = 0..=1, default_missing_value = "failure", value_delimiter = ',', help_heading = "Newman options")]
    pub bail: Option<Vec<String>>,

    /// Do not follow redirects.
    #[arg(long, help_heading = "Newman options")]
    pub ignore_redirects: bool,

    /// Always exit 0.
    #[arg(short = 'x', long, help_heading = "Newman options")]
    pub suppress_exit_code: bool,

    /// Print nothing to the terminal.
    #[arg(long, help_heading = "Newman options")]
    pub silent: bool,

    /// Plain-text symbols instead of Unicode.
    #[arg(long, help_heading = "Newman options")]
    pub disable_unicode: bool,

    /// Coloured output: auto, on or off.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, help_heading = "Newman options")]
    pub color: ColorChoice,

    /// Wait this many milliseconds before every request.
    #[arg(long, value_name = "MS", value_parser = positive_int, help_heading = "Newman options")]
    pub delay_request: Option<u64>,

    /// Time limit for the whole run, in milliseconds.
    #[arg(long, value_name = "MS", value_parser = positive_int, help_heading = "Newman options")]
    pub timeout: Option<u64>,

    /// Time limit for each request, in milliseconds.
    #[arg(long, value_name = "MS", value_parser = positive_int, help_heading = "Newman options")]
    pub timeout_request: Option<u64>,

    /// Time limit for each script, in milliseconds.
    #[arg(long, value_name = "MS", value_parser = positive_int, help_heading = "Newman options")]
    pub timeout_script: Option<u64>,

    /// Base directory for relative file paths (form-data files, file bodies).
    #[arg(long, value_name = "DIR", help_heading = "Newman options")]
    pub working_dir: Option<PathBuf>,

    /// Refuse to read files outside the working directory.
    #[arg(long, help_heading = "Newman options")]
    pub no_insecure_file_read: bool,

    /// Do not verify TLS certificates.
    #[arg(short = 'k', long, help_heading = "Newman options")]
    pub insecure: bool,

    /// JSON list of client certificates chosen by URL.
    #[arg(long, value_name = "PATH", help_heading = "Newman options")]
    pub ssl_client_cert_list: Option<PathBuf>,

    /// Client certificate (PEM).
    #[arg(long, value_name = "PATH", help_heading = "Newman options")]
    pub ssl_client_cert: Option<PathBuf>,

    /// Client certificate's private key.
    #[arg(long, value_name = "PATH", help_heading = "Newman options")]
    pub ssl_client_key: Option<PathBuf>,

    /// Client certificate's passphrase.
    #[arg(long, value_name = "PASSPHRASE", help_heading = "Newman options")]
    pub ssl_client_passphrase: Option<String>,

    /// Extra trusted CA certificates (PEM).
    #[arg(long, value_name = "PATH", help_heading = "Newman options")]
    pub ssl_extra_ca_certs: Option<PathBuf>,

    /// Start from this cookie jar (tough-cookie JSON).
    #[arg(long, value_name = "PATH", help_heading = "Newman options")]
    pub cookie_jar: Option<PathBuf>,

    /// Write the cookie jar at the end of the run.
    #[arg(long, value_name = "PATH", help_heading = "Newman options")]
    pub export_cookie_jar: Option<PathBuf>,

    /// Show details of every request.
    #[arg(long, help_heading = "Newman options")]
    pub verbose: bool,

    // ---- postgate options -----------------------------------------------
    /// Requests in flight at most. Requests that only read (safe methods,
    /// scripts that change no variables and no flow) run side by side;
    /// anything else waits for what came before. 1 runs one at a time,
    /// exactly in Newman's order.
    #[arg(long, short = 'j', value_name = "N", value_parser = positive_int, default_value_t = crate::run::options::DEFAULT_JOBS as u64, help_heading = "postgate options")]
    pub jobs: u64,

    /// Run shard I of N (for example 2/4): a deterministic part of the
    /// collection, split by top-level folder, so a CI matrix can share one
    /// suite across machines.
    #[arg(long, value_name = "I/N", value_parser = shard_spec, help_heading = "postgate options")]
    pub shard: Option<(usize, usize)>,

    /// Run the iterations (-n, -d) side by side, each starting from the
    /// variables and cookies the run starts with, instead of from what the
    /// previous iteration left (Newman). Requests in flight stay within
    /// --jobs; reports list iterations in order.
    #[arg(long, help_heading = "postgate options")]
    pub parallel_iterations: bool,

    /// Folder of npm packages that scripts may require() (default: a
    /// node_modules folder beside the collection, if any).
    #[arg(long, value_name = "DIR", help_heading = "postgate options")]
    pub script_modules: Vec<PathBuf>,

    /// Do not mask secrets in reports and terminal output (by default the
    /// values of `secret` variables and of Authorization, Proxy-Authorization,
    /// Cookie and Set-Cookie headers show as ********).
    #[arg(long, help_heading = "postgate options")]
    pub no_redact: bool,

    // ---- configuration (cli/config.rs) ------------------------------------
    /// Read options from this TOML or JSON file (default: postgate.toml or
    /// .postgate.json in the current directory). Every option can also be set
    /// with an environment variable POSTGATE_<OPTION>. Precedence: command
    /// line > environment > config file > newmanrc > defaults.
    #[arg(long, value_name = "FILE", help_heading = "Configuration")]
    pub config: Option<PathBuf>,

    /// Print the merged options, each with where it came from, and exit.
    #[arg(long, help_heading = "Configuration")]
    pub print_config: bool,
    // ---- readiness and retry (policy/; docs/design/readiness-and-retry.md) --
    /// Before the first request, wait until this URL answers 2xx
    /// (repeatable; {{variables}} are resolved).
    #[arg(long, value_name = "URL", help_heading = "Readiness and retry")]
    pub wait_for: Vec<String>,

    /// Before the first request, wait until this request of the collection
    /// (name or id) passes its own tests; it runs on scratch copies of the
    /// variables and cookies (repeatable).
    #[arg(long, value_name = "NAME", help_heading = "Readiness and retry")]
    pub wait_for_request: Vec<String>,

    /// Give up waiting after this long: 500ms, 3s, 1m or milliseconds.
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = crate::policy::parse_duration, help_heading = "Readiness and retry")]
    pub wait_timeout: std::time::Duration,

    /// First delay between readiness polls, then exponential backoff with
    /// jitter (capped at 10s); Retry-After is honoured.
    #[arg(long, value_name = "DURATION", default_value = "1s", value_parser = crate::policy::parse_duration, help_heading = "Readiness and retry")]
    pub wait_interval: std::time::Duration,

    /// Consecutive successful polls needed before a target counts as ready.
    #[arg(long, value_name = "K", default_value_t = 1, value_parser = positive_int, help_heading = "Readiness and retry")]
    pub wait_successes: u64,

    /// Try a failed request up to N more times (idempotent methods only,
    /// failures listed in --retry-on); a request that passes on a retry is
    /// reported as flaky.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 0,
        help_heading = "Readiness and retry"
    )]
    pub retries: u32,

    /// First delay before a retry, then exponential backoff with jitter
    /// (capped at 30s); Retry-After on 429/503 is honoured.
    #[arg(long, value_name = "DURATION", default_value = "500ms", value_parser = crate::policy::parse_duration, help_heading = "Readiness and retry")]
    pub retry_delay: std::time::Duration,

    /// Failures that may be retried: network, timeout, 5xx, 429, assertion.
    #[arg(long, value_name = "LIST", value_delimiter = ',', default_value = "network,timeout,5xx,429", value_parser = retry_condition, help_heading = "Readiness and retry")]
    pub retry_on: Vec<String>,

    /// Also retry non-idempotent methods (POST, PATCH, …).
    #[arg(long, help_heading = "Readiness and retry")]
    pub retry_non_idempotent: bool,

    /// A request that passed only on a retry fails the run.
    #[arg(long, help_heading = "Readiness and retry")]
    pub fail_on_flaky: bool,
}

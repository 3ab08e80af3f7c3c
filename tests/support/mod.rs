//! Helpers for black-box tests: the fixture API, the binary, and paths.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

pub use postgate_fixtures::FixtureServer;

/// One fixture server shared by the tests of this binary (it is stateless
/// apart from per-key helpers, which tests give unique keys).
pub fn server() -> &'static FixtureServer {
    static SERVER: OnceLock<FixtureServer> = OnceLock::new();
    SERVER.get_or_init(|| FixtureServer::start().expect("the fixture server starts on loopback"))
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("runner/ has a parent")
        .to_path_buf()
}

pub fn collection(name: &str) -> PathBuf {
    repo_root().join("collections").join(name)
}

pub fn fixture(name: &str) -> PathBuf {
    repo_root().join("fixtures").join(name)
}

pub fn postgate() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_postgate"));
    c.env_remove("NO_COLOR");
    c.env("POSTGATE_TEST", "1");
    c
}

/// The result of one run of the binary.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Self {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {}\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Run `postgate run <collection> --env-var baseUrl=<fixture> <args…>`.
pub fn run_collection(name: &str, args: &[&str]) -> Run {
    let base = format!("baseUrl={}", server().url());
    let out = postgate()
        .arg("run")
        .arg(collection(name))
        .args(["--env-var", &base, "--color", "off"])
        .args(args)
        .output()
        .expect("the postgate binary runs");
    out.into()
}

pub fn run_args(args: &[&str]) -> Run {
    postgate()
        .args(args)
        .output()
        .expect("the postgate binary runs")
        .into()
}

pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

/// The executed and failed counts of a row of the CLI summary table.
pub fn summary_row(stdout: &str, label: &str) -> Option<(usize, usize)> {
    for line in stdout.lines() {
        let cells: Vec<&str> = line
            .split(['│', '|'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        if cells.len() == 3 && cells[0] == label {
            return Some((cells[1].parse().ok()?, cells[2].parse().ok()?));
        }
    }
    None
}

/// Assert a run passed with exactly `assertions` assertions, none failing.
#[track_caller]
pub fn assert_all_passed(run: &Run, assertions: usize) {
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        summary_row(&run.stdout, "assertions"),
        Some((assertions, 0)),
        "{run:?}"
    );
}

/// Whether each text is found in `haystack`, each after the one before it
/// (a missing text counts as out of order).
pub fn found_in_order(haystack: &str, texts: impl IntoIterator<Item = String>) -> bool {
    let order: Vec<usize> = texts
        .into_iter()
        .map(|t| haystack.find(&t).unwrap_or(usize::MAX))
        .collect();
    order.windows(2).all(|w| w[0] < w[1])
}

/// Wait for the child to exit, at most `limit`; `None` (and the child
/// killed) when it did not.
pub fn wait_exit(child: &mut std::process::Child, limit: std::time::Duration) -> Option<i32> {
    let start = std::time::Instant::now();
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status.code().unwrap_or(-1));
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

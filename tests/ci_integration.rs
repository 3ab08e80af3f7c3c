//! postgate at home in CI (issue 10): generated completions and man pages
//! that cannot drift from the CLI, the GitHub reporter against a fixture,
//! configuration layering (flags > env > file > newmanrc > defaults),
//! `--postman-api-key`, `postgate lint`, the Dockerfile, the package
//! metadata, and the examples in `docs/ci.md`.
//!
//! Generated files are compared byte for byte. To refresh them after
//! changing the CLI or the GitHub reporter, run:
//!
//! ```sh
//! POSTGATE_BLESS=1 cargo test -p postgate --test blackbox ci_integration
//! ```

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::*;

const REGENERATE: &str = "POSTGATE_BLESS=1 cargo test -p postgate --test blackbox ci_integration";

fn bless() -> bool {
    std::env::var_os("POSTGATE_BLESS").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Compare a generated file with its committed copy (or rewrite the copy
/// when blessing).
#[track_caller]
fn check_generated(path: &Path, fresh: &[u8]) {
    if bless() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create the directory");
        }
        std::fs::write(path, fresh).expect("write the generated file");
        return;
    }
    let committed = std::fs::read(path).unwrap_or_default();
    if committed != fresh {
        let old = String::from_utf8_lossy(&committed);
        let new = String::from_utf8_lossy(fresh);
        let first = old
            .lines()
            .zip(new.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| old.lines().count().min(new.lines().count()));
        panic!(
            "{} is out of date with the CLI (first difference at line {}:\n  committed: {:?}\n  generated: {:?})\n\
             run `{REGENERATE}` to regenerate it, and commit the result",
            path.display(),
            first + 1,
            old.lines().nth(first).unwrap_or("<end of file>"),
            new.lines().nth(first).unwrap_or("<end of file>"),
        );
    }
}

fn stdout_of(args: &[&str]) -> Vec<u8> {
    let out = postgate().args(args).output().expect("postgate runs");
    assert!(
        out.status.success(),
        "postgate {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

// ---- completions and man pages ----------------------------------------------

#[test]
fn generated_completions_match_the_cli() {
    let dir = repo_root().join("docs/completions");
    for (shell, file) in [
        ("bash", "postgate.bash"),
        ("zsh", "_postgate"),
        ("fish", "postgate.fish"),
        ("powershell", "_postgate.ps1"),
    ] {
        let fresh = stdout_of(&["completions", shell]);
        assert!(
            String::from_utf8_lossy(&fresh).contains("print-config"),
            "{shell} completes run's options"
        );
        check_generated(&dir.join(file), &fresh);
    }
}

#[test]
fn generated_man_pages_match_the_cli() {
    let tmp = temp_dir();
    let out = tmp.path().to_str().unwrap();
    stdout_of(&["man", "--out-dir", out]);
    let dir = repo_root().join("docs/man");
    let mut generated = BTreeSet::new();
    for entry in std::fs::read_dir(tmp.path()).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let fresh = std::fs::read(entry.path()).unwrap();
        check_generated(&dir.join(&name), &fresh);
        generated.insert(name);
    }
    for name in ["postgate.1", "postgate-run.1", "postgate-lint.1"] {
        assert!(generated.contains(name), "{name} in {generated:?}");
    }
    // A page for a subcommand that no longer exists is stale too.
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            generated.contains(&name),
            "docs/man/{name} has no subcommand any more: delete it (`{REGENERATE}` rewrites the others)"
        );
    }
    // `postgate man` prints the top page.
    let top = stdout_of(&["man"]);
    assert_eq!(top, std::fs::read(tmp.path().join("postgate.1")).unwrap());
    let run_page =
        String::from_utf8(std::fs::read(tmp.path().join("postgate-run.1")).unwrap()).unwrap();
    assert!(run_page.contains(".SH \"ENVIRONMENT\""), "{run_page}");
    assert!(run_page.contains("POSTGATE_"), "{run_page}");
}

#[test]
fn version_and_help_are_in_claps_style_with_newman_options_apart() {
    let v = String::from_utf8(stdout_of(&["--version"])).unwrap();
    assert_eq!(v, format!("postgate {}\n", env!("CARGO_PKG_VERSION")));
    let help = String::from_utf8(stdout_of(&["run", "--help"])).unwrap();
    let newman = help.find("Newman options:").expect("a Newman heading");
    let own = help.find("postgate options:").expect("a postgate heading");
    let config = help
        .find("Configuration:")
        .expect("a configuration heading");
    assert!(newman < own && own < config, "{help}");
    let top = String::from_utf8(stdout_of(&["--help"])).unwrap();
    for sub in ["run", "lint", "completions", "man"] {
        assert!(top.contains(&format!("  {sub} ")), "{top}");
    }
}

// ---- the GitHub reporter --------------------------------------------------------

/// Ports, timings and sizes vary from run to run.
fn normalise(text: &str) -> String {
    let base = server().url();
    let base = base.trim_end_matches('/');
    text.replace(base, "{{baseUrl}}")
        .lines()
        .map(|l| {
            if l.starts_with("total run duration:") {
                "total run duration: <normalised>".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn github_reporter_matches_the_fixture() {
    let dir = repo_root().join("tests/fixtures/github");
    let tmp = temp_dir();
    let summary = tmp.path().join("summary.md");
    std::fs::write(&summary, "existing content\n").unwrap();
    let out = postgate()
        .current_dir(repo_root())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env_remove("GITHUB_WORKSPACE")
        .args([
            "run",
            "tests/fixtures/github/collection.json",
            "-r",
            "github",
            // `Flaky` fails once (500) and passes on the retry.
            "--retries",
            "1",
            "--retry-delay",
            "10ms",
            "--env-var",
            &format!("baseUrl={}", server().url().trim_end_matches('/')),
        ])
        .output()
        .expect("postgate runs");
    let run: Run = out.into();
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.stderr, "", "{run:?}");
    check_generated(
        &dir.join("annotations.txt"),
        normalise(&run.stdout).as_bytes(),
    );
    let written = std::fs::read_to_string(&summary).unwrap();
    let appended = written
        .strip_prefix("existing content\n")
        .expect("the summary is appended, not overwritten");
    check_generated(&dir.join("summary.md"), normalise(appended).as_bytes());
}

#[test]
fn github_reporter_without_a_summary_file_only_annotates() {
    let tmp = temp_dir();
    let c = tmp.path().join("c.json");
    std::fs::write(
        &c,
        r#"{"info":{"name":"ok","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
            "item":[{"name":"a","request":{"method":"GET","url":"{{baseUrl}}/get"},
            "event":[{"listen":"test","script":{"exec":["pm.test('ok', () => pm.response.to.have.status(200));"]}}]}]}"#,
    )
    .unwrap();
    let run: Run = postgate()
        .current_dir(tmp.path())
        .env_remove("GITHUB_STEP_SUMMARY")
        .args(["run", "c.json", "-r", "github", "--env-var"])
        .arg(format!("baseUrl={}", server().url().trim_end_matches('/')))
        .output()
        .unwrap()
        .into();
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "", "{run:?}");
}

// ---- configuration ------------------------------------------------------------------

const TINY: &str = r#"{"info":{"name":"tiny","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
  "item":[{"name":"get","request":{"method":"GET","url":"{{baseUrl}}/get?who={{who}}"},
  "event":[{"listen":"test","script":{"exec":["pm.test('who is ' + pm.variables.get('who'), () => pm.response.to.have.status(200));"]}}]}]}"#;

fn config_dir() -> tempfile::TempDir {
    let d = temp_dir();
    std::fs::write(d.path().join("tiny.json"), TINY).unwrap();
    std::fs::create_dir_all(d.path().join("home")).unwrap();
    d
}

fn in_dir(d: &tempfile::TempDir) -> std::process::Command {
    let mut c = postgate();
    c.current_dir(d.path()).env("HOME", d.path().join("home"));
    c
}

#[test]
fn flags_beat_environment_beat_config_file_beat_newmanrc() {
    let d = config_dir();
    let base = server().url().trim_end_matches('/').to_string();
    std::fs::write(
        d.path().join(".newmanrc"),
        r#"{"run": {"iterationCount": 4, "envVar": [{"key": "who", "value": "newmanrc"}]}}"#,
    )
    .unwrap();
    std::fs::write(
        d.path().join("postgate.toml"),
        format!(
            "collection = \"tiny.json\"\niteration-count = 3\ncolor = \"off\"\n[env-var]\nbaseUrl = \"{base}\"\nwho = \"file\"\n"
        ),
    )
    .unwrap();

    // File over newmanrc: 3 iterations, who=file.
    let run: Run = in_dir(&d).args(["run"]).output().unwrap().into();
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("Iteration 3/3"), "{run:?}");
    assert!(run.stdout.contains("who is file"), "{run:?}");

    // Environment over file.
    let run: Run = in_dir(&d)
        .args(["run"])
        .env("POSTGATE_ITERATION_COUNT", "2")
        .output()
        .unwrap()
        .into();
    assert!(run.stdout.contains("Iteration 2/2"), "{run:?}");
    assert!(!run.stdout.contains("Iteration 3/3"), "{run:?}");

    // Flags over environment; a list on a higher layer replaces the lower
    // one's whole list, so baseUrl must be given again.
    let run: Run = in_dir(&d)
        .args(["run", "-n", "1", "--env-var", "who=flag"])
        .arg("--env-var")
        .arg(format!("baseUrl={base}"))
        .env("POSTGATE_ITERATION_COUNT", "2")
        .output()
        .unwrap()
        .into();
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!run.stdout.contains("Iteration"), "{run:?}");
    assert!(run.stdout.contains("who is flag"), "{run:?}");

    // --print-config tells where each value came from.
    let run: Run = in_dir(&d)
        .args(["run", "--print-config", "--timeout", "5000"])
        .env("POSTGATE_ITERATION_COUNT", "2")
        .output()
        .unwrap()
        .into();
    assert_eq!(run.code, 0, "{run:?}");
    let line = |key: &str| {
        run.stdout
            .lines()
            .find(|l| l.starts_with(&format!("{key} =")))
            .unwrap_or_else(|| panic!("no {key} in {}", run.stdout))
            .to_string()
    };
    assert!(
        line("collection").contains("config file postgate.toml"),
        "{run:?}"
    );
    assert!(line("iteration-count").contains("= 2 "), "{run:?}");
    assert!(
        line("iteration-count").ends_with("environment variable POSTGATE_ITERATION_COUNT"),
        "{run:?}"
    );
    assert!(line("timeout").ends_with("command line"), "{run:?}");
    assert!(line("env-var").contains("\"who=file\""), "{run:?}");
    assert!(line("reporters").ends_with("default"), "{run:?}");
    assert!(run.stdout.contains("# newmanrc: .newmanrc"), "{run:?}");
}

#[test]
fn newmanrc_in_home_and_json_config_given_by_variable() {
    let d = config_dir();
    let base = server().url().trim_end_matches('/').to_string();
    std::fs::create_dir_all(d.path().join("home/.postman")).unwrap();
    std::fs::write(
        d.path().join("home/.postman/newmanrc"),
        format!(r#"{{"run": {{"envVar": [{{"key": "baseUrl", "value": "{base}"}}], "color": "off", "reporters": "cli"}}}}"#),
    )
    .unwrap();
    std::fs::create_dir_all(d.path().join("ci")).unwrap();
    std::fs::write(
        d.path().join("ci/gate.json"),
        r#"{"run": {"collection": "tiny.json", "globalVar": ["who=global"]}}"#,
    )
    .unwrap();
    let run: Run = in_dir(&d)
        .args(["run"])
        .env("POSTGATE_CONFIG", "ci/gate.json")
        .output()
        .unwrap()
        .into();
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("who is global"), "{run:?}");
}

#[test]
fn print_config_without_a_collection_and_config_errors() {
    let d = config_dir();
    let run: Run = in_dir(&d)
        .args(["run", "--print-config"])
        .output()
        .unwrap()
        .into();
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("# collection: not set"), "{run:?}");

    std::fs::write(d.path().join("postgate.toml"), "iteration-count = 0\n").unwrap();
    let run: Run = in_dir(&d)
        .args(["run", "tiny.json"])
        .output()
        .unwrap()
        .into();
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .starts_with("error: postgate.toml: iteration-count"),
        "{run:?}"
    );
    assert!(
        run.stderr.contains("The value must be a positive integer."),
        "{run:?}"
    );

    std::fs::write(d.path().join("postgate.toml"), "iteration-count = [\n").unwrap();
    let run: Run = in_dir(&d)
        .args(["run", "tiny.json", "-x"])
        .output()
        .unwrap()
        .into();
    assert_eq!(run.code, 1, "a config error is not suppressed: {run:?}");
    assert!(
        run.stderr.contains("postgate.toml: invalid TOML"),
        "{run:?}"
    );

    std::fs::remove_file(d.path().join("postgate.toml")).unwrap();
    let run: Run = in_dir(&d)
        .args(["run", "tiny.json", "--config", "missing.toml"])
        .output()
        .unwrap()
        .into();
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("could not read config file missing.toml"),
        "{run:?}"
    );
}

// ---- --postman-api-key --------------------------------------------------------------

#[test]
fn postman_uid_with_an_api_key_is_refused_clearly() {
    let uid = "1234567-0c2f3d4e-aaaa-4bbb-8ccc-0123456789ab";
    let run = run_args(&["run", uid, "--postman-api-key", "PMAK-x"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .starts_with("error: collection could not be loaded"),
        "{run:?}"
    );
    assert!(
        run.stderr.contains("does not fetch from the Postman API"),
        "{run:?}"
    );
    assert!(run.stderr.contains("Export the collection"), "{run:?}");

    let env_run = run_args(&[
        "run",
        collection("demo.postman_collection.json").to_str().unwrap(),
        "-e",
        uid,
        "--postman-api-key",
        "PMAK-x",
    ]);
    assert_eq!(env_run.code, 1, "{env_run:?}");
    assert!(
        env_run
            .stderr
            .starts_with("error: could not load environment"),
        "{env_run:?}"
    );
    assert!(
        env_run.stderr.contains("Export the environment"),
        "{env_run:?}"
    );
}

#[test]
fn api_key_without_a_uid_is_ignored() {
    let d = config_dir();
    let base = server().url().trim_end_matches('/').to_string();
    let run: Run = in_dir(&d)
        .args([
            "run",
            "tiny.json",
            "--postman-api-key",
            "PMAK-x",
            "--env-var",
        ])
        .arg(format!("baseUrl={base}"))
        .output()
        .unwrap()
        .into();
    assert_eq!(run.code, 0, "{run:?}");
}

// ---- lint -------------------------------------------------------------------------------

fn lint_json(file: &str) -> (i32, serde_json::Value) {
    let path = repo_root().join("tests/fixtures/lint").join(file);
    let run = run_args(&["lint", path.to_str().unwrap(), "--format", "json"]);
    let doc: serde_json::Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("lint JSON ({e}): {run:?}"));
    (run.code, doc)
}

fn findings(doc: &serde_json::Value) -> BTreeSet<(String, String, String)> {
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["severity"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
                d["path"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn lint_reports_each_problem_with_its_item_and_a_hint() {
    let (code, doc) = lint_json("problems.postman_collection.json");
    assert_eq!(code, 1, "{doc:#}");
    let f = findings(&doc);
    let expected: BTreeSet<(String, String, String)> = [
        ("error", "unknown-auth", "Legacy auth"),
        ("error", "missing-global", "Cheerio global"),
        ("error", "missing-module", "Cheerio module"),
        ("error", "missing-module", "Unknown module"),
        ("error", "newer-postman-api", "Package library"),
        ("error", "newer-postman-api", "Vault"),
        ("error", "newer-postman-api", "Run request"),
        ("error", "newer-postman-api", "Top-level await"),
        ("error", "syntax-error", "Broken script"),
        ("warning", "dynamic-require", "Computed require"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    assert_eq!(f, expected, "{doc:#}");
    for d in doc["diagnostics"].as_array().unwrap() {
        assert!(!d["hint"].as_str().unwrap().is_empty(), "{d}");
    }
    let msg = |path: &str| {
        doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["path"] == path)
            .map(|d| format!("{} {}", d["place"], d["message"]))
            .unwrap()
    };
    assert!(
        msg("Unknown module").contains("line 2"),
        "comments are skipped"
    );
    assert!(msg("Top-level await").contains("top-level await"));
    assert!(msg("Run request").contains("pm.execution.runRequest"));
    assert_eq!(doc["errors"], 9);
    assert_eq!(doc["warnings"], 1);

    // The text form names the same things, with hints, and a total.
    let path = repo_root().join("tests/fixtures/lint/problems.postman_collection.json");
    let run = run_args(&["lint", path.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("error[unknown-auth] Legacy auth (auth): auth type \"kerberos\""),
        "{run:?}"
    );
    assert!(run.stdout.contains("\n  hint: "), "{run:?}");
    assert!(
        run.stdout.trim_end().ends_with("9 errors, 1 warning"),
        "{run:?}"
    );
}

#[test]
fn lint_names_scripts_that_serialise_the_run() {
    let (code, doc) = lint_json("unfollowable.postman_collection.json");
    assert_eq!(code, 0, "warnings only: {doc:#}");
    let f = findings(&doc);
    assert_eq!(
        f,
        [
            ("warning", "unfollowable-script", "Dynamic"),
            ("warning", "unfollowable-script", "Eval at root"),
        ]
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect(),
        "{doc:#}"
    );
    let folder = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == "Dynamic")
        .unwrap();
    let m = folder["message"].as_str().unwrap();
    // Only the GETs that nothing else makes barriers.
    assert!(
        m.contains("(2: Dynamic / List users, Dynamic / Get user)"),
        "{m}"
    );
    assert!(
        !m.contains("Create user") && !m.contains("Get and save"),
        "{m}"
    );
}

#[test]
fn lint_passes_a_clean_collection_and_its_builtins_really_load() {
    let (code, doc) = lint_json("clean.postman_collection.json");
    assert_eq!(code, 0, "{doc:#}");
    assert_eq!(findings(&doc), BTreeSet::new(), "{doc:#}");

    // Every module lint accepts as built in really loads in the sandbox, and
    // the ones it rejects really do not.
    let builtins = postgate::cli::lint::builtin_modules();
    let mut exec: Vec<String> = builtins
        .iter()
        .map(|m| {
            format!(
                "pm.test('require {m}', () => pm.expect(require('{m}')).to.not.equal(undefined));"
            )
        })
        .collect();
    exec.push("pm.test('no cheerio', () => pm.expect(() => require('cheerio')).to.throw(\"Cannot find module 'cheerio'\"));".into());
    let doc = serde_json::json!({
        "info": {"name": "builtins", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{"name": "r", "request": {"method": "GET", "url": "{{baseUrl}}/get"},
                  "event": [{"listen": "test", "script": {"exec": exec}}]}]
    });
    let d = temp_dir();
    let p = d.path().join("builtins.json");
    std::fs::write(&p, doc.to_string()).unwrap();
    let run = run_args(&[
        "run",
        p.to_str().unwrap(),
        "--env-var",
        &format!("baseUrl={}", server().url().trim_end_matches('/')),
        "--color",
        "off",
    ]);
    assert_all_passed(&run, builtins.len() + 1);
}

// ---- install: Dockerfile and package metadata ---------------------------------------------

/// Dockerfile instructions, continuation lines joined, comments dropped.
fn dockerfile() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(repo_root().join("Dockerfile")).expect("a Dockerfile");
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with('#') || (t.is_empty() && current.is_empty()) {
            continue;
        }
        if let Some(body) = t.strip_suffix('\\') {
            current.push_str(body);
            current.push(' ');
            continue;
        }
        current.push_str(t);
        let full = std::mem::take(&mut current);
        let (instr, rest) = full.split_once(char::is_whitespace).unwrap_or((&full, ""));
        out.push((instr.to_ascii_uppercase(), rest.trim().to_string()));
    }
    out
}

#[test]
fn dockerfile_builds_in_a_rust_stage_and_ships_postgate_in_a_small_image() {
    let ins = dockerfile();
    for (i, _) in &ins {
        assert!(
            [
                "ARG",
                "FROM",
                "WORKDIR",
                "COPY",
                "RUN",
                "USER",
                "ENTRYPOINT",
                "CMD",
                "ENV",
                "LABEL"
            ]
            .contains(&i.as_str()),
            "unknown instruction {i}"
        );
    }
    let args: std::collections::BTreeMap<String, String> = ins
        .iter()
        .filter(|(i, _)| i == "ARG")
        .filter_map(|(_, r)| {
            r.split_once('=')
                .map(|(k, v)| (k.to_string(), v.to_string()))
        })
        .collect();
    let expand = |s: &str| {
        let mut s = s.to_string();
        for (k, v) in &args {
            s = s.replace(&format!("${{{k}}}"), v);
        }
        s
    };
    let froms: Vec<String> = ins
        .iter()
        .filter(|(i, _)| i == "FROM")
        .map(|(_, r)| expand(r))
        .collect();
    assert_eq!(
        froms.len(),
        2,
        "one build stage and one runtime stage: {froms:?}"
    );
    let (build_image, stage) = froms[0].split_once(" AS ").expect("a named build stage");
    assert!(build_image.starts_with("rust:"), "{build_image}");
    // The toolchain is at least the crate's rust-version.
    let manifest: toml::Value =
        toml::from_str(&std::fs::read_to_string(repo_root().join("Cargo.toml")).unwrap()).unwrap();
    let msrv = manifest["workspace"]["package"]["rust-version"]
        .as_str()
        .unwrap();
    let version = build_image
        .trim_start_matches("rust:")
        .split('-')
        .next()
        .unwrap();
    let parse = |v: &str| -> Vec<u32> { v.split('.').map(|p| p.parse().unwrap()).collect() };
    assert!(
        parse(version) >= parse(msrv),
        "rust {version} < rust-version {msrv}"
    );
    let runtime = &froms[1];
    assert!(
        runtime.starts_with("debian:") && runtime.ends_with("-slim")
            || runtime.starts_with("gcr.io/distroless/cc"),
        "a small runtime image: {runtime}"
    );
    let runs: Vec<&String> = ins
        .iter()
        .filter(|(i, _)| i == "RUN")
        .map(|(_, r)| r)
        .collect();
    assert!(
        runs.iter().any(|r| r.contains("cargo build --release")
            && r.contains("--locked")
            && r.contains("-p postgate")),
        "{runs:?}"
    );
    // Build-context copies exist and are not excluded by .dockerignore; the
    // runtime stage copies the release binary from the build stage.
    let ignore = std::fs::read_to_string(repo_root().join(".dockerignore")).unwrap();
    let ignored: Vec<&str> = ignore
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let mut binary_dest = None;
    for (_, r) in ins.iter().filter(|(i, _)| i == "COPY") {
        let parts: Vec<&str> = r.split_whitespace().collect();
        if let Some(from) = parts[0].strip_prefix("--from=") {
            assert_eq!(from, stage);
            assert!(parts[1].ends_with("/target/release/postgate"), "{r}");
            binary_dest = Some(parts[2].to_string());
            continue;
        }
        for src in &parts[..parts.len() - 1] {
            assert!(repo_root().join(src).exists(), "COPY {src}: no such file");
            assert!(
                !ignored.contains(src),
                "COPY {src} is excluded by .dockerignore"
            );
        }
    }
    for needed in ["Cargo.toml", "Cargo.lock", "runner", "fixtures"] {
        assert!(!ignored.contains(&needed), ".dockerignore drops {needed}");
    }
    let binary_dest = binary_dest.expect("COPY --from=<build stage> the binary");
    let entry = ins
        .iter()
        .rev()
        .find(|(i, _)| i == "ENTRYPOINT")
        .map(|(_, r)| r.clone())
        .expect("an ENTRYPOINT");
    let entry: Vec<String> = serde_json::from_str(&entry).expect("ENTRYPOINT in exec (JSON) form");
    assert_eq!(entry, vec![binary_dest.clone()]);
    assert!(binary_dest.ends_with("/postgate"));
}

#[test]
fn the_package_installs_with_cargo_install() {
    let manifest: toml::Value =
        toml::from_str(&std::fs::read_to_string(repo_root().join("runner/Cargo.toml")).unwrap())
            .unwrap();
    let pkg = &manifest["package"];
    assert_eq!(pkg["name"].as_str(), Some("postgate"));
    assert!(pkg["description"].as_str().is_some_and(|d| !d.is_empty()));
    assert!(pkg.get("license").is_some());
    let readme = pkg["readme"].as_str().expect("a readme");
    assert!(
        repo_root().join("runner").join(readme).is_file(),
        "{readme}"
    );
    let bins = manifest["bin"].as_array().unwrap();
    assert!(bins.iter().any(|b| b["name"].as_str() == Some("postgate")));
    // The README's install section says how.
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    assert!(
        readme.contains("cargo install --locked --path runner"),
        "README install section"
    );
}

// ---- docs/ci.md ------------------------------------------------------------------------------

fn fenced_blocks(text: &str, lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        match &mut current {
            None if line.trim_start() == format!("```{lang}") => current = Some(String::new()),
            None => {}
            Some(_) if line.trim_start().starts_with("```") => out.push(current.take().unwrap()),
            Some(b) => {
                b.push_str(line);
                b.push('\n');
            }
        }
    }
    out
}

/// Shell commands in the `run:`/`script:` values of a YAML document, with
/// continuation lines joined.
fn yaml_commands(doc: &yaml_rust2::Yaml, out: &mut Vec<String>, env_keys: &mut Vec<String>) {
    use yaml_rust2::Yaml;
    match doc {
        Yaml::Hash(h) => {
            for (k, v) in h {
                let key = k.as_str().unwrap_or("");
                if key == "run" || key == "script" {
                    let scripts: Vec<&str> = match v {
                        Yaml::String(s) => vec![s.as_str()],
                        Yaml::Array(a) => a.iter().filter_map(|x| x.as_str()).collect(),
                        _ => vec![],
                    };
                    for s in scripts {
                        let joined = s.replace("\\\n", " ");
                        out.extend(joined.lines().map(|l| l.trim().to_string()));
                    }
                }
                if key == "env" || key == "variables" {
                    if let Yaml::Hash(vars) = v {
                        env_keys.extend(vars.keys().filter_map(|k| k.as_str().map(String::from)));
                    }
                }
                yaml_commands(v, out, env_keys);
            }
        }
        Yaml::Array(a) => a.iter().for_each(|x| yaml_commands(x, out, env_keys)),
        _ => {}
    }
}

/// Replace CI expressions (`${{ matrix.shard }}`, `$CI_NODE_INDEX`,
/// `${CI_NODE_TOTAL}`) with a sample value.
fn substitute(line: &str) -> String {
    let re_gh = regex::Regex::new(r"\$\{\{[^}]*\}\}").unwrap();
    let re_var = regex::Regex::new(r"\$\{?[A-Za-z_][A-Za-z0-9_]*\}?").unwrap();
    let s = re_gh.replace_all(line, "1");
    re_var.replace_all(&s, "1").into_owned()
}

#[test]
fn ci_doc_examples_parse_with_the_live_cli() {
    use clap::{CommandFactory, Parser};
    let text = std::fs::read_to_string(repo_root().join("docs/ci.md")).unwrap();
    let blocks = fenced_blocks(&text, "yaml");
    assert!(blocks.len() >= 2, "a GitHub workflow and a GitLab job");
    let run_cmd = postgate::cli::Cli::command();
    let run_cmd = run_cmd.find_subcommand("run").unwrap();
    let known_env: BTreeSet<String> = run_cmd
        .get_arguments()
        .map(postgate::cli::config::env_name)
        .chain([
            "POSTGATE_COLLECTION".to_string(),
            "POSTGATE_CONFIG".to_string(),
        ])
        .collect();
    let mut all_flags = String::new();
    for (n, block) in blocks.iter().enumerate() {
        let docs = yaml_rust2::YamlLoader::load_from_str(block)
            .unwrap_or_else(|e| panic!("docs/ci.md YAML block {}: {e}", n + 1));
        let mut commands = Vec::new();
        let mut env_keys = Vec::new();
        for d in &docs {
            yaml_commands(d, &mut commands, &mut env_keys);
        }
        let postgate_lines: Vec<&String> = commands
            .iter()
            .filter(|c| c.split_whitespace().next() == Some("postgate"))
            .collect();
        assert!(
            postgate_lines
                .iter()
                .any(|l| l.starts_with("postgate run ")),
            "block {} runs postgate: {commands:?}",
            n + 1
        );
        for line in postgate_lines {
            let argv = shlex::split(&substitute(line))
                .unwrap_or_else(|| panic!("unbalanced quotes: {line}"));
            let (argv, _) = postgate::cli::extract_reporter_options(argv);
            if let Err(e) = postgate::cli::Cli::try_parse_from(&argv) {
                panic!("docs/ci.md: `{line}` does not parse with the live CLI:\n{e}");
            }
            all_flags.push_str(line);
            all_flags.push('\n');
        }
        for key in env_keys.iter().filter(|k| k.starts_with("POSTGATE_")) {
            assert!(
                known_env.contains(key) || key.starts_with("POSTGATE_REPORTER_"),
                "docs/ci.md sets {key}, which is no postgate option"
            );
            all_flags.push_str(key);
            all_flags.push('\n');
        }
    }
    // What the examples must show: sharding, JUnit, the GitHub reporter and
    // lint; readiness and retries as soon as the CLI has them.
    for needed in ["--shard", "junit", "github", "postgate lint"] {
        assert!(all_flags.contains(needed), "docs/ci.md shows {needed}");
    }
    for (flag, env) in [
        ("wait-for", "POSTGATE_WAIT_FOR"),
        ("retries", "POSTGATE_RETRIES"),
    ] {
        if run_cmd.get_arguments().any(|a| a.get_long() == Some(flag)) {
            assert!(
                all_flags.contains(&format!("--{flag}")) || all_flags.contains(env),
                "docs/ci.md shows --{flag}"
            );
        }
    }
    // The config-file examples (here and in cli.md) load.
    let cli_md = std::fs::read_to_string(repo_root().join("docs/cli.md")).unwrap();
    let tomls: Vec<String> = fenced_blocks(&text, "toml")
        .into_iter()
        .chain(fenced_blocks(&cli_md, "toml"))
        .collect();
    assert!(tomls.len() >= 2, "config examples in ci.md and cli.md");
    for (n, block) in tomls.iter().enumerate() {
        let d = temp_dir();
        let p = d.path().join("postgate.toml");
        std::fs::write(&p, block).unwrap();
        let run: Run = postgate()
            .current_dir(d.path())
            .env("HOME", d.path())
            .args(["run", "--print-config"])
            .output()
            .unwrap()
            .into();
        assert_eq!(run.code, 0, "TOML example {}: {run:?}", n + 1);
        assert!(run.stdout.contains("config file postgate.toml"), "{run:?}");
    }
    // The exit code table covers run and lint.
    assert!(text.contains("## Exit codes"));
    assert!(text.contains("| `postgate lint` | 1 |"));
}

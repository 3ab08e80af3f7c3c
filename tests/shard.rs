//! `--shard I/N`: the shards of a collection together run every request
//! exactly once, and each shard's JUnit report holds its part.

use crate::support::*;

fn requests_run(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter_map(|l| l.strip_prefix("↳ ").or_else(|| l.strip_prefix("→ ")))
        .map(str::to_string)
        .collect()
}

#[test]
fn shards_together_run_the_whole_collection_once() {
    let whole = run_collection("tests/auth.postman_collection.json", &[]);
    let mut all = requests_run(&whole.stdout);
    let mut union = Vec::new();
    for i in 1..=3 {
        let spec = format!("{i}/3");
        let part = run_collection("tests/auth.postman_collection.json", &["--shard", &spec]);
        assert_eq!(part.code, 0, "{part:?}");
        union.extend(requests_run(&part.stdout));
    }
    all.sort();
    union.sort();
    assert_eq!(all, union);
}

#[test]
fn shard_junit_reports_hold_their_part() {
    let dir = temp_dir();
    let mut suites = 0;
    for i in 1..=2 {
        let out = dir.path().join(format!("s{i}.xml"));
        let spec = format!("{i}/2");
        let run = run_collection(
            "tests/auth.postman_collection.json",
            &[
                "--shard",
                &spec,
                "-r",
                "junit",
                "--reporter-junit-export",
                out.to_str().unwrap_or_default(),
            ],
        );
        assert_eq!(run.code, 0, "{run:?}");
        let xml = std::fs::read_to_string(&out).expect("junit written");
        suites += xml.matches("<testsuite ").count();
    }
    assert_eq!(suites, 6, "one testsuite per request across the shards");
}

#[test]
fn bad_shard_specs_are_usage_errors() {
    for spec in ["0/2", "3/2", "x", "1/0"] {
        let run = run_args(&["run", "c.json", "--shard", spec]);
        assert_eq!(run.code, 1, "{spec}: {run:?}");
        assert!(run.stderr.contains("expected I/N"), "{run:?}");
    }
}

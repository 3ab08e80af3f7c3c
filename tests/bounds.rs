//! Bounds: a 50 MB response costs a small multiple of its size in peak
//! memory, a long run keeps flat memory, and variables that expand into
//! themselves cannot blow memory up. Peak RSS is read from the child's
//! `/proc/PID/status` (VmHWM, a high-water mark) while it runs; the bounds
//! are generous so that the debug binary passes them steadily, and
//! bench/reliability-memory.sh measures the release binary.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::faults::{after_item, item};
use crate::support::*;

const MIB: u64 = 1024 * 1024;

/// Run the binary to completion, sampling its peak RSS (bytes).
fn peak_rss(mut cmd: Command) -> (Run, u64) {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the postgate binary starts");
    let status_path = format!("/proc/{}/status", child.id());
    // Drain the pipes on threads so a chatty child never blocks.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out_thread = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut s).ok();
        s
    });
    let err_thread = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut s).ok();
        s
    });
    let mut peak = 0u64;
    let started = Instant::now();
    let status = loop {
        if let Ok(text) = std::fs::read_to_string(&status_path) {
            if let Some(kb) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            {
                peak = peak.max(kb * 1024);
            }
        }
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "the run did not end"
        );
        std::thread::sleep(Duration::from_millis(5));
    };
    let run = Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out_thread.join().unwrap_or_default()).into_owned(),
        stderr: String::from_utf8_lossy(&err_thread.join().unwrap_or_default()).into_owned(),
    };
    (run, peak)
}

/// `postgate run` of `items` written to a temporary collection.
fn command_for(dir: &tempfile::TempDir, items: Vec<Value>, extra: &[&str]) -> Command {
    let coll = json!({
        "info": {
            "name": "bounds",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
        },
        "item": items
    });
    let path = dir.path().join("bounds.postman_collection.json");
    std::fs::write(&path, serde_json::to_vec(&coll).expect("json")).expect("write");
    let mut cmd = postgate();
    cmd.arg("run")
        .arg(&path)
        .args([
            "--env-var",
            &format!("baseUrl={}", server().url()),
            "--color",
            "off",
        ])
        .args(extra);
    cmd
}

/// Peak RSS of a run with only `after` in it: the binary's own footprint.
fn baseline() -> u64 {
    let dir = temp_dir();
    let (run, peak) = peak_rss(command_for(&dir, vec![after_item()], &[]));
    assert_eq!(run.code, 0, "{run:?}");
    peak
}

#[test]
fn a_50_mb_response_peaks_at_a_small_multiple_of_its_size() {
    let base = baseline();
    let dir = temp_dir();
    let xml = dir.path().join("r.xml");
    let items = vec![
        item(
            "large",
            "{{baseUrl}}/large/50",
            "",
            "pm.test('status', function () { pm.response.to.have.status(200); });",
        ),
        after_item(),
    ];
    let mut cmd = command_for(&dir, items, &["-r", "cli,junit"]);
    cmd.arg("--reporter-junit-export").arg(&xml);
    let (run, peak) = peak_rss(cmd);
    assert_eq!(run.code, 0, "{run:?}");
    let extra = peak.saturating_sub(base);
    eprintln!(
        "50 MB, no script: peak {} MiB, baseline {} MiB",
        peak / MIB,
        base / MIB
    );
    // The body is held once: received, kept as is (no encoding), shared by
    // the script and the reporters. Allow three times its size.
    assert!(
        extra < 150 * MIB,
        "peak {} MiB, {} MiB over the baseline of {} MiB",
        peak / MIB,
        extra / MIB,
        base / MIB
    );
}

#[test]
fn a_50_mb_response_read_by_a_script_stays_bounded() {
    let base = baseline();
    let dir = temp_dir();
    let items = vec![
        item(
            "large",
            "{{baseUrl}}/large/50",
            "",
            "pm.test('text', function () { pm.expect(pm.response.text().length).to.equal(52428800); });",
        ),
        after_item(),
    ];
    let (run, peak) = peak_rss(command_for(&dir, items, &[]));
    assert_eq!(run.code, 0, "{run:?}");
    let extra = peak.saturating_sub(base);
    eprintln!(
        "50 MB, text(): peak {} MiB, baseline {} MiB",
        peak / MIB,
        base / MIB
    );
    // The body, the text the script asked for (made once, on demand) and
    // the engine's copy of it.
    assert!(
        extra < 300 * MIB,
        "peak {} MiB, {} MiB over the baseline of {} MiB",
        peak / MIB,
        extra / MIB,
        base / MIB
    );
}

#[test]
fn memory_stays_flat_as_a_run_grows() {
    // The same request repeated: ten times the iterations must not cost
    // ten times the memory (nothing per request is kept but counters).
    let measure = |n: usize| {
        let dir = temp_dir();
        let items = vec![item(
            "again",
            "{{baseUrl}}/get",
            "",
            "pm.test('ok', function () { pm.response.to.have.status(200); });",
        )];
        let n = n.to_string();
        let (run, peak) = peak_rss(command_for(&dir, items, &["-n", &n, "--silent"]));
        assert_eq!(run.code, 0, "{run:?}");
        peak
    };
    let small = measure(500);
    let large = measure(5000);
    eprintln!(
        "500 iterations: {} MiB, 5000: {} MiB",
        small / MIB,
        large / MIB
    );
    assert!(
        large < small + 24 * MIB,
        "500 iterations: {} MiB, 5000 iterations: {} MiB",
        small / MIB,
        large / MIB
    );
}

#[test]
fn self_multiplying_variables_do_not_exhaust_memory() {
    // a = "{{a}}" ten times: every pass of the resolver multiplied the URL
    // by ten (5 × 10^19 bytes after 19 passes); it now stops at 64 MiB.
    let dir = temp_dir();
    let coll = json!({
        "info": {
            "name": "bomb",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
        },
        "variable": [{"key": "a", "value": "{{a}}".repeat(10)}],
        "item": [
            {"name": "bomb", "request": {"method": "GET", "url": "{{baseUrl}}/get", "header": [{"key": "X-Bomb", "value": "{{a}}"}]}},
            after_item()
        ]
    });
    let path = dir.path().join("bomb.postman_collection.json");
    std::fs::write(&path, serde_json::to_vec(&coll).expect("json")).expect("write");
    let mut cmd = postgate();
    cmd.arg("run").arg(&path).args([
        "--env-var",
        &format!("baseUrl={}", server().url()),
        "--color",
        "off",
        "--timeout-request",
        "20000",
    ]);
    let (run, peak) = peak_rss(cmd);
    // The header is too large for any server: a request error, and the
    // run goes on.
    assert!(run.stdout.contains("→ after"), "{run:?}");
    eprintln!("self-multiplying variable: peak {} MiB", peak / MIB);
    assert!(peak < 1024 * MIB, "peak {} MiB", peak / MIB);
}

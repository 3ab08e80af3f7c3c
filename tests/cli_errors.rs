//! Bad input stops the run before any request, with an error that names the
//! file, the JSON path and what was expected, and exit code 1.

use std::io::Write;

use crate::support::*;

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.path().join(name);
    let mut f = std::fs::File::create(&p).expect("create");
    f.write_all(bytes).expect("write");
    p
}

#[test]
fn missing_collection_file() {
    let run = run_args(&["run", "/nonexistent/c.json"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .starts_with("error: collection could not be loaded"),
        "{run:?}"
    );
    assert!(run.stderr.contains("/nonexistent/c.json"), "{run:?}");
}

#[test]
fn invalid_json_names_line_and_column() {
    let d = temp_dir();
    let p = write(
        &d,
        "bad.json",
        b"{\n  \"info\": {\"name\": \"x\",\n  oops\n}",
    );
    let run = run_args(&["run", p.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("bad.json: invalid JSON at line 3, column 3"),
        "{run:?}"
    );
}

#[test]
fn wrong_shape_names_the_json_path() {
    let d = temp_dir();
    let p = write(
        &d,
        "shape.json",
        br#"{"info":{"name":"x","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
            "item":[{"name":"a","request":{"url":"http://x"}},{"name":"b","request":{"url":42}}]}"#,
    );
    let run = run_args(&["run", p.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("at item[1].request.url: expected a URL string or object, found a number"),
        "{run:?}"
    );
}

#[test]
fn unknown_schema_version() {
    let d = temp_dir();
    let p = write(
        &d,
        "v3.json",
        br#"{"info":{"name":"x","schema":"https://schema.getpostman.com/json/collection/v3.0.0/collection.json"},"item":[]}"#,
    );
    let run = run_args(&["run", p.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("unsupported collection schema"),
        "{run:?}"
    );
}

#[test]
fn v1_collections_are_refused_with_a_hint() {
    let d = temp_dir();
    let p = write(
        &d,
        "v1.json",
        br#"{"id":"1","name":"old","order":[],"requests":[]}"#,
    );
    let run = run_args(&["run", p.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("export it from Postman as Collection v2.1"),
        "{run:?}"
    );
}

#[test]
fn utf8_bom_and_utf16_files_load() {
    let d = temp_dir();
    let coll = format!(
        r#"{{"info":{{"name":"bom","schema":"https://schema.getpostman.com/json/collection/v2.0.0/collection.json"}},
          "item":[{{"name":"r","request":"{}/get?v={{{{v}}}}","event":[{{"listen":"test","script":{{"exec":["pm.test('v', () => pm.expect(pm.response.json().args.v).to.equal('é'))"]}}}}]}}]}}"#,
        server().url()
    );
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(coll.as_bytes());
    let c = write(&d, "bom.json", &bom);
    let env = r#"{"name":"e","values":[{"key":"v","value":"é"}]}"#;
    let mut utf16 = vec![0xFF, 0xFE];
    for u in env.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let e = write(&d, "env.json", &utf16);
    let run = run_args(&[
        "run",
        c.to_str().unwrap(),
        "-e",
        e.to_str().unwrap(),
        "--color",
        "off",
    ]);
    assert_all_passed(&run, 1);
}

#[test]
fn missing_environment_file() {
    let run = run_args(&[
        "run",
        collection("tests/auth.postman_collection.json")
            .to_str()
            .unwrap(),
        "-e",
        "/nope/env.json",
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("could not load environment"), "{run:?}");
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let run = run_args(&["run", "x.json", "--no-such-flag"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("--no-such-flag"), "{run:?}");
}

#[test]
fn zero_is_not_a_positive_integer() {
    let run = run_args(&["run", "x.json", "--delay-request", "0"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("The value must be a positive integer."),
        "{run:?}"
    );
}

#[test]
fn unresolvable_host_is_a_request_error_and_the_run_goes_on() {
    let d = temp_dir();
    let c = write(
        &d,
        "dns.json",
        format!(
            r#"{{"info":{{"name":"dns","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}},
              "item":[{{"name":"nowhere","request":{{"method":"GET","url":"http://host.invalid/x"}}}},
                      {{"name":"after","request":{{"method":"GET","url":"{}/get"}}}}]}}"#,
            server().url()
        )
        .as_bytes(),
    );
    let run = run_args(&["run", c.to_str().unwrap(), "--color", "off"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.contains("getaddrinfo ENOTFOUND host.invalid"),
        "{run:?}"
    );
    assert!(run.stdout.contains("→ after"), "{run:?}");
    assert_eq!(
        summary_row(&run.stdout, "requests"),
        Some((2, 1)),
        "{run:?}"
    );
}

//! Newman's `--reporter-<name>-<option> [value]` syntax. These options are
//! taken out of argv before clap sees it, exactly as Newman does before
//! commander parses: a flag with no value (the next item is missing or
//! starts with `-`) is `true`.

use serde_json::Value;

use crate::report::options::{camel_case, ReporterOptions};

/// Reporters postgate knows; an option for one of them is specific to it.
pub const KNOWN_REPORTERS: &[&str] = &[
    "cli",
    "json",
    "junit",
    "html",
    "progress",
    "emojitrain",
    "github",
];

/// Split argv into (argv for clap, reporter options). `selected` is the
/// value of `-r/--reporters` if it can be seen in argv, so that options for
/// selected reporters become specific.
pub fn extract_reporter_options(argv: Vec<String>) -> (Vec<String>, ReporterOptions) {
    let selected = selected_reporters(&argv);
    let mut rest = Vec::with_capacity(argv.len());
    let mut opts = ReporterOptions::default();
    let mut i = 0;
    let mut after_double_dash = false;
    while i < argv.len() {
        let arg = &argv[i];
        if after_double_dash || arg == "--" {
            after_double_dash = true;
            rest.push(arg.clone());
            i += 1;
            continue;
        }
        let Some(body) = arg.strip_prefix("--reporter-") else {
            rest.push(arg.clone());
            i += 1;
            continue;
        };
        let (name_rest, inline) = match body.split_once('=') {
            Some((k, v)) => (k.to_string(), Some(v.to_string())),
            None => (body.to_string(), None),
        };
        let value = match inline {
            Some(v) => Value::String(v),
            None => match argv.get(i + 1) {
                Some(next) if !next.starts_with('-') => {
                    i += 1;
                    Value::String(next.clone())
                }
                _ => Value::Bool(true),
            },
        };
        let (name, option) = name_rest
            .split_once('-')
            .unwrap_or((name_rest.as_str(), ""));
        if !option.is_empty() && selected.iter().any(|s| s == name) {
            opts.specific
                .entry(name.to_string())
                .or_default()
                .insert(camel_case(option), value);
        } else {
            opts.generic.insert(camel_case(&name_rest), value);
        }
        i += 1;
    }
    (rest, opts)
}

fn selected_reporters(argv: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < argv.len() {
        let a = &argv[i];
        let value = if a == "-r" || a == "--reporters" {
            i += 1;
            argv.get(i).cloned()
        } else if let Some(v) = a.strip_prefix("--reporters=") {
            Some(v.to_string())
        } else {
            a.strip_prefix("-r")
                .filter(|v| !v.is_empty() && !a.starts_with("--"))
                .map(|v| v.trim_start_matches('=').to_string())
        };
        if let Some(v) = value {
            out.extend(
                v.split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty()),
            );
        }
        i += 1;
    }
    if out.is_empty() {
        out.push("cli".into());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn specific_generic_and_flags() {
        let (rest, o) = extract_reporter_options(v(&[
            "postgate",
            "run",
            "c.json",
            "-r",
            "cli,json",
            "--reporter-json-export",
            "out.json",
            "--reporter-cli-no-summary",
            "--reporter-junit-export=x.xml",
            "--reporter-silent",
            "-n",
            "2",
        ]));
        assert_eq!(
            rest,
            v(&["postgate", "run", "c.json", "-r", "cli,json", "-n", "2"])
        );
        assert_eq!(o.string("json", "export").as_deref(), Some("out.json"));
        assert!(o.flag("cli", "noSummary"));
        // junit is not selected, so its option is generic: `junitExport`.
        assert_eq!(
            o.generic.get("junitExport"),
            Some(&Value::String("x.xml".into()))
        );
        assert!(o.flag("json", "silent"));
    }
}

//! The `junit` reporter (`-r junit`, `--reporter-junit-export <path>`):
//! JUnit XML in Newman's layout.
//!
//! * One `<testsuite>` per request item across all iterations, in the
//!   order items first ran, named `Folder / Sub / Request`, with the item's
//!   `id`, the run's start `timestamp`, `tests` (the assertions of the
//!   item's last execution), `failures` (failed assertions over all
//!   iterations), `errors` (request and script errors over all iterations)
//!   and `time` (mean response time, seconds, three decimals).
//! * One `<testcase>` per distinct assertion name, `time` being the item's
//!   last response time and `classname` the suite name in UpperCamelCase.
//! * `<failure type="AssertionFailure" message=…>` with Newman's CDATA
//!   lines; `<system-err>` with one block per iteration that had errors.
//! * `tests` on `<testsuites>` is the number of test phases run (Newman's
//!   `stats.tests.total`), `time` the sum of all response times.
//!
//! Where Newman's layout loses information this keeps it: Newman drops a
//! testcase's `<failure>` when the same assertion passes in a later
//! iteration; here a testcase that failed in any iteration keeps its
//! `<failure>` (`Failed N times.` counts every failure, the message is the
//! first one's), and when it both failed and passed it gets a
//! `<system-out>` naming the failing iterations.
//!
//! With several collections (`postgate run a.json b.json`) the one file
//! holds the suites of every collection, in the order they were named,
//! each suite named `<collection> / <request>`; `<testsuites>` has no name
//! and sums the counts and times.
//!
//! Only per-item aggregates are kept while the run goes (never whole
//! executions), so the memory used does not grow with the iteration count;
//! the `<system-err>` text of an item keeps its first
//! [`MAX_ERROR_BLOCKS`] iteration blocks and counts the rest.
//!
//! The document is modelled with quick-junit's types and written by
//! [`write_newman_xml`], which follows Newman's element and attribute
//! order, two-space indentation and CDATA sections. Characters XML cannot
//! hold (control characters, ANSI escapes) are removed.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use chrono::{DateTime, FixedOffset, Utc};
use quick_junit::{
    FlakyOrRerun, NonSuccessKind, Report, TestCase, TestCaseStatus, TestRerun, TestSuite, XmlString,
};

use super::json::{assertion_stack, response_ms};
use super::{paths, BuildCtx, Reporter, ReporterOptions};
use crate::run::record::Attempt;
use crate::run::{ExecutionRecord, RunEvent, RunSummary};

/// Error blocks kept per suite in `<system-err>`; later ones are counted.
pub const MAX_ERROR_BLOCKS: usize = 200;
/// Failing iterations listed per testcase in its `<system-out>` note.
const MAX_LISTED_ITERATIONS: usize = 50;

/// Stand-ins for tab and carriage return while text sits in quick-junit's
/// `XmlString`, which strips them with the ANSI escapes; written back as
/// they were.
const TAB: char = '\u{E001}';
const CR: char = '\u{E002}';

/// Text for the model: tabs and carriage returns survive.
fn xs(s: &str) -> XmlString {
    if s.contains(['\t', '\r']) {
        XmlString::new(
            s.replace('\t', &TAB.to_string())
                .replace('\r', &CR.to_string()),
        )
    } else {
        XmlString::new(s)
    }
}

/// Separates the CDATA sections of a `<failure>` inside the model's
/// description (a private-use character, valid in XML, never printed).
const SECTION: char = '\u{E000}';

#[derive(Debug, Clone, Default)]
pub struct JunitSettings {
    /// `--reporter-junit-export`; `None` for Newman's default path.
    pub export: Option<String>,
    pub base_dir: PathBuf,
    /// How many collections the invocation runs; with more than one the
    /// file holds the suites of all, written when the last run ends.
    pub collections: usize,
}

impl JunitSettings {
    pub fn from_options(opts: &ReporterOptions, ctx: &BuildCtx) -> Self {
        JunitSettings {
            export: opts.string("junit", "export"),
            base_dir: ctx.cwd.clone(),
            collections: ctx.collections,
        }
    }
}

#[derive(Debug, Default)]
struct CaseAgg {
    name: String,
    failed: usize,
    passed: usize,
    /// Message and stack of the first failure.
    first: Option<(String, String)>,
    failed_iterations: Vec<usize>,
    failed_iterations_unlisted: usize,
    /// Failed earlier attempts of executions in which this assertion
    /// finally passed (`<flakyFailure>`/`<flakyError>`).
    flaky_runs: Vec<TestRerun>,
    /// Failed earlier attempts of executions in which it finally failed
    /// (`<rerunFailure>`/`<rerunError>`).
    reruns: Vec<TestRerun>,
}

#[derive(Debug, Default)]
struct SuiteAgg {
    id: String,
    name: String,
    tests_last: usize,
    failures: usize,
    errors: usize,
    time_sum: f64,
    count: usize,
    last_time: f64,
    system_err: String,
    error_blocks: usize,
    /// postgate: one line per retried execution of this item.
    retry_note: String,
    retry_notes: usize,
    cases: Vec<CaseAgg>,
    case_index: HashMap<String, usize>,
}

pub struct JunitReporter {
    settings: JunitSettings,
    suites: Vec<SuiteAgg>,
    index: HashMap<String, usize>,
    done: bool,
    /// With several collections: the suites of the collections finished so
    /// far.
    merged: Option<Report>,
}

impl JunitReporter {
    pub fn new(settings: JunitSettings) -> Self {
        JunitReporter {
            settings,
            suites: Vec::new(),
            index: HashMap::new(),
            done: false,
            merged: None,
        }
    }

    fn execution(&mut self, rec: &ExecutionRecord) {
        // Newman builds the report from `run.executions`, which only holds
        // items whose request was sent (or failed).
        if rec.request.is_none() && rec.request_error.is_none() {
            return;
        }
        let id = &rec.item.item.id;
        let si = match self.index.get(id) {
            Some(&i) => i,
            None => {
                self.suites.push(SuiteAgg {
                    id: id.clone(),
                    name: rec.item.full_name.clone(),
                    ..SuiteAgg::default()
                });
                self.index.insert(id.clone(), self.suites.len() - 1);
                self.suites.len() - 1
            }
        };
        let suite = &mut self.suites[si];
        let t = rec
            .response
            .as_ref()
            .map(|r| response_ms(r) as f64 / 1000.0)
            .unwrap_or(0.0);
        suite.time_sum += t;
        suite.count += 1;
        suite.last_time = t;

        let mut block = format!("Iteration: {}\n", rec.cursor.iteration);
        let mut errored = false;
        if let Some(e) = &rec.request_error {
            suite.errors += 1;
            errored = true;
            let _ = writeln!(block, "RequestError: Error: {}", e.message);
        }
        block.push_str("\n---\n");
        for (prop, runs) in [
            ("testScript", &rec.test),
            ("prerequestScript", &rec.prerequest),
        ] {
            for e in runs.iter().filter_map(|r| r.error.as_ref()) {
                suite.errors += 1;
                errored = true;
                // Newman writes `stack || message`; its sandbox errors have no stack.
                let _ = write!(block, "{prop}Error: {}\n---\n", e.message);
            }
        }
        if errored {
            if suite.error_blocks < MAX_ERROR_BLOCKS {
                suite.system_err.push_str(&block);
            }
            suite.error_blocks += 1;
        }

        if !rec.attempts.is_empty() {
            if suite.retry_notes < MAX_LISTED_ITERATIONS {
                let _ = writeln!(suite.retry_note, "{}", retry_note(rec));
            }
            suite.retry_notes += 1;
        }
        let mut count = 0;
        for a in rec.assertions() {
            count += 1;
            let ci = match suite.case_index.get(&a.name) {
                Some(&i) => i,
                None => {
                    suite.cases.push(CaseAgg {
                        name: a.name.clone(),
                        ..CaseAgg::default()
                    });
                    suite
                        .case_index
                        .insert(a.name.clone(), suite.cases.len() - 1);
                    suite.cases.len() - 1
                }
            };
            let case = &mut suite.cases[ci];
            for attempt in &rec.attempts {
                let Some(run) = rerun_of(attempt, &a.name, rec.cursor.position) else {
                    continue;
                };
                let list = if a.error.is_some() {
                    &mut case.reruns
                } else {
                    &mut case.flaky_runs
                };
                if list.len() < MAX_RERUNS {
                    list.push(run);
                }
            }
            match &a.error {
                Some(err) => {
                    suite.failures += 1;
                    case.failed += 1;
                    if case.first.is_none() {
                        let name = if err.name.is_empty() {
                            "AssertionError"
                        } else {
                            err.name.as_str()
                        };
                        let stack =
                            assertion_stack(name, &err.message, a.index, rec.cursor.position);
                        case.first = Some((err.message.clone(), stack));
                    }
                    if case.failed_iterations.last() != Some(&rec.cursor.iteration) {
                        if case.failed_iterations.len() < MAX_LISTED_ITERATIONS {
                            case.failed_iterations.push(rec.cursor.iteration);
                        } else {
                            case.failed_iterations_unlisted += 1;
                        }
                    }
                }
                None => case.passed += 1,
            }
        }
        suite.tests_last = count;
    }

    /// The report as quick-junit's model.
    pub fn build_report(&self, summary: &RunSummary) -> Report {
        build_report(&self.suites, summary)
    }

    fn finish(&mut self, summary: &RunSummary) -> io::Result<()> {
        if self.done {
            return Ok(());
        }
        if self.settings.collections > 1 {
            self.add_collection(summary);
            return Ok(());
        }
        self.done = true;
        let report = self.build_report(summary);
        self.write(&report)
    }

    /// With several collections: keep this collection's suites, named
    /// `<collection> / <request>`, and start afresh for the next one.
    fn add_collection(&mut self, summary: &RunSummary) {
        let mut report = self.build_report(summary);
        self.suites.clear();
        self.index.clear();
        let collection = summary.collection.name.as_str();
        for suite in &mut report.test_suites {
            suite.name = xs(&format!("{collection} / {}", suite.name.as_str()));
        }
        match self.merged.as_mut() {
            None => {
                report.name = None;
                self.merged = Some(report);
            }
            Some(all) => {
                all.tests += report.tests;
                all.failures += report.failures;
                all.errors += report.errors;
                let time = all.time.unwrap_or_default() + report.time.unwrap_or_default();
                all.set_time(time);
                all.test_suites.append(&mut report.test_suites);
            }
        }
    }

    fn write(&self, report: &Report) -> io::Result<()> {
        let mut xml = String::new();
        write_newman_xml(report, &mut xml);
        let requested = self.settings.export.as_deref().map(std::path::Path::new);
        let target = paths::resolve(
            requested,
            paths::JUNIT_REPORT,
            &self.settings.base_dir,
            SystemTime::now(),
        )
        .map_err(|e| {
            let shown = requested
                .map(std::path::Path::to_path_buf)
                .unwrap_or_else(|| paths::DEFAULT_DIR.into());
            paths::file_error(e, &shown, "")
        })?;
        std::fs::File::create(&target)
            .and_then(|mut f| {
                f.write_all(xml.as_bytes())?;
                f.flush()
            })
            .map_err(|e| paths::file_error(e, &target, ""))
    }
}

impl Reporter for JunitReporter {
    fn name(&self) -> &'static str {
        "junit"
    }

    fn on_event(&mut self, event: &RunEvent) -> io::Result<()> {
        match event {
            RunEvent::Execution(rec) => {
                self.execution(rec);
                Ok(())
            }
            RunEvent::Finished(summary) => self.finish(summary),
            _ => Ok(()),
        }
    }

    fn close(&mut self) -> io::Result<()> {
        if self.settings.collections <= 1 || self.done {
            return Ok(());
        }
        self.done = true;
        let report = self.merged.take().unwrap_or_else(|| {
            let mut r = Report::new(xs(""));
            r.name = None;
            r
        });
        self.write(&report)
    }
}

/// Is `s` a canonical array index (`0`, `17`, not `01`)? JavaScript
/// objects list such keys first, in numeric order, whatever the insertion
/// order; Newman's per-item and per-assertion maps are such objects.
fn array_index(s: &str) -> Option<u32> {
    if s.is_empty() || (s.len() > 1 && s.starts_with('0')) || !s.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    s.parse::<u32>().ok().filter(|n| *n != u32::MAX)
}

/// Indices into `names` in JavaScript object key order.
fn js_key_order<'a>(names: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let names: Vec<&str> = names.collect();
    let mut numeric: Vec<(u32, usize)> = names
        .iter()
        .enumerate()
        .filter_map(|(i, n)| array_index(n).map(|k| (k, i)))
        .collect();
    numeric.sort();
    let mut order: Vec<usize> = numeric.into_iter().map(|(_, i)| i).collect();
    order.extend((0..names.len()).filter(|i| array_index(names[*i]).is_none()));
    order
}

fn secs(x: f64) -> Duration {
    if x.is_finite() && x > 0.0 {
        Duration::from_secs_f64(x)
    } else {
        Duration::ZERO
    }
}

fn build_report(suites: &[SuiteAgg], summary: &RunSummary) -> Report {
    let collection = &summary.collection;
    let collection_id = super::json::sdk::collection_id(collection);
    let fallback_class = class_name(&collection.name);
    let started: DateTime<FixedOffset> = DateTime::<Utc>::from(
        SystemTime::UNIX_EPOCH + Duration::from_millis(summary.timings.started),
    )
    .fixed_offset();

    let mut report = Report::new(xs(&collection.name));
    let mut total = 0.0f64;
    for si in js_key_order(suites.iter().map(|s| s.id.as_str())) {
        let s = &suites[si];
        total += s.time_sum;
        let mean = if s.count > 0 {
            s.time_sum / s.count as f64
        } else {
            0.0
        };
        let mut suite = TestSuite::new(xs(&s.name));
        suite.extra.insert("id".into(), xs(&s.id));
        suite.set_timestamp(started);
        suite.set_time(secs(mean));
        if s.error_blocks > 0 {
            let mut text = s.system_err.clone();
            if s.error_blocks > MAX_ERROR_BLOCKS {
                let _ = writeln!(
                    text,
                    "[postgate: {} more iterations with errors are not listed]",
                    s.error_blocks - MAX_ERROR_BLOCKS
                );
            }
            suite.set_system_err(xs(&text));
        }
        let class = Some(class_name(&s.name))
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| fallback_class.clone());
        for ci in js_key_order(s.cases.iter().map(|c| c.name.as_str())) {
            let c = &s.cases[ci];
            let status = match &c.first {
                Some((message, stack)) => {
                    let sections = [
                        format!("Failed {} times.", c.failed),
                        format!("Collection JSON ID: {collection_id}."),
                        format!("Collection name: {}.", collection.name),
                        format!("Request name: {}.", s.name),
                        format!("Test description: {}.", c.name),
                        format!("Error message: {message}."),
                        format!("Stacktrace: {stack}."),
                    ];
                    let mut st = TestCaseStatus::non_success(NonSuccessKind::Failure);
                    st.set_type("AssertionFailure");
                    st.set_message(xs(message));
                    st.set_description(xs(&sections.join(&SECTION.to_string())));
                    st.set_rerun_kind(FlakyOrRerun::Rerun);
                    st.add_reruns(c.reruns.iter().cloned());
                    st
                }
                None => TestCaseStatus::Success {
                    flaky_runs: c.flaky_runs.clone(),
                },
            };
            let mut tc = TestCase::new(xs(&c.name), status);
            tc.set_time(secs(s.last_time));
            tc.set_classname(xs(&class));
            if c.failed > 0 && c.passed > 0 {
                let mut note = format!(
                    "postgate: failed {} {}, passed {} {}. Failing iterations (0-based): {}",
                    c.failed,
                    if c.failed == 1 { "time" } else { "times" },
                    c.passed,
                    if c.passed == 1 { "time" } else { "times" },
                    c.failed_iterations
                        .iter()
                        .map(|i| i.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                if c.failed_iterations_unlisted > 0 {
                    let _ = write!(note, " and {} more", c.failed_iterations_unlisted);
                }
                note.push('.');
                tc.set_system_out(xs(&note));
            }
            suite.add_test_case(tc);
        }
        if s.retry_notes > 0 {
            let mut text = s.retry_note.clone();
            if s.retry_notes > MAX_LISTED_ITERATIONS {
                let _ = writeln!(
                    text,
                    "[postgate: {} more retried executions are not listed]",
                    s.retry_notes - MAX_LISTED_ITERATIONS
                );
            }
            suite.set_system_out(xs(text.trim_end()));
        }
        // Newman's counts, not quick-junit's.
        suite.tests = s.tests_last;
        suite.failures = s.failures;
        suite.errors = s.errors;
        suite.skipped = 0;
        report.add_test_suite(suite);
    }
    report.tests = summary.stats.tests.total;
    report.failures = suites.iter().map(|s| s.failures).sum();
    report.errors = suites.iter().map(|s| s.errors).sum();
    report.set_time(secs(total));
    report.set_timestamp(started);
    report
}

/// Earlier attempts kept per testcase and kind; later ones are dropped.
const MAX_RERUNS: usize = 50;

/// The suite's note on one retried execution.
fn retry_note(rec: &ExecutionRecord) -> String {
    let list = rec
        .attempts
        .iter()
        .map(|a| format!("attempt {}: {}", a.number, a.summary()))
        .collect::<Vec<_>>()
        .join("; ");
    let n = rec.attempt_number();
    let verdict = if rec.failed() {
        format!("failed on attempt {n} of {}", rec.max_attempts.max(n))
    } else {
        format!(
            "flaky, passed on attempt {n} of {}",
            rec.max_attempts.max(n)
        )
    };
    format!(
        "postgate: iteration {}: {verdict} ({list}).",
        rec.cursor.iteration
    )
}

/// How assertion `name` fared in a failed earlier attempt, as a rerun:
/// an error when the request failed or a script threw before the assertion
/// ran, a failure when the assertion failed; `None` when it passed.
fn rerun_of(attempt: &Attempt, name: &str, position: usize) -> Option<TestRerun> {
    let mut run = if let Some(e) = &attempt.request_error {
        let mut r = TestRerun::new(NonSuccessKind::Error);
        r.ty = Some(xs("RequestError"));
        r.message = Some(xs(&e.message));
        r
    } else {
        match attempt.assertions.iter().find(|a| a.name == name) {
            Some(a) => {
                let err = a.error.as_ref()?;
                let ty = if err.name.is_empty() {
                    "AssertionError"
                } else {
                    err.name.as_str()
                };
                let mut r = TestRerun::new(NonSuccessKind::Failure);
                r.ty = Some(xs("AssertionFailure"));
                r.message = Some(xs(&err.message));
                r.description = Some(xs(&format!(
                    "Attempt {}: {}.{SECTION}Error message: {}.{SECTION}Stacktrace: {}.",
                    attempt.number,
                    attempt.summary(),
                    err.message,
                    assertion_stack(ty, &err.message, a.index, position)
                )));
                r
            }
            None => {
                let (listen, e) = attempt.script_errors.first()?;
                let mut r = TestRerun::new(NonSuccessKind::Error);
                r.ty = Some(xs(&format!("{listen}ScriptError")));
                r.message = Some(xs(&format!("{}: {}", e.name, e.message)));
                r
            }
        }
    };
    if run.description.is_none() {
        run.description = Some(xs(&format!(
            "Attempt {}: {}.",
            attempt.number,
            attempt.summary()
        )));
    }
    run.timestamp = Some(DateTime::<Utc>::from(attempt.started).fixed_offset());
    run.time = Some(match attempt.response_time {
        Some(ms) => secs(ms / 1000.0),
        None => attempt.duration,
    });
    Some(run)
}

/// Lodash's `deburr` for Latin-1 and Latin Extended-A letters.
fn deburr(c: char) -> Option<&'static str> {
    let upper = c.is_uppercase();
    let pick = |u: &'static str, l: &'static str| Some(if upper { u } else { l });
    match c {
        'À'..='Å' | 'à'..='å' => pick("A", "a"),
        'Ç' | 'ç' => pick("C", "c"),
        'Ð' | 'ð' => pick("D", "d"),
        'È'..='Ë' | 'è'..='ë' => pick("E", "e"),
        'Ì'..='Ï' | 'ì'..='ï' => pick("I", "i"),
        'Ñ' | 'ñ' => pick("N", "n"),
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' => pick("O", "o"),
        'Ù'..='Ü' | 'ù'..='ü' => pick("U", "u"),
        'Ý' | 'ý' | 'ÿ' => pick("Y", "y"),
        'Æ' | 'æ' => pick("Ae", "ae"),
        'Þ' | 'þ' => pick("Th", "th"),
        'ß' => Some("ss"),
        '\u{100}'..='\u{105}' => pick("A", "a"),
        '\u{106}'..='\u{10D}' => pick("C", "c"),
        '\u{10E}'..='\u{111}' => pick("D", "d"),
        '\u{112}'..='\u{11B}' => pick("E", "e"),
        '\u{11C}'..='\u{123}' => pick("G", "g"),
        '\u{124}'..='\u{127}' => pick("H", "h"),
        '\u{128}'..='\u{131}' => pick("I", "i"),
        '\u{132}'..='\u{133}' => pick("IJ", "ij"),
        '\u{134}'..='\u{135}' => pick("J", "j"),
        '\u{136}'..='\u{138}' => pick("K", "k"),
        '\u{139}'..='\u{142}' => pick("L", "l"),
        '\u{149}' => Some("'n"),
        '\u{143}'..='\u{14B}' => pick("N", "n"),
        '\u{14C}'..='\u{151}' => pick("O", "o"),
        '\u{152}'..='\u{153}' => pick("Oe", "oe"),
        '\u{154}'..='\u{159}' => pick("R", "r"),
        '\u{15A}'..='\u{161}' => pick("S", "s"),
        '\u{162}'..='\u{167}' => pick("T", "t"),
        '\u{168}'..='\u{173}' => pick("U", "u"),
        '\u{174}'..='\u{175}' => pick("W", "w"),
        '\u{176}'..='\u{178}' => pick("Y", "y"),
        '\u{179}'..='\u{17E}' => pick("Z", "z"),
        '\u{17F}' => Some("s"),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Upper,
    Lower,
    Digit,
    Break,
}

fn kind(c: char) -> Kind {
    if c.is_ascii_digit() {
        Kind::Digit
    } else if c.is_uppercase() {
        Kind::Upper
    } else if c.is_alphabetic() || c.is_lowercase() {
        Kind::Lower
    } else {
        Kind::Break
    }
}

fn is_ordinal_suffix(rest: &[char]) -> bool {
    let run: String = rest
        .iter()
        .take_while(|c| kind(**c) == Kind::Lower)
        .collect();
    matches!(run.as_str(), "st" | "nd" | "rd" | "th")
}

/// Lodash's `words`: runs of letters split where lower case turns upper
/// (`getUser` → get, User), before the last capital of a capital run that
/// goes on in lower case (`HTTPServer` → HTTP, Server), and between letters
/// and digits.
fn words(s: &str) -> Vec<String> {
    let mut text = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '\'' || c == '\u{2019}' || ('\u{300}'..='\u{36F}').contains(&c) {
            continue;
        }
        match deburr(c) {
            Some(r) => text.push_str(r),
            None => text.push(c),
        }
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let k = kind(c);
        if k == Kind::Break {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(&p) = i.checked_sub(1).and_then(|j| chars.get(j)) {
            let pk = kind(p);
            let next_lower = chars.get(i + 1).is_some_and(|n| kind(*n) == Kind::Lower);
            let split = match (pk, k) {
                (Kind::Break, _) => false,
                (Kind::Lower, Kind::Upper) => true,
                (Kind::Upper, Kind::Upper) => next_lower,
                (Kind::Digit, Kind::Digit) => false,
                // Ordinals stay one word: `1st`, `22nd`, `4th`.
                (Kind::Digit, Kind::Lower) => !is_ordinal_suffix(&chars[i..]),
                (Kind::Digit, _) | (_, Kind::Digit) => true,
                _ => false,
            };
            if split && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Newman's classname: `upperFirst(camelCase(name).replace(/\W/g, ''))`
/// (`Users / Get user` → `UsersGetUser`).
pub fn class_name(name: &str) -> String {
    let mut camel = String::new();
    for (i, w) in words(name).iter().enumerate() {
        let lower = w.to_lowercase();
        if i == 0 {
            camel.push_str(&lower);
        } else {
            let mut cs = lower.chars();
            if let Some(f) = cs.next() {
                camel.extend(f.to_uppercase());
                camel.push_str(cs.as_str());
            }
        }
    }
    let mut out: String = camel
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if let Some(f) = out.get(..1) {
        let up = f.to_ascii_uppercase();
        out.replace_range(..1, &up);
    }
    out
}

/// JavaScript's `Number.prototype.toFixed`: the nearest decimal, an exact
/// tie going to the larger value.
pub fn to_fixed(x: f64, digits: usize) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN".into()
        } else {
            "Infinity".into()
        };
    }
    let exact = format!("{x:.1100}");
    if let Some(dot) = exact.find('.') {
        let tail = &exact[dot + 1..];
        if tail.len() > digits
            && tail.as_bytes()[digits] == b'5'
            && tail[digits + 1..].bytes().all(|b| b == b'0')
        {
            // An exact tie: Rust rounds half to even, JavaScript up (away from zero).
            let step = 10f64.powi(-(digits as i32)) / 2.0;
            let nudged = if x >= 0.0 {
                x + step / 4.0
            } else {
                x - step / 4.0
            };
            return format!("{nudged:.digits$}");
        }
    }
    format!("{x:.digits$}")
}

fn fmt_time(d: &Option<Duration>) -> String {
    to_fixed(d.map(|d| d.as_secs_f64()).unwrap_or(0.0), 3)
}

fn fmt_timestamp(t: &Option<DateTime<FixedOffset>>) -> Option<String> {
    t.map(|t| {
        t.with_timezone(&Utc)
            .format("%Y-%m-%dT%H:%M:%S%.3fZ")
            .to_string()
    })
}

/// Characters XML 1.0 cannot hold at all, beyond what `XmlString` strips.
fn xml_bad(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
}

fn xml_clean(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(|c| xml_bad(c) || c == TAB || c == CR) {
        std::borrow::Cow::Owned(
            s.chars()
                .filter(|c| !xml_bad(*c))
                .map(|c| match c {
                    TAB => '\t',
                    CR => '\r',
                    c => c,
                })
                .collect(),
        )
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Attribute escaping as xmlbuilder does it.
fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    for c in xml_clean(value).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#x9;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn cdata(out: &mut String, text: &str) {
    out.push_str("<![CDATA[");
    out.push_str(&xml_clean(text).replace("]]>", "]]]]><![CDATA[>"));
    out.push_str("]]>");
}

fn indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

/// An element whose only child is one CDATA section, on one line.
fn cdata_element(out: &mut String, level: usize, tag: &str, text: &str) {
    indent(out, level);
    let _ = write!(out, "<{tag}>");
    cdata(out, text);
    let _ = writeln!(out, "</{tag}>");
}

fn status_element(
    out: &mut String,
    level: usize,
    tag: &str,
    ty: Option<&XmlString>,
    message: Option<&XmlString>,
    description: Option<&XmlString>,
    extra: &[(&str, String)],
) {
    indent(out, level);
    out.push('<');
    out.push_str(tag);
    if let Some(t) = ty {
        attr(out, "type", t);
    }
    if let Some(m) = message {
        attr(out, "message", m);
    }
    for (k, v) in extra {
        attr(out, k, v);
    }
    match description.filter(|d| !d.is_empty()) {
        None => out.push_str("/>\n"),
        Some(d) => {
            out.push_str(">\n");
            for section in d.split(SECTION) {
                indent(out, level + 1);
                cdata(out, section);
                out.push('\n');
            }
            indent(out, level);
            let _ = writeln!(out, "</{tag}>");
        }
    }
}

fn rerun_element(out: &mut String, level: usize, rerun: &TestRerun, kind: FlakyOrRerun) {
    let tag = match (kind, rerun.kind) {
        (FlakyOrRerun::Flaky, NonSuccessKind::Failure) => "flakyFailure",
        (FlakyOrRerun::Flaky, NonSuccessKind::Error) => "flakyError",
        (FlakyOrRerun::Rerun, NonSuccessKind::Failure) => "rerunFailure",
        (FlakyOrRerun::Rerun, NonSuccessKind::Error) => "rerunError",
    };
    let mut extra = Vec::new();
    if let Some(ts) = fmt_timestamp(&rerun.timestamp) {
        extra.push(("timestamp", ts));
    }
    if rerun.time.is_some() {
        extra.push(("time", fmt_time(&rerun.time)));
    }
    status_element(
        out,
        level,
        tag,
        rerun.ty.as_ref(),
        rerun.message.as_ref(),
        rerun.description.as_ref(),
        &extra,
    );
}

fn write_case(out: &mut String, level: usize, tc: &TestCase) {
    indent(out, level);
    out.push_str("<testcase");
    attr(out, "name", &tc.name);
    attr(out, "time", &fmt_time(&tc.time));
    if let Some(c) = &tc.classname {
        attr(out, "classname", c);
    }
    for (k, v) in &tc.extra {
        attr(out, k, v);
    }
    let has_status = match &tc.status {
        TestCaseStatus::Success { flaky_runs } => !flaky_runs.is_empty(),
        _ => true,
    };
    if !has_status && tc.system_out.is_none() && tc.system_err.is_none() {
        out.push_str("/>\n");
        return;
    }
    out.push_str(">\n");
    match &tc.status {
        TestCaseStatus::Success { flaky_runs } => {
            for r in flaky_runs {
                rerun_element(out, level + 1, r, FlakyOrRerun::Flaky);
            }
        }
        TestCaseStatus::NonSuccess {
            kind,
            message,
            ty,
            description,
            reruns,
        } => {
            let tag = match kind {
                NonSuccessKind::Failure => "failure",
                NonSuccessKind::Error => "error",
            };
            status_element(
                out,
                level + 1,
                tag,
                ty.as_ref(),
                message.as_ref(),
                description.as_ref(),
                &[],
            );
            for r in &reruns.runs {
                rerun_element(out, level + 1, r, reruns.kind);
            }
        }
        TestCaseStatus::Skipped {
            message,
            ty,
            description,
        } => {
            status_element(
                out,
                level + 1,
                "skipped",
                ty.as_ref(),
                message.as_ref(),
                description.as_ref(),
                &[],
            );
        }
    }
    if let Some(s) = &tc.system_out {
        cdata_element(out, level + 1, "system-out", s);
    }
    if let Some(s) = &tc.system_err {
        cdata_element(out, level + 1, "system-err", s);
    }
    indent(out, level);
    out.push_str("</testcase>\n");
}

/// Write a report in Newman's layout (xmlbuilder, `pretty`, two-space
/// indent, no trailing newline).
pub fn write_newman_xml(report: &Report, out: &mut String) {
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites");
    if let Some(n) = &report.name {
        attr(out, "name", n);
    }
    attr(out, "tests", &report.tests.to_string());
    attr(out, "time", &fmt_time(&report.time));
    if report.test_suites.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push_str(">\n");
    for s in &report.test_suites {
        indent(out, 1);
        out.push_str("<testsuite");
        attr(out, "name", &s.name);
        if let Some(id) = s.extra.get("id") {
            attr(out, "id", id);
        }
        if let Some(ts) = fmt_timestamp(&s.timestamp) {
            attr(out, "timestamp", &ts);
        }
        attr(out, "tests", &s.tests.to_string());
        attr(out, "failures", &s.failures.to_string());
        attr(out, "errors", &s.errors.to_string());
        attr(out, "time", &fmt_time(&s.time));
        for (k, v) in s.extra.iter().filter(|(k, _)| k.as_str() != "id") {
            attr(out, k, v);
        }
        if s.test_cases.is_empty()
            && s.system_err.is_none()
            && s.system_out.is_none()
            && s.properties.is_empty()
        {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        if !s.properties.is_empty() {
            indent(out, 2);
            out.push_str("<properties>\n");
            for p in &s.properties {
                indent(out, 3);
                out.push_str("<property");
                attr(out, "name", &p.name);
                attr(out, "value", &p.value);
                out.push_str("/>\n");
            }
            indent(out, 2);
            out.push_str("</properties>\n");
        }
        if let Some(e) = &s.system_err {
            cdata_element(out, 2, "system-err", e);
        }
        for tc in &s.test_cases {
            write_case(out, 2, tc);
        }
        if let Some(o) = &s.system_out {
            cdata_element(out, 2, "system-out", o);
        }
        indent(out, 1);
        out.push_str("</testsuite>\n");
    }
    out.push_str("</testsuites>");
}

#[cfg(test)]
mod tests;

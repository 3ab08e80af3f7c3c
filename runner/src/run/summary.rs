//! The run summary: stats, timings and failures in Newman's terms, built up
//! as executions finish so nothing needs to keep every execution.

use std::sync::Arc;

use crate::collection::Collection;
use crate::script::JsError;
use crate::vars::VarList;

use super::record::{Cursor, ExecutionRecord};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stat {
    pub total: usize,
    pub pending: usize,
    pub failed: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub iterations: Stat,
    pub items: Stat,
    pub scripts: Stat,
    pub prerequests: Stat,
    pub requests: Stat,
    pub tests: Stat,
    pub assertions: Stat,
    pub test_scripts: Stat,
    pub prerequest_scripts: Stat,
    /// Requests that passed only on a retry (`failed`: those that failed
    /// the run under `--fail-on-flaky`); `None` when no retry policy was in
    /// force, so reports without retries stay as they were.
    pub flaky: Option<Stat>,
}

#[derive(Debug, Clone, Default)]
pub struct Timings {
    pub response_average: f64,
    pub response_min: f64,
    pub response_max: f64,
    pub response_sd: f64,
    /// Epoch milliseconds.
    pub started: u64,
    pub completed: u64,
    count: u64,
    mean: f64,
    m2: f64,
}

impl Timings {
    /// Welford's running mean and standard deviation, as Newman computes them.
    pub fn add_response(&mut self, ms: f64) {
        self.count += 1;
        if self.count == 1 {
            self.response_min = ms;
            self.response_max = ms;
        } else {
            self.response_min = self.response_min.min(ms);
            self.response_max = self.response_max.max(ms);
        }
        let delta = ms - self.mean;
        self.mean += delta / self.count as f64;
        self.m2 += delta * (ms - self.mean);
        self.response_average = self.mean;
        self.response_sd = if self.count > 1 {
            (self.m2 / self.count as f64).sqrt()
        } else {
            0.0
        };
    }
}

/// Where a failure happened, for the failure list and reports.
#[derive(Debug, Clone, Default)]
pub struct FailureSource {
    pub item_id: String,
    pub item_name: String,
    /// `Folder / Request`.
    pub full_name: String,
}

#[derive(Debug, Clone)]
pub struct Failure {
    pub error: JsError,
    /// The assertion (test) name; empty for script and request errors.
    pub test: String,
    /// Assertion index within its script, when an assertion failed.
    pub index: Option<usize>,
    /// Newman's `at`: `assertion:0 in test-script`, `test-script`, `prerequest-script`, `request`.
    pub at: String,
    pub source: FailureSource,
    pub cursor: Cursor,
    /// Newman names no item for request errors (`inside ""`); kept as it is.
    pub is_request_error: bool,
}

#[derive(Debug, Clone)]
pub struct RunSummary {
    pub collection: Arc<Collection>,
    pub environment_name: Option<String>,
    pub environment_id: Option<String>,
    pub environment: VarList,
    pub globals: VarList,
    pub collection_variables: VarList,
    pub stats: Stats,
    pub timings: Timings,
    /// Bytes of response bodies received.
    pub transfers_response_total: u64,
    pub failures: Vec<Failure>,
    /// An error that stopped the run (timeout, abort, interruption).
    pub error: Option<String>,
    /// The run stopped before finishing (bail, timeout, signal).
    pub interrupted: bool,
}

impl RunSummary {
    pub fn new(collection: Arc<Collection>) -> Self {
        RunSummary {
            collection,
            environment_name: None,
            environment_id: None,
            environment: VarList::default(),
            globals: VarList::default(),
            collection_variables: VarList::default(),
            stats: Stats::default(),
            timings: Timings::default(),
            transfers_response_total: 0,
            failures: Vec::new(),
            error: None,
            interrupted: false,
        }
    }

    /// Failures an execution adds, in the order Newman lists them.
    pub fn failures_of(rec: &ExecutionRecord) -> Vec<Failure> {
        let source = FailureSource {
            item_id: rec.item.item.id.clone(),
            item_name: rec.item.item.name.clone(),
            full_name: rec.item.full_name.clone(),
        };
        let mut out = Vec::new();
        let phase = |runs: &[crate::script::ScriptRun], listen: &str, out: &mut Vec<Failure>| {
            for run in runs {
                for a in &run.assertions {
                    if let Some(e) = &a.error {
                        out.push(Failure {
                            error: e.clone(),
                            test: a.name.clone(),
                            index: Some(a.index),
                            at: format!("assertion:{} in test-script", a.index),
                            source: source.clone(),
                            cursor: rec.cursor.clone(),
                            is_request_error: false,
                        });
                    }
                }
                if let Some(e) = &run.error {
                    out.push(Failure {
                        error: e.clone(),
                        test: String::new(),
                        index: None,
                        at: format!("{listen}-script"),
                        source: source.clone(),
                        cursor: rec.cursor.clone(),
                        is_request_error: false,
                    });
                }
            }
        };
        phase(&rec.prerequest, "prerequest", &mut out);
        // Failed sendRequests, listed as Newman lists them: request errors
        // of no item (its `source` is null).
        for message in &rec.failed_side_requests {
            out.push(Failure {
                error: JsError {
                    name: "Error".into(),
                    message: message.clone(),
                    stack: None,
                },
                test: String::new(),
                index: None,
                at: "request".into(),
                source: FailureSource::default(),
                cursor: rec.cursor.clone(),
                is_request_error: true,
            });
        }
        if let Some(err) = &rec.request_error {
            out.push(Failure {
                error: JsError {
                    name: "Error".into(),
                    message: err.message.clone(),
                    stack: None,
                },
                test: String::new(),
                index: None,
                at: "request".into(),
                source: source.clone(),
                cursor: rec.cursor.clone(),
                is_request_error: true,
            });
        }
        phase(&rec.test, "test", &mut out);
        out
    }

    /// Count one finished execution.
    pub fn add(&mut self, rec: &ExecutionRecord) {
        let s = &mut self.stats;
        s.items.total += 1;
        s.prerequests.total += 1;
        s.prerequest_scripts.total += rec.prerequest.len();
        s.prerequest_scripts.failed += rec.prerequest.iter().filter(|r| r.error.is_some()).count();
        if !rec.skipped {
            s.tests.total += 1;
            s.test_scripts.total += rec.test.len();
            s.test_scripts.failed += rec.test.iter().filter(|r| r.error.is_some()).count();
            if rec.request.is_some() || rec.request_error.is_some() {
                s.requests.total += 1;
            }
            if rec.request_error.is_some() {
                s.requests.failed += 1;
            }
        }
        s.requests.total += rec.extra_requests + rec.auth_exchanges.len();
        s.requests.failed += rec.failed_side_requests.len();
        s.scripts.total += rec.prerequest.len() + rec.test.len();
        s.scripts.failed += rec.script_errors().count();
        for a in rec.assertions() {
            s.assertions.total += 1;
            if a.error.is_some() {
                s.assertions.failed += 1;
            }
        }
        for x in &rec.auth_exchanges {
            self.timings.add_response(x.response.response_time);
            self.transfers_response_total += x.response.body.len() as u64;
        }
        if let Some(resp) = &rec.response {
            self.timings.add_response(resp.response_time);
            self.transfers_response_total += resp.body.len() as u64;
        }
        self.failures.extend(Self::failures_of(rec));
    }

    pub fn exit_failed(&self) -> bool {
        !self.failures.is_empty()
            || self.error.is_some()
            || self.stats.flaky.is_some_and(|f| f.failed > 0)
    }
}

//! The execution record: everything that happened when one item ran once.
//! Reporters read records; nothing in a record refers back to the engine.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use crate::http::{PreparedRequest, RequestError, ResponseData};
use crate::script::{Assertion, ConsoleEntry, JsError, ScriptRun};

use super::plan::RunItem;

/// Newman's cursor: where in the run an execution happened.
#[derive(Debug, Clone, Default)]
pub struct Cursor {
    /// Position of the item in the plan (0-based).
    pub position: usize,
    /// Iteration (0-based).
    pub iteration: usize,
    /// Number of items in the plan.
    pub length: usize,
    /// Number of iterations.
    pub cycles: usize,
    /// Unique id of this execution.
    pub ref_id: String,
    pub http_request_id: String,
}

/// The request as it went on the wire, and in Postman's JSON shape.
#[derive(Debug, Clone)]
pub struct SentRequest {
    pub prepared: PreparedRequest,
    pub json: serde_json::Value,
}

#[derive(Debug, Clone)]
pub struct ExecutionRecord {
    pub id: String,
    pub cursor: Cursor,
    pub item: Arc<RunItem>,
    pub request: Option<SentRequest>,
    pub response: Option<Arc<ResponseData>>,
    pub request_error: Option<RequestError>,
    pub prerequest: Vec<ScriptRun>,
    pub test: Vec<ScriptRun>,
    pub console: Vec<ConsoleEntry>,
    /// Messages the runner produced for this item (auth that cannot sign, …).
    pub warnings: Vec<String>,
    /// `pm.execution.skipRequest()` was called.
    pub skipped: bool,
    /// What the scripts asked for next (`Some(None)`: `setNextRequest(null)`).
    pub next_request: Option<Option<String>>,
    /// Whether a test script (rather than a pre-request script) set it.
    pub next_request_from_test: bool,
    /// Number of extra HTTP requests made by `pm.sendRequest`.
    pub extra_requests: usize,
    /// The error messages of those that failed (each a failed request of
    /// the run, as in Newman).
    pub failed_side_requests: Vec<String>,
    pub started: SystemTime,
    pub duration: Duration,
    /// The failed earlier attempts, oldest first, when the item was
    /// retried; the record itself is the final attempt.
    pub attempts: Vec<Attempt>,
    /// Attempts the retry policy allowed this item (1: no retries).
    pub max_attempts: usize,
    /// Requests sent before the final one because the auth asked for a
    /// replay (digest, ntlm): each as sent, with its (401) response. Newman
    /// reports each as a request of its own.
    pub auth_exchanges: Vec<AuthExchange>,
}

/// One request of an auth handshake that was answered and replayed.
#[derive(Debug, Clone)]
pub struct AuthExchange {
    pub request: SentRequest,
    pub response: Arc<ResponseData>,
}

/// Why an attempt failed, in the classes `--retry-on` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FailureKind {
    /// No response: refused, reset, DNS, …
    Network,
    /// No response in time.
    Timeout,
    /// A 5xx response, and something failed.
    ServerError,
    /// A 429 response, and something failed.
    TooManyRequests,
    /// A failed assertion or test-script error on any other response.
    Assertion,
    /// Something a retry cannot change: a pre-request script error, a
    /// request that could not be built, a TLS or URL error.
    Permanent,
}

impl FailureKind {
    /// The name `--retry-on` and the reports use.
    pub fn name(self) -> &'static str {
        match self {
            FailureKind::Network => "network",
            FailureKind::Timeout => "timeout",
            FailureKind::ServerError => "5xx",
            FailureKind::TooManyRequests => "429",
            FailureKind::Assertion => "assertion",
            FailureKind::Permanent => "permanent",
        }
    }
}

/// One failed attempt of an item that was tried again.
#[derive(Debug, Clone)]
pub struct Attempt {
    /// 1-based.
    pub number: usize,
    pub started: SystemTime,
    pub duration: Duration,
    /// The response's status code and reason, when there was a response.
    pub code: Option<u16>,
    pub status: Option<String>,
    /// Milliseconds, when there was a response.
    pub response_time: Option<f64>,
    pub request_error: Option<RequestError>,
    /// Every assertion of the attempt, passed or not, in order.
    pub assertions: Vec<Assertion>,
    /// Script errors: (`prerequest` or `test`, error).
    pub script_errors: Vec<(&'static str, JsError)>,
    pub kind: FailureKind,
    /// How long the runner waited before the next attempt.
    pub delay: Duration,
}

impl Attempt {
    /// The failed attempt as data (the record is dropped by the caller).
    pub fn from_record(rec: &ExecutionRecord, number: usize, kind: FailureKind) -> Attempt {
        Attempt {
            number,
            started: rec.started,
            duration: rec.duration,
            code: rec.response.as_ref().map(|r| r.code),
            status: rec.response.as_ref().map(|r| r.status.clone()),
            response_time: rec.response.as_ref().map(|r| r.response_time),
            request_error: rec.request_error.clone(),
            assertions: rec.assertions().cloned().collect(),
            script_errors: rec
                .script_errors()
                .map(|(listen, e)| (listen, e.clone()))
                .collect(),
            kind,
            delay: Duration::ZERO,
        }
    }

    /// A short account of what went wrong: `500 Internal Server Error`,
    /// `connect ECONNREFUSED 127.0.0.1:1`, `"status is 200" failed`.
    pub fn summary(&self) -> String {
        if let Some(e) = &self.request_error {
            return e.message.clone();
        }
        let failed = self.assertions.iter().find(|a| a.error.is_some());
        let status = self.code.map(|c| match &self.status {
            Some(s) if !s.is_empty() => format!("{c} {s}"),
            _ => c.to_string(),
        });
        match (status, failed, self.kind) {
            (Some(s), _, FailureKind::ServerError | FailureKind::TooManyRequests) => s,
            (Some(s), Some(a), _) => format!("{s}, \"{}\" failed", a.name),
            (None, Some(a), _) => format!("\"{}\" failed", a.name),
            (s, None, _) => match self.script_errors.first() {
                Some((listen, e)) => {
                    let what = format!("{} in {listen}-script", e.name);
                    match s {
                        Some(s) => format!("{s}, {what}"),
                        None => what,
                    }
                }
                None => s.unwrap_or_else(|| "failed".into()),
            },
        }
    }
}

impl ExecutionRecord {
    /// Passed, but only on a later attempt.
    pub fn flaky(&self) -> bool {
        !self.attempts.is_empty() && !self.failed()
    }

    /// The number of this (final) attempt.
    pub fn attempt_number(&self) -> usize {
        self.attempts.len() + 1
    }

    /// The class of this execution's failure; `None` when nothing failed.
    pub fn failure_kind(&self) -> Option<FailureKind> {
        if !self.failed() || self.skipped {
            return None;
        }
        if let Some(e) = &self.request_error {
            return Some(match e.code.as_str() {
                "ETIMEDOUT" | "ESOCKETTIMEDOUT" => FailureKind::Timeout,
                "ECONNREFUSED" | "ECONNRESET" | "ENOTFOUND" | "EAI_AGAIN" | "EHOSTUNREACH"
                | "ENETUNREACH" | "EPIPE" | "EADDRNOTAVAIL" | "ECONNABORTED" | "EUNKNOWN" => {
                    FailureKind::Network
                }
                _ => FailureKind::Permanent,
            });
        }
        if self.prerequest.iter().any(|r| r.error.is_some()) {
            return Some(FailureKind::Permanent);
        }
        Some(match self.response.as_ref().map(|r| r.code) {
            Some(429) => FailureKind::TooManyRequests,
            Some(500..=599) => FailureKind::ServerError,
            _ => FailureKind::Assertion,
        })
    }

    /// All assertions, pre-request ones first, in the order they ran.
    pub fn assertions(&self) -> impl Iterator<Item = &Assertion> {
        self.prerequest
            .iter()
            .chain(self.test.iter())
            .flat_map(|r| r.assertions.iter())
    }

    pub fn script_errors(&self) -> impl Iterator<Item = (&'static str, &JsError)> {
        self.prerequest
            .iter()
            .filter_map(|r| r.error.as_ref().map(|e| ("prerequest", e)))
            .chain(
                self.test
                    .iter()
                    .filter_map(|r| r.error.as_ref().map(|e| ("test", e))),
            )
    }

    /// Did anything fail (assertion, script error, request error)?
    pub fn failed(&self) -> bool {
        self.request_error.is_some()
            || self.assertions().any(|a| a.error.is_some())
            || self.script_errors().next().is_some()
    }
}

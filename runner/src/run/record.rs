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
    pub started: SystemTime,
    pub duration: Duration,
}

impl ExecutionRecord {
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

//! Typed run events. The run emits them in collection order; reporters
//! consume them. One listener (the reporter set) owns the terminal.

use std::sync::Arc;

use crate::collection::Collection;

use super::record::ExecutionRecord;
use super::summary::RunSummary;

#[derive(Debug, Clone)]
pub enum RunEvent {
    Started {
        collection: Arc<Collection>,
        cycles: usize,
        items: usize,
    },
    IterationStarted {
        iteration: usize,
        cycles: usize,
    },
    /// One item ran (or was skipped); its record is complete.
    Execution(Arc<ExecutionRecord>),
    IterationFinished {
        iteration: usize,
    },
    /// The run ended (normally or not); the summary is final.
    Finished(Arc<RunSummary>),
}

/// Something that consumes run events.
pub trait RunListener: Send {
    fn on_event(&mut self, event: &RunEvent);
}

impl<F: FnMut(&RunEvent) + Send> RunListener for F {
    fn on_event(&mut self, event: &RunEvent) {
        self(event)
    }
}

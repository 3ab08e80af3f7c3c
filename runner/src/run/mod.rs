//! Running a collection: the plan (which requests, in what order), the
//! executor (one item, given the scopes and cookie jar it should see, to one
//! execution record), the run loop (iterations, setNextRequest, bail), and
//! the typed events reporters consume, and the ordering point through
//! which several collections run side by side report.

pub mod analysis;
pub mod events;
pub mod executor;
pub mod multi;
pub mod options;
pub mod plan;
pub mod record;
pub mod runner;
pub mod summary;

pub use events::{RunEvent, RunListener};
pub use executor::{execute, execute_with_jar, ExecContext};
pub use options::{Bail, RunOptions};
pub use plan::{plan, shard, RunItem};
pub use record::{Cursor, ExecutionRecord, SentRequest};
pub use runner::{run, RunInputs};
pub use summary::{Failure, FailureSource, RunSummary, Stat, Stats, Timings};

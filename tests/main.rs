//! Black-box tests of the `postgate` binary: real collections from
//! `collections/` run against the fixture API on loopback.

mod support;

mod bounds;
mod cli_errors;
mod concurrency;
mod conformance;
mod engine;
mod faults;
mod isolation;
mod readiness;
mod retry;
mod shard;

//! Black-box tests of the `postgate` binary: real collections from
//! `collections/` run against the fixture API on loopback.

mod support;

mod auth_types;
mod bounds;
mod ci_integration;
mod cli_errors;
mod concurrency;
mod conformance;
mod engine;
mod faults;
mod isolation;
mod multi;
mod readiness;
mod reports;
mod retry;
mod shard;
mod tls_proxy;

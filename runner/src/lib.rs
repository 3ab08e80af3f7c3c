//! postgate: a native runner for Postman collections with Newman's semantics.
//!
//! The crate is organised one concern per module; data flows one way:
//! `cli` → `run` (plan, scheduler, executor) → `request`/`auth`/`http`/`script`
//! → `vars`/`collection`. Reporters in `report` only consume the typed events
//! and execution records that `run` emits.

pub mod auth;
pub mod cli;
pub mod collection;
pub mod data;
pub mod error;
pub mod http;
pub mod policy;
pub mod report;
pub mod request;
pub mod run;
pub mod script;
pub mod vars;

/// The version Newman-compatible outputs (exports, user agents) mention.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

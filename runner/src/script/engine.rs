//! The sandbox as a service: [`ScriptPool`] owns N dedicated OS threads,
//! each with one JS engine (a QuickJS runtime and context that live and die
//! on that thread), fed through a flume channel and answering through tokio
//! oneshot channels. Async callers use [`ScriptPool::run`], others
//! [`ScriptPool::run_blocking`].
//!
//! A job never hangs the caller: a panic in the engine becomes a script
//! error for that job and the worker builds a fresh engine.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Arc;
use std::thread;

use tokio::sync::oneshot;

use super::quickjs::QuickJsEngine;
use super::{JsError, ScriptJob, ScriptOutcome, ScriptRun};

/// One JS engine on one thread: runs a phase's scripts and answers.
pub trait Engine {
    fn run(&mut self, job: ScriptJob) -> ScriptOutcome;
}

/// Limits and locations every worker's engine is built with.
#[derive(Debug, Clone)]
pub struct EngineOptions {
    /// Heap limit per worker runtime, in bytes (default 256 MiB).
    pub memory_limit: usize,
    /// Maximum JS stack per worker, in bytes (default 1 MiB). Worker threads
    /// get this plus a margin for native frames.
    pub stack_limit: usize,
    /// Directories `require()` may load npm packages from
    /// (`--script-modules`, `node_modules` beside the collection).
    pub module_dirs: Vec<PathBuf>,
    /// Number of worker threads (default: available parallelism).
    pub threads: usize,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions {
            memory_limit: 256 * 1024 * 1024,
            stack_limit: 1024 * 1024,
            module_dirs: Vec::new(),
            threads: thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2),
        }
    }
}

struct Request {
    job: ScriptJob,
    reply: oneshot::Sender<ScriptOutcome>,
}

/// A handle on the worker threads; cheap to clone and share.
#[derive(Clone)]
pub struct ScriptPool {
    tx: flume::Sender<Request>,
    _threads: Arc<Vec<thread::JoinHandle<()>>>,
}

impl ScriptPool {
    pub fn new(opts: EngineOptions) -> ScriptPool {
        let threads = opts.threads.max(1);
        let (tx, rx) = flume::bounded::<Request>(threads * 64);
        let opts = Arc::new(opts);
        let mut handles = Vec::with_capacity(threads);
        for i in 0..threads {
            let rx = rx.clone();
            let opts = opts.clone();
            let stack = opts.stack_limit.saturating_add(8 * 1024 * 1024);
            let handle = thread::Builder::new()
                .name(format!("postgate-js-{i}"))
                .stack_size(stack)
                .spawn(move || worker_loop(rx, opts))
                .expect("spawn a script worker thread");
            handles.push(handle);
        }
        ScriptPool {
            tx,
            _threads: Arc::new(handles),
        }
    }

    /// Run a phase's scripts on the next free worker.
    pub async fn run(&self, job: ScriptJob) -> ScriptOutcome {
        let (reply, rx) = oneshot::channel();
        if let Err(flume::SendError(req)) = self.tx.send_async(Request { job, reply }).await {
            return failed_outcome(req.job, "the script workers are gone");
        }
        rx.await
            .unwrap_or_else(|_| lost_outcome("the script worker stopped while running the job"))
    }

    /// [`ScriptPool::run`] for callers outside an async runtime.
    pub fn run_blocking(&self, job: ScriptJob) -> ScriptOutcome {
        let (reply, rx) = oneshot::channel();
        if let Err(flume::SendError(req)) = self.tx.send(Request { job, reply }) {
            return failed_outcome(req.job, "the script workers are gone");
        }
        rx.blocking_recv()
            .unwrap_or_else(|_| lost_outcome("the script worker stopped while running the job"))
    }
}

fn worker_loop(rx: flume::Receiver<Request>, opts: Arc<EngineOptions>) {
    let mut engine = QuickJsEngine::new(opts.clone());
    while let Ok(Request { job, reply }) = rx.recv() {
        // The engine catches its own panics and keeps the job's state; this
        // is the last line of defence.
        let outcome = match catch_unwind(AssertUnwindSafe(|| engine.run(job))) {
            Ok(outcome) => outcome,
            Err(panic) => {
                // Never drop a runtime whose invariants may be broken: a
                // failed QuickJS assertion would abort the process.
                std::mem::forget(std::mem::replace(
                    &mut engine,
                    QuickJsEngine::new(opts.clone()),
                ));
                lost_outcome(&format!("internal error: {}", panic_message(&panic)))
            }
        };
        let _ = reply.send(outcome);
    }
}

pub(crate) fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}

/// Every script of the job fails with `message`; the variables are kept.
pub(crate) fn failed_outcome(job: ScriptJob, message: &str) -> ScriptOutcome {
    let error = JsError {
        name: "Error".into(),
        message: format!("sandbox: {message}"),
        stack: None,
    };
    ScriptOutcome {
        runs: job
            .scripts
            .iter()
            .map(|s| ScriptRun {
                script_id: s.id.clone(),
                assertions: Vec::new(),
                error: Some(error.clone()),
            })
            .collect(),
        scopes: job.scopes,
        ..Default::default()
    }
}

fn lost_outcome(message: &str) -> ScriptOutcome {
    ScriptOutcome {
        runs: vec![ScriptRun {
            script_id: String::new(),
            assertions: Vec::new(),
            error: Some(JsError {
                name: "Error".into(),
                message: format!("sandbox: {message}"),
                stack: None,
            }),
        }],
        ..Default::default()
    }
}

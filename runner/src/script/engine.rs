//! The sandbox as a service: [`ScriptPool`] runs a phase's scripts either
//! on the calling thread (an engine kept in a thread-local, when
//! [`EngineOptions::inline`] allows it) or on dedicated worker threads, each
//! with one JS engine (a QuickJS runtime and context that live and die on
//! that thread), fed through a flume channel and answering through tokio
//! oneshot channels. Async callers use [`ScriptPool::run`], others
//! [`ScriptPool::run_blocking`].
//!
//! Handing a job to another thread and back costs two thread wake-ups,
//! which on a virtual machine take longer than a typical test script, so
//! with `inline` every job runs in place except those whose scripts send
//! requests (`pm.sendRequest` blocks on the async runtime, which the
//! calling thread drives). Workers start on first use, so a run whose
//! scripts send nothing has one engine.
//!
//! A job never hangs the caller: a panic in the engine becomes a script
//! error for that job and the worker builds a fresh engine.

use std::cell::RefCell;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
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
    /// Number of worker threads (default: available parallelism; one less
    /// when jobs may also run inline, since the caller's thread is one).
    pub threads: usize,
    /// Jobs may run on the calling thread. Only for callers whose thread
    /// has the stack for [`EngineOptions::stack_limit`] plus native frames
    /// (the CLI's run thread), and that never block on the async runtime
    /// from inside a script: jobs whose scripts send requests always go to
    /// a worker.
    pub inline: bool,
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
            inline: false,
        }
    }
}

struct Request {
    job: ScriptJob,
    reply: oneshot::Sender<ScriptOutcome>,
}

/// A handle on the sandbox; cheap to clone and share.
#[derive(Clone)]
pub struct ScriptPool {
    inner: Arc<Pool>,
}

struct Pool {
    /// Identifies this pool's engine in a thread's inline engines.
    id: u64,
    opts: Arc<EngineOptions>,
    tx: flume::Sender<Request>,
    rx: flume::Receiver<Request>,
    /// Workers are started on the first job that goes to them.
    started: AtomicBool,
    threads: Mutex<Vec<thread::JoinHandle<()>>>,
}

static NEXT_POOL: AtomicU64 = AtomicU64::new(1);

thread_local! {
    /// Engines that run jobs on this thread, by pool.
    static INLINE: RefCell<HashMap<u64, QuickJsEngine>> = RefCell::new(HashMap::new());
}

impl Drop for Pool {
    fn drop(&mut self) {
        // The inline engine lives on the thread that ran the pool's jobs,
        // which is normally this one; elsewhere it ends with its thread.
        let _ = INLINE.try_with(|m| m.borrow_mut().remove(&self.id));
    }
}

impl ScriptPool {
    pub fn new(opts: EngineOptions) -> ScriptPool {
        let threads = if opts.inline {
            opts.threads.saturating_sub(1)
        } else {
            opts.threads
        }
        .max(1);
        let (tx, rx) = flume::bounded::<Request>(threads * 64);
        ScriptPool {
            inner: Arc::new(Pool {
                id: NEXT_POOL.fetch_add(1, Ordering::Relaxed),
                opts: Arc::new(EngineOptions { threads, ..opts }),
                tx,
                rx,
                started: AtomicBool::new(false),
                threads: Mutex::new(Vec::new()),
            }),
        }
    }

    fn start_workers(&self) {
        let pool = &self.inner;
        if pool.started.swap(true, Ordering::AcqRel) {
            return;
        }
        let mut handles = pool.threads.lock().unwrap_or_else(|e| e.into_inner());
        for i in 0..pool.opts.threads {
            let rx = pool.rx.clone();
            let opts = pool.opts.clone();
            let stack = opts.stack_limit.saturating_add(8 * 1024 * 1024);
            let handle = thread::Builder::new()
                .name(format!("postgate-js-{i}"))
                .stack_size(stack)
                .spawn(move || worker_loop(rx, opts))
                .expect("spawn a script worker thread");
            handles.push(handle);
        }
    }

    /// Whether a job runs in place: when the options allow it and its
    /// scripts send no requests (a blocking `pm.sendRequest` needs the
    /// async runtime this thread drives). A script that reaches
    /// `sendRequest` some other way still works, more slowly: the host
    /// sends from a thread of its own.
    fn runs_inline(&self, job: &ScriptJob) -> bool {
        self.inner.opts.inline && !job.scripts.iter().any(|s| s.sends_requests)
    }

    fn run_inline(&self, job: ScriptJob) -> ScriptOutcome {
        let pool = &self.inner;
        let ran = INLINE.try_with(|m| {
            let mut m = m.borrow_mut();
            let engine = m
                .entry(pool.id)
                .or_insert_with(|| QuickJsEngine::new(pool.opts.clone()));
            run_guarded(engine, &pool.opts, job)
        });
        ran.unwrap_or_else(|_| lost_outcome("the thread is ending"))
    }

    /// Run a phase's scripts, in place or on the next free worker.
    pub async fn run(&self, job: ScriptJob) -> ScriptOutcome {
        if self.runs_inline(&job) {
            return self.run_inline(job);
        }
        self.start_workers();
        let (reply, rx) = oneshot::channel();
        if let Err(flume::SendError(req)) = self.inner.tx.send_async(Request { job, reply }).await {
            return failed_outcome(req.job, "the script workers are gone");
        }
        rx.await
            .unwrap_or_else(|_| lost_outcome("the script worker stopped while running the job"))
    }

    /// Whether the worker threads were started.
    #[cfg(test)]
    pub(crate) fn workers_started(&self) -> bool {
        self.inner.started.load(Ordering::Acquire)
    }

    /// [`ScriptPool::run`] for callers outside an async runtime; always on
    /// a worker.
    pub fn run_blocking(&self, job: ScriptJob) -> ScriptOutcome {
        self.start_workers();
        let (reply, rx) = oneshot::channel();
        if let Err(flume::SendError(req)) = self.inner.tx.send(Request { job, reply }) {
            return failed_outcome(req.job, "the script workers are gone");
        }
        rx.blocking_recv()
            .unwrap_or_else(|_| lost_outcome("the script worker stopped while running the job"))
    }
}

/// Run a job, turning a panic that escaped the engine into a script error
/// and replacing the engine.
fn run_guarded(
    engine: &mut QuickJsEngine,
    opts: &Arc<EngineOptions>,
    job: ScriptJob,
) -> ScriptOutcome {
    // The engine catches its own panics and keeps the job's state; this
    // is the last line of defence.
    match catch_unwind(AssertUnwindSafe(|| engine.run(job))) {
        Ok(outcome) => outcome,
        Err(panic) => {
            // Never drop a runtime whose invariants may be broken: a
            // failed QuickJS assertion would abort the process.
            std::mem::forget(std::mem::replace(engine, QuickJsEngine::new(opts.clone())));
            lost_outcome(&format!("internal error: {}", panic_message(&panic)))
        }
    }
}

fn worker_loop(rx: flume::Receiver<Request>, opts: Arc<EngineOptions>) {
    let mut engine = QuickJsEngine::new(opts.clone());
    while let Ok(Request { job, reply }) = rx.recv() {
        let _ = reply.send(run_guarded(&mut engine, &opts, job));
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

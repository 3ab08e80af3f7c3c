//! The run loop: iterations over the plan in order, one item at a time,
//! with setNextRequest jumps, `--bail`, the run timeout and interruption by
//! a signal. Whatever stops the run, the summary is finished and every
//! listener gets `Finished`, so reports are always written.
//!
//! Before the first item the readiness gate waits for its targets
//! (`--wait-for`); every item runs under its retry policy
//! ([`crate::policy::retry`]), whose delays are sleeps inside the item's
//! own future.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::collection::Collection;
use crate::http::HttpClient;
use crate::policy::readiness::{self, Progress};
use crate::policy::retry::{self, execute_with_retry, RetryPolicy};
use crate::script::{EngineOptions, ScriptPool};
use crate::vars::{Scopes, VarList};

use super::analysis::{analyse, Access};
use super::events::{RunEvent, RunListener};
use super::executor::ExecContext;
use super::options::RunOptions;
use super::plan::plan;
use super::plan::RunItem;
use super::record::Cursor;
use super::record::ExecutionRecord;
use super::summary::{RunSummary, Stat};
use crate::http::CookieJar;
use tokio::sync::Semaphore;

/// Everything a run starts from.
pub struct RunInputs {
    pub collection: Arc<Collection>,
    pub environment: VarList,
    pub environment_name: Option<String>,
    pub environment_id: Option<String>,
    pub globals: VarList,
    pub options: RunOptions,
    pub engine: EngineOptions,
    /// Resolves when the run should stop (Ctrl-C, SIGTERM).
    pub interrupt: Option<tokio::sync::watch::Receiver<bool>>,
    /// Where readiness progress lines go (stderr from the command line);
    /// `None` drops them.
    pub progress: Option<Progress>,
    /// Shared by the collections of one invocation: set by the run that
    /// bails (`--bail`), and watched by every run, which then stops too.
    pub bail_all: Option<tokio::sync::watch::Sender<bool>>,
}

fn epoch_ms(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

async fn interrupted(rx: &mut Option<tokio::sync::watch::Receiver<bool>>) {
    match rx {
        Some(rx) => {
            if rx.wait_for(|v| *v).await.is_err() {
                std::future::pending::<()>().await;
            }
        }
        None => std::future::pending::<()>().await,
    }
}

enum Stop {
    Timeout,
    Interrupted,
    Bailed,
    NotReady(readiness::NotReady),
}

/// Where committed executions go.
enum Sink<'a> {
    /// Counted in the summary and emitted to the listener as they commit.
    Direct {
        summary: &'a mut RunSummary,
        listener: &'a mut dyn RunListener,
    },
    /// Kept, to be counted and emitted later in order (an iteration that
    /// runs beside others).
    Collect(Vec<ExecutionRecord>),
}

/// The state the iteration loop works on; borrowed so that a timeout or
/// signal can drop the loop and still finish the summary.
struct LoopState<'a> {
    cx: &'a ExecContext,
    items: &'a [Arc<RunItem>],
    access: &'a [Access],
    /// The retry policy of each item, by position.
    policies: &'a [RetryPolicy],
    fail_on_flaky: bool,
    jobs: usize,
    cycles: usize,
    bail: crate::run::Bail,
    scopes: &'a mut Scopes,
    /// The cookie jar this loop sends from and stores to.
    jar: Arc<CookieJar>,
    /// Permits for requests in flight, when several loops share the cap.
    gate: Option<&'a Semaphore>,
    sink: Sink<'a>,
}

/// What to do after an execution.
enum Next {
    Continue,
    Jump(usize),
    EndIteration,
    Bail,
}

/// Run `work` holding one permit of `gate`, if there is a gate.
async fn gated<T>(gate: Option<&Semaphore>, work: impl std::future::Future<Output = T>) -> T {
    let _permit = match gate {
        Some(g) => g.acquire().await.ok(),
        None => None,
    };
    work.await
}

/// Count an execution in the summary and emit it.
fn record(
    summary: &mut RunSummary,
    listener: &mut dyn RunListener,
    fail_on_flaky: bool,
    rec: ExecutionRecord,
) {
    summary.add(&rec);
    if let Some(flaky) = summary.stats.flaky.as_mut() {
        if rec.flaky() {
            flaky.total += 1;
            if fail_on_flaky {
                flaky.failed += 1;
            }
        }
    }
    listener.on_event(&RunEvent::Execution(Arc::new(rec)));
}

/// The data row of an iteration (the last row repeats past the end).
fn data_row(options: &RunOptions, iteration: usize) -> VarList {
    match options.data.get(iteration).or(options.data.last()) {
        Some(row) => VarList::from_object(row),
        None => VarList::default(),
    }
}

impl LoopState<'_> {
    fn cursor(&self, position: usize, iteration: usize) -> Cursor {
        Cursor {
            position,
            iteration,
            length: self.items.len(),
            cycles: self.cycles,
            ref_id: uuid::Uuid::new_v4().to_string(),
            http_request_id: uuid::Uuid::new_v4().to_string(),
        }
    }

    fn emit(&mut self, event: RunEvent) {
        if let Sink::Direct { listener, .. } = &mut self.sink {
            listener.on_event(&event);
        }
    }

    /// What comes after this execution.
    fn decide(&self, rec: &ExecutionRecord) -> Next {
        let failed = rec.failed() || (rec.flaky() && self.fail_on_flaky);
        if self.bail.failure && failed {
            return Next::Bail;
        }
        match &rec.next_request {
            None => Next::Continue,
            Some(None) => Next::EndIteration,
            // By id first, then by name (the last item with that name wins).
            Some(Some(target)) => match self
                .items
                .iter()
                .position(|i| &i.item.id == target)
                .or_else(|| self.items.iter().rposition(|i| &i.item.name == target))
            {
                Some(p) => Next::Jump(p),
                None => Next::EndIteration,
            },
        }
    }

    /// Count and emit (or keep) a finished execution; decide what comes
    /// next.
    fn commit(&mut self, rec: ExecutionRecord) -> Next {
        let next = self.decide(&rec);
        match &mut self.sink {
            Sink::Direct { summary, listener } => {
                record(summary, &mut **listener, self.fail_on_flaky, rec)
            }
            Sink::Collect(records) => records.push(rec),
        }
        next
    }

    /// Every iteration; `true` when `--bail` stopped the run.
    async fn iterations(&mut self, options: &RunOptions) -> bool {
        if options.parallel_iterations && self.cycles > 1 {
            return self.side_by_side(options).await;
        }
        for iteration in 0..self.cycles {
            self.scopes.data = data_row(options, iteration);
            self.emit(RunEvent::IterationStarted {
                iteration,
                cycles: self.cycles,
            });
            if let Sink::Direct { summary, .. } = &mut self.sink {
                summary.stats.iterations.total += 1;
            }
            if self.iteration(iteration).await {
                return true;
            }
            self.emit(RunEvent::IterationFinished { iteration });
        }
        false
    }

    /// `--parallel-iterations`: every iteration starts from the scopes and
    /// cookies the run starts with, and they run side by side (requests in
    /// flight stay under the gate). Their executions are committed
    /// iteration by iteration, in order; the scopes the run ends with are
    /// those of the last iteration committed. `true` when `--bail` stopped
    /// the run.
    async fn side_by_side(&mut self, options: &RunOptions) -> bool {
        use futures_util::StreamExt;
        let base_scopes = self.scopes.clone();
        let base_jar = self.jar.snapshot();
        let (cx, items, access, policies, gate) =
            (self.cx, self.items, self.access, self.policies, self.gate);
        let (fail_on_flaky, jobs, cycles, bail) =
            (self.fail_on_flaky, self.jobs, self.cycles, self.bail);
        let mut stream = futures_util::stream::iter(0..cycles)
            .map(|iteration| {
                let mut scopes = base_scopes.clone();
                scopes.data = data_row(options, iteration);
                let jar = Arc::new(base_jar.snapshot());
                async move {
                    let mut state = LoopState {
                        cx,
                        items,
                        access,
                        policies,
                        fail_on_flaky,
                        jobs,
                        cycles,
                        bail,
                        scopes: &mut scopes,
                        jar,
                        gate,
                        sink: Sink::Collect(Vec::new()),
                    };
                    let bailed = state.iteration(iteration).await;
                    let records = match state.sink {
                        Sink::Collect(records) => records,
                        Sink::Direct { .. } => Vec::new(),
                    };
                    (iteration, records, bailed, scopes)
                }
            })
            .buffered(jobs);
        while let Some((iteration, records, bailed, scopes)) = stream.next().await {
            self.emit(RunEvent::IterationStarted { iteration, cycles });
            if let Sink::Direct { summary, listener } = &mut self.sink {
                summary.stats.iterations.total += 1;
                for rec in records {
                    record(summary, &mut **listener, fail_on_flaky, rec);
                }
            }
            *self.scopes = scopes;
            if bailed {
                return true;
            }
            self.emit(RunEvent::IterationFinished { iteration });
        }
        false
    }

    /// One iteration; `true` when `--bail` stopped the run.
    async fn iteration(&mut self, iteration: usize) -> bool {
        let mut position = 0usize;
        while position < self.items.len() {
            // Give the runtime a turn between items: a loop that never
            // waits on the network (a request that fails before it is sent,
            // scripts run in place, a setNextRequest back to itself) must
            // still see Ctrl-C and the run's --timeout.
            tokio::task::yield_now().await;
            let mut end = position;
            if self.jobs > 1 {
                while end < self.items.len() && self.access[end].barrier.is_none() {
                    end += 1;
                }
            }
            let next = if end - position > 1 {
                self.group(position, end, iteration).await
            } else {
                let item = self.items[position].clone();
                let cursor = self.cursor(position, iteration);
                let jar = self.jar.clone();
                let policy = &self.policies[position];
                let rec = gated(
                    self.gate,
                    execute_with_retry(self.cx, &item, &mut *self.scopes, cursor, &jar, policy),
                )
                .await;
                match self.commit(rec) {
                    Next::Continue => Next::Jump(position + 1),
                    other => other,
                }
            };
            match next {
                Next::Continue => position = end,
                Next::Jump(p) => position = p,
                Next::EndIteration => break,
                Next::Bail => return true,
            }
        }
        false
    }

    /// Run the read-only items `[start, end)` side by side, up to `jobs` in
    /// flight, and commit their records in collection order. Each runs with
    /// a copy of the scopes and a snapshot of the cookie jar; their cookies
    /// reach the loop's jar in collection order. A result that order could
    /// have changed is thrown away, with everything still in flight, and
    /// the rest of the group runs in place, one item at a time: when an
    /// earlier item's cookies change what this one would send, or when an
    /// item changed variables or the flow after all.
    async fn group(&mut self, start: usize, end: usize, iteration: usize) -> Next {
        use futures_util::StreamExt;
        let cx = self.cx;
        let items = self.items;
        let policies = self.policies;
        let gate = self.gate;
        let base_scopes = self.scopes.clone();
        let base_jar = Arc::new(self.jar.snapshot());
        let cursors: Vec<Cursor> = (start..end).map(|p| self.cursor(p, iteration)).collect();
        let mut stream = futures_util::stream::iter(start..end)
            .map(|p| {
                let mut scopes = base_scopes.clone();
                let jar = Arc::new(base_jar.snapshot());
                let cursor = cursors[p - start].clone();
                async move {
                    let rec = gated(
                        gate,
                        execute_with_retry(cx, &items[p], &mut scopes, cursor, &jar, &policies[p]),
                    )
                    .await;
                    (p, rec, scopes)
                }
            })
            .buffered(self.jobs);
        let mut in_place_from = None;
        while let Some((p, rec, scopes_after)) = stream.next().await {
            if self.still_valid(&rec, &base_jar) && scopes_after == base_scopes {
                self.apply_cookies(&rec);
                match self.commit(rec) {
                    Next::Continue => {}
                    other => return other,
                }
            } else {
                in_place_from = Some(p);
                break;
            }
        }
        // Nothing speculative may hold a permit while the rest runs in place.
        drop(stream);
        if let Some(from) = in_place_from {
            for p in from..end {
                let cursor = self.cursor(p, iteration);
                let jar = self.jar.clone();
                let rec = gated(
                    gate,
                    execute_with_retry(
                        cx,
                        &items[p],
                        &mut *self.scopes,
                        cursor,
                        &jar,
                        &policies[p],
                    ),
                )
                .await;
                match self.commit(rec) {
                    Next::Continue => {}
                    other => return other,
                }
            }
        }
        Next::Continue
    }

    /// Would this speculative execution have sent the same cookies had it
    /// run in order?
    fn still_valid(&self, rec: &ExecutionRecord, base_jar: &CookieJar) -> bool {
        if rec.next_request.is_some() || rec.skipped {
            return false;
        }
        match &rec.request {
            Some(sent) => {
                base_jar.header_for(&sent.prepared.url) == self.jar.header_for(&sent.prepared.url)
            }
            None => true,
        }
    }

    fn apply_cookies(&self, rec: &ExecutionRecord) {
        if let Some(resp) = &rec.response {
            for (url, values) in &resp.set_cookie_log {
                self.jar.store_from_response(url, values);
            }
        }
    }
}

/// Run a collection. Errors that stop the run before it starts (an unknown
/// `--folder`, an HTTP client that cannot be built) come back as `Err`.
pub async fn run(
    mut inputs: RunInputs,
    listener: &mut dyn RunListener,
) -> Result<RunSummary, crate::error::Error> {
    let collection = inputs.collection.clone();
    let mut items = plan(&collection, &inputs.options.folders)?;
    if let Some((index, count)) = inputs.options.shard {
        items = super::plan::shard(items, index, count);
    }
    let client =
        Arc::new(HttpClient::new(inputs.options.http.clone()).map_err(crate::error::Error::Run)?);
    let options = Arc::new(std::mem::take(&mut inputs.options));
    let cycles = options.cycles();
    let cx = ExecContext {
        client,
        scripts: ScriptPool::new(inputs.engine.clone()),
        options: options.clone(),
        collection_name: collection.name.clone(),
        environment_name: inputs.environment_name.clone(),
        runtime: tokio::runtime::Handle::current(),
    };

    let mut summary = RunSummary::new(collection.clone());
    summary.environment_name = inputs.environment_name.clone();
    summary.environment_id = inputs.environment_id.clone();
    let started = SystemTime::now();
    summary.timings.started = epoch_ms(started);

    let mut scopes = Scopes {
        globals: inputs.globals,
        collection: VarList::new(collection.variables.clone()),
        environment: inputs.environment,
        data: VarList::default(),
        local: VarList::default(),
    };
    let policies =
        retry::policies(&options.retry, &collection, &items).map_err(crate::error::Error::Usage)?;
    if policies.iter().any(|p| p.retries > 0) {
        summary.stats.flaky = Some(Stat::default());
    }
    let wait_targets = readiness::targets(&options.readiness, &collection, &scopes)
        .map_err(crate::error::Error::Usage)?;
    let progress = inputs.progress.take();

    listener.on_event(&RunEvent::Started {
        collection: collection.clone(),
        cycles,
        items: items.len(),
    });

    let deadline = options.timeout.map(|t| tokio::time::Instant::now() + t);
    let sleep_deadline = async move {
        match deadline {
            Some(d) => tokio::time::sleep_until(d).await,
            None => std::future::pending::<()>().await,
        }
    };
    let mut interrupt = inputs.interrupt.take();
    let bail_all = inputs.bail_all.take();
    let mut bailed_elsewhere = bail_all.as_ref().map(|tx| tx.subscribe());
    let access: Vec<Access> = items.iter().map(|i| analyse(i)).collect();
    // A delay before every request only means something one at a time.
    let jobs = if options.delay_request.is_some() {
        1
    } else {
        options.jobs.max(1)
    };
    // Side-by-side iterations each run groups of up to `jobs`: the cap on
    // requests in flight needs a shared gate.
    let own_gate = (options.in_flight.is_none() && options.parallel_iterations && cycles > 1)
        .then(|| Semaphore::new(jobs));
    let gate = options.in_flight.as_deref().or(own_gate.as_ref());
    let mut state = LoopState {
        cx: &cx,
        items: &items,
        access: &access,
        policies: &policies,
        fail_on_flaky: options.retry.fail_on_flaky,
        jobs,
        cycles,
        bail: options.bail.unwrap_or_default(),
        scopes: &mut scopes,
        jar: cx.client.jar.clone(),
        gate,
        sink: Sink::Direct {
            summary: &mut summary,
            listener: &mut *listener,
        },
    };
    let stop = {
        let work = async {
            // Nothing is judged before every target is ready.
            if !wait_targets.is_empty() {
                let ready = readiness::wait_until_ready(
                    &cx,
                    &wait_targets,
                    state.scopes,
                    &options.readiness,
                    progress.as_ref(),
                )
                .await;
                if let Err(e) = ready {
                    return Some(Stop::NotReady(e));
                }
            }
            if state.iterations(&options).await {
                if let Some(tx) = &bail_all {
                    tx.send_replace(true);
                }
                Some(Stop::Bailed)
            } else {
                None
            }
        };
        tokio::select! {
            stop = work => stop,
            _ = sleep_deadline => Some(Stop::Timeout),
            _ = interrupted(&mut interrupt) => Some(Stop::Interrupted),
            _ = interrupted(&mut bailed_elsewhere) => Some(Stop::Bailed),
        }
    };

    match stop {
        Some(Stop::Timeout) => {
            summary.error = Some("callback timed out".into());
            summary.interrupted = true;
        }
        Some(Stop::Interrupted) => {
            summary.error = Some("the run was interrupted".into());
            summary.interrupted = true;
        }
        Some(Stop::Bailed) => summary.interrupted = true,
        Some(Stop::NotReady(e)) => {
            summary.error = Some(e.to_string());
            summary.interrupted = true;
        }
        None => {}
    }
    summary.timings.completed = epoch_ms(SystemTime::now());
    if summary.timings.completed < summary.timings.started {
        summary.timings.completed = summary.timings.started;
    }
    summary.environment = scopes.environment;
    summary.globals = scopes.globals;
    summary.collection_variables = scopes.collection;
    listener.on_event(&RunEvent::Finished(Arc::new(summary.clone())));
    Ok(summary)
}

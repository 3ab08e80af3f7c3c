//! The run loop: iterations over the plan in order, one item at a time,
//! with setNextRequest jumps, `--bail`, the run timeout and interruption by
//! a signal. Whatever stops the run, the summary is finished and every
//! listener gets `Finished`, so reports are always written.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::collection::Collection;
use crate::http::HttpClient;
use crate::script::{EngineOptions, ScriptPool};
use crate::vars::{Scopes, VarList};

use super::events::{RunEvent, RunListener};
use super::executor::{execute, ExecContext};
use super::options::RunOptions;
use super::plan::plan;
use super::record::Cursor;
use super::summary::RunSummary;

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
}

/// Run a collection. Errors that stop the run before it starts (an unknown
/// `--folder`, an HTTP client that cannot be built) come back as `Err`.
pub async fn run(
    mut inputs: RunInputs,
    listener: &mut dyn RunListener,
) -> Result<RunSummary, crate::error::Error> {
    let collection = inputs.collection.clone();
    let items = plan(&collection, &inputs.options.folders)?;
    let client =
        Arc::new(HttpClient::new(inputs.options.http.clone()).map_err(crate::error::Error::Run)?);
    let options = Arc::new(std::mem::take(&mut inputs.options));
    let cycles = options.cycles();
    let cx = ExecContext {
        client,
        scripts: ScriptPool::new(inputs.engine.clone()),
        options: options.clone(),
        collection_name: collection.name.clone(),
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
    tokio::pin!(sleep_deadline);
    let mut interrupt = inputs.interrupt.take();
    let bail = options.bail.unwrap_or_default();
    let mut stop: Option<Stop> = None;
    let mut bailed = false;

    'iterations: for iteration in 0..cycles {
        scopes.data = match options.data.get(iteration).or(options.data.last()) {
            Some(row) => VarList::from_object(row),
            None => VarList::default(),
        };
        listener.on_event(&RunEvent::IterationStarted { iteration, cycles });
        summary.stats.iterations.total += 1;
        let mut position = 0usize;
        while position < items.len() {
            let item = &items[position];
            let cursor = Cursor {
                position,
                iteration,
                length: items.len(),
                cycles,
                ref_id: uuid::Uuid::new_v4().to_string(),
                http_request_id: uuid::Uuid::new_v4().to_string(),
            };
            let rec = tokio::select! {
                rec = execute(&cx, item, &mut scopes, cursor) => rec,
                _ = &mut sleep_deadline => { stop = Some(Stop::Timeout); break 'iterations; }
                _ = interrupted(&mut interrupt) => { stop = Some(Stop::Interrupted); break 'iterations; }
            };
            summary.add(&rec);
            let failed = rec.failed();
            let next = rec.next_request.clone();
            listener.on_event(&RunEvent::Execution(Arc::new(rec)));
            if bail.failure && failed {
                bailed = true;
                break 'iterations;
            }
            position = match next {
                None => position + 1,
                Some(None) => break,
                Some(Some(target)) => {
                    // By id first, then by name (the last item with that name wins).
                    match items
                        .iter()
                        .position(|i| i.item.id == target)
                        .or_else(|| items.iter().rposition(|i| i.item.name == target))
                    {
                        Some(p) => p,
                        None => break,
                    }
                }
            };
        }
        listener.on_event(&RunEvent::IterationFinished { iteration });
    }

    match stop {
        Some(Stop::Timeout) => {
            summary.error = Some("callback timed out".into());
            summary.interrupted = true;
        }
        Some(Stop::Interrupted) => {
            summary.error = Some("the run was interrupted".into());
            summary.interrupted = true;
        }
        None if bailed => summary.interrupted = true,
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

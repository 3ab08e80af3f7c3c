//! The readiness gate: before the first item, poll each target until it is
//! ready (K times in a row), with exponential backoff and jitter between
//! polls, `Retry-After` honoured, within one time budget. A URL is ready
//! when it answers 2xx; an item of the collection when it ran with its own
//! scripts (on scratch copies of the scopes and jar) and nothing failed.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use tokio::time::Instant;

use crate::collection::Collection;
use crate::http::{CookieJar, PreparedRequest, SendOptions};
use crate::run::executor::{execute_with_jar, ExecContext};
use crate::run::plan::{plan, RunItem};
use crate::run::record::{Cursor, ExecutionRecord};
use crate::vars::Scopes;

use super::{fmt_duration, retry_after_header, Delays};

pub const DEFAULT_WAIT_TIMEOUT: Duration = Duration::from_secs(60);
pub const DEFAULT_WAIT_INTERVAL: Duration = Duration::from_secs(1);
/// No delay between polls grows beyond this.
pub const MAX_WAIT_DELAY: Duration = Duration::from_secs(10);
/// The least time one poll is given, even at the very end of the budget.
const MIN_POLL_TIME: Duration = Duration::from_secs(1);

/// Where progress lines go (stderr, from the command line).
pub type Progress = Arc<dyn Fn(&str) + Send + Sync>;

/// `--wait-for`, `--wait-for-request`, `--wait-timeout`, `--wait-interval`,
/// `--wait-successes`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadinessOptions {
    pub urls: Vec<String>,
    /// Items of the collection, by id or name.
    pub requests: Vec<String>,
    pub timeout: Duration,
    /// The first delay between polls.
    pub interval: Duration,
    /// Consecutive successes needed per target.
    pub successes: u32,
}

impl Default for ReadinessOptions {
    fn default() -> Self {
        ReadinessOptions {
            urls: Vec::new(),
            requests: Vec::new(),
            timeout: DEFAULT_WAIT_TIMEOUT,
            interval: DEFAULT_WAIT_INTERVAL,
            successes: 1,
        }
    }
}

impl ReadinessOptions {
    /// Nothing to wait for.
    pub fn is_empty(&self) -> bool {
        self.urls.is_empty() && self.requests.is_empty()
    }
}

/// A target was not ready in time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotReady {
    /// The URL, or `request "Name"`.
    pub target: String,
    pub waited: Duration,
    /// The last status or error.
    pub last: String,
}

impl std::fmt::Display for NotReady {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} was not ready after {}: {}",
            self.target,
            fmt_duration(self.waited),
            self.last
        )
    }
}

/// One thing to wait for.
#[derive(Debug, Clone)]
pub enum Target {
    /// `--wait-for`, its `{{variables}}` resolved.
    Url(String),
    /// `--wait-for-request`.
    Request(Arc<RunItem>),
}

impl Target {
    pub fn describe(&self) -> String {
        match self {
            Target::Url(u) => u.clone(),
            Target::Request(item) => format!("request \"{}\"", item.full_name),
        }
    }
}

/// Resolve the targets against the collection and the run's variables;
/// an unknown request or a URL that cannot be read is an error before the
/// run starts.
pub fn targets(
    opts: &ReadinessOptions,
    collection: &Collection,
    scopes: &Scopes,
) -> Result<Vec<Target>, String> {
    let mut out = Vec::new();
    for raw in &opts.urls {
        let url = crate::vars::resolve(raw, scopes);
        let parsed =
            url::Url::parse(&url).map_err(|e| format!("--wait-for: `{url}` is not a URL ({e})"))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(format!("--wait-for: `{url}` is not an http(s) URL"));
        }
        out.push(Target::Url(parsed.to_string()));
    }
    if !opts.requests.is_empty() {
        let all = plan(collection, &[]).map_err(|e| e.to_string())?;
        for wanted in &opts.requests {
            let found = all
                .iter()
                .find(|i| i.item.id == *wanted)
                .or_else(|| all.iter().find(|i| i.item.name == *wanted))
                .or_else(|| all.iter().find(|i| i.full_name == *wanted))
                .ok_or_else(|| {
                    format!("--wait-for-request: the collection has no request named \"{wanted}\"")
                })?;
            out.push(Target::Request(found.clone()));
        }
    }
    Ok(out)
}

/// What one poll found.
struct Poll {
    ready: bool,
    /// Status or error, for progress lines and the final message.
    last: String,
    retry_after: Option<Duration>,
}

/// Wait until every target is ready, one after the other, within
/// `opts.timeout` in all.
pub async fn wait_until_ready(
    cx: &ExecContext,
    targets: &[Target],
    scopes: &Scopes,
    opts: &ReadinessOptions,
    progress: Option<&Progress>,
) -> Result<(), NotReady> {
    let start = Instant::now();
    let deadline = start + opts.timeout;
    let say = |line: String| {
        if let Some(p) = progress {
            p(&line);
        }
    };
    for target in targets {
        let name = target.describe();
        let mut delays = Delays::new(opts.interval, MAX_WAIT_DELAY.max(opts.interval));
        let mut streak = 0u32;
        let mut attempt = 0usize;
        loop {
            attempt += 1;
            let budget = deadline
                .saturating_duration_since(Instant::now())
                .max(MIN_POLL_TIME);
            let poll = match tokio::time::timeout(budget, poll(cx, target, scopes)).await {
                Ok(p) => p,
                Err(_) => Poll {
                    ready: false,
                    last: format!("no answer within {}", fmt_duration(budget)),
                    retry_after: None,
                },
            };
            let waited = start.elapsed();
            let delay = if poll.ready {
                streak += 1;
                if streak >= opts.successes.max(1) {
                    say(format!(
                        "postgate: {name} is ready ({}, attempt {attempt}, waited {})",
                        poll.last,
                        fmt_duration(waited)
                    ));
                    break;
                }
                say(format!(
                    "postgate: {name} answered {} ({streak} of {} successes in a row, attempt {attempt}, waited {})",
                    poll.last,
                    opts.successes,
                    fmt_duration(waited)
                ));
                opts.interval
            } else {
                streak = 0;
                say(format!(
                    "postgate: waiting for {name}: {} (attempt {attempt}, waited {})",
                    poll.last,
                    fmt_duration(waited)
                ));
                let backoff = delays.next_delay();
                match poll.retry_after {
                    Some(asked) => backoff.max(asked),
                    None => backoff,
                }
            };
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                let last = if poll.ready {
                    format!(
                        "{} ({streak} of {} successes in a row)",
                        poll.last, opts.successes
                    )
                } else {
                    poll.last
                };
                return Err(NotReady {
                    target: name,
                    waited: start.elapsed(),
                    last,
                });
            }
            tokio::time::sleep(delay.min(left)).await;
        }
    }
    Ok(())
}

async fn poll(cx: &ExecContext, target: &Target, scopes: &Scopes) -> Poll {
    match target {
        Target::Url(url) => poll_url(cx, url).await,
        Target::Request(item) => poll_request(cx, item, scopes).await,
    }
}

fn status_text(code: u16, status: &str) -> String {
    if status.is_empty() {
        code.to_string()
    } else {
        format!("{code} {status}")
    }
}

async fn poll_url(cx: &ExecContext, url: &str) -> Poll {
    let req = PreparedRequest {
        method: "GET".into(),
        url: url.to_string(),
        headers: vec![
            (
                "User-Agent".into(),
                format!("postgate/{} (readiness check)", crate::VERSION),
            ),
            ("Accept".into(), "*/*".into()),
        ],
        body: None,
        warnings: Vec::new(),
    };
    let opts = SendOptions::from_ppb(&Default::default(), &cx.options.http);
    // A scratch jar: polling leaves no cookies behind.
    let jar = CookieJar::default();
    match cx.client.send_with_jar(&req, &opts, &jar).await {
        Ok(resp) => Poll {
            ready: (200..300).contains(&resp.code),
            last: status_text(resp.code, &resp.status),
            retry_after: retry_after_header(&resp.headers, SystemTime::now()),
        },
        Err(e) => Poll {
            ready: false,
            last: e.message,
            retry_after: None,
        },
    }
}

async fn poll_request(cx: &ExecContext, item: &Arc<RunItem>, scopes: &Scopes) -> Poll {
    let mut scratch = scopes.clone();
    let jar = Arc::new(cx.client.jar.snapshot());
    let cursor = Cursor {
        position: item.index,
        iteration: 0,
        length: 1,
        cycles: 1,
        ref_id: uuid::Uuid::new_v4().to_string(),
        http_request_id: uuid::Uuid::new_v4().to_string(),
    };
    let rec = execute_with_jar(cx, item, &mut scratch, cursor, &jar).await;
    request_poll(&rec)
}

/// Is an execution of a `--wait-for-request` item a success?
fn request_poll(rec: &ExecutionRecord) -> Poll {
    let retry_after = rec
        .response
        .as_ref()
        .and_then(|r| retry_after_header(&r.headers, SystemTime::now()));
    if let Some(e) = &rec.request_error {
        return Poll {
            ready: false,
            last: e.message.clone(),
            retry_after,
        };
    }
    let Some(resp) = &rec.response else {
        return Poll {
            ready: false,
            last: if rec.skipped {
                "the request was skipped by its pre-request script".into()
            } else {
                "no response".into()
            },
            retry_after,
        };
    };
    let status = status_text(resp.code, &resp.status);
    if let Some(a) = rec.assertions().find(|a| a.error.is_some()) {
        let msg = a.error.as_ref().map(|e| e.message.as_str()).unwrap_or("");
        return Poll {
            ready: false,
            last: format!("{status}, \"{}\" failed: {msg}", a.name),
            retry_after,
        };
    }
    if let Some((listen, e)) = rec.script_errors().next() {
        return Poll {
            ready: false,
            last: format!("{status}, {} in {listen}-script: {}", e.name, e.message),
            retry_after,
        };
    }
    // With no assertion to judge it, the status does.
    let judged = rec.assertions().next().is_some();
    Poll {
        ready: judged || (200..300).contains(&resp.code),
        last: status,
        retry_after,
    }
}

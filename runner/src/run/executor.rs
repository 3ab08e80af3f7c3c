//! The executor: runs one item once. It takes the variable scopes the item
//! should see (and gives them back changed) and the shared HTTP client with
//! its cookie jar, and returns a complete execution record. It knows nothing
//! of concurrency, retries or reporting.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Instant, SystemTime};

use crate::collection::{parse, Listen, RequestDef};
use crate::http::{CookieJar, HttpClient, RequestError, ResponseData, SendOptions};
use crate::request::{self, BuildContext};
use crate::script::{
    ConsoleEntry, ConsoleLevel, ScriptHost, ScriptInfo, ScriptJob, ScriptOutcome, ScriptPool,
};
use crate::vars::Scopes;

use super::options::RunOptions;
use super::plan::RunItem;
use super::record::{AuthExchange, Cursor, ExecutionRecord, SentRequest};

/// What every execution of a run shares.
pub struct ExecContext {
    pub client: Arc<HttpClient>,
    pub scripts: ScriptPool,
    pub options: Arc<RunOptions>,
    pub collection_name: String,
    /// The environment file's name, for `pm.environment.name`.
    pub environment_name: Option<String>,
    pub runtime: tokio::runtime::Handle,
}

/// `pm.sendRequest` and `pm.cookies.jar()` for one execution: sends through
/// the run's client and counts the requests so the summary includes them, as
/// Newman's does; jar operations act on the client's (the run's) jar.
struct Host {
    client: Arc<HttpClient>,
    runtime: tokio::runtime::Handle,
    sent: AtomicUsize,
    /// The messages of the sendRequests that failed.
    failed: std::sync::Mutex<Vec<String>>,
    options: Arc<RunOptions>,
}

impl Host {
    /// What the record keeps of the sendRequests: how many, which failed.
    fn note_side_requests(&self, rec: &mut ExecutionRecord) {
        rec.extra_requests = self.sent.load(Ordering::Relaxed);
        rec.failed_side_requests = self
            .failed
            .lock()
            .map(|mut f| std::mem::take(&mut *f))
            .unwrap_or_default();
    }
}

impl ScriptHost for Host {
    fn request_failed(&self, message: &str) {
        if let Ok(mut f) = self.failed.lock() {
            f.push(message.to_string());
        }
    }

    fn send_request(&self, request: serde_json::Value) -> Result<Arc<ResponseData>, String> {
        let def = parse::request_def(Some(&request), "request").map_err(|e| e.message)?;
        let scopes = Scopes::default();
        let cx = BuildContext {
            scopes: &scopes,
            auth: def.auth.as_ref().filter(|a| a.kind != "noauth"),
            working_dir: &self.options.working_dir,
            restrict_files: self.options.restrict_files,
            // Newman's sendRequest keeps a GET's body
            disable_body_pruning: true,
            disabled_system_headers: Vec::new(),
        };
        let (prepared, _) = request::build(&def, &cx).map_err(|e| e.to_string())?;
        self.sent.fetch_add(1, Ordering::Relaxed);
        let opts = SendOptions::from_ppb(&Default::default(), &self.options.http);
        if tokio::runtime::Handle::try_current().is_err() {
            // a script worker: the run's runtime drives the request
            return self
                .runtime
                .block_on(self.client.send(&prepared, &opts))
                .map(Arc::new)
                .map_err(|e| e.message);
        }
        // A script running in place on the runtime's own thread (it reached
        // sendRequest in a way the pool could not see coming): that thread
        // cannot drive the request while the script waits, and the run's
        // pooled connections belong to it. Send from a thread of its own,
        // with a client of its own, sharing the run's cookie jar.
        std::thread::scope(|s| {
            s.spawn(|| {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .map_err(|e| format!("could not start a runtime for the request: {e}"))?;
                let client =
                    HttpClient::with_jar(self.client.options.clone(), self.client.jar.clone())?;
                rt.block_on(client.send(&prepared, &opts))
                    .map(Arc::new)
                    .map_err(|e| e.message)
            })
            .join()
            .unwrap_or_else(|_| Err("the request thread failed".to_string()))
        })
    }

    fn cookie_jar(&self, op: &str, args: serde_json::Value) -> Result<serde_json::Value, String> {
        self.client.jar.script_op(op, &args)
    }
}

fn info(cx: &ExecContext, item: &RunItem, cursor: &Cursor, event: &str) -> ScriptInfo {
    ScriptInfo {
        event_name: event.to_string(),
        iteration: cursor.iteration,
        iteration_count: cursor.cycles,
        request_name: item.item.name.clone(),
        request_id: item.item.id.clone(),
        collection_name: cx.collection_name.clone(),
        environment_name: cx.environment_name.clone(),
        path: item.full_name.clone(),
    }
}

/// What one script phase of an execution needs besides the scopes.
struct Phase<'a> {
    cx: &'a ExecContext,
    item: &'a RunItem,
    cursor: &'a Cursor,
    host: &'a Arc<Host>,
    jar: &'a CookieJar,
}

async fn run_phase(
    p: &Phase<'_>,
    listen: Listen,
    scopes: &mut Scopes,
    request: serde_json::Value,
    response: Option<Arc<ResponseData>>,
) -> ScriptOutcome {
    let (cx, item, cursor, host, jar) = (p.cx, p.item, p.cursor, p.host, p.jar);
    let scripts = match listen {
        Listen::PreRequest => item.prerequest.clone(),
        Listen::Test => item.test.clone(),
    };
    let cookies = response
        .as_ref()
        .map(|r| jar.cookies_for(&r.url))
        .unwrap_or_default();
    let job = ScriptJob {
        listen,
        scripts,
        scopes: std::mem::take(scopes),
        request,
        response,
        cookies,
        info: info(
            cx,
            item,
            cursor,
            match listen {
                Listen::PreRequest => "prerequest",
                Listen::Test => "test",
            },
        ),
        timeout: cx.options.timeout_script,
        host: Some(host.clone() as Arc<dyn ScriptHost>),
        stop_on_failure: cx.options.bail.is_some_and(|b| b.failure),
    };
    let mut outcome = cx.scripts.run(job).await;
    *scopes = std::mem::take(&mut outcome.scopes);
    outcome
}

/// Run one item once with the given scopes; the scopes come back changed
/// as the item's scripts changed them.
pub async fn execute(
    cx: &ExecContext,
    item: &Arc<RunItem>,
    scopes: &mut Scopes,
    cursor: Cursor,
) -> ExecutionRecord {
    let jar = cx.client.jar.clone();
    execute_with_jar(cx, item, scopes, cursor, &jar).await
}

/// [`execute`] with a given cookie jar (a snapshot, when the scheduler runs
/// the item alongside others).
pub async fn execute_with_jar(
    cx: &ExecContext,
    item: &Arc<RunItem>,
    scopes: &mut Scopes,
    cursor: Cursor,
    jar: &Arc<CookieJar>,
) -> ExecutionRecord {
    let started = SystemTime::now();
    let t0 = Instant::now();
    let mut rec = ExecutionRecord {
        id: uuid::Uuid::new_v4().to_string(),
        cursor,
        item: item.clone(),
        request: None,
        response: None,
        request_error: None,
        prerequest: Vec::new(),
        test: Vec::new(),
        console: Vec::new(),
        warnings: Vec::new(),
        skipped: false,
        next_request: None,
        next_request_from_test: false,
        extra_requests: 0,
        failed_side_requests: Vec::new(),
        started,
        duration: Default::default(),
        attempts: Vec::new(),
        auth_exchanges: Vec::new(),
        max_attempts: 1,
    };
    if let Some(d) = cx.options.delay_request {
        tokio::time::sleep(d).await;
    }
    let host = Arc::new(Host {
        client: cx.client.clone(),
        runtime: cx.runtime.clone(),
        sent: AtomicUsize::new(0),
        failed: Default::default(),
        options: cx.options.clone(),
    });

    // Pre-request scripts see the unresolved request and may change it.
    let mut def: std::borrow::Cow<'_, RequestDef> = std::borrow::Cow::Borrowed(&item.item.request);
    if !item.prerequest.is_empty() {
        let json = request::request_to_json(&def);
        let phase = Phase {
            cx,
            item,
            cursor: &rec.cursor,
            host: &host,
            jar,
        };
        let out = run_phase(&phase, Listen::PreRequest, scopes, json, None).await;
        rec.prerequest = out.runs;
        rec.console.extend(out.console.into_iter().map(|mut c| {
            c.prerequest = true;
            c
        }));
        if out.next_request.is_some() {
            rec.next_request = out.next_request;
        }
        if let Some(changed) = out.request {
            match parse::request_def(Some(&changed), "request") {
                Ok(d) => def = std::borrow::Cow::Owned(d),
                Err(e) => rec.warnings.push(format!(
                    "the request changed by a pre-request script could not be read: {}",
                    e.message
                )),
            }
        }
        // --bail: a failed pre-request script stops the item before its
        // request, as a skipped one (Newman sends nothing, runs no tests)
        let bail = cx.options.bail.is_some_and(|b| b.failure)
            && rec.prerequest.iter().any(|r| r.error.is_some());
        if out.skip_request || bail {
            rec.skipped = true;
            host.note_side_requests(&mut rec);
            rec.duration = t0.elapsed();
            return rec;
        }
    }

    let disable_body_pruning = item
        .ppb
        .get("disableBodyPruning")
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    // Auths that keep state (digest, ntlm, hawk) sign with what earlier
    // responses taught them.
    // A pre-request script may have changed the request's own auth.
    let own_auth = match &def {
        std::borrow::Cow::Owned(d) if d.auth != item.item.request.auth => match &d.auth {
            Some(a) if a.kind == "noauth" => None,
            Some(a) => Some(a.clone()),
            None => item.auth.clone(),
        },
        _ => item.auth.clone(),
    };
    let signing_auth = cx.client.auth.prepare(own_auth.as_ref(), scopes);
    let build_cx = BuildContext {
        scopes,
        auth: signing_auth.as_ref(),
        working_dir: &cx.options.working_dir,
        restrict_files: cx.options.restrict_files,
        disable_body_pruning,
        disabled_system_headers: item
            .ppb
            .get("disabledSystemHeaders")
            .and_then(|v| v.as_object())
            .map(|m| {
                m.iter()
                    .filter(|(_, on)| on.as_bool() == Some(true))
                    .map(|(k, _)| k.to_ascii_lowercase())
                    .collect()
            })
            .unwrap_or_default(),
    };
    let built = request::build(&def, &build_cx);
    match built {
        Ok((prepared, json)) => {
            // Newman shows what could not be done to a request (a file that
            // could not be read, an auth that cannot sign, the file of a
            // client certificate it goes without) as console warnings.
            let cert_warnings = cx.client.certificate_warnings(&prepared.url);
            for w in prepared.warnings.iter().chain(cert_warnings) {
                rec.console.push(ConsoleEntry {
                    level: ConsoleLevel::Warn,
                    messages: vec![w.clone()],
                    script_index: usize::MAX,
                    after_assertions: 0,
                    prerequest: true,
                });
            }
            let opts = SendOptions::from_ppb(&item.ppb, &cx.options.http);
            let replay = Replay {
                cx,
                auth: own_auth.as_ref(),
                def: &def,
                build_cx: &build_cx,
                opts: &opts,
                jar,
            };
            let (prepared, mut json, sent) = cx
                .client
                .busy_poll
                .wait(replay.send(prepared, json, &mut rec))
                .await;
            match sent {
                Ok(resp) => {
                    request::note_sent_headers(&mut json, &resp.request_headers);
                    rec.response = Some(Arc::new(resp));
                }
                Err(e) => rec.request_error = Some(e),
            }
            rec.request = Some(SentRequest { prepared, json });
        }
        Err(e) => {
            rec.request_error = Some(RequestError {
                code: "EINVAL".into(),
                message: e.to_string(),
            });
        }
    }

    if !item.test.is_empty() {
        // the request as sent, or as defined when it could not be built
        let request_json = rec
            .request
            .as_ref()
            .map_or_else(|| request::request_to_json(&def), |r| r.json.clone());
        let phase = Phase {
            cx,
            item,
            cursor: &rec.cursor,
            host: &host,
            jar,
        };
        let out = run_phase(
            &phase,
            Listen::Test,
            scopes,
            request_json,
            rec.response.clone(),
        )
        .await;
        rec.test = out.runs;
        rec.console.extend(out.console);
        if out.next_request.is_some() {
            rec.next_request = out.next_request;
            rec.next_request_from_test = true;
        }
    }
    host.note_side_requests(&mut rec);
    rec.duration = t0.elapsed();
    rec
}

/// Sending a request whose auth may ask for replays.
struct Replay<'a> {
    cx: &'a ExecContext,
    /// The item's effective auth (its definition).
    auth: Option<&'a crate::collection::Auth>,
    def: &'a RequestDef,
    build_cx: &'a BuildContext<'a>,
    opts: &'a SendOptions,
    jar: &'a CookieJar,
}

impl Replay<'_> {
    /// Send; when the auth answers a response with a replay (digest and
    /// ntlm after a 401), build the request again with what it learnt and
    /// send that, at most [`crate::auth::MAX_REPLAYS`] times, as the runtime
    /// does. The last request and response are the execution's; the earlier
    /// ones count as requests of the run.
    async fn send(
        &self,
        mut prepared: crate::http::PreparedRequest,
        mut json: serde_json::Value,
        rec: &mut ExecutionRecord,
    ) -> (
        crate::http::PreparedRequest,
        serde_json::Value,
        Result<ResponseData, RequestError>,
    ) {
        let warn = |rec: &mut ExecutionRecord, message: String| {
            rec.console.push(ConsoleEntry {
                level: ConsoleLevel::Warn,
                messages: vec![message],
                // before the test scripts' output, as the runtime logs it
                script_index: 0,
                after_assertions: 0,
                prerequest: false,
            });
        };
        let auth_state = &self.cx.client.auth;
        let mut replays = 0;
        loop {
            let sent = self
                .cx
                .client
                .send_with_jar(&prepared, self.opts, self.jar)
                .await;
            let resp = match sent {
                Ok(resp) => resp,
                Err(e) => return (prepared, json, Err(e)),
            };
            let after = auth_state.after_response(
                self.auth,
                resp.code,
                &resp.headers,
                self.build_cx.scopes,
            );
            for w in after.warnings {
                warn(rec, w);
            }
            if !after.replay {
                return (prepared, json, Ok(resp));
            }
            if replays >= crate::auth::MAX_REPLAYS {
                warn(rec, crate::auth::REPLAY_LIMIT_WARNING.to_string());
                return (prepared, json, Ok(resp));
            }
            replays += 1;
            let signing = auth_state.prepare(self.auth, self.build_cx.scopes);
            let again = BuildContext {
                auth: signing.as_ref(),
                ..self.build_cx.clone()
            };
            match request::build(self.def, &again) {
                Ok((p, j)) => {
                    let mut sent_json = std::mem::replace(&mut json, j);
                    request::note_sent_headers(&mut sent_json, &resp.request_headers);
                    rec.auth_exchanges.push(AuthExchange {
                        request: SentRequest {
                            prepared: std::mem::replace(&mut prepared, p),
                            json: sent_json,
                        },
                        response: Arc::new(resp),
                    });
                }
                Err(_) => return (prepared, json, Ok(resp)),
            }
        }
    }
}

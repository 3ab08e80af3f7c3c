//! From argv to exit code: parse, load inputs, build reporters, run, write
//! reports, and decide the exit code as Newman does.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use serde_json::Value;

use super::args::{Cli, ColorChoice, Command, RunArgs};
use super::reporter_args::{extract_reporter_options, KNOWN_REPORTERS};
use crate::collection::{self, Collection};
use crate::error::{Error, InputKind};
use crate::http::HttpOptions;
use crate::report::background::Reporting;
use crate::report::cli::{CliReporter, CliSettings};
use crate::report::{ReporterOptions, ReporterSet};
use crate::run::{self, Bail, RunInputs, RunOptions};
use crate::script::EngineOptions;
use crate::vars::VarList;

/// Run the program with the process's arguments; returns the exit code.
pub fn main_entry() -> i32 {
    let argv: Vec<String> = std::env::args().collect();
    // POSTGATE_* variables, the config file and newmanrc files (config.rs).
    let argv = match super::config::prepare(argv) {
        super::config::Prepared::Run(argv) => argv,
        super::config::Prepared::Exit(code) => return code,
    };
    let (argv, reporter_options) = extract_reporter_options(argv);
    let cli = match Cli::try_parse_from(&argv) {
        Ok(c) => c,
        Err(e) => {
            let code = match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => 0,
                // Newman exits 1 on usage errors; so do we.
                _ => 1,
            };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Command::Run(args) => run_command(*args, reporter_options),
        Command::Lint(args) => super::lint::lint_command(args),
        Command::Completions(args) => super::completions::completions(args),
        Command::Man(args) => super::completions::man(args),
    }
}

fn print_error(e: &Error) {
    eprintln!("error: {e}");
}

fn run_command(args: RunArgs, reporter_options: ReporterOptions) -> i32 {
    // The run gets a thread of its own so that its stack is known: scripts
    // run on it in place (see `ScriptPool`), up to the engine's stack limit.
    let stack = EngineOptions::default()
        .stack_limit
        .saturating_add(RUN_THREAD_NATIVE_STACK);
    match std::thread::Builder::new()
        .name("postgate-run".into())
        .stack_size(stack)
        .spawn(move || run_on_this_thread(args, reporter_options))
    {
        Ok(handle) => handle.join().unwrap_or_else(|panic| {
            let message = crate::script::engine::panic_message(&panic);
            eprintln!("error: internal error: {message}");
            1
        }),
        Err(e) => {
            eprintln!("error: could not start the run thread: {e}");
            1
        }
    }
}

/// Stack for the run thread beyond the JS engine's limit: the async
/// runtime, HTTP, reporters and the engine's own native frames.
const RUN_THREAD_NATIVE_STACK: usize = 8 * 1024 * 1024;

fn run_on_this_thread(args: RunArgs, reporter_options: ReporterOptions) -> i32 {
    let suppress = args.suppress_exit_code;
    // One thread drives every request and timer, and runs the scripts of a
    // lone request in place: a run is I/O-bound, and handing work from one
    // thread to another costs a wake-up each way, which dominates
    // one-at-a-time runs (--jobs 1) on virtual machines. Script workers
    // take scripts only while several requests are in flight.
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: could not start the async runtime: {e}");
            return 1;
        }
    };
    let code = rt.block_on(async move {
        match run_async(args, reporter_options).await {
            Ok(failed) => i32::from(failed),
            Err(e) => {
                print_error(&e);
                1
            }
        }
    });
    // Script workers and pooled connections end with the process.
    rt.shutdown_timeout(Duration::from_millis(100));
    if suppress {
        0
    } else {
        code
    }
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

/// Read an input given as a path or an http(s) URL into JSON.
async fn read_input(source: &str, kind: InputKind) -> Result<Value, Error> {
    if is_url(source) {
        let text = fetch_text(source, kind).await?;
        return collection::json_text(&text, Path::new(source), kind);
    }
    collection::read_json_file(Path::new(source), kind)
}

async fn fetch_text(url: &str, kind: InputKind) -> Result<String, Error> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let fail = |message: String| Error::Fetch {
        kind,
        source_name: url.to_string(),
        message,
    };
    let client = reqwest::Client::builder()
        .user_agent(format!("postgate/{}", crate::VERSION))
        .build()
        .map_err(|e| fail(e.to_string()))?;
    let resp = client
        .get(url)
        .send()
        .await
        .map_err(|e| fail(e.to_string()))?;
    if resp.status().as_u16() != 200 {
        return Err(fail(format!(
            "Error fetching {url}, the provided URL returned status code: {}",
            resp.status().as_u16()
        )));
    }
    let bytes = resp.bytes().await.map_err(|e| fail(e.to_string()))?;
    Ok(collection::decode_text(&bytes))
}

fn apply_cli_vars(list: &mut VarList, vars: &[(String, Option<String>)]) {
    for (k, v) in vars {
        let value = v.clone().map(Value::String).unwrap_or(Value::Null);
        list.set(k, value);
    }
}

async fn load_iteration_data(source: &str) -> Result<Vec<crate::data::Row>, Error> {
    if is_url(source) {
        let text = fetch_text(source, InputKind::IterationData).await?;
        let dir = tempfile_dir();
        let path = dir.join("iteration-data");
        std::fs::write(&path, text).map_err(|e| Error::Io {
            context: "could not buffer the iteration data".into(),
            source: e,
        })?;
        let rows = crate::data::load_iteration_data(&path);
        let _ = std::fs::remove_file(&path);
        return rows;
    }
    crate::data::load_iteration_data(Path::new(source))
}

fn tempfile_dir() -> PathBuf {
    std::env::temp_dir()
}

fn color_enabled(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::On => true,
        ColorChoice::Off => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

struct Loaded {
    /// In the order named on the command line.
    collections: Vec<Arc<Collection>>,
    environment: VarList,
    environment_name: Option<String>,
    environment_id: Option<String>,
    globals: VarList,
    data: Vec<crate::data::Row>,
}

async fn load_inputs(args: &RunArgs) -> Result<Loaded, Error> {
    let api_key = args.postman_api_key.is_some();
    // Every collection is read before anything runs: a broken one stops the
    // invocation before any request, naming its file.
    let mut collections = Vec::with_capacity(args.collection.len());
    for source in &args.collection {
        super::config::refuse_postman_uid(source, InputKind::Collection, api_key)?;
        let doc = read_input(source, InputKind::Collection).await?;
        collections.push(Arc::new(collection::collection_from_value(
            doc,
            Path::new(source),
        )?));
    }
    let (mut environment, environment_name, environment_id) = match &args.environment {
        Some(src) => {
            super::config::refuse_postman_uid(src, InputKind::Environment, api_key)?;
            let doc = read_input(src, InputKind::Environment).await?;
            let s = collection::scope_from_value(doc, Path::new(src), InputKind::Environment)?;
            (VarList::new(s.values), s.name, s.id)
        }
        None => (VarList::default(), None, None),
    };
    let mut globals = match &args.globals {
        Some(src) => {
            let doc = read_input(src, InputKind::Globals).await?;
            VarList::new(
                collection::scope_from_value(doc, Path::new(src), InputKind::Globals)?.values,
            )
        }
        None => VarList::default(),
    };
    apply_cli_vars(&mut environment, &args.env_var);
    apply_cli_vars(&mut globals, &args.global_var);
    let data = match &args.iteration_data {
        Some(src) => load_iteration_data(src).await?,
        None => Vec::new(),
    };
    Ok(Loaded {
        collections,
        environment,
        environment_name,
        environment_id,
        globals,
        data,
    })
}

fn bail_of(args: &RunArgs) -> Result<Option<Bail>, Error> {
    let Some(mods) = &args.bail else {
        return Ok(None);
    };
    let mut bail = Bail::default();
    for m in mods {
        match m.trim() {
            "failure" => bail.failure = true,
            "folder" => bail.folder = true,
            "" => {}
            other => {
                return Err(Error::Usage(format!(
                    "invalid value `{other}` for --bail. Expected: folder, failure"
                )))
            }
        }
    }
    if !bail.failure && !bail.folder {
        bail.failure = true;
    }
    Ok(Some(bail))
}

/// Reporters that write one output per collection when several run (the
/// others cover every collection in one output).
const PER_COLLECTION: &[&str] = &["json", "html", "github"];

/// The selected reporters. With several collections, the per-collection
/// ones are built once per collection, numbered by position.
fn build_reporters(
    args: &RunArgs,
    reporter_options: &ReporterOptions,
    loaded: &Loaded,
    silent: bool,
) -> ReporterSet {
    let count = loaded.collections.len();
    let several = count > 1;
    let mut reporters = ReporterSet::default();
    if !args.no_redact {
        if let Some((first, rest)) = loaded.collections.split_first() {
            let mut redactor = crate::report::redact::Redactor::for_run(
                first,
                &loaded.environment,
                &loaded.globals,
            );
            for c in rest {
                redactor.add_collection(c);
            }
            reporters.redactor = Some(redactor);
        }
    }
    if several {
        reporters.parts = (0..count).map(|_| Vec::new()).collect();
    }
    for name in &args.reporters {
        match name.as_str() {
            "cli" => {
                if !silent {
                    let settings = CliSettings::from_options(
                        reporter_options,
                        color_enabled(args.color),
                        args.disable_unicode,
                        args.verbose,
                    );
                    reporters.push(Box::new(CliReporter::new(std::io::stdout(), settings)));
                }
            }
            other if KNOWN_REPORTERS.contains(&other) => {
                let ctx = crate::report::BuildCtx {
                    collection: args.collection.first().cloned(),
                    silent,
                    redact: !args.no_redact,
                    collections: count,
                    ..crate::report::BuildCtx::current()
                };
                let built = if several && PER_COLLECTION.contains(&other) {
                    let mut all = Some(Vec::new());
                    for (i, source) in args.collection.iter().enumerate() {
                        let ctx = crate::report::BuildCtx {
                            collection: Some(source.clone()),
                            part: Some(i + 1),
                            ..ctx.clone()
                        };
                        match (
                            crate::report::build(other, reporter_options, &ctx),
                            &mut all,
                        ) {
                            (Some(r), Some(list)) => list.push(r),
                            _ => all = None,
                        }
                    }
                    all.map(|list| {
                        for (i, r) in list.into_iter().enumerate() {
                            reporters.parts[i].push(r);
                        }
                    })
                } else {
                    crate::report::build(other, reporter_options, &ctx).map(|r| reporters.push(r))
                };
                if built.is_none() {
                    eprintln!("postgate: the \"{other}\" reporter is not available in this build");
                }
            }
            other => {
                eprintln!(
                    "newman: could not find \"{other}\" reporter\n  ensure that the reporter is installed in the same directory as newman\n  please install reporter using npm\n"
                );
            }
        }
    }
    reporters
}

/// Scripts may require() from `--script-modules`, else from a
/// node_modules folder beside the collection.
fn module_dirs(args: &RunArgs, source: &str) -> Vec<PathBuf> {
    let mut dirs = args.script_modules.clone();
    if dirs.is_empty() && !is_url(source) {
        if let Some(parent) = Path::new(source).parent() {
            let nm = parent.join("node_modules");
            if nm.is_dir() {
                dirs.push(nm);
            }
        }
    }
    dirs
}

/// After one collection's run: write its exports (numbered by `ctx.part`
/// when several ran); returns what could not be written.
fn after_run(
    args: &RunArgs,
    summary: &run::RunSummary,
    ctx: &crate::report::BuildCtx,
) -> Vec<String> {
    // Exports need the final variables; they are written for interrupted runs too.
    crate::report::export::write_exports(
        &crate::report::export::ExportTargets {
            environment: args.export_environment.as_deref(),
            globals: args.export_globals.as_deref(),
            collection: args.export_collection.as_deref(),
        },
        summary,
        ctx,
    )
}

/// What is said on stderr about a finished run: its error and flaky
/// requests under `--fail-on-flaky`.
fn run_messages(summary: &run::RunSummary, prefix: &str) {
    if let Some(err) = &summary.error {
        eprintln!("error: {prefix}{err}");
    }
    if let Some(flaky) = summary.stats.flaky.filter(|f| f.failed > 0) {
        eprintln!(
            "error: {prefix}{} passed only on a retry (--fail-on-flaky)",
            if flaky.failed == 1 {
                "1 request".to_string()
            } else {
                format!("{} requests", flaky.failed)
            }
        );
    }
}

/// Run and report; `Ok(true)` when the run failed.
async fn run_async(args: RunArgs, reporter_options: ReporterOptions) -> Result<bool, Error> {
    let loaded = load_inputs(&args).await?;
    let bail = bail_of(&args)?;
    let working_dir = match &args.working_dir {
        Some(d) => d.clone(),
        None => std::env::current_dir().map_err(|e| Error::Io {
            context: "could not read the current directory".into(),
            source: e,
        })?,
    };
    let several = loaded.collections.len() > 1;
    if several {
        // A --folder a collection lacks stops everything before any request.
        for (source, c) in args.collection.iter().zip(&loaded.collections) {
            run::plan(c, &args.folder).map_err(|e| Error::Run(format!("{source}: {e}")))?;
        }
    }

    let silent = args.silent || reporter_options.flag("cli", "silent");
    let reporters = build_reporters(&args, &reporter_options, &loaded, silent);
    let cli_shown = !silent && args.reporters.iter().any(|r| r == "cli");

    let jobs = args.jobs as usize;
    let options = RunOptions {
        iteration_count: args.iteration_count.map(|n| n as usize),
        data: loaded.data,
        folders: args.folder.clone(),
        bail,
        delay_request: args.delay_request.map(Duration::from_millis),
        timeout: args.timeout.map(Duration::from_millis),
        timeout_script: args.timeout_script.map(Duration::from_millis),
        working_dir,
        restrict_files: args.no_insecure_file_read,
        jobs,
        shard: args.shard,
        readiness: readiness_options(&args),
        retry: retry_options(&args)?,
        http: HttpOptions {
            insecure: args.insecure,
            timeout_request: args.timeout_request.map(Duration::from_millis),
            ignore_redirects: args.ignore_redirects,
            extra_ca_certs: args.ssl_extra_ca_certs.clone(),
            client_cert: args.ssl_client_cert.clone(),
            client_key: args.ssl_client_key.clone(),
            client_passphrase: args.ssl_client_passphrase.clone(),
            client_cert_list: args.ssl_client_cert_list.clone(),
            working_dir: args.working_dir.clone(),
            proxy: None,
        },
        parallel_iterations: args.parallel_iterations,
        // One cap on requests in flight for every collection.
        in_flight: several.then(|| {
            Arc::new(tokio::sync::Semaphore::new(
                if args.delay_request.is_some() {
                    1
                } else {
                    jobs.max(1)
                },
            ))
        }),
    };

    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        wait_for_signal().await;
        let _ = stop_tx.send(true);
    });
    let progress =
        (!silent).then(|| Arc::new(|line: &str| eprintln!("{line}")) as crate::policy::Progress);
    let (bail_tx, _) = tokio::sync::watch::channel(false);
    let inputs = |i: usize, collection: &Arc<Collection>| RunInputs {
        collection: collection.clone(),
        environment: loaded.environment.clone(),
        environment_name: loaded.environment_name.clone(),
        environment_id: loaded.environment_id.clone(),
        globals: loaded.globals.clone(),
        options: options.clone(),
        engine: EngineOptions {
            module_dirs: module_dirs(&args, &args.collection[i]),
            inline: true,
            ..EngineOptions::default()
        },
        interrupt: Some(stop_rx.clone()),
        progress: progress.clone(),
        bail_all: several.then(|| bail_tx.clone()),
    };

    if !several {
        let Some(collection) = loaded.collections.first() else {
            return Err(Error::Usage("no collection to run".into()));
        };
        // Reports are formatted and written on their own thread, overlapping
        // the next request; `finish` waits for the last of them.
        let mut reporting = Reporting::start(reporters);
        let summary = run::run(inputs(0, collection), &mut reporting).await;
        let reporters = reporting.finish();
        let summary = summary?;
        let export_errors = after_run(&args, &summary, &crate::report::BuildCtx::current());
        for e in reporters.errors.iter().chain(&export_errors) {
            eprintln!("error: {e}");
        }
        run_messages(&summary, "");
        return Ok(summary.exit_failed()
            || !reporters.errors.is_empty()
            || !export_errors.is_empty());
    }

    // Several collections: side by side, reported whole and in the order
    // named.
    let count = loaded.collections.len();
    let ordered = crate::run::multi::Ordered::new(Reporting::start(reporters), count);
    let runs = loaded.collections.iter().enumerate().map(|(i, c)| {
        let inputs = inputs(i, c);
        let mut feed = ordered.feed(i);
        let ordered = ordered.clone();
        async move {
            let result = run::run(inputs, &mut feed).await;
            ordered.end(i);
            result
        }
    });
    let results = futures_util::future::join_all(runs).await;
    let mut reporters = ordered
        .with_listener(|r| std::mem::replace(r, Reporting::Inline(ReporterSet::default())))
        .finish();
    reporters.close();
    let mut failed_sources = Vec::new();
    let mut export_errors = Vec::new();
    for (i, result) in results.iter().enumerate() {
        let source = &args.collection[i];
        let prefix = format!("{source}: ");
        match result {
            Ok(summary) => {
                let ctx = crate::report::BuildCtx {
                    part: Some(i + 1),
                    collections: count,
                    ..crate::report::BuildCtx::current()
                };
                let errors = after_run(&args, summary, &ctx);
                run_messages(summary, &prefix);
                if summary.exit_failed() || !errors.is_empty() {
                    failed_sources.push(source.as_str());
                }
                export_errors.extend(errors);
            }
            Err(e) => {
                eprintln!("error: {prefix}{e}");
                failed_sources.push(source.as_str());
            }
        }
    }
    for e in reporters.errors.iter().chain(&export_errors) {
        eprintln!("error: {e}");
    }
    if cli_shown {
        let verdict = if failed_sources.is_empty() {
            "all passed".to_string()
        } else {
            format!(
                "{} failed: {}",
                failed_sources.len(),
                failed_sources.join(", ")
            )
        };
        println!("\npostgate: {count} collections, {verdict}");
    }
    Ok(!failed_sources.is_empty() || !export_errors.is_empty() || !reporters.errors.is_empty())
}

fn readiness_options(args: &RunArgs) -> crate::policy::ReadinessOptions {
    crate::policy::ReadinessOptions {
        urls: args.wait_for.clone(),
        requests: args.wait_for_request.clone(),
        timeout: args.wait_timeout,
        interval: args.wait_interval,
        successes: u32::try_from(args.wait_successes).unwrap_or(u32::MAX),
    }
}

fn retry_options(args: &RunArgs) -> Result<crate::policy::RetryOptions, Error> {
    Ok(crate::policy::RetryOptions {
        retries: args.retries,
        delay: args.retry_delay,
        on: crate::policy::RetryOn::parse(&args.retry_on)
            .map_err(|e| Error::Usage(format!("--retry-on: {e}")))?,
        non_idempotent: args.retry_non_idempotent,
        fail_on_flaky: args.fail_on_flaky,
    })
}

async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

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
use crate::collection::{self, Collection, Variable};
use crate::error::{Error, InputKind};
use crate::http::HttpOptions;
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
    let suppress = args.suppress_exit_code;
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
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
    collection: Arc<Collection>,
    environment: VarList,
    environment_name: Option<String>,
    environment_id: Option<String>,
    globals: VarList,
    data: Vec<crate::data::Row>,
}

async fn load_inputs(args: &RunArgs) -> Result<Loaded, Error> {
    let api_key = args.postman_api_key.is_some();
    super::config::refuse_postman_uid(&args.collection, InputKind::Collection, api_key)?;
    let doc = read_input(&args.collection, InputKind::Collection).await?;
    let collection = collection::collection_from_value(doc, Path::new(&args.collection))?;
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
        collection: Arc::new(collection),
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

    let mut reporters = ReporterSet::default();
    let silent = args.silent || reporter_options.flag("cli", "silent");
    if !args.no_redact {
        reporters.redactor = Some(crate::report::redact::Redactor::for_run(
            &loaded.collection,
            &loaded.environment,
            &loaded.globals,
        ));
    }
    for name in &args.reporters {
        match name.as_str() {
            "cli" => {
                if !silent {
                    let settings = CliSettings::from_options(
                        &reporter_options,
                        color_enabled(args.color),
                        args.disable_unicode,
                        args.verbose,
                    );
                    reporters.push(Box::new(CliReporter::new(std::io::stdout(), settings)));
                }
            }
            other if KNOWN_REPORTERS.contains(&other) => {
                let ctx = crate::report::BuildCtx {
                    collection: Some(args.collection.clone()),
                    silent,
                    redact: !args.no_redact,
                    ..crate::report::BuildCtx::current()
                };
                match crate::report::build(other, &reporter_options, &ctx) {
                    Some(r) => reporters.push(r),
                    None => eprintln!(
                        "postgate: the \"{other}\" reporter is not available in this build"
                    ),
                }
            }
            other => {
                eprintln!(
                    "newman: could not find \"{other}\" reporter\n  ensure that the reporter is installed in the same directory as newman\n  please install reporter using npm\n"
                );
            }
        }
    }

    let mut module_dirs = args.script_modules.clone();
    if module_dirs.is_empty() && !is_url(&args.collection) {
        if let Some(parent) = Path::new(&args.collection).parent() {
            let nm = parent.join("node_modules");
            if nm.is_dir() {
                module_dirs.push(nm);
            }
        }
    }

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
        jobs: args.jobs as usize,
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
    };

    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        wait_for_signal().await;
        let _ = stop_tx.send(true);
    });

    let inputs = RunInputs {
        collection: loaded.collection,
        environment: loaded.environment,
        environment_name: loaded.environment_name,
        environment_id: loaded.environment_id,
        globals: loaded.globals,
        options,
        engine: EngineOptions {
            module_dirs,
            ..EngineOptions::default()
        },
        interrupt: Some(stop_rx),
        progress: (!silent)
            .then(|| Arc::new(|line: &str| eprintln!("{line}")) as crate::policy::Progress),
    };
    // Reports are formatted and written on their own thread, overlapping
    // the next request; `finish` waits for the last of them.
    let (summary, reporters) = match crate::report::background::Background::spawn(reporters) {
        Ok(mut bg) => {
            let summary = run::run(inputs, &mut bg).await;
            let reporters = bg.finish().unwrap_or_else(|| ReporterSet {
                errors: vec!["the reporters stopped on an internal error".into()],
                ..ReporterSet::default()
            });
            (summary?, reporters)
        }
        Err((mut reporters, _)) => (run::run(inputs, &mut reporters).await?, reporters),
    };
    // Exports need the final variables; they are written for interrupted runs too.
    let export_errors = crate::report::export::write_exports(
        &crate::report::export::ExportTargets {
            environment: args.export_environment.as_deref(),
            globals: args.export_globals.as_deref(),
            collection: args.export_collection.as_deref(),
        },
        &summary,
        &crate::report::BuildCtx::current(),
    );
    for e in reporters.errors.iter().chain(&export_errors) {
        eprintln!("error: {e}");
    }
    if let Some(err) = &summary.error {
        eprintln!("error: {err}");
    }
    if let Some(flaky) = summary.stats.flaky.filter(|f| f.failed > 0) {
        eprintln!(
            "error: {} passed only on a retry (--fail-on-flaky)",
            if flaky.failed == 1 {
                "1 request".to_string()
            } else {
                format!("{} requests", flaky.failed)
            }
        );
    }
    let _: Vec<Variable> = Vec::new();
    Ok(summary.exit_failed() || !reporters.errors.is_empty() || !export_errors.is_empty())
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

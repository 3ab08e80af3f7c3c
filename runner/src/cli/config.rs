//! Layered configuration for `postgate run`: every option can also come from
//! an environment variable (`POSTGATE_<OPTION>`), from a config file in the
//! repository (`postgate.toml` or `.postgate.json`, or `--config FILE`) and
//! from Newman's `newmanrc` files. Precedence, highest first:
//!
//! 1. the command line,
//! 2. environment variables,
//! 3. the postgate config file,
//! 4. newmanrc files (`./.newmanrc` over `~/.postman/newmanrc` over
//!    `/etc/postman/newmanrc`),
//! 5. the defaults.
//!
//! An option is taken whole from the highest layer that sets it: a list
//! (`--folder`, `--env-var`, `--global-var`, `--script-modules`,
//! `--reporters`) given on a higher layer replaces the lower layer's list
//! rather than adding to it. Reporter options (`--reporter-<name>-<opt>`) are
//! merged key by key, the higher layer winning per key.
//!
//! Nothing here needs a per-flag table: the layers are turned into arguments
//! from the clap definition of `run` (its ids, long names and actions), and
//! the merged argument list goes through the same clap parse as a plain
//! command line. `postgate run --print-config` shows the result: each
//! option, its value and the layer it came from.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use clap::builder::ArgAction;
use clap::parser::ValueSource;
use clap::{Arg, ArgMatches, CommandFactory};
use serde_json::{Map, Value};

use super::args::Cli;
use super::reporter_args::extract_reporter_options;
use crate::error::{Error, InputKind};

/// Prefix of the environment variables.
pub const ENV_PREFIX: &str = "POSTGATE_";
/// The environment variable that names a config file (like `--config`).
pub const ENV_CONFIG: &str = "POSTGATE_CONFIG";
/// Config files looked for in the current directory when none is given.
pub const DEFAULT_FILES: &[&str] = &["postgate.toml", ".postgate.json"];

/// Options that only make sense on the command line.
const NOT_LAYERED: &[&str] = &["help", "version", "config", "print_config", "collection"];
/// Options whose values `--print-config` masks.
const SECRET_OPTIONS: &[&str] = &["postman_api_key", "ssl_client_passphrase"];

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    CommandLine,
    Env(String),
    File(PathBuf),
    Newmanrc(PathBuf),
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::CommandLine => write!(f, "command line"),
            Source::Env(v) => write!(f, "environment variable {v}"),
            Source::File(p) => write!(f, "config file {}", p.display()),
            Source::Newmanrc(p) => write!(f, "newmanrc {}", p.display()),
            Source::Default => write!(f, "default"),
        }
    }
}

/// What `main_entry` should do with the command line.
#[derive(Debug)]
pub enum Prepared {
    /// Parse and run these arguments.
    Run(Vec<String>),
    /// Stop now with this exit code (`--print-config`, a config error).
    Exit(i32),
}

/// The process's surroundings, passed in so tests can fake them.
#[derive(Debug, Clone, Default)]
pub struct Surroundings {
    pub vars: BTreeMap<String, String>,
    pub cwd: PathBuf,
    pub home: Option<PathBuf>,
    /// Newman's system-wide file (`/etc/postman/newmanrc`; none on Windows).
    pub system_rc: Option<PathBuf>,
}

impl Surroundings {
    pub fn current() -> Self {
        Surroundings {
            vars: std::env::vars().collect(),
            cwd: std::env::current_dir().unwrap_or_default(),
            home: std::env::var_os("HOME")
                .or_else(|| std::env::var_os("USERPROFILE"))
                .map(PathBuf::from),
            system_rc: if cfg!(windows) {
                None
            } else {
                Some(PathBuf::from("/etc/postman/newmanrc"))
            },
        }
    }
}

/// Turn the process's argv into the argv to parse, with the environment,
/// config file and newmanrc layers folded in. Prints errors and
/// `--print-config` itself.
pub fn prepare(argv: Vec<String>) -> Prepared {
    match prepare_with(argv, &Surroundings::current()) {
        Ok(Outcome::Run(argv)) => Prepared::Run(argv),
        Ok(Outcome::Print(text)) => {
            print!("{text}");
            Prepared::Exit(0)
        }
        Err(e) => {
            eprintln!("error: {e}");
            Prepared::Exit(1)
        }
    }
}

/// The result of layering, before anything is printed.
#[derive(Debug)]
pub enum Outcome {
    Run(Vec<String>),
    Print(String),
}

/// One option set by one layer: the arguments that say it (empty for a
/// flag set to false) and where it came from.
#[derive(Debug, Clone)]
struct Setting {
    args: Vec<String>,
    source: Source,
}

/// Everything one layer sets.
#[derive(Debug, Default)]
struct Layer {
    options: BTreeMap<String, Setting>,
    /// `(name-option, value)` without the `--reporter-` prefix.
    reporter: Vec<(String, String, Source)>,
    collection: Option<(Vec<String>, Source)>,
    /// Keys a newmanrc file had that `newman run` does not take.
    ignored: Vec<String>,
}

/// The `run` command with the collection optional, to read partial
/// command lines.
fn relaxed_run() -> clap::Command {
    Cli::command()
        .mut_subcommand("run", |c| c.mut_arg("collection", |a| a.required(false)))
        .find_subcommand("run")
        .cloned()
        .unwrap_or_else(|| clap::Command::new("run"))
}

fn run_matches(args: &[String]) -> Result<ArgMatches, clap::Error> {
    let mut argv = vec!["run".to_string()];
    argv.extend_from_slice(args);
    relaxed_run().try_get_matches_from(argv)
}

pub fn prepare_with(argv: Vec<String>, env: &Surroundings) -> Result<Outcome, String> {
    if argv.get(1).map(String::as_str) != Some("run") {
        return Ok(Outcome::Run(argv));
    }
    let program = argv[0].clone();
    let cli_args: Vec<String> = argv[2..].to_vec();
    let (stripped, _) = extract_reporter_options(
        std::iter::once(program.clone())
            .chain(cli_args.iter().cloned())
            .collect(),
    );
    // A command line clap refuses (or --help) goes through untouched: the
    // normal parse prints the error or the help.
    let Ok(cli) = run_matches(&stripped[1..]) else {
        return Ok(Outcome::Run(argv));
    };
    let cmd = relaxed_run();
    let cli_ids: BTreeSet<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|id| cli.value_source(id) == Some(ValueSource::CommandLine))
        .collect();
    let print_config = cli.get_flag("print_config");

    // The layers, lowest first.
    let mut layers: Vec<Layer> = Vec::new();
    let mut rc_files = Vec::new();
    let mut rc_paths: Vec<PathBuf> = Vec::new();
    if let Some(p) = &env.system_rc {
        rc_paths.push(p.clone());
    }
    if let Some(h) = &env.home {
        rc_paths.push(h.join(".postman").join("newmanrc"));
    }
    rc_paths.push(env.cwd.join(".newmanrc"));
    for path in rc_paths {
        if path.is_file() {
            let doc = read_json(&path)?;
            let shown = display_path(&path, &env.cwd);
            layers.push(newmanrc_layer(&cmd, &doc, &shown)?);
            rc_files.push(shown);
        }
    }
    let config_file = match cli.get_one::<PathBuf>("config") {
        Some(p) => Some(env.cwd.join(p)),
        None => match env.vars.get(ENV_CONFIG).filter(|v| !v.is_empty()) {
            Some(p) => Some(env.cwd.join(p)),
            None => default_config_file(&env.cwd)?,
        },
    };
    if let Some(path) = &config_file {
        let shown = display_path(path, &env.cwd);
        let doc = read_config_file(path, &shown)?;
        layers.push(file_layer(&cmd, &doc, &shown)?);
    }
    layers.push(env_layer(&cmd, &env.vars)?);

    // Merge: each option whole from the highest layer that sets it.
    let mut chosen: BTreeMap<String, Setting> = BTreeMap::new();
    for layer in &layers {
        for (id, s) in &layer.options {
            chosen.insert(id.clone(), s.clone());
        }
    }
    let mut out = vec![program.clone(), "run".to_string()];
    let mut reporter_sources: BTreeMap<String, Source> = BTreeMap::new();
    for layer in &layers {
        for (key, value, source) in &layer.reporter {
            out.push(format!("--reporter-{key}={value}"));
            reporter_sources.insert(key.clone(), source.clone());
        }
    }
    // [reporter options] [command line before `--`] [layered options]
    // `--` [command line after `--`] [layered collection]: layered options
    // come after the command line's own positionals, so an option with an
    // optional value (`--bail`) cannot take one of them.
    let split = cli_args
        .iter()
        .position(|a| a == "--")
        .unwrap_or(cli_args.len());
    out.extend(cli_args[..split].iter().cloned());
    let mut sources: BTreeMap<String, Source> = BTreeMap::new();
    for arg in cmd.get_arguments() {
        let id = arg.get_id().as_str();
        if cli_ids.contains(id) {
            continue;
        }
        if let Some(s) = chosen.get(id) {
            out.extend(s.args.iter().cloned());
            sources.insert(id.to_string(), s.source.clone());
        }
    }
    out.push("--".into());
    out.extend(cli_args[split..].iter().skip(1).cloned());
    if cli_ids.contains("collection") {
        sources.insert("collection".into(), Source::CommandLine);
    } else if let Some((c, source)) = layers.iter().rev().find_map(|l| l.collection.clone()) {
        out.extend(c);
        sources.insert("collection".into(), source);
    }
    for id in &cli_ids {
        sources.insert(id.clone(), Source::CommandLine);
    }
    for key in cli_reporter_keys(&cli_args) {
        reporter_sources.insert(key, Source::CommandLine);
    }

    if print_config {
        let ignored: Vec<String> = layers.iter().flat_map(|l| l.ignored.clone()).collect();
        let text = render(
            &out,
            &sources,
            &reporter_sources,
            config_file.as_deref().map(|p| display_path(p, &env.cwd)),
            &rc_files,
            &ignored,
        )?;
        return Ok(Outcome::Print(text));
    }
    Ok(Outcome::Run(out))
}

fn display_path(p: &Path, cwd: &Path) -> PathBuf {
    p.strip_prefix(cwd)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| p.to_path_buf())
}

fn default_config_file(cwd: &Path) -> Result<Option<PathBuf>, String> {
    let found: Vec<PathBuf> = DEFAULT_FILES
        .iter()
        .map(|f| cwd.join(f))
        .filter(|p| p.is_file())
        .collect();
    match found.len() {
        0 => Ok(None),
        1 => Ok(found.into_iter().next()),
        _ => Err(format!(
            "both {} and {} are in the current directory; keep one, or choose with --config",
            DEFAULT_FILES[0], DEFAULT_FILES[1]
        )),
    }
}

fn read_text(path: &Path, shown: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("could not read config file {}: {e}", shown.display()))?;
    Ok(crate::collection::decode_text(&bytes))
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = read_text(path, path)?;
    serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}: invalid JSON at line {}, column {}",
            path.display(),
            e.line(),
            e.column()
        )
    })
}

/// A TOML or JSON config file (by extension; anything else is tried as
/// TOML, then JSON).
fn read_config_file(path: &Path, shown: &Path) -> Result<Value, String> {
    let text = read_text(path, shown)?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let as_json = |text: &str| {
        serde_json::from_str::<Value>(text).map_err(|e| {
            format!(
                "{}: invalid JSON at line {}, column {}: {e}",
                shown.display(),
                e.line(),
                e.column()
            )
        })
    };
    let as_toml = |text: &str| {
        toml::from_str::<Value>(text).map_err(|e| {
            format!(
                "{}: invalid TOML: {}",
                shown.display(),
                e.to_string().trim()
            )
        })
    };
    match ext.as_str() {
        "json" => as_json(&text),
        "toml" => as_toml(&text),
        _ => as_toml(&text).or_else(|e| as_json(&text).map_err(|_| e)),
    }
}

/// `iterationCount`, `iteration_count` and `iteration-count` all name
/// `--iteration-count`.
fn kebab(key: &str) -> String {
    let mut out = String::new();
    for c in key.chars() {
        if c == '_' {
            out.push('-');
        } else if c.is_ascii_uppercase() {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn find_arg<'a>(cmd: &'a clap::Command, key: &str) -> Option<&'a Arg> {
    let k = kebab(key);
    cmd.get_arguments()
        .find(|a| a.get_long() == Some(k.as_str()) || a.get_id().as_str() == k.replace('-', "_"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `--insecure`
    Flag,
    /// `--bail [modifiers]`
    OptionalValue,
    /// `--reporters a,b`
    Delimited,
    /// `--folder a --folder b`
    Repeated,
    /// `--timeout 100`
    Single,
}

fn shape(arg: &Arg) -> Shape {
    if !arg.get_action().takes_values() {
        return Shape::Flag;
    }
    if arg.get_num_args().is_some_and(|r| r.min_values() == 0) {
        return Shape::OptionalValue;
    }
    if arg.get_value_delimiter().is_some() {
        return Shape::Delimited;
    }
    if matches!(arg.get_action(), ArgAction::Append) {
        return Shape::Repeated;
    }
    Shape::Single
}

fn long_of(arg: &Arg) -> String {
    arg.get_long()
        .map(str::to_string)
        .unwrap_or_else(|| arg.get_id().as_str().replace('_', "-"))
}

fn boolish(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" | "" => Some(false),
        _ => None,
    }
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// One list element: a scalar, or `{key, value}` as Newman's library takes
/// `envVar`/`globalVar`.
fn element(v: &Value) -> Option<String> {
    if let Value::Object(o) = v {
        let k = o.get("key").and_then(scalar)?;
        return Some(match o.get("value") {
            Some(Value::Null) | None => k,
            Some(v) => format!("{k}={}", scalar(v)?),
        });
    }
    scalar(v)
}

/// The arguments that give `arg` the value `v`; `None` when `v` leaves it
/// unset (`null`).
fn option_args(arg: &Arg, v: &Value, origin: &str) -> Result<Option<Vec<String>>, String> {
    let long = long_of(arg);
    let flag = format!("--{long}");
    let bad = |what: &str| format!("{origin}: `{long}` {what}");
    let delim = arg.get_value_delimiter().unwrap_or(',').to_string();
    let shape = shape(arg);
    if v.is_null() {
        return Ok(None);
    }
    let as_bool = match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) if matches!(shape, Shape::Flag | Shape::OptionalValue) => boolish(s),
        Value::Number(n) if shape == Shape::Flag => n.as_u64().map(|n| n != 0),
        _ => None,
    };
    let args = match shape {
        Shape::Flag => match as_bool {
            Some(true) => vec![flag],
            Some(false) => vec![],
            None => return Err(bad("is a switch: give true or false")),
        },
        Shape::OptionalValue => match (as_bool, v) {
            // Bare: the merged argv puts layered options after the command
            // line's positionals, so nothing follows that it could take.
            (Some(true), _) => vec![flag],
            (Some(false), _) => vec![],
            (None, Value::Array(items)) => {
                let parts: Option<Vec<String>> = items.iter().map(scalar).collect();
                let parts = parts.ok_or_else(|| bad("takes a list of words"))?;
                vec![format!("{flag}={}", parts.join(&delim))]
            }
            (None, other) => vec![format!(
                "{flag}={}",
                scalar(other).ok_or_else(|| bad("takes true, false or a value"))?
            )],
        },
        Shape::Delimited => match v {
            Value::Array(items) => {
                let parts: Option<Vec<String>> = items.iter().map(scalar).collect();
                let parts = parts.ok_or_else(|| bad("takes a list of words"))?;
                vec![format!("{flag}={}", parts.join(&delim))]
            }
            other => vec![format!(
                "{flag}={}",
                scalar(other).ok_or_else(|| bad("takes a value or a list"))?
            )],
        },
        Shape::Repeated => {
            let values: Vec<String> = match v {
                Value::Array(items) => items
                    .iter()
                    .map(|i| element(i).ok_or_else(|| bad("takes a list of values")))
                    .collect::<Result<_, _>>()?,
                Value::Object(o) if o.contains_key("key") => {
                    vec![element(v).ok_or_else(|| bad("takes {key, value}"))?]
                }
                Value::Object(o) => o
                    .iter()
                    .map(|(k, v)| match v {
                        Value::Null => Ok(k.clone()),
                        v => scalar(v)
                            .map(|s| format!("{k}={s}"))
                            .ok_or_else(|| bad("takes a table of key = value")),
                    })
                    .collect::<Result<_, _>>()?,
                other => vec![scalar(other).ok_or_else(|| bad("takes a list of values"))?],
            };
            values.into_iter().map(|x| format!("{flag}={x}")).collect()
        }
        Shape::Single => match v {
            Value::Array(items) if items.len() == 1 => {
                vec![format!(
                    "{flag}={}",
                    scalar(&items[0]).ok_or_else(|| bad("takes one value"))?
                )]
            }
            Value::Bool(_) => return Err(bad("takes a value, not true or false")),
            other => vec![format!(
                "{flag}={}",
                scalar(other).ok_or_else(|| bad("takes one value"))?
            )],
        },
    };
    // Check the value the way the command line would.
    if let Err(e) = run_matches(&args) {
        let msg = e.to_string();
        let first = msg
            .lines()
            .next()
            .unwrap_or("")
            .trim_start_matches("error: ");
        return Err(format!("{origin}: {first}"));
    }
    Ok(Some(args))
}

/// Options of a file: top-level keys, with a `run` table (Newman scopes a
/// newmanrc's options for `newman run` this way) applied over them.
fn file_options(doc: &Value, shown: &Path) -> Result<Map<String, Value>, String> {
    let Value::Object(top) = doc else {
        return Err(format!(
            "{}: expected a table (an object) of options",
            shown.display()
        ));
    };
    let mut out = Map::new();
    for (k, v) in top {
        if k != "run" {
            out.insert(k.clone(), v.clone());
        }
    }
    match top.get("run") {
        Some(Value::Object(run)) => {
            for (k, v) in run {
                out.insert(k.clone(), v.clone());
            }
        }
        Some(_) => {
            return Err(format!(
                "{}: `run` must be a table of options",
                shown.display()
            ))
        }
        None => {}
    }
    Ok(out)
}

fn reporter_entries(
    v: &Value,
    origin: &str,
    source: &Source,
    layer: &mut Layer,
) -> Result<(), String> {
    let Value::Object(reporters) = v else {
        return Err(format!(
            "{origin}: `reporter` must be a table: reporter.<name>.<option> = value"
        ));
    };
    for (name, opts) in reporters {
        match opts {
            Value::Object(o) => {
                for (opt, val) in o {
                    let value = scalar(val).ok_or_else(|| {
                        format!("{origin}: reporter.{name}.{opt} takes a single value")
                    })?;
                    layer.reporter.push((
                        format!("{}-{}", kebab(name), kebab(opt)),
                        value,
                        source.clone(),
                    ));
                }
            }
            other => {
                let value = scalar(other)
                    .ok_or_else(|| format!("{origin}: reporter.{name} takes a single value"))?;
                layer.reporter.push((kebab(name), value, source.clone()));
            }
        }
    }
    Ok(())
}

/// The layer of a postgate config file. Unknown keys are errors (a typo in
/// a CI gate's config should not pass silently).
fn file_layer(cmd: &clap::Command, doc: &Value, shown: &Path) -> Result<Layer, String> {
    let source = Source::File(shown.to_path_buf());
    let origin = shown.display().to_string();
    let mut layer = Layer::default();
    for (key, v) in file_options(doc, shown)? {
        let k = kebab(&key);
        if k == "reporter" {
            reporter_entries(&v, &origin, &source, &mut layer)?;
            continue;
        }
        if let Some(rest) = k.strip_prefix("reporter-") {
            let value = scalar(&v).ok_or_else(|| format!("{origin}: `{key}` takes one value"))?;
            layer
                .reporter
                .push((rest.to_string(), value, source.clone()));
            continue;
        }
        if k == "collection" {
            let c = match &v {
                Value::Array(list) => list.iter().map(scalar).collect::<Option<Vec<_>>>(),
                other => scalar(other).map(|c| vec![c]),
            }
            .filter(|c| !c.is_empty())
            .ok_or_else(|| format!("{origin}: `collection` takes a path or a list of paths"))?;
            layer.collection = Some((c, source.clone()));
            continue;
        }
        let Some(arg) = find_arg(cmd, &key) else {
            return Err(format!(
                "{origin}: unknown option `{key}` (options are `postgate run`'s long names, such as iteration-count)"
            ));
        };
        let id = arg.get_id().as_str();
        if NOT_LAYERED.contains(&id) {
            return Err(format!(
                "{origin}: `{key}` can only be given on the command line"
            ));
        }
        if let Some(args) = option_args(arg, &v, &format!("{origin}: {key}"))? {
            layer.options.insert(
                id.to_string(),
                Setting {
                    args,
                    source: source.clone(),
                },
            );
        }
    }
    Ok(layer)
}

/// The layer of one newmanrc file. Keys are Newman's option names
/// (camelCase); keys `newman run` does not take are ignored as Newman
/// ignores them, and listed by `--print-config`.
fn newmanrc_layer(cmd: &clap::Command, doc: &Value, path: &Path) -> Result<Layer, String> {
    let source = Source::Newmanrc(path.to_path_buf());
    let origin = path.display().to_string();
    let mut layer = Layer::default();
    for (key, v) in file_options(doc, path)? {
        let k = kebab(&key);
        if k == "reporter" {
            reporter_entries(&v, &origin, &source, &mut layer)?;
            continue;
        }
        if k == "collection" {
            if let Some(c) = scalar(&v) {
                layer.collection = Some((vec![c], source.clone()));
            }
            continue;
        }
        // commander's `--no-insecure-file-read` is `insecureFileRead: false`.
        let (key, v) = if k == "insecure-file-read" {
            let off =
                matches!(v, Value::Bool(false)) || v.as_str().and_then(boolish) == Some(false);
            ("no-insecure-file-read".to_string(), Value::Bool(off))
        } else {
            (key, v)
        };
        // Newman's library takes 0 for "no limit" where its CLI refuses it.
        if v.as_u64() == Some(0) {
            continue;
        }
        let arg = find_arg(cmd, &key).filter(|a| !NOT_LAYERED.contains(&a.get_id().as_str()));
        let Some(arg) = arg else {
            layer.ignored.push(format!("{key} ({origin})"));
            continue;
        };
        if let Some(args) = option_args(arg, &v, &format!("{origin}: {key}"))? {
            layer.options.insert(
                arg.get_id().to_string(),
                Setting {
                    args,
                    source: source.clone(),
                },
            );
        }
    }
    Ok(layer)
}

/// The environment variable of an option: `POSTGATE_ITERATION_COUNT`.
pub fn env_name(arg: &Arg) -> String {
    format!(
        "{ENV_PREFIX}{}",
        arg.get_id().as_str().to_ascii_uppercase().replace('-', "_")
    )
}

/// Values of a repeatable option in one variable: a JSON array of
/// strings, or one value per line.
fn split_list(s: &str) -> Value {
    if s.trim_start().starts_with('[') {
        if let Ok(Value::Array(items)) = serde_json::from_str::<Value>(s) {
            if items.iter().all(|i| scalar(i).is_some()) {
                return Value::Array(items);
            }
        }
    }
    Value::Array(
        s.lines()
            .map(|l| l.trim_end_matches('\r'))
            .filter(|l| !l.trim().is_empty())
            .map(|l| Value::String(l.to_string()))
            .collect(),
    )
}

fn env_layer(cmd: &clap::Command, vars: &BTreeMap<String, String>) -> Result<Layer, String> {
    let mut layer = Layer::default();
    for arg in cmd.get_arguments() {
        let id = arg.get_id().as_str();
        if NOT_LAYERED.contains(&id) {
            continue;
        }
        let name = env_name(arg);
        let Some(raw) = vars.get(&name).filter(|v| !v.is_empty()) else {
            continue;
        };
        let v = if shape(arg) == Shape::Repeated {
            split_list(raw)
        } else {
            Value::String(raw.clone())
        };
        if let Some(args) = option_args(arg, &v, &name)? {
            layer.options.insert(
                id.to_string(),
                Setting {
                    args,
                    source: Source::Env(name.clone()),
                },
            );
        }
    }
    let collection_var = format!("{ENV_PREFIX}COLLECTION");
    if let Some(c) = vars.get(&collection_var).filter(|v| !v.is_empty()) {
        layer.collection = Some((vec![c.clone()], Source::Env(collection_var)));
    }
    let prefix = format!("{ENV_PREFIX}REPORTER_");
    for (name, value) in vars {
        if let Some(rest) = name.strip_prefix(&prefix) {
            if rest.is_empty() {
                continue;
            }
            let key = rest.to_ascii_lowercase().replace('_', "-");
            layer
                .reporter
                .push((key, value.clone(), Source::Env(name.clone())));
        }
    }
    Ok(layer)
}

/// The `name-option` keys of the `--reporter-…` options on a command line.
fn cli_reporter_keys(args: &[String]) -> Vec<String> {
    args.iter()
        .take_while(|a| a.as_str() != "--")
        .filter_map(|a| a.strip_prefix("--reporter-"))
        .map(|body| body.split('=').next().unwrap_or(body).to_string())
        .collect()
}

/// Options whose values are integers (printed without quotes).
fn is_integer_parser(arg: &Arg) -> bool {
    use std::any::TypeId;
    let t = arg.get_value_parser().type_id();
    [
        TypeId::of::<u8>(),
        TypeId::of::<u16>(),
        TypeId::of::<u32>(),
        TypeId::of::<u64>(),
        TypeId::of::<usize>(),
        TypeId::of::<i32>(),
        TypeId::of::<i64>(),
    ]
    .iter()
    .any(|id| t == *id)
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

fn is_secret_key(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    [
        "pass",
        "secret",
        "token",
        "key",
        "auth",
        "credential",
        "cookie",
    ]
    .iter()
    .any(|w| k.contains(w))
}

/// `key=value` with a secret-looking key gets its value masked.
fn mask_pair(s: &str) -> String {
    match s.split_once('=') {
        Some((k, _)) if is_secret_key(k) => format!("{k}=***"),
        _ => s.to_string(),
    }
}

/// `--print-config`: the merged options as a TOML document that could be
/// saved as `postgate.toml`, each value followed by where it came from.
fn render(
    argv: &[String],
    sources: &BTreeMap<String, Source>,
    reporter_sources: &BTreeMap<String, Source>,
    config_file: Option<PathBuf>,
    rc_files: &[PathBuf],
    ignored: &[String],
) -> Result<String, String> {
    let (stripped, reporter_options) = extract_reporter_options(argv.to_vec());
    let m = run_matches(&stripped[2..]).map_err(|e| {
        e.to_string()
            .lines()
            .next()
            .unwrap_or("")
            .trim_start_matches("error: ")
            .to_string()
    })?;
    let cmd = relaxed_run();
    let mut o = String::new();
    o.push_str("# postgate run: the merged configuration.\n");
    o.push_str("# precedence: command line > environment (POSTGATE_*) > config file > newmanrc > defaults\n");
    match &config_file {
        Some(p) => o.push_str(&format!("# config file: {}\n", p.display())),
        None => o.push_str(&format!(
            "# config file: none ({} or {} in the current directory, or --config)\n",
            DEFAULT_FILES[0], DEFAULT_FILES[1]
        )),
    }
    if rc_files.is_empty() {
        o.push_str("# newmanrc: none\n");
    }
    for f in rc_files {
        o.push_str(&format!("# newmanrc: {}\n", f.display()));
    }
    for i in ignored {
        o.push_str(&format!("# ignored newmanrc option: {i}\n"));
    }
    o.push('\n');
    let mut lines: Vec<(String, String)> = Vec::new();
    // The collection first, then the options in `--help` order.
    let args = cmd
        .get_arguments()
        .filter(|a| a.get_id() == "collection")
        .chain(cmd.get_arguments().filter(|a| a.get_id() != "collection"));
    for arg in args {
        let id = arg.get_id().as_str();
        if matches!(id, "help" | "version" | "config" | "print_config") {
            continue;
        }
        let key = if id == "collection" {
            "collection".to_string()
        } else {
            long_of(arg)
        };
        let source = sources.get(id).cloned().or_else(|| {
            (m.value_source(id) == Some(ValueSource::DefaultValue)).then_some(Source::Default)
        });
        let value = if shape(arg) == Shape::Flag {
            Some(m.get_flag(id).to_string())
        } else {
            m.get_raw(id).map(|vals| {
                let vals: Vec<String> = vals.map(|v| v.to_string_lossy().into_owned()).collect();
                let secret = SECRET_OPTIONS.contains(&id);
                let shown: Vec<String> = vals
                    .iter()
                    .map(|v| {
                        if secret {
                            quote("***")
                        } else if matches!(id, "env_var" | "global_var") {
                            quote(&mask_pair(v))
                        } else if is_integer_parser(arg) && v.parse::<i64>().is_ok() {
                            v.clone()
                        } else {
                            quote(v)
                        }
                    })
                    .collect();
                match shape(arg) {
                    Shape::Single => shown.join(", "),
                    // One collection shows as a path, several as a list.
                    _ if id == "collection" && shown.len() == 1 => shown.join(", "),
                    _ => format!("[{}]", shown.join(", ")),
                }
            })
        };
        match (value, source) {
            (Some(v), Some(s)) => lines.push((format!("{key} = {v}"), s.to_string())),
            (Some(v), None) => lines.push((format!("{key} = {v}"), "default".into())),
            (None, _) if id == "collection" => lines.push((
                "# collection: not set (required to run)".into(),
                String::new(),
            )),
            (None, _) => lines.push((format!("# {key}: not set"), String::new())),
        }
    }
    let width = lines
        .iter()
        .filter(|(_, s)| !s.is_empty())
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0)
        .min(48);
    for (line, source) in &lines {
        if source.is_empty() {
            o.push_str(line);
        } else {
            let pad = width.saturating_sub(line.chars().count());
            o.push_str(&format!("{line}{}  # {source}", " ".repeat(pad)));
        }
        o.push('\n');
    }
    let mut reporter_lines = Vec::new();
    for (name, opts) in &reporter_options.specific {
        for (opt, val) in opts {
            reporter_lines.push((
                format!("{name}.{}", kebab(opt)),
                format!("{name}-{}", kebab(opt)),
                val.clone(),
            ));
        }
    }
    for (opt, val) in &reporter_options.generic {
        reporter_lines.push((kebab(opt), kebab(opt), val.clone()));
    }
    if !reporter_lines.is_empty() {
        o.push_str("\n[reporter]\n");
        for (key, src_key, val) in reporter_lines {
            let v = match &val {
                Value::Bool(b) => b.to_string(),
                Value::String(s) => quote(s),
                other => other.to_string(),
            };
            let key = key
                .split('.')
                .map(|part| {
                    if part
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                    {
                        part.to_string()
                    } else {
                        quote(part)
                    }
                })
                .collect::<Vec<_>>()
                .join(".");
            let source = reporter_sources
                .get(&src_key)
                .map(ToString::to_string)
                .unwrap_or_else(|| "command line".into());
            o.push_str(&format!("{key} = {v}  # {source}\n"));
        }
    }
    Ok(o)
}

/// Newman fetches a collection or environment given as a Postman UID from
/// the Postman API when `--postman-api-key` is set. postgate does not reach
/// the Postman API: say so, and what to do instead. Without the key, or when
/// a file of that name exists, the source is read as a path as usual.
pub fn refuse_postman_uid(source: &str, kind: InputKind, api_key: bool) -> Result<(), Error> {
    if !api_key || !is_postman_uid(source) || Path::new(source).exists() {
        return Ok(());
    }
    let what = match kind {
        InputKind::Environment => "environment",
        _ => "collection",
    };
    Err(Error::Fetch {
        kind,
        source_name: source.to_string(),
        message: format!(
            "this is a Postman UID, and postgate does not fetch from the Postman API (--postman-api-key is accepted but not used).\n  \
             Export the {what} from Postman (File > Export, or the API's /{what}s/<uid> endpoint) into the repository, \
             and pass the file path instead"
        ),
    })
}

/// `<owner>-<uuid>`, as Newman recognises a Postman UID.
pub fn is_postman_uid(s: &str) -> bool {
    let Some((owner, uuid)) = s.split_once('-') else {
        return false;
    };
    if owner.is_empty() || !owner.chars().all(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    let groups: Vec<&str> = uuid.split('-').collect();
    let lens = [8, 4, 4, 4, 12];
    groups.len() == 5
        && groups
            .iter()
            .zip(lens)
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn surroundings(dir: &Path, vars: &[(&str, &str)]) -> Surroundings {
        Surroundings {
            vars: vars
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            cwd: dir.to_path_buf(),
            home: Some(dir.join("home")),
            system_rc: None,
        }
    }

    fn argv(args: &[&str]) -> Vec<String> {
        ["postgate", "run"]
            .iter()
            .chain(args)
            .map(|s| s.to_string())
            .collect()
    }

    fn run_argv(out: Outcome) -> Vec<String> {
        match out {
            Outcome::Run(a) => a,
            Outcome::Print(p) => panic!("printed {p}"),
        }
    }

    fn parse(argv: Vec<String>) -> crate::cli::RunArgs {
        use clap::Parser;
        let (argv, _) = extract_reporter_options(argv);
        match crate::cli::Cli::try_parse_from(argv)
            .expect("parses")
            .command
        {
            crate::cli::Command::Run(r) => *r,
            _ => panic!("not run"),
        }
    }

    #[test]
    fn uids() {
        assert!(is_postman_uid(
            "12345678-0c2f3d4e-aaaa-bbbb-cccc-0123456789ab"
        ));
        assert!(!is_postman_uid("collection.json"));
        assert!(!is_postman_uid("0c2f3d4e-aaaa-bbbb-cccc-0123456789ab"));
    }

    #[test]
    fn keys_normalise() {
        assert_eq!(kebab("iterationCount"), "iteration-count");
        assert_eq!(kebab("iteration_count"), "iteration-count");
        assert_eq!(kebab("iteration-count"), "iteration-count");
    }

    #[test]
    fn flags_beat_env_beat_file_beat_newmanrc() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(
            d.path().join(".newmanrc"),
            r#"{"run": {"iterationCount": 5, "timeoutRequest": 100, "delayRequest": 7, "bail": true}}"#,
        )
        .unwrap();
        std::fs::write(
            d.path().join("postgate.toml"),
            "collection = \"c.json\"\niteration-count = 4\ntimeout-request = 200\nfolder = [\"A\", \"B\"]\n[reporter.junit]\nexport = \"out.xml\"\n",
        )
        .unwrap();
        let env = surroundings(
            d.path(),
            &[
                ("POSTGATE_ITERATION_COUNT", "3"),
                ("POSTGATE_BAIL", "false"),
                ("POSTGATE_TEST", "1"),
            ],
        );
        let out = run_argv(prepare_with(argv(&["-n", "2", "--folder", "C"]), &env).unwrap());
        let args = parse(out);
        assert_eq!(args.collection, vec!["c.json".to_string()]);
        assert_eq!(args.iteration_count, Some(2));
        assert_eq!(args.timeout_request, Some(200));
        assert_eq!(args.delay_request, Some(7));
        assert_eq!(args.folder, vec!["C".to_string()]);
        assert_eq!(args.bail, None);
    }

    #[test]
    fn env_lists_and_switches() {
        let d = tempfile::tempdir().unwrap();
        let env = surroundings(
            d.path(),
            &[
                ("POSTGATE_ENV_VAR", "a=1\nb=x,y\n"),
                ("POSTGATE_FOLDER", r#"["one", "two"]"#),
                ("POSTGATE_INSECURE", "yes"),
                ("POSTGATE_REPORTERS", "cli,junit"),
                ("POSTGATE_COLLECTION", "c.json"),
                ("POSTGATE_REPORTER_JUNIT_EXPORT", "j.xml"),
            ],
        );
        let out = run_argv(prepare_with(argv(&[]), &env).unwrap());
        let (_, ro) = extract_reporter_options(out.clone());
        assert_eq!(ro.string("junit", "export").as_deref(), Some("j.xml"));
        let args = parse(out);
        assert_eq!(args.collection, vec!["c.json".to_string()]);
        assert_eq!(
            args.env_var,
            vec![
                ("a".to_string(), Some("1".to_string())),
                ("b".to_string(), Some("x,y".to_string()))
            ]
        );
        assert_eq!(args.folder, vec!["one".to_string(), "two".to_string()]);
        assert!(args.insecure);
        assert_eq!(args.reporters, vec!["cli".to_string(), "junit".to_string()]);
    }

    #[test]
    fn config_file_lists_several_collections() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(
            d.path().join("postgate.toml"),
            "collection = [\"a.json\", \"b.json\"]\n",
        )
        .unwrap();
        let env = surroundings(d.path(), &[]);
        let args = parse(run_argv(prepare_with(argv(&[]), &env).unwrap()));
        assert_eq!(args.collection, vec!["a.json".to_string(), "b.json".into()]);
        let Outcome::Print(text) = prepare_with(argv(&["--print-config"]), &env).unwrap() else {
            panic!("no print")
        };
        assert!(
            text.contains("collection = [\"a.json\", \"b.json\"]"),
            "{text}"
        );
        // The command line wins, with as many collections as it names.
        let args = parse(run_argv(prepare_with(argv(&["x.json"]), &env).unwrap()));
        assert_eq!(args.collection, vec!["x.json".to_string()]);
    }

    #[test]
    fn bad_values_name_their_source() {
        let d = tempfile::tempdir().unwrap();
        let env = surroundings(d.path(), &[("POSTGATE_ITERATION_COUNT", "0")]);
        let e = prepare_with(argv(&["c.json"]), &env).unwrap_err();
        assert!(e.starts_with("POSTGATE_ITERATION_COUNT"), "{e}");
        assert!(e.contains("positive integer"), "{e}");
        std::fs::write(d.path().join("postgate.toml"), "iteration-cuont = 2\n").unwrap();
        let e = prepare_with(argv(&["c.json"]), &surroundings(d.path(), &[])).unwrap_err();
        assert!(e.contains("unknown option `iteration-cuont`"), "{e}");
    }

    #[test]
    fn print_config_names_sources() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(
            d.path().join(".postgate.json"),
            r#"{"collection": "c.json", "env-var": {"token": "s3cret", "base": "http://x"}}"#,
        )
        .unwrap();
        let env = surroundings(d.path(), &[("POSTGATE_TIMEOUT", "900")]);
        let Outcome::Print(text) = prepare_with(argv(&["--print-config", "-k"]), &env).unwrap()
        else {
            panic!("no print")
        };
        assert!(text.contains("collection = \"c.json\""), "{text}");
        assert!(text.contains("config file .postgate.json"), "{text}");
        assert!(text.contains("timeout = 900"), "{text}");
        assert!(
            text.contains("environment variable POSTGATE_TIMEOUT"),
            "{text}"
        );
        assert!(text.contains("insecure = true"), "{text}");
        assert!(text.contains("token=***"), "{text}");
        assert!(!text.contains("s3cret"), "{text}");
        assert!(text.contains("reporters = [\"cli\"]"), "{text}");
    }
}

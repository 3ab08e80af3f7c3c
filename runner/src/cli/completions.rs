//! `postgate completions SHELL` and `postgate man`: both generated from the
//! clap definitions in `args.rs`, so they list exactly the options the
//! binary accepts. Copies are kept in `docs/completions/` and `docs/man/`,
//! and a test regenerates them and fails when they differ (see
//! `tests/ci_integration.rs` for the command that refreshes them).

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::args::Cli;
use super::config::{DEFAULT_FILES, ENV_CONFIG, ENV_PREFIX};

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write postgate.1 and one page per subcommand (postgate-run.1, …)
    /// into this directory instead of printing postgate.1.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

/// The shells `postgate completions` knows, in the order the docs list them.
pub const SHELLS: &[Shell] = &[Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell];

/// The completion script for one shell.
pub fn completion_script(shell: Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "postgate", &mut out);
    out
}

/// The file name a shell's script is conventionally installed under
/// (`postgate.bash`, `_postgate`, `postgate.fish`, `_postgate.ps1`).
pub fn completion_file_name(shell: Shell) -> String {
    use clap_complete::Generator;
    shell.file_name("postgate")
}

/// Every man page: `postgate.1` and one per subcommand, as (file name, roff).
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    collect_pages(&cmd, true, &mut pages);
    pages
}

fn collect_pages(cmd: &clap::Command, top: bool, out: &mut Vec<(String, Vec<u8>)>) {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut buf = Vec::new();
    if man.render(&mut buf).is_err() {
        return;
    }
    // postgate's own sections go before VERSION (or at the end).
    if top || cmd.get_name() == "run" {
        let text = String::from_utf8_lossy(&buf).into_owned();
        let at = text
            .find("\n.SH VERSION")
            .map(|i| i + 1)
            .unwrap_or(text.len());
        let mut page = text[..at].to_string();
        if !page.ends_with('\n') {
            page.push('\n');
        }
        page.push_str(&extra_sections(top));
        page.push_str(&text[at..]);
        buf = page.into_bytes();
    }
    out.push((man.get_filename(), buf));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect_pages(sub, false, out);
    }
}

/// Escape text for roff: backslashes, hyphens (so they are not hyphenation
/// points) and a leading control character.
fn roff_text(s: &str) -> String {
    let escaped = s.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

fn section(title: &str, paragraphs: &[(&str, &str)]) -> String {
    let mut o = format!(".SH \"{title}\"\n");
    for (tag, text) in paragraphs {
        if tag.is_empty() {
            o.push_str(&format!(".PP\n{}\n", roff_text(text)));
        } else {
            o.push_str(&format!(
                ".TP\n\\fB{}\\fR\n{}\n",
                roff_text(tag),
                roff_text(text)
            ));
        }
    }
    o
}

fn extra_sections(top: bool) -> String {
    let env_all = format!("{ENV_PREFIX}<OPTION>");
    let env_config = ENV_CONFIG.to_string();
    let files = format!("{} or {}", DEFAULT_FILES[0], DEFAULT_FILES[1]);
    let mut o = String::new();
    o.push_str(&section(
        "ENVIRONMENT",
        &[
            (
                env_all.as_str(),
                "Any option of postgate run, named in capitals with underscores (POSTGATE_ITERATION_COUNT, POSTGATE_REPORTERS, POSTGATE_ENV_VAR). Switches take true/false, 1/0, yes/no or on/off. Repeatable options take one value per line, or a JSON array of strings. POSTGATE_COLLECTION gives the collection; POSTGATE_REPORTER_<NAME>_<OPTION> a reporter option. Empty variables are ignored.",
            ),
            (
                env_config.as_str(),
                "The config file to read, like --config.",
            ),
            (
                "GITHUB_STEP_SUMMARY",
                "With -r github, the Markdown job summary is appended to this file.",
            ),
            (
                "NO_COLOR",
                "Set and not empty: no colour with --color auto.",
            ),
        ],
    ));
    o.push_str(&section(
        "FILES",
        &[
            (
                files.as_str(),
                "The config file in the current directory: postgate run's options by long name (iteration-count = 2, env-var = [\"k=v\"], [reporter.junit] export = \"x.xml\"). Relative paths are taken from the current directory.",
            ),
            (
                "/etc/postman/newmanrc, ~/.postman/newmanrc, ./.newmanrc",
                "Newman's config files (JSON, options under a \"run\" key), read in this order below the postgate config file.",
            ),
        ],
    ));
    if top {
        o.push_str(&section(
            "EXIT STATUS",
            &[
                ("0", "The run passed (or -x was given); lint found no error; completions, man, --print-config, --help and --version."),
                ("1", "An assertion, script or request failed, the run was stopped, an input or config file could not be loaded, the command line was wrong, or lint found an error."),
            ],
        ));
    }
    o
}

pub fn completions(args: CompletionsArgs) -> i32 {
    let script = completion_script(args.shell);
    let mut out = std::io::stdout().lock();
    match out.write_all(&script).and_then(|_| out.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}

pub fn man(args: ManArgs) -> i32 {
    let pages = man_pages();
    match args.out_dir {
        Some(dir) => {
            if let Err(e) = std::fs::create_dir_all(&dir) {
                eprintln!("error: could not create {}: {e}", dir.display());
                return 1;
            }
            for (name, text) in pages {
                let path = dir.join(&name);
                if let Err(e) = std::fs::write(&path, text) {
                    eprintln!("error: could not write {}: {e}", path.display());
                    return 1;
                }
            }
            0
        }
        None => {
            let Some((_, text)) = pages.into_iter().next() else {
                return 1;
            };
            let mut out = std::io::stdout().lock();
            match out.write_all(&text).and_then(|_| out.flush()) {
                Ok(()) => 0,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
                Err(e) => {
                    eprintln!("error: {e}");
                    1
                }
            }
        }
    }
}

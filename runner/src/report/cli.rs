//! Newman's CLI reporter layout: the banner, per-request lines, assertion
//! lines, console boxes, the summary table and the numbered failure list.
//! Output reads the same without colour; colour is used only on a terminal
//! (or with `--color on`) and never with `NO_COLOR`.

use std::io::Write;

use anstyle::{AnsiColor, Effects, Style};

use super::format::{filesize, prettyms};
use super::{Reporter, ReporterOptions};
use crate::run::{ExecutionRecord, RunEvent, RunSummary};
use crate::script::ConsoleLevel;

/// Symbols, in Unicode or plain text (`--disable-unicode`).
struct Symbols {
    root: &'static str,
    sub: &'static str,
    folder: &'static str,
    ok: &'static str,
    dot: &'static str,
    err_dot: &'static str,
    top: &'static str,
    middle: &'static str,
    bottom: &'static str,
    /// Marks the line about a request's retries.
    retry: &'static str,
}

const UNICODE: Symbols = Symbols {
    root: "→",
    sub: "↳",
    folder: "❏",
    ok: "✓",
    dot: ".",
    err_dot: "⠄",
    top: "┌",
    middle: "│",
    bottom: "└",
    retry: "⟳",
};

const PLAIN: Symbols = Symbols {
    root: "Root",
    sub: "Sub-folder",
    folder: "Folder",
    ok: "Pass",
    dot: ".",
    err_dot: ".",
    top: "-",
    middle: "|",
    bottom: "-",
    retry: "(retry)",
};

/// Settings of the CLI reporter.
#[derive(Debug, Clone, Default)]
pub struct CliSettings {
    pub color: bool,
    pub disable_unicode: bool,
    pub no_summary: bool,
    pub no_failures: bool,
    pub no_assertions: bool,
    pub no_success_assertions: bool,
    pub no_console: bool,
    pub no_banner: bool,
    pub verbose: bool,
}

impl CliSettings {
    pub fn from_options(
        opts: &ReporterOptions,
        color: bool,
        disable_unicode: bool,
        verbose: bool,
    ) -> Self {
        let f = |k: &str| opts.flag("cli", k);
        CliSettings {
            color,
            disable_unicode,
            no_summary: f("noSummary"),
            no_failures: f("noFailures"),
            no_assertions: f("noAssertions"),
            no_success_assertions: f("noSuccessAssertions"),
            no_console: f("noConsole"),
            no_banner: f("noBanner"),
            verbose,
        }
    }
}

pub struct CliReporter<W: Write + Send> {
    out: W,
    s: CliSettings,
    sym: &'static Symbols,
    current_group: Option<String>,
    failures: usize,
}

const GRAY: Style = AnsiColor::BrightBlack.on_default();
const GREEN: Style = AnsiColor::Green.on_default();
const RED: Style = AnsiColor::Red.on_default();
const RED_BOLD: Style = AnsiColor::Red.on_default().effects(Effects::BOLD);
const CYAN: Style = AnsiColor::Cyan.on_default();
const YELLOW: Style = AnsiColor::Yellow.on_default();

impl<W: Write + Send> CliReporter<W> {
    pub fn new(out: W, s: CliSettings) -> Self {
        let sym = if s.disable_unicode { &PLAIN } else { &UNICODE };
        CliReporter {
            out,
            s,
            sym,
            current_group: None,
            failures: 0,
        }
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.s.color && !text.is_empty() {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }

    fn execution(&mut self, rec: &ExecutionRecord) -> std::io::Result<()> {
        let item = &rec.item;
        let mut o = String::new();
        if item.group_id != self.current_group {
            if let Some(g) = &item.group_name {
                o.push_str(&format!("\n{} {}", self.sym.folder, g));
            }
            self.current_group = item.group_id.clone();
        }
        let marker = if item.group_id.is_some() {
            self.sym.sub
        } else {
            self.sym.root
        };
        o.push_str(&format!("\n{} {}\n", marker, item.item.name));

        // Pre-request phase: its assertions, console output and errors.
        self.phase(&mut o, rec, true);

        if !rec.skipped {
            // requests an auth answered with a replay (digest, ntlm), each
            // on its own line as Newman prints them
            for x in &rec.auth_exchanges {
                let total = x.response.body.len() + x.response.header_size;
                let line = format!(
                    "[{} {}, {}, {}]",
                    x.response.code,
                    x.response.status,
                    filesize(total as u64),
                    prettyms(x.response.response_time)
                );
                o.push_str(&format!(
                    "  {} {} {}\n",
                    self.paint(GRAY, &x.request.prepared.method),
                    self.paint(GRAY, &x.request.prepared.url),
                    self.paint(GRAY, &line)
                ));
            }
            if let Some(sent) = &rec.request {
                o.push_str(&format!(
                    "  {} {} ",
                    self.paint(GRAY, &sent.prepared.method),
                    self.paint(GRAY, &sent.prepared.url)
                ));
            } else if rec.request_error.is_some() {
                let method = rec.item.item.request.method.clone();
                let url = rec.item.item.request.url.raw.clone();
                o.push_str(&format!(
                    "  {} {} ",
                    self.paint(GRAY, &method),
                    self.paint(GRAY, &url)
                ));
            }
            if let Some(err) = &rec.request_error {
                self.failures += 1;
                o.push_str(&self.paint(RED, "[errored]"));
                o.push('\n');
                o.push_str(&self.paint(RED, &format!("     {}", err.message)));
                o.push('\n');
            } else if let Some(resp) = &rec.response {
                let total = resp.body.len() + resp.header_size;
                let line = format!(
                    "[{} {}, {}, {}]",
                    resp.code,
                    resp.status,
                    filesize(total as u64),
                    prettyms(resp.response_time)
                );
                o.push_str(&self.paint(GRAY, &line));
                o.push('\n');
            }
            if let Some(line) = retry_line(rec, self.sym.retry) {
                o.push_str(&self.paint(YELLOW, &line));
                o.push('\n');
            }
        }
        self.phase(&mut o, rec, false);
        if rec.next_request_from_test {
            if let Some(Some(target)) = &rec.next_request {
                o.push('\n');
                o.push_str(
                    &self.paint(GRAY, &format!("Attempting to set next request to {target}")),
                );
                o.push('\n');
            }
        }
        self.out.write_all(o.as_bytes())?;
        self.out.flush()
    }

    /// Print one phase's assertions, console output and script errors in the
    /// order they happened.
    fn phase(&mut self, o: &mut String, rec: &ExecutionRecord, pre: bool) {
        let runs = if pre { &rec.prerequest } else { &rec.test };
        let listen = if pre { "prerequest" } else { "test" };
        let consoles: Vec<_> = rec.console.iter().filter(|c| c.prerequest == pre).collect();
        let mut ci = 0;
        for (si, run) in runs.iter().enumerate() {
            for (ai, a) in run.assertions.iter().enumerate() {
                while ci < consoles.len()
                    && (consoles[ci].script_index < si
                        || (consoles[ci].script_index == si && consoles[ci].after_assertions <= ai))
                {
                    self.console(o, consoles[ci]);
                    ci += 1;
                }
                self.assertion(o, a);
            }
            while ci < consoles.len() && consoles[ci].script_index <= si {
                self.console(o, consoles[ci]);
                ci += 1;
            }
            if let Some(e) = &run.error {
                self.failures += 1;
                o.push_str(&self.paint(
                    RED_BOLD,
                    &format!(
                        "{:>3}{} {} in {}-script",
                        self.failures, self.sym.err_dot, e.name, listen
                    ),
                ));
                o.push('\n');
            }
        }
        while ci < consoles.len() {
            self.console(o, consoles[ci]);
            ci += 1;
        }
    }

    fn assertion(&mut self, o: &mut String, a: &crate::script::Assertion) {
        if a.error.is_some() {
            self.failures += 1;
        }
        if self.s.no_assertions {
            return;
        }
        if a.skipped {
            if !self.s.no_success_assertions {
                o.push_str(&format!(
                    "{} {}\n",
                    self.paint(CYAN, "  - "),
                    self.paint(CYAN, &format!("[skipped] {}", a.name))
                ));
            }
        } else if a.error.is_none() {
            if !self.s.no_success_assertions {
                o.push_str(&format!(
                    "{} {}\n",
                    self.paint(GREEN, &format!("  {} ", self.sym.ok)),
                    self.paint(GRAY, &a.name)
                ));
            }
        } else {
            o.push_str(&format!(
                "{} {}\n",
                self.paint(RED_BOLD, &format!("{:>3}{}", self.failures, self.sym.dot)),
                self.paint(RED_BOLD, &a.name)
            ));
        }
    }

    fn console(&self, o: &mut String, c: &crate::script::ConsoleEntry) {
        if self.s.no_console {
            return;
        }
        let style = match c.level {
            ConsoleLevel::Warn => YELLOW,
            ConsoleLevel::Error => RED,
            _ => GRAY,
        };
        let joined = c.messages.join(", ");
        o.push_str(&self.paint(style, &format!("  {}", self.sym.top)));
        o.push('\n');
        // Newman wraps console text with word-wrap's `cut` mode: every line
        // is cut into chunks of the width, and empty lines disappear.
        let width = console_width();
        let mut any = false;
        for line in joined.split('\n') {
            let chars: Vec<char> = line.chars().collect();
            for chunk in chars.chunks(width) {
                let text: String = chunk.iter().collect();
                if text.trim().is_empty() {
                    continue;
                }
                any = true;
                o.push_str(&format!(
                    "  {} {}\n",
                    self.paint(style, self.sym.middle),
                    self.paint(GRAY, &text)
                ));
            }
        }
        if !any {
            o.push_str(&format!("  {} \n", self.paint(style, self.sym.middle)));
        }
        o.push_str(&self.paint(style, &format!("  {}", self.sym.bottom)));
        o.push('\n');
    }

    fn finished(&mut self, summary: &RunSummary) -> std::io::Result<()> {
        let mut o = String::new();
        if !self.s.no_summary {
            o.push('\n');
            o.push_str(&self.summary_table(summary));
            o.push('\n');
        }
        if !self.s.no_failures && !summary.failures.is_empty() {
            o.push('\n');
            o.push_str(&self.failure_table(summary));
            o.push('\n');
        }
        self.out.write_all(o.as_bytes())?;
        self.out.flush()
    }

    fn summary_table(&self, summary: &RunSummary) -> String {
        let st = &summary.stats;
        let rows = [
            ("iterations", st.iterations),
            ("requests", st.requests),
            ("test-scripts", st.test_scripts),
            ("prerequest-scripts", st.prerequest_scripts),
            ("assertions", st.assertions),
        ];
        let t = &summary.timings;
        let mut spans = vec![
            format!(
                "total run duration: {}",
                prettyms(t.completed.saturating_sub(t.started) as f64)
            ),
            format!(
                "total data received: {} (approx)",
                filesize(summary.transfers_response_total)
            ),
        ];
        let flaky = st.flaky.filter(|f| f.total > 0);
        if t.response_average != 0.0 {
            spans.push(format!(
                "average response time: {} [min: {}, max: {}, s.d.: {}]",
                prettyms(t.response_average),
                prettyms(t.response_min),
                prettyms(t.response_max),
                prettyms(t.response_sd)
            ));
        }
        // postgate's own row comes after Newman's, so table parsers keep
        // reading Newman's rows as they are.
        if let Some(f) = flaky {
            spans.push(if f.failed > 0 {
                format!(
                    "flaky requests: {} (failing the run: --fail-on-flaky)",
                    f.total
                )
            } else {
                format!("flaky requests: {} (passed only on a retry)", f.total)
            });
        }
        // Column widths as cli-table3 computes them: the first is fixed at
        // 25; the others fit their content, then grow one at a time, in
        // turn, until each full-width row fits.
        let mut w = [25usize, "executed".len() + 2, "  failed".len() + 2];
        for (_, s) in &rows {
            w[1] = w[1].max(s.total.to_string().len() + 2);
            w[2] = w[2].max(s.failed.to_string().len() + 2);
        }
        for span in &spans {
            let desired = span.chars().count() + 2;
            let mut existing = w[0] + w[1] + w[2] + 2;
            let mut i = 0;
            while existing < desired {
                w[1 + (i % 2)] += 1;
                existing += 1;
                i += 1;
            }
        }
        let (h, v, tl, tm, tr, ml, mm, mr, bl, bm, br, bmid) = if self.s.disable_unicode {
            ("-", "|", "-", "-", "-", "-", "+", "-", "-", "-", "-", "-")
        } else {
            ("─", "│", "┌", "┬", "┐", "├", "┼", "┤", "└", "┴", "┘", "┴")
        };
        let border = |s: &str| self.paint(GRAY, s);
        let line = |l: &str, m: &str, r: &str| -> String {
            border(&format!(
                "{l}{}{m}{}{m}{}{r}",
                h.repeat(w[0]),
                h.repeat(w[1]),
                h.repeat(w[2])
            ))
        };
        let cell = |text: &str, width: usize, styled: String| -> String {
            let pad = width.saturating_sub(text.chars().count() + 2);
            format!(" {}{styled} ", " ".repeat(pad))
        };
        let mut out = String::new();
        out.push_str(&line(tl, tm, tr));
        out.push('\n');
        out.push_str(&format!(
            "{v}{}{v}{}{v}{}{v}\n",
            cell("", w[0], String::new()),
            cell("executed", w[1], "executed".into()),
            cell("  failed", w[2], "  failed".into()),
            v = border(v)
        ));
        for (label, s) in rows {
            out.push_str(&line(ml, mm, mr));
            out.push('\n');
            let label_style = if s.failed > 0 { RED } else { GREEN };
            let failed = s.failed.to_string();
            let failed_styled = if s.failed > 0 {
                self.paint(RED, &failed)
            } else {
                failed.clone()
            };
            out.push_str(&format!(
                "{v}{}{v}{}{v}{}{v}\n",
                cell(label, w[0], self.paint(label_style, label)),
                cell(&s.total.to_string(), w[1], s.total.to_string()),
                cell(&failed, w[2], failed_styled),
                v = border(v)
            ));
        }
        let inner = w[0] + w[1] + w[2] + 2;
        for (i, span) in spans.iter().enumerate() {
            if i == 0 {
                out.push_str(&line(ml, bmid, mr));
            } else {
                out.push_str(&border(&format!("{ml}{}{mr}", h.repeat(inner))));
            }
            out.push('\n');
            let pad = inner.saturating_sub(span.chars().count() + 1);
            out.push_str(&format!(
                "{v} {span}{}{v}\n",
                " ".repeat(pad),
                v = border(v)
            ));
        }
        out.push_str(&border(&format!("{bl}{}{br}", h.repeat(inner))));
        let _ = bm;
        out
    }

    fn failure_table(&self, summary: &RunSummary) -> String {
        let n = summary.failures.len();
        let digits = n.to_string().len();
        let multi = summary.failures.iter().any(|f| f.cursor.cycles > 1);
        let mut rows: Vec<[Vec<String>; 3]> = Vec::new();
        for (i, f) in summary.failures.iter().enumerate() {
            let idx = format!("{:>digits$}.", i + 1);
            let mut name = vec![f.error.name.clone()];
            if multi && f.cursor.cycles > 1 {
                name.push(format!("iteration: {}", f.cursor.iteration + 1));
            }
            let mut detail: Vec<String> = vec![f.test.clone()];
            detail.extend(f.error.message.split('\n').map(str::to_string));
            detail.push(format!("at {}", f.at));
            let inside = if f.is_request_error {
                ""
            } else {
                f.source.full_name.as_str()
            };
            detail.push(format!("inside \"{inside}\""));
            rows.push([vec![idx], name, detail]);
        }
        let head = ["#", "failure", "detail"];
        let mut w = [0usize; 3];
        for c in 0..3 {
            w[c] = head[c].chars().count() + 2;
            for r in &rows {
                for l in &r[c] {
                    w[c] = w[c].max(l.chars().count() + 2);
                }
            }
        }
        let mut out = String::new();
        let pad_right = |s: &str, width: usize| {
            format!(
                " {s}{} ",
                " ".repeat(width.saturating_sub(s.chars().count() + 2))
            )
        };
        let pad_left = |s: &str, width: usize| {
            format!(
                " {}{s} ",
                " ".repeat(width.saturating_sub(s.chars().count() + 2))
            )
        };
        out.push_str(&self.paint(RED, &pad_left("#", w[0])));
        out.push_str(&self.paint(RED, &pad_right("failure", w[1])));
        out.push_str(&self.paint(RED, &pad_right("detail", w[2])));
        out.push('\n');
        let sep = " ".repeat(w[0] + w[1] + w[2]);
        for r in &rows {
            out.push_str(&sep);
            out.push('\n');
            let lines = r.iter().map(Vec::len).max().unwrap_or(1);
            for li in 0..lines {
                let get = |c: usize| r[c].get(li).map(String::as_str).unwrap_or("");
                out.push_str(&pad_left(get(0), w[0]));
                out.push_str(&pad_right(get(1), w[1]));
                out.push_str(&pad_right(get(2), w[2]));
                out.push('\n');
            }
        }
        out.pop();
        out
    }
}

/// The line under a retried request: `⟳ flaky: passed on attempt 3 of 4
/// (attempt 1: 500 Internal Server Error, …)`.
fn retry_line(rec: &ExecutionRecord, symbol: &str) -> Option<String> {
    if rec.attempts.is_empty() {
        return None;
    }
    let list = rec
        .attempts
        .iter()
        .map(|a| format!("attempt {}: {}", a.number, a.summary()))
        .collect::<Vec<_>>()
        .join(", ");
    let (n, max) = (
        rec.attempt_number(),
        rec.max_attempts.max(rec.attempt_number()),
    );
    Some(if !rec.failed() {
        format!("  {symbol} flaky: passed on attempt {n} of {max} ({list})")
    } else if n == max {
        format!("  {symbol} retried: failed all {max} attempts ({list})")
    } else {
        format!("  {symbol} retried: failed on attempt {n} of {max}, not retried further ({list})")
    })
}

/// The console wrap width: Newman uses the terminal's width less 6, or 54
/// when the output is not a terminal.
fn console_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        if let Some(cols) = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse::<usize>().ok())
        {
            if cols > 20 {
                return cols - 6;
            }
        }
    }
    54
}

impl<W: Write + Send> Reporter for CliReporter<W> {
    fn name(&self) -> &'static str {
        "cli"
    }

    fn on_event(&mut self, event: &RunEvent) -> std::io::Result<()> {
        match event {
            RunEvent::Started { collection, .. } => {
                let mut o = String::new();
                if !self.s.no_banner {
                    o.push_str("newman\n\n");
                }
                let name = if collection.name.is_empty() {
                    &collection.id
                } else {
                    &collection.name
                };
                if !name.is_empty() {
                    o.push_str(name);
                    o.push('\n');
                }
                self.out.write_all(o.as_bytes())
            }
            RunEvent::IterationStarted { iteration, cycles } => {
                if *cycles > 1 {
                    let text = format!("Iteration {}/{}", iteration + 1, cycles);
                    let styled = self.paint(GRAY.effects(Effects::UNDERLINE), &text);
                    writeln!(self.out, "\n{styled}")?;
                }
                Ok(())
            }
            RunEvent::Execution(rec) => self.execution(rec),
            RunEvent::IterationFinished { .. } => Ok(()),
            RunEvent::Finished(summary) => self.finished(summary),
        }
    }
}

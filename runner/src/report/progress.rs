//! The `progress` reporter (`-r progress`): one progress bar on stderr,
//! drawn with indicatif, while the run goes. Nothing is drawn when stderr
//! is not a terminal (CI logs, pipes) or with `--silent`.
//!
//! The bar's length is items × iterations; `setNextRequest` can make a run
//! longer or shorter, so the length grows when the count passes it, and
//! the bar is cleared at the end either way.

use std::io::{self, IsTerminal};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Reporter;
use crate::run::RunEvent;

pub struct ProgressReporter {
    bar: Option<ProgressBar>,
    enabled: bool,
    failed: usize,
    done: u64,
}

impl ProgressReporter {
    /// A reporter that draws only when stderr is a terminal and `silent`
    /// is off.
    pub fn new(silent: bool) -> Self {
        Self::with_target(!silent && io::stderr().is_terminal())
    }

    /// `enabled: false` draws nothing (the events are still counted).
    pub fn with_target(enabled: bool) -> Self {
        ProgressReporter {
            bar: None,
            enabled,
            failed: 0,
            done: 0,
        }
    }

    fn start(&mut self, total: u64) {
        let target = if self.enabled {
            ProgressDrawTarget::stderr_with_hz(10)
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(Some(total), target);
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} {prefix}[{elapsed_precise}] {wide_bar} {pos}/{len} {msg}",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.enable_steady_tick(Duration::from_millis(200));
        self.bar = Some(bar);
    }

    /// Executions counted so far (for tests).
    pub fn done(&self) -> u64 {
        self.done
    }
}

impl Reporter for ProgressReporter {
    fn name(&self) -> &'static str {
        "progress"
    }

    fn on_event(&mut self, event: &RunEvent) -> io::Result<()> {
        match event {
            RunEvent::Started { cycles, items, .. } => {
                self.start((*cycles as u64).saturating_mul(*items as u64));
            }
            RunEvent::IterationStarted { iteration, cycles } => {
                if let Some(bar) = &self.bar {
                    if *cycles > 1 {
                        bar.set_prefix(format!("iteration {}/{cycles} ", iteration + 1));
                    }
                }
            }
            RunEvent::Execution(rec) => {
                self.done += 1;
                if rec.failed() {
                    self.failed += 1;
                }
                if let Some(bar) = &self.bar {
                    if bar.length().is_some_and(|len| self.done > len) {
                        bar.set_length(self.done);
                    }
                    bar.set_position(self.done);
                    let failed = if self.failed > 0 {
                        format!("{} failed · ", self.failed)
                    } else {
                        String::new()
                    };
                    bar.set_message(format!("{failed}{}", rec.item.full_name));
                }
            }
            RunEvent::IterationFinished { .. } => {}
            RunEvent::Finished(_) => {
                if let Some(bar) = self.bar.take() {
                    bar.finish_and_clear();
                }
            }
        }
        Ok(())
    }
}

impl Drop for ProgressReporter {
    fn drop(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

//! Reporters on their own thread: [`Background`] takes a listener (the
//! reporter set, which owns the terminal) and feeds it the run's events
//! through a bounded channel, so formatting and writing reports overlaps
//! with the next request instead of holding it up. Events keep their
//! order; the bound makes a slow disk slow the run down rather than let
//! events pile up in memory. Each event carries the position of the run it
//! belongs to, for invocations that run several collections.

use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;

use crate::run::multi::MultiListener;
use crate::run::{RunEvent, RunListener};

use super::ReporterSet;

/// Events queued before the run waits for the reporters to catch up.
const QUEUE: usize = 256;

pub struct Background<L: MultiListener + 'static> {
    tx: Option<SyncSender<(usize, RunEvent)>>,
    handle: Option<JoinHandle<Option<L>>>,
}

impl<L: MultiListener + 'static> Background<L> {
    /// Start the reporter thread. When the system refuses a thread, the
    /// listener comes back with the error and the caller reports inline.
    pub fn spawn(listener: L) -> Result<Self, (L, std::io::Error)> {
        let (tx, rx) = sync_channel::<(usize, RunEvent)>(QUEUE);
        // The listener is handed over only once the thread runs, so a
        // refused thread cannot take it down with it.
        let (give, take) = sync_channel::<L>(1);
        let spawned = std::thread::Builder::new()
            .name("postgate-reporters".into())
            .spawn(move || {
                let mut listener = take.recv().ok()?;
                for (run, event) in rx {
                    listener.on_run_event(run, &event);
                }
                Some(listener)
            });
        match spawned {
            Ok(handle) => match give.send(listener) {
                Ok(()) => Ok(Background {
                    tx: Some(tx),
                    handle: Some(handle),
                }),
                Err(back) => Err((back.0, std::io::Error::other("the reporter thread stopped"))),
            },
            Err(e) => Err((listener, e)),
        }
    }

    /// Wait until every event sent so far is reported; the listener back.
    /// `None` when the reporter thread panicked.
    pub fn finish(mut self) -> Option<L> {
        self.tx.take();
        self.handle.take().and_then(|h| h.join().ok().flatten())
    }
}

impl<L: MultiListener + 'static> MultiListener for Background<L> {
    fn on_run_event(&mut self, run: usize, event: &RunEvent) {
        if let Some(tx) = &self.tx {
            // A closed channel means the reporter thread is gone (it
            // panicked); `finish` says so.
            let _ = tx.send((run, event.clone()));
        }
    }
}

impl<L: MultiListener + 'static> RunListener for Background<L> {
    fn on_event(&mut self, event: &RunEvent) {
        self.on_run_event(0, event);
    }
}

/// The reporter set on its own thread, or inline when the system refuses a
/// thread.
pub enum Reporting {
    Thread(Background<ReporterSet>),
    Inline(ReporterSet),
}

impl Reporting {
    pub fn start(reporters: ReporterSet) -> Self {
        match Background::spawn(reporters) {
            Ok(bg) => Reporting::Thread(bg),
            Err((reporters, _)) => Reporting::Inline(reporters),
        }
    }

    /// Wait until every event is reported; the reporter set back.
    pub fn finish(self) -> ReporterSet {
        match self {
            Reporting::Thread(bg) => bg.finish().unwrap_or_else(|| ReporterSet {
                errors: vec!["the reporters stopped on an internal error".into()],
                ..ReporterSet::default()
            }),
            Reporting::Inline(reporters) => reporters,
        }
    }
}

impl MultiListener for Reporting {
    fn on_run_event(&mut self, run: usize, event: &RunEvent) {
        match self {
            Reporting::Thread(bg) => bg.on_run_event(run, event),
            Reporting::Inline(reporters) => reporters.on_run_event(run, event),
        }
    }
}

impl RunListener for Reporting {
    fn on_event(&mut self, event: &RunEvent) {
        self.on_run_event(0, event);
    }
}

impl<L: MultiListener + 'static> Drop for Background<L> {
    fn drop(&mut self) {
        self.tx.take();
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

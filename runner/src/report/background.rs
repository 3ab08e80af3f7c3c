//! Reporters on their own thread: [`Background`] takes a listener (the
//! reporter set, which owns the terminal) and feeds it the run's events
//! through a bounded channel, so formatting and writing reports overlaps
//! with the next request instead of holding it up. Events keep their
//! order; the bound makes a slow disk slow the run down rather than let
//! events pile up in memory.

use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;

use crate::run::{RunEvent, RunListener};

/// Events queued before the run waits for the reporters to catch up.
const QUEUE: usize = 256;

pub struct Background<L: RunListener + 'static> {
    tx: Option<SyncSender<RunEvent>>,
    handle: Option<JoinHandle<Option<L>>>,
}

impl<L: RunListener + 'static> Background<L> {
    /// Start the reporter thread. When the system refuses a thread, the
    /// listener comes back with the error and the caller reports inline.
    pub fn spawn(listener: L) -> Result<Self, (L, std::io::Error)> {
        let (tx, rx) = sync_channel::<RunEvent>(QUEUE);
        // The listener is handed over only once the thread runs, so a
        // refused thread cannot take it down with it.
        let (give, take) = sync_channel::<L>(1);
        let spawned = std::thread::Builder::new()
            .name("postgate-reporters".into())
            .spawn(move || {
                let mut listener = take.recv().ok()?;
                for event in rx {
                    listener.on_event(&event);
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

impl<L: RunListener + 'static> RunListener for Background<L> {
    fn on_event(&mut self, event: &RunEvent) {
        if let Some(tx) = &self.tx {
            // A closed channel means the reporter thread is gone (it
            // panicked); `finish` says so.
            let _ = tx.send(event.clone());
        }
    }
}

impl<L: RunListener + 'static> Drop for Background<L> {
    fn drop(&mut self) {
        self.tx.take();
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

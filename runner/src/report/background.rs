//! Reporters on their own thread: [`Background`] takes a listener (the
//! reporter set, which owns the terminal) and feeds it the run's events
//! through a bounded queue, so formatting and writing reports overlaps
//! with the next request instead of holding it up. Events keep their
//! order; the bound makes a slow disk slow the run down rather than let
//! events pile up in memory. Each event carries the position of the run it
//! belongs to, for invocations that run several collections.
//!
//! The queue wakes the reporter thread only for the events a reader waits
//! for (the start and the end of a run) and when a batch has gathered;
//! otherwise the thread looks every [`FLUSH_EVERY`]. Waking a sleeping
//! thread for each execution costs more than formatting it on a virtual
//! machine, and output a few milliseconds late is not seen.

use std::collections::VecDeque;
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::run::multi::MultiListener;
use crate::run::{RunEvent, RunListener};

use super::ReporterSet;

/// Events queued before the run waits for the reporters to catch up.
const QUEUE: usize = 256;

/// Events gathered before the reporter thread is woken.
const BATCH: usize = 32;

/// How often the reporter thread looks for events nobody woke it for.
const FLUSH_EVERY: Duration = Duration::from_millis(20);

struct State {
    events: VecDeque<(usize, RunEvent)>,
    /// No more events will come.
    closed: bool,
    /// The reporter thread has stopped (it panicked): senders must not wait.
    gone: bool,
}

/// The queue between the run and the reporter thread.
struct Queue {
    state: Mutex<State>,
    /// Events are waiting (or the queue closed).
    ready: Condvar,
    /// The reporter thread took events off a full queue.
    space: Condvar,
}

impl Queue {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock leaves plain data behind.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn close(&self) {
        self.lock().closed = true;
        self.ready.notify_one();
    }
}

/// Marks the queue as having no reader when the reporter thread ends,
/// however it ends.
struct Reader(Arc<Queue>);

impl Drop for Reader {
    fn drop(&mut self) {
        self.0.lock().gone = true;
        self.0.space.notify_all();
    }
}

impl Reader {
    /// Every queued event, waiting for some; `None` once the queue is
    /// closed and empty.
    fn next_batch(&self, into: &mut Vec<(usize, RunEvent)>) -> bool {
        let mut state = self.0.lock();
        loop {
            if !state.events.is_empty() {
                into.extend(state.events.drain(..));
                drop(state);
                self.0.space.notify_all();
                return true;
            }
            if state.closed {
                return false;
            }
            state = self
                .0
                .ready
                .wait_timeout(state, FLUSH_EVERY)
                .map(|(g, _)| g)
                .unwrap_or_else(|e| e.into_inner().0);
        }
    }
}

pub struct Background<L: MultiListener + 'static> {
    queue: Option<Arc<Queue>>,
    handle: Option<JoinHandle<Option<L>>>,
}

impl<L: MultiListener + 'static> Background<L> {
    /// Start the reporter thread. When the system refuses a thread, the
    /// listener comes back with the error and the caller reports inline.
    pub fn spawn(listener: L) -> Result<Self, (L, std::io::Error)> {
        let queue = Arc::new(Queue {
            state: Mutex::new(State {
                events: VecDeque::with_capacity(QUEUE),
                closed: false,
                gone: false,
            }),
            ready: Condvar::new(),
            space: Condvar::new(),
        });
        let reader = Reader(queue.clone());
        // The listener is handed over only once the thread runs, so a
        // refused thread cannot take it down with it.
        let (give, take) = sync_channel::<L>(1);
        let spawned = std::thread::Builder::new()
            .name("postgate-reporters".into())
            .spawn(move || {
                let reader = reader;
                let mut listener = take.recv().ok()?;
                let mut batch = Vec::with_capacity(QUEUE);
                while reader.next_batch(&mut batch) {
                    for (run, event) in batch.drain(..) {
                        listener.on_run_event(run, &event);
                    }
                }
                Some(listener)
            });
        match spawned {
            Ok(handle) => match give.send(listener) {
                Ok(()) => Ok(Background {
                    queue: Some(queue),
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
        if let Some(q) = self.queue.take() {
            q.close();
        }
        self.handle.take().and_then(|h| h.join().ok().flatten())
    }
}

impl<L: MultiListener + 'static> MultiListener for Background<L> {
    fn on_run_event(&mut self, run: usize, event: &RunEvent) {
        let Some(queue) = &self.queue else {
            return;
        };
        let mut state = queue.lock();
        while state.events.len() >= QUEUE && !state.gone {
            queue.ready.notify_one();
            state = queue.space.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        // A reporter thread that is gone (it panicked) gets nothing more;
        // `finish` says so.
        if state.gone {
            return;
        }
        let urgent = matches!(event, RunEvent::Started { .. } | RunEvent::Finished(_));
        state.events.push_back((run, event.clone()));
        let wake = urgent || state.events.len() >= BATCH;
        drop(state);
        if wake {
            queue.ready.notify_one();
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
        if let Some(q) = self.queue.take() {
            q.close();
        }
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Collect(Vec<(usize, usize)>);

    impl MultiListener for Collect {
        fn on_run_event(&mut self, run: usize, event: &RunEvent) {
            if let RunEvent::IterationStarted { iteration, .. } = event {
                if *iteration == usize::MAX {
                    panic!("listener failed");
                }
                // a slow reporter, so the queue fills up
                if iteration % 100 == 0 {
                    std::thread::sleep(Duration::from_millis(2));
                }
                self.0.push((run, *iteration));
            }
        }
    }

    fn iteration(i: usize) -> RunEvent {
        RunEvent::IterationStarted {
            iteration: i,
            cycles: 0,
        }
    }

    #[test]
    fn background_reporting_keeps_every_event_in_order_past_a_full_queue() {
        let Ok(mut bg) = Background::spawn(Collect(Vec::new())) else {
            panic!("no reporter thread");
        };
        let n = QUEUE * 4 + 7;
        for i in 0..n {
            bg.on_run_event(i % 3, &iteration(i));
        }
        let Some(Collect(seen)) = bg.finish() else {
            panic!("the listener did not come back");
        };
        let expected: Vec<_> = (0..n).map(|i| (i % 3, i)).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn background_reporting_does_not_hang_the_run_when_a_reporter_panics() {
        let Ok(mut bg) = Background::spawn(Collect(Vec::new())) else {
            panic!("no reporter thread");
        };
        bg.on_run_event(0, &iteration(usize::MAX));
        // far more than the queue holds: a sender must not wait for a
        // reader that is gone
        for i in 0..QUEUE * 3 {
            bg.on_run_event(0, &iteration(i));
        }
        assert!(bg.finish().is_none());
    }
}

//! Several runs side by side into one listener. Each run's events reach the
//! listener whole and in the order the runs were named, whatever order they
//! happen in: the first run's events pass straight through, a later run's
//! are held until every run before it has ended.

use std::sync::{Arc, Mutex, MutexGuard};

use super::events::{RunEvent, RunListener};

/// Consumes the events of several runs, told which run each belongs to.
pub trait MultiListener: Send {
    fn on_run_event(&mut self, run: usize, event: &RunEvent);
}

struct State<L> {
    listener: L,
    /// The run whose events pass straight through.
    current: usize,
    /// Events of later runs, held until their turn.
    held: Vec<Vec<RunEvent>>,
    ended: Vec<bool>,
}

/// The ordering point shared by the runs.
pub struct Ordered<L> {
    state: Mutex<State<L>>,
}

impl<L: MultiListener> Ordered<L> {
    pub fn new(listener: L, runs: usize) -> Arc<Self> {
        Arc::new(Ordered {
            state: Mutex::new(State {
                listener,
                current: 0,
                held: vec![Vec::new(); runs],
                ended: vec![false; runs],
            }),
        })
    }

    fn lock(&self) -> MutexGuard<'_, State<L>> {
        // A listener that panicked leaves nothing half-written that matters
        // here; keep going with what it has.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The listener of run `run` (0-based, in the order the runs were named).
    pub fn feed(self: &Arc<Self>, run: usize) -> Feed<L> {
        Feed {
            ordered: self.clone(),
            run,
        }
    }

    fn event(&self, run: usize, event: &RunEvent) {
        let mut st = self.lock();
        if run == st.current {
            st.listener.on_run_event(run, event);
        } else if let Some(held) = st.held.get_mut(run) {
            held.push(event.clone());
        }
    }

    /// Run `run` has ended (its `Finished` was its last event, or it failed
    /// before it started): the next runs' held events go out.
    pub fn end(&self, run: usize) {
        let mut st = self.lock();
        let st = &mut *st;
        if let Some(e) = st.ended.get_mut(run) {
            *e = true;
        }
        while st.current < st.ended.len() && st.ended[st.current] {
            st.current += 1;
            if let Some(held) = st.held.get_mut(st.current) {
                for event in std::mem::take(held) {
                    st.listener.on_run_event(st.current, &event);
                }
            }
        }
    }

    /// Work with the listener (after the runs, to finish reports).
    pub fn with_listener<R>(&self, f: impl FnOnce(&mut L) -> R) -> R {
        f(&mut self.lock().listener)
    }
}

/// One run's side of [`Ordered`].
pub struct Feed<L> {
    ordered: Arc<Ordered<L>>,
    run: usize,
}

impl<L: MultiListener> RunListener for Feed<L> {
    fn on_event(&mut self, event: &RunEvent) {
        self.ordered.event(self.run, event);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Log(Vec<(usize, usize)>);

    impl MultiListener for Log {
        fn on_run_event(&mut self, run: usize, event: &RunEvent) {
            if let RunEvent::IterationStarted { iteration, .. } = event {
                self.0.push((run, *iteration));
            }
        }
    }

    fn ev(iteration: usize) -> RunEvent {
        RunEvent::IterationStarted {
            iteration,
            cycles: 9,
        }
    }

    #[test]
    fn later_runs_wait_for_earlier_ones_to_end() {
        let o = Ordered::new(Log::default(), 3);
        let (mut a, mut b, mut c) = (o.feed(0), o.feed(1), o.feed(2));
        c.on_event(&ev(0));
        b.on_event(&ev(0));
        a.on_event(&ev(0));
        c.on_event(&ev(1));
        o.end(2);
        b.on_event(&ev(1));
        a.on_event(&ev(1));
        o.end(0);
        b.on_event(&ev(2));
        o.end(1);
        let log = o.with_listener(|l| std::mem::take(&mut l.0));
        assert_eq!(
            log,
            vec![(0, 0), (0, 1), (1, 0), (1, 1), (1, 2), (2, 0), (2, 1)]
        );
    }
}

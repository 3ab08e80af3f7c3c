//! Waiting for a lone fast response without putting the run thread to sleep.
//!
//! When a request is the only one in flight (`--jobs 1`, or a barrier such
//! as a POST), the run thread has nothing to do until the response comes.
//! If it sleeps in the kernel, the response has to wake it, and on virtual
//! machines waking an idle vCPU costs tens of microseconds: more than a
//! loopback server takes to answer. So while the responses of lone requests
//! keep arriving within [`FAST`], the thread keeps polling for up to
//! [`SPIN_FOR`] before it sleeps. A slower server (any real network) turns
//! this off after one response, and requests in flight side by side never
//! spin: the thread has their work to do.

use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A lone response that took at most this long keeps polling on.
pub const FAST: Duration = Duration::from_millis(2);
/// How long one wait polls before it sleeps.
pub const SPIN_FOR: Duration = Duration::from_millis(2);

/// Shared by every send of a run.
#[derive(Debug)]
pub struct BusyPoll {
    in_flight: AtomicUsize,
    /// Whether the last lone wait ended within [`FAST`].
    fast: AtomicBool,
}

impl Default for BusyPoll {
    fn default() -> Self {
        BusyPoll {
            in_flight: AtomicUsize::new(0),
            // the first request finds out
            fast: AtomicBool::new(true),
        }
    }
}

struct InFlight<'a>(&'a AtomicUsize);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

impl BusyPoll {
    /// Await `fut`, polling rather than sleeping while it is alone and
    /// responses are fast.
    pub async fn wait<F: Future>(&self, fut: F) -> F::Output {
        let alone = self.in_flight.fetch_add(1, Ordering::Relaxed) == 0;
        let _guard = InFlight(&self.in_flight);
        if !alone {
            return fut.await;
        }
        let started = Instant::now();
        let out = if self.fast.load(Ordering::Relaxed) {
            // `yield_now` hands the thread back to the runtime, which checks
            // for I/O without blocking before it polls this task again.
            let spin = async {
                while started.elapsed() < SPIN_FOR {
                    tokio::task::yield_now().await;
                }
                std::future::pending::<()>().await
            };
            tokio::select! {
                biased;
                out = fut => out,
                _ = spin => unreachable!("the spin never ends"),
            }
        } else {
            fut.await
        };
        self.fast
            .store(started.elapsed() <= FAST, Ordering::Relaxed);
        out
    }

    /// Whether the next lone wait would poll (for tests).
    pub fn polls_next(&self) -> bool {
        self.in_flight.load(Ordering::Relaxed) == 0 && self.fast.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "current_thread")]
    async fn a_slow_lone_wait_turns_polling_off_and_a_fast_one_back_on() {
        let b = BusyPoll::default();
        assert!(b.polls_next());
        let v = b
            .wait(async {
                tokio::time::sleep(Duration::from_millis(5)).await;
                7
            })
            .await;
        assert_eq!(v, 7);
        assert!(!b.polls_next(), "a 5 ms wait is not fast");
        // without polling the wait completes, and a fast one turns it on
        assert_eq!(b.wait(async { 8 }).await, 8);
        assert!(b.polls_next(), "an instant wait is fast");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn waits_side_by_side_do_not_poll() {
        let b = BusyPoll::default();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let first = b.wait(async {
            let _ = rx.await;
            1
        });
        let second = async {
            assert!(!b.polls_next(), "one wait is in flight");
            let v = b.wait(async { 2 }).await;
            let _ = tx.send(());
            v
        };
        let (a, c) = tokio::join!(first, second);
        assert_eq!((a, c), (1, 2));
        assert!(b.polls_next());
    }
}

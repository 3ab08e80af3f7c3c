//! Rules a release engineer sets for how a run treats an environment that
//! is not quite there yet: a readiness gate before the first item
//! ([`readiness`]) and a retry policy for failed requests ([`retry`]).
//! Design: `docs/design/readiness-and-retry.md`.
//!
//! Delays come from `backon`'s exponential backoff with jitter (the
//! `backoff` crate is unmaintained, RUSTSEC-2025-0012) and are always async
//! sleeps, so they never hold up other requests in flight.

pub mod readiness;
pub mod retry;

use std::time::{Duration, SystemTime};

use backon::BackoffBuilder;

pub use readiness::{wait_until_ready, NotReady, Progress, ReadinessOptions};
pub use retry::{execute_with_retry, RetryOn, RetryOptions, RetryPolicy};

/// Parse a duration as the flags take it: `500ms`, `3s`, `1.5s`, `1m`, or a
/// plain number of milliseconds.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let bad = || {
        format!("invalid duration `{s}`: expected for example 500ms, 3s, 1m or a number of milliseconds")
    };
    let (num, unit) = match t.find(|c: char| !(c.is_ascii_digit() || c == '.')) {
        Some(i) => (&t[..i], t[i..].trim()),
        None => (t, "ms"),
    };
    let n: f64 = num.parse().map_err(|_| bad())?;
    if !n.is_finite() || n < 0.0 {
        return Err(bad());
    }
    let ms = match unit {
        "ms" => n,
        "s" | "sec" | "secs" => n * 1000.0,
        "m" | "min" | "mins" => n * 60_000.0,
        "h" => n * 3_600_000.0,
        _ => return Err(bad()),
    };
    if ms > 1e12 {
        return Err(bad());
    }
    Ok(Duration::from_micros((ms * 1000.0).round() as u64))
}

/// A duration for people: `850ms`, `3.2s`, `1m 5s`.
pub fn fmt_duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms < 1000 {
        format!("{ms}ms")
    } else if ms < 60_000 {
        let s = d.as_secs_f64();
        if ms % 1000 == 0 {
            format!("{}s", ms / 1000)
        } else {
            format!("{s:.1}s")
        }
    } else {
        let secs = d.as_secs();
        let (m, s) = (secs / 60, secs % 60);
        if s == 0 {
            format!("{m}m")
        } else {
            format!("{m}m {s}s")
        }
    }
}

/// The delay a `Retry-After` header asks for: a number of seconds or an
/// HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`); a date in the past is 0.
pub fn retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let v = value.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    if let Ok(secs) = v.parse::<f64>() {
        if secs.is_finite() && secs >= 0.0 {
            return Some(Duration::from_secs_f64(secs.min(1e9)));
        }
        return None;
    }
    // IMF-fixdate is RFC 2822's shape with `GMT`; chrono reads both.
    let when = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    let when = SystemTime::UNIX_EPOCH
        + Duration::from_millis(u64::try_from(when.timestamp_millis()).ok()?);
    Some(when.duration_since(now).unwrap_or(Duration::ZERO))
}

/// `Retry-After` of a response's headers.
pub fn retry_after_header(headers: &[(String, String)], now: SystemTime) -> Option<Duration> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("retry-after"))
        .and_then(|(_, v)| retry_after(v, now))
}

/// Delays for successive waits: `first`, then doubling, each with jitter
/// (up to as much again) and never above `cap`.
pub struct Delays {
    inner: backon::ExponentialBackoff,
    cap: Duration,
}

impl Delays {
    pub fn new(first: Duration, cap: Duration) -> Self {
        let first = first.min(cap);
        Delays {
            inner: backon::ExponentialBuilder::default()
                .with_min_delay(first)
                .with_max_delay(cap)
                .with_factor(2.0)
                .with_jitter()
                .without_max_times()
                .build(),
            cap,
        }
    }

    /// The next delay.
    pub fn next_delay(&mut self) -> Duration {
        self.inner.next().unwrap_or(self.cap).min(self.cap)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_in_every_form() {
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("3s"), Ok(Duration::from_secs(3)));
        assert_eq!(parse_duration("1.5s"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("1m"), Ok(Duration::from_secs(60)));
        assert_eq!(parse_duration("250"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration(" 2 s "), Ok(Duration::from_secs(2)));
        assert!(parse_duration("").is_err());
        assert!(parse_duration("fast").is_err());
        assert!(parse_duration("3d").is_err());
        assert!(parse_duration("-1s").is_err());
    }

    #[test]
    fn durations_format_for_people() {
        assert_eq!(fmt_duration(Duration::from_millis(850)), "850ms");
        assert_eq!(fmt_duration(Duration::from_millis(3200)), "3.2s");
        assert_eq!(fmt_duration(Duration::from_secs(3)), "3s");
        assert_eq!(fmt_duration(Duration::from_secs(65)), "1m 5s");
        assert_eq!(fmt_duration(Duration::from_secs(120)), "2m");
    }

    #[test]
    fn retry_after_takes_seconds_and_http_dates() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_445_412_470);
        assert_eq!(retry_after("1", now), Some(Duration::from_secs(1)));
        assert_eq!(retry_after(" 120 ", now), Some(Duration::from_secs(120)));
        // 2015-10-21T07:28:00Z is 1445412480: ten seconds after `now`.
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon", now), None);
        let headers = vec![("Retry-After".to_string(), "2".to_string())];
        assert_eq!(
            retry_after_header(&headers, now),
            Some(Duration::from_secs(2))
        );
    }

    #[test]
    fn delays_grow_with_jitter_under_the_cap() {
        let mut d = Delays::new(Duration::from_millis(100), Duration::from_millis(500));
        let first = d.next_delay();
        assert!(first >= Duration::from_millis(100) && first <= Duration::from_millis(200));
        let second = d.next_delay();
        assert!(second >= Duration::from_millis(200) && second <= Duration::from_millis(400));
        for _ in 0..10 {
            assert!(d.next_delay() <= Duration::from_millis(500));
        }
    }
}

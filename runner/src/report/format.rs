//! Newman's number formats: durations (`util.prettyms`) and sizes
//! (`filesize` with no spacer, base 10).

/// Newman's `prettyms`: `NNNµs` under 1 ms, `NNNms` under 1998 ms, else
/// `pretty-ms` (`2.3s`, `1m 3.2s`, `1h 2m 3s`).
pub fn prettyms(ms: f64) -> String {
    if !ms.is_finite() || ms < 0.0 {
        return "0µs".into();
    }
    if ms < 1.0 {
        return format!("{}µs", (ms * 1000.0) as u64);
    }
    if ms < 1998.0 {
        return format!("{}ms", ms as u64);
    }
    let total_ms = ms as u64;
    let days = total_ms / 86_400_000;
    let hours = (total_ms / 3_600_000) % 24;
    let minutes = (total_ms / 60_000) % 60;
    let secs_ms = total_ms % 60_000;
    let mut parts = Vec::new();
    if days > 0 {
        parts.push(format!("{days}d"));
    }
    if hours > 0 {
        parts.push(format!("{hours}h"));
    }
    if minutes > 0 {
        parts.push(format!("{minutes}m"));
    }
    if secs_ms > 0 {
        // pretty-ms keeps one decimal, truncated, and drops a trailing ".0".
        let tenths = secs_ms / 100;
        let whole = tenths / 10;
        let frac = tenths % 10;
        if frac == 0 {
            if whole > 0 {
                parts.push(format!("{whole}s"));
            }
        } else {
            parts.push(format!("{whole}.{frac}s"));
        }
    }
    if parts.is_empty() {
        parts.push("0ms".into());
    }
    parts.join(" ")
}

/// `filesize(bytes, {spacer: ''})`: base 10, up to two decimals.
pub fn filesize(bytes: u64) -> String {
    const UNITS: [&str; 6] = ["B", "kB", "MB", "GB", "TB", "PB"];
    if bytes < 1000 {
        return format!("{bytes}B");
    }
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    let rounded = (value * 100.0).round() / 100.0;
    let mut s = format!("{rounded:.2}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    format!("{s}{}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values were produced by Newman 6.2's own helpers
    // (pretty-ms 7 and filesize 10 with `{spacer: ''}`).
    #[test]
    fn durations_match_newman() {
        assert_eq!(prettyms(0.5), "500µs");
        assert_eq!(prettyms(12.7), "12ms");
        assert_eq!(prettyms(1997.0), "1997ms");
        assert_eq!(prettyms(1998.0), "1.9s");
        assert_eq!(prettyms(2000.0), "2s");
        assert_eq!(prettyms(2345.0), "2.3s");
        assert_eq!(prettyms(59999.0), "59.9s");
        assert_eq!(prettyms(60000.0), "1m");
        assert_eq!(prettyms(61234.0), "1m 1.2s");
        assert_eq!(prettyms(3600000.0), "1h");
        assert_eq!(prettyms(3661234.0), "1h 1m 1.2s");
        assert_eq!(prettyms(90061000.0), "1d 1h 1m 1s");
    }

    #[test]
    fn sizes_match_newman() {
        for (b, s) in [
            (0, "0B"),
            (207, "207B"),
            (1000, "1kB"),
            (1023, "1.02kB"),
            (1500, "1.5kB"),
            (10240, "10.24kB"),
            (1048576, "1.05MB"),
            (123456789, "123.46MB"),
        ] {
            assert_eq!(filesize(b), s, "{b}");
        }
    }
}

//! The retry policy: which failed attempts of an item are tried again, how
//! long to wait in between, and putting the variable scopes and cookie jar
//! back before each new attempt so a failed one leaves no trace.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use serde_json::Value;

use crate::collection::Collection;
use crate::http::CookieJar;
use crate::run::executor::{execute_with_jar, ExecContext};
use crate::run::plan::RunItem;
use crate::run::record::{Attempt, Cursor, ExecutionRecord, FailureKind};
use crate::vars::Scopes;

use super::{parse_duration, retry_after_header, Delays};

/// The default first delay before a new attempt.
pub const DEFAULT_RETRY_DELAY: Duration = Duration::from_millis(500);
/// No delay between attempts grows beyond this.
pub const MAX_RETRY_DELAY: Duration = Duration::from_secs(30);
/// A `Retry-After` longer than this is cut to it.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);
/// Retries a collection policy may ask for at most.
const MAX_RETRIES: u64 = 100;

/// Methods whose repetition has the effect of one request (RFC 9110 §9.2.2).
pub const IDEMPOTENT_METHODS: &[&str] = &["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"];

/// Is `method` idempotent?
pub fn idempotent(method: &str) -> bool {
    let m = method.trim().to_ascii_uppercase();
    IDEMPOTENT_METHODS.contains(&m.as_str())
}

/// The failure classes `--retry-on` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryOn {
    pub network: bool,
    pub timeout: bool,
    pub server_error: bool,
    pub too_many_requests: bool,
    pub assertion: bool,
}

impl Default for RetryOn {
    /// `network,timeout,5xx,429`.
    fn default() -> Self {
        RetryOn {
            network: true,
            timeout: true,
            server_error: true,
            too_many_requests: true,
            assertion: false,
        }
    }
}

impl RetryOn {
    /// The names a list may hold.
    pub const NAMES: &'static [&'static str] = &["network", "timeout", "5xx", "429", "assertion"];

    pub fn none() -> Self {
        RetryOn {
            network: false,
            timeout: false,
            server_error: false,
            too_many_requests: false,
            assertion: false,
        }
    }

    /// Read a list of names (`network`, `timeout`, `5xx`, `429`,
    /// `assertion`; case does not matter, empty entries are skipped).
    pub fn parse<S: AsRef<str>>(names: &[S]) -> Result<RetryOn, String> {
        let mut on = RetryOn::none();
        for name in names {
            let n = name.as_ref().trim().to_ascii_lowercase();
            match n.as_str() {
                "network" => on.network = true,
                "timeout" => on.timeout = true,
                "5xx" => on.server_error = true,
                "429" => on.too_many_requests = true,
                "assertion" | "assertions" => on.assertion = true,
                "" => {}
                other => {
                    return Err(format!(
                        "unknown retry condition `{other}`: expected network, timeout, 5xx, 429 or assertion"
                    ))
                }
            }
        }
        Ok(on)
    }

    pub fn matches(&self, kind: FailureKind) -> bool {
        match kind {
            FailureKind::Network => self.network,
            FailureKind::Timeout => self.timeout,
            FailureKind::ServerError => self.server_error,
            FailureKind::TooManyRequests => self.too_many_requests,
            FailureKind::Assertion => self.assertion,
            FailureKind::Permanent => false,
        }
    }

    /// The list as `--retry-on` writes it.
    pub fn names(&self) -> Vec<&'static str> {
        let flags = [
            self.network,
            self.timeout,
            self.server_error,
            self.too_many_requests,
            self.assertion,
        ];
        Self::NAMES
            .iter()
            .zip(flags)
            .filter(|(_, on)| *on)
            .map(|(n, _)| *n)
            .collect()
    }
}

/// The retry options of the command line: the defaults every item starts
/// from before its collection policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryOptions {
    /// `--retries`: extra attempts.
    pub retries: u32,
    /// `--retry-delay`: the first delay.
    pub delay: Duration,
    /// `--retry-on`.
    pub on: RetryOn,
    /// `--retry-non-idempotent`.
    pub non_idempotent: bool,
    /// `--fail-on-flaky`.
    pub fail_on_flaky: bool,
}

impl Default for RetryOptions {
    fn default() -> Self {
        RetryOptions {
            retries: 0,
            delay: DEFAULT_RETRY_DELAY,
            on: RetryOn::default(),
            non_idempotent: false,
            fail_on_flaky: false,
        }
    }
}

/// The policy in force for one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    pub retries: u32,
    pub delay: Duration,
    pub on: RetryOn,
    pub non_idempotent: bool,
}

impl From<&RetryOptions> for RetryPolicy {
    fn from(o: &RetryOptions) -> Self {
        RetryPolicy {
            retries: o.retries,
            delay: o.delay,
            on: o.on,
            non_idempotent: o.non_idempotent,
        }
    }
}

/// The key of `protocolProfileBehavior` that holds postgate's policy.
pub const PPB_KEY: &str = "postgate";

impl RetryPolicy {
    /// Attempts allowed in all.
    pub fn max_attempts(&self) -> usize {
        self.retries as usize + 1
    }

    /// The policy of `item`: the command line's, overridden field by field
    /// by `protocolProfileBehavior.postgate` of the collection, then of each
    /// folder, then of the request.
    pub fn for_item(
        options: &RetryOptions,
        collection: &Collection,
        item: &RunItem,
    ) -> Result<RetryPolicy, String> {
        let mut p = RetryPolicy::from(options);
        let levels = std::iter::once(&collection.protocol_profile_behavior)
            .chain(item.folders.iter().map(|f| &f.protocol_profile_behavior))
            .chain(std::iter::once(&item.item.protocol_profile_behavior));
        for ppb in levels {
            if let Some(v) = ppb.get(PPB_KEY) {
                p.apply(v).map_err(|e| {
                    format!(
                        "protocolProfileBehavior.{PPB_KEY} of \"{}\": {e}",
                        item.full_name
                    )
                })?;
            }
        }
        Ok(p)
    }

    /// Apply one level's `postgate` object.
    fn apply(&mut self, v: &Value) -> Result<(), String> {
        let Value::Object(o) = v else {
            return Err("expected an object".into());
        };
        for (k, v) in o {
            match k.as_str() {
                "retries" => self.retries = retries_value(v)?,
                "retryOn" => self.on = retry_on_value(v)?,
                "retryDelay" => self.delay = delay_value(v)?,
                "retryNonIdempotent" => {
                    self.non_idempotent = v
                        .as_bool()
                        .ok_or("retryNonIdempotent: expected true or false")?
                }
                other => {
                    return Err(format!(
                        "unknown field `{other}` (expected retries, retryOn, retryDelay, retryNonIdempotent)"
                    ))
                }
            }
        }
        Ok(())
    }

    /// May this failed attempt be tried again?
    fn allows(&self, rec: &ExecutionRecord) -> Option<FailureKind> {
        let kind = rec.failure_kind()?;
        if !self.on.matches(kind) {
            return None;
        }
        let method = rec
            .request
            .as_ref()
            .map(|s| s.prepared.method.as_str())
            .unwrap_or(rec.item.item.request.method.as_str());
        if !self.non_idempotent && !idempotent(method) {
            return None;
        }
        Some(kind)
    }
}

fn retries_value(v: &Value) -> Result<u32, String> {
    let n = match v {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse::<u64>().ok(),
        _ => None,
    };
    match n {
        Some(n) if n <= MAX_RETRIES => Ok(n as u32),
        _ => Err(format!(
            "retries: expected a whole number from 0 to {MAX_RETRIES}"
        )),
    }
}

fn retry_on_value(v: &Value) -> Result<RetryOn, String> {
    let names: Vec<String> = match v {
        Value::String(s) => s.split(',').map(str::to_string).collect(),
        Value::Array(a) => a
            .iter()
            .map(|x| {
                x.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| "retryOn: expected a list of names".to_string())
            })
            .collect::<Result<_, _>>()?,
        _ => return Err("retryOn: expected a list of names".into()),
    };
    RetryOn::parse(&names).map_err(|e| format!("retryOn: {e}"))
}

fn delay_value(v: &Value) -> Result<Duration, String> {
    match v {
        Value::Number(n) => n
            .as_f64()
            .filter(|x| x.is_finite() && *x >= 0.0 && *x <= 1e9)
            .map(|ms| Duration::from_micros((ms * 1000.0) as u64))
            .ok_or_else(|| "retryDelay: expected milliseconds or a duration".into()),
        Value::String(s) => parse_duration(s).map_err(|e| format!("retryDelay: {e}")),
        _ => Err("retryDelay: expected milliseconds or a duration such as \"200ms\"".into()),
    }
}

/// The policy of every item of a plan, and whether any retries at all.
pub fn policies(
    options: &RetryOptions,
    collection: &Collection,
    items: &[Arc<RunItem>],
) -> Result<Vec<RetryPolicy>, String> {
    items
        .iter()
        .map(|i| RetryPolicy::for_item(options, collection, i))
        .collect()
}

/// Run one item under its policy: attempts until one passes, the policy
/// stops allowing retries or the attempts run out. Before each new attempt
/// the scopes and the jar go back to what they were before the first one.
/// The record returned is the final attempt, the failed ones in
/// `attempts`. Delays are async sleeps inside this future.
pub async fn execute_with_retry(
    cx: &ExecContext,
    item: &Arc<RunItem>,
    scopes: &mut Scopes,
    cursor: Cursor,
    jar: &Arc<CookieJar>,
    policy: &RetryPolicy,
) -> ExecutionRecord {
    let max = policy.max_attempts();
    if max <= 1 {
        return execute_with_jar(cx, item, scopes, cursor, jar).await;
    }
    let scopes_before = scopes.clone();
    let jar_before = jar.snapshot();
    let mut delays = Delays::new(policy.delay, MAX_RETRY_DELAY);
    let mut attempts: Vec<Attempt> = Vec::new();
    loop {
        let mut rec = execute_with_jar(cx, item, scopes, cursor.clone(), jar).await;
        rec.max_attempts = max;
        let number = attempts.len() + 1;
        let kind = if number < max {
            policy.allows(&rec)
        } else {
            None
        };
        let Some(kind) = kind else {
            rec.attempts = attempts;
            return rec;
        };
        let mut delay = delays.next_delay();
        if let Some(resp) = rec
            .response
            .as_ref()
            .filter(|r| matches!(r.code, 429 | 503))
        {
            if let Some(asked) = retry_after_header(&resp.headers, SystemTime::now()) {
                delay = delay.max(asked.min(MAX_RETRY_AFTER));
            }
        }
        let mut attempt = Attempt::from_record(&rec, number, kind);
        attempt.delay = delay;
        attempts.push(attempt);
        drop(rec);
        // A failed attempt leaves no trace in variables or cookies.
        *scopes = scopes_before.clone();
        jar.replace_with(jar_before.snapshot());
        tokio::time::sleep(delay).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn retry_on_lists_parse_and_match() {
        let on = RetryOn::parse(&["5XX", " network", ""]).unwrap_or_else(|e| panic!("{e}"));
        assert!(on.matches(FailureKind::ServerError));
        assert!(on.matches(FailureKind::Network));
        assert!(!on.matches(FailureKind::Timeout));
        assert!(!on.matches(FailureKind::Permanent));
        assert_eq!(on.names(), vec!["network", "5xx"]);
        assert!(RetryOn::parse(&["flaky"]).is_err());
        assert_eq!(
            RetryOn::default().names(),
            vec!["network", "timeout", "5xx", "429"]
        );
    }

    #[test]
    fn only_idempotent_methods_by_default() {
        for m in ["GET", "head", "OPTIONS", "TRACE", "PUT", "DELETE"] {
            assert!(idempotent(m), "{m}");
        }
        for m in ["POST", "PATCH", "CONNECT", "PROPFIND"] {
            assert!(!idempotent(m), "{m}");
        }
    }

    #[test]
    fn collection_policy_overrides_field_by_field() {
        let mut p = RetryPolicy::from(&RetryOptions {
            retries: 1,
            ..RetryOptions::default()
        });
        p.apply(&json!({"retries": 3, "retryOn": ["5xx"]}))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.retries, 3);
        assert!(p.on.server_error && !p.on.network);
        assert_eq!(p.delay, DEFAULT_RETRY_DELAY);
        p.apply(&json!({"retryDelay": "200ms", "retryNonIdempotent": true}))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.delay, Duration::from_millis(200));
        assert!(p.non_idempotent);
        p.apply(&json!({"retryDelay": 50, "retryOn": "network,timeout"}))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.delay, Duration::from_millis(50));
        assert!(p.on.network && p.on.timeout && !p.on.server_error);
        assert!(p.apply(&json!({"retires": 2})).is_err());
        assert!(p.apply(&json!({"retries": -1})).is_err());
        assert!(p.apply(&json!({"retryOn": ["soon"]})).is_err());
        assert!(p.apply(&json!(true)).is_err());
    }
}

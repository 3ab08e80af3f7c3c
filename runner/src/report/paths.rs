//! Where report and export files go, decided as Newman decides it
//! (`lib/run/export-file.js`):
//!
//! * no path: `newman/<name>-<timestamp>-0.<ext>` under the current
//!   directory, where the timestamp is the UTC ISO-8601 time with every run
//!   of non-digits replaced by `-` (`2024-08-20-10-30-00-123-0`);
//! * a path naming an existing directory: the same default name inside it;
//! * any other path: that file, with missing parent directories created.
//!
//! One deliberate difference: a path that ends in a separator (`out/`) is
//! taken as a directory even when it does not exist yet (Newman would write
//! a file called `out`).

use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Utc};

/// Default file names, as Newman names them.
pub const JSON_REPORT: &str = "newman-run-report.json";
pub const JUNIT_REPORT: &str = "newman-run-report.xml";
pub const ENVIRONMENT_EXPORT: &str = "newman-environment.json";
pub const GLOBALS_EXPORT: &str = "newman-globals.json";
pub const COLLECTION_EXPORT: &str = "newman-collection.json";

/// The folder default files go to, relative to the current directory.
pub const DEFAULT_DIR: &str = "newman";

/// `new Date().toISOString()` with every run of non-digits replaced by `-`:
/// `2024-08-20-10-30-00-123-`.
pub fn timestamp(now: SystemTime) -> String {
    let iso = iso_millis(now);
    let mut out = String::with_capacity(iso.len());
    let mut in_gap = false;
    for c in iso.chars() {
        if c.is_ascii_digit() {
            out.push(c);
            in_gap = false;
        } else if !in_gap {
            out.push('-');
            in_gap = true;
        }
    }
    out
}

/// ISO-8601 in UTC with milliseconds, as JavaScript's `toISOString()`.
pub fn iso_millis(t: SystemTime) -> String {
    let dt: DateTime<Utc> = t.into();
    dt.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// ISO-8601 of an epoch-milliseconds value (`new Date(ms).toISOString()`).
pub fn iso_from_epoch_ms(ms: u64) -> String {
    iso_millis(SystemTime::UNIX_EPOCH + std::time::Duration::from_millis(ms))
}

/// `newman-run-report.json` → `newman-run-report-<timestamp>0.json`.
pub fn stamped_name(default_name: &str, now: SystemTime) -> String {
    let (stem, ext) = match default_name.rfind('.') {
        Some(i) if i > 0 => (&default_name[..i], &default_name[i..]),
        _ => (default_name, ""),
    };
    format!("{stem}-{}0{ext}", timestamp(now))
}

/// With several collections, the file of collection `part` (1-based):
/// `-<part>` before the file name's extension (`out/r.json` →
/// `out/r-2.json`), or at its end when it has none. `None` keeps the path.
pub fn numbered(path: PathBuf, part: Option<usize>) -> PathBuf {
    let Some(part) = part else {
        return path;
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let numbered = match name.rfind('.') {
        Some(i) if i > 0 => format!("{}-{part}{}", &name[..i], &name[i..]),
        _ => format!("{name}-{part}"),
    };
    path.with_file_name(numbered)
}

fn ends_with_separator(p: &Path) -> bool {
    let s = p.as_os_str().to_string_lossy();
    s.ends_with('/') || (cfg!(windows) && s.ends_with('\\'))
}

/// Decide the file to write and create the folders it needs.
///
/// `requested` is the user's path (relative paths are taken from `base`),
/// `default_name` the Newman default (`newman-run-report.json`).
pub fn resolve(
    requested: Option<&Path>,
    default_name: &str,
    base: &Path,
    now: SystemTime,
) -> io::Result<PathBuf> {
    let target = match requested.filter(|p| !p.as_os_str().is_empty()) {
        None => {
            let dir = base.join(DEFAULT_DIR);
            std::fs::create_dir_all(&dir)?;
            dir.join(stamped_name(default_name, now))
        }
        Some(p) => {
            let path = base.join(p);
            if path.is_dir() {
                path.join(stamped_name(default_name, now))
            } else if ends_with_separator(p) {
                std::fs::create_dir_all(&path)?;
                path.join(stamped_name(default_name, now))
            } else {
                if let Some(parent) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(parent)?;
                }
                path
            }
        }
    };
    Ok(target)
}

/// An I/O error that names the file (and what it was for), worded like
/// Newman's `error writing file "<path>" for <what>`.
pub fn file_error(e: io::Error, path: &Path, what: &str) -> io::Error {
    let what = if what.is_empty() {
        String::new()
    } else {
        format!(" for {what}")
    };
    io::Error::new(
        e.kind(),
        format!("error writing file \"{}\"{what}: {e}", path.display()),
    )
}

/// A file name for work in progress next to `target` (hidden, unique to
/// this process).
pub fn temp_beside(target: &Path, what: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    dir.join(format!(".{name}.{}.{what}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn t() -> SystemTime {
        // 2024-08-20T10:30:00.123Z
        SystemTime::UNIX_EPOCH + Duration::from_millis(1_724_149_800_123)
    }

    #[test]
    fn timestamp_replaces_non_digits() {
        assert_eq!(iso_millis(t()), "2024-08-20T10:30:00.123Z");
        assert_eq!(timestamp(t()), "2024-08-20-10-30-00-123-");
        assert_eq!(
            stamped_name(JSON_REPORT, t()),
            "newman-run-report-2024-08-20-10-30-00-123-0.json"
        );
        assert_eq!(
            stamped_name(JUNIT_REPORT, t()),
            "newman-run-report-2024-08-20-10-30-00-123-0.xml"
        );
        assert_eq!(
            stamped_name("noext", t()),
            "noext-2024-08-20-10-30-00-123-0"
        );
    }

    #[test]
    fn default_path_goes_to_newman_folder() {
        let dir = tempfile::tempdir().unwrap();
        let p = resolve(None, JSON_REPORT, dir.path(), t()).unwrap();
        assert_eq!(
            p,
            dir.path()
                .join("newman")
                .join("newman-run-report-2024-08-20-10-30-00-123-0.json")
        );
        assert!(dir.path().join("newman").is_dir());
    }

    #[test]
    fn existing_directory_gets_default_name_inside() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("out")).unwrap();
        let p = resolve(Some(Path::new("out")), JUNIT_REPORT, dir.path(), t()).unwrap();
        assert_eq!(
            p,
            dir.path()
                .join("out")
                .join("newman-run-report-2024-08-20-10-30-00-123-0.xml")
        );
    }

    #[test]
    fn trailing_separator_is_a_directory() {
        let dir = tempfile::tempdir().unwrap();
        let p = resolve(Some(Path::new("new/")), ENVIRONMENT_EXPORT, dir.path(), t()).unwrap();
        assert_eq!(
            p,
            dir.path()
                .join("new")
                .join("newman-environment-2024-08-20-10-30-00-123-0.json")
        );
        assert!(dir.path().join("new").is_dir());
    }

    #[test]
    fn file_path_creates_parents() {
        let dir = tempfile::tempdir().unwrap();
        let p = resolve(
            Some(Path::new("a/b/report.json")),
            JSON_REPORT,
            dir.path(),
            t(),
        )
        .unwrap();
        assert_eq!(p, dir.path().join("a/b/report.json"));
        assert!(dir.path().join("a/b").is_dir());
        assert!(!p.exists());
    }

    #[test]
    fn numbered_inserts_the_part_before_the_extension() {
        let p = |s: &str, n| numbered(PathBuf::from(s), n);
        assert_eq!(p("out/r.json", Some(2)), PathBuf::from("out/r-2.json"));
        assert_eq!(p("out/r.json", None), PathBuf::from("out/r.json"));
        assert_eq!(p("report", Some(1)), PathBuf::from("report-1"));
        assert_eq!(p("a.b/.hidden", Some(3)), PathBuf::from("a.b/.hidden-3"));
        assert_eq!(
            p("newman-run-report-2024-08-20-10-30-00-123-0.html", Some(1)),
            PathBuf::from("newman-run-report-2024-08-20-10-30-00-123-0-1.html")
        );
    }

    #[test]
    fn temp_file_is_hidden_sibling() {
        let p = temp_beside(Path::new("/x/y/r.json"), "executions");
        assert_eq!(p.parent(), Some(Path::new("/x/y")));
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with(".r.json.") && name.ends_with(".executions.tmp"),
            "{name}"
        );
    }
}

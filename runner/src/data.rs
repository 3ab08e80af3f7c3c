//! Iteration data files (`-d/--iteration-data`): JSON (an array of objects)
//! or CSV, read the way Newman 6.2 reads them.
//!
//! Newman (`lib/run/options.js`) reads the file as text and tries JSON first;
//! if that throws, or if the parsed value is *falsy* (`0`, `false`, `null`,
//! `""`), it parses the text as CSV with csv-parse 4 (`columns`, `trim`,
//! `relax`, `relax_column_count`, `bom`, `""` as the escape inside quotes) and
//! casts every field with its `csvAutoParse` function. What this module
//! reproduces, all checked against csv-parse 4.16.3 and Newman 6.2.1:
//!
//! * JSON that is an array gives one row per element. Elements that are
//!   objects are rows; arrays become `{"0": …, "1": …}`; any other element
//!   (number, string, `null`) is an empty row. The runtime also replaces
//!   the first row with `{}` when it is not an object, which the same rule
//!   covers.
//! * JSON that is truthy but not an array (`{…}`, `5`, `"x"`, `true`) is
//!   ignored without a word: the run has one iteration (or `-n` of them)
//!   with no data. It gives an empty list here, which the run options treat
//!   exactly like no data file. (We may add a warning later; Newman has none.)
//! * JSON `0`, `false`, `null` or `""` is parsed again as CSV: `null`
//!   becomes a header with no rows, `0` fails (see the header rule below).
//! * CSV: the first record names the columns. Blank lines are **not**
//!   skipped: a blank or whitespace-only line is a record with one empty
//!   field, so it yields a row `{first_column: ""}`. Short records give rows
//!   with only their columns; fields beyond the header are dropped; a
//!   duplicate column keeps its first position and its last value.
//! * The record delimiter is discovered at its first unquoted occurrence
//!   (`\r\n`, `\n` or `\r`) and fixed from then on, so in a file that starts
//!   with CRLF a lone `\n` is part of a field.
//! * Trimming: spaces, tabs, CR, LF and FF are dropped before a field and
//!   around quotes; an unquoted field loses JS-whitespace at its end.
//!   Characters after a closing quote other than those end the parse with
//!   `Invalid Closing Quote`; a quote inside an unquoted field is kept
//!   literally (`relax`); an unterminated quote fails with `Quote Not
//!   Closed`.
//! * Cast (`csvAutoParse`): quoted fields stay strings. An unquoted field
//!   matching `^(-|\+)?([1-9]+[0-9]*)$` becomes a number; otherwise it
//!   becomes `parseFloat(value)` when `value - parseFloat(value) + 1 >= 0`
//!   in JavaScript arithmetic, so `007` → 7, `1e3` → 1000, `1.50` → 1.5,
//!   `-0` → -0 and, quirkily, `0x10`, `0b11` and `0o7` → 0; `Infinity`,
//!   `1e400`, `1.5abc`, `true` and the empty string stay strings.
//! * The cast runs on the header too, and csv-parse rejects a column name
//!   that is not a string: an unquoted numeric header cell (`id,1`) fails
//!   the load with `Invalid column definition`. Newman behaves the same.
//! * Keys are ordered like a JavaScript object's: integer-like keys
//!   (`"0"`, `"12"`) first in ascending order, then the rest in insertion
//!   order. This shows in `pm.iterationData.toObject()` and reports.
//!
//! The CSV reader is hand-written rather than built on the `csv` crate: the
//! cast needs to know whether each field was quoted, which `csv` does not
//! report, and csv-parse's quirks above (blank-line rows, trimming around
//! quotes, the discovered record delimiter, its error lines) differ from
//! RFC 4180 readers in ways a data file can observe.
//!
//! When both JSON and CSV fail, the error is the JSON one (with line and
//! column) if the text starts with `[` or `{`, else the CSV one; Newman
//! always prints the CSV parser's message.

use std::path::Path;

use serde_json::{Map, Number, Value};

use crate::error::{Error, InputKind, Result};

/// One row of iteration data.
pub type Row = Map<String, Value>;

/// Load an iteration data file. JSON is tried first, then CSV.
pub fn load_iteration_data(path: &Path) -> Result<Vec<Row>> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        kind: InputKind::IterationData,
        path: path.to_path_buf(),
        source,
    })?;
    parse_iteration_data(&crate::collection::decode_text(&bytes), path)
}

/// Parse iteration data already read as text (for example fetched from a
/// URL); `source` names it in errors.
pub fn parse_iteration_data(text: &str, source: &Path) -> Result<Vec<Row>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let json_err = match serde_json::from_str::<Value>(js_trim(text)) {
        Ok(value) if is_truthy(&value) => return Ok(json_rows(value)),
        Ok(_) => None,
        Err(e) => Some(e),
    };
    match parse_csv(text) {
        Ok(rows) => Ok(rows),
        Err(csv_err) => {
            let looks_json = matches!(js_trim(text).chars().next(), Some('[' | '{'));
            match json_err {
                Some(e) if looks_json => Err(Error::Json {
                    kind: InputKind::IterationData,
                    path: source.to_path_buf(),
                    line: e.line(),
                    column: e.column(),
                    message: json_message(&e),
                }),
                _ => Err(Error::Shape {
                    kind: InputKind::IterationData,
                    path: source.to_path_buf(),
                    json_path: format!("line {}", csv_err.line),
                    message: csv_err.message,
                }),
            }
        }
    }
}

fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// JavaScript truthiness of a parsed JSON value.
fn is_truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

fn json_rows(value: Value) -> Vec<Row> {
    let Value::Array(items) = value else {
        // Truthy non-array JSON: the runtime replaces it with `[{}]`.
        return Vec::new();
    };
    items
        .into_iter()
        .map(|item| match item {
            Value::Object(o) => {
                js_key_order(o.into_iter().map(|(k, v)| (k, js_numbers(v))).collect())
            }
            Value::Array(a) => a
                .into_iter()
                .enumerate()
                .map(|(i, v)| (i.to_string(), js_numbers(v)))
                .collect(),
            _ => Row::new(),
        })
        .collect()
}

/// JSON.parse gives doubles: integers beyond 2^53 lose precision there.
fn js_numbers(v: Value) -> Value {
    const SAFE: u64 = 1 << 53;
    match v {
        Value::Number(n) => {
            let big = n.as_u64().is_some_and(|u| u > SAFE)
                || n.as_i64().is_some_and(|i| i.unsigned_abs() > SAFE);
            match (big, n.as_f64()) {
                (true, Some(f)) => number_value(f).unwrap_or(Value::Number(n)),
                _ => Value::Number(n),
            }
        }
        Value::Array(a) => Value::Array(a.into_iter().map(js_numbers).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, js_numbers(v))).collect()),
        other => other,
    }
}

/// Is `k` an array index, which JavaScript objects list first?
fn array_index(k: &str) -> Option<u32> {
    if k == "0" {
        return Some(0);
    }
    if k.is_empty() || k.len() > 10 || k.starts_with('0') || !k.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    k.parse::<u32>().ok().filter(|&n| n != u32::MAX)
}

/// Reorder keys the way a JavaScript object enumerates them.
fn js_key_order(row: Row) -> Row {
    if !row.keys().any(|k| array_index(k).is_some()) {
        return row;
    }
    let (mut ints, rest): (Vec<_>, Vec<_>) =
        row.into_iter().partition(|(k, _)| array_index(k).is_some());
    ints.sort_by_key(|(k, _)| array_index(k));
    ints.into_iter().chain(rest).collect()
}

// ---------------------------------------------------------------------------
// CSV

#[derive(Debug, Clone, PartialEq, Eq)]
struct CsvError {
    line: usize,
    message: String,
}

/// A field as read: its text and whether it was quoted.
struct Field {
    text: String,
    quoted: bool,
}

/// csv-parse's trimmable characters (around fields and after quotes).
fn csv_trimmable(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n' | '\u{0C}')
}

struct CsvReader {
    columns: Option<Vec<String>>,
    rows: Vec<Row>,
    record: Vec<Field>,
    field: String,
    was_quoting: bool,
}

impl CsvReader {
    fn end_field(&mut self) {
        let mut text = std::mem::take(&mut self.field);
        if !self.was_quoting {
            let kept = js_trim_end(&text).len();
            text.truncate(kept);
        }
        self.record.push(Field {
            text,
            quoted: self.was_quoting,
        });
        self.was_quoting = false;
    }

    fn end_record(&mut self, line: usize) -> Result<(), CsvError> {
        let record = std::mem::take(&mut self.record);
        let Some(columns) = &self.columns else {
            let mut names = Vec::with_capacity(record.len());
            for (i, f) in record.into_iter().enumerate() {
                match cast(f) {
                    Value::String(s) => names.push(s),
                    other => {
                        return Err(CsvError {
                            line,
                            message: format!(
                                "Invalid column definition: expect a string or a literal object, got {} at position {i}",
                                crate::vars::value_to_text(&other).unwrap_or_default()
                            ),
                        })
                    }
                }
            }
            self.columns = Some(names);
            return Ok(());
        };
        let mut row = Row::new();
        for (name, f) in columns.iter().zip(record) {
            row.insert(name.clone(), cast(f));
        }
        self.rows.push(js_key_order(row));
        Ok(())
    }
}

fn parse_csv(text: &str) -> Result<Vec<Row>, CsvError> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let mut r = CsvReader {
        columns: None,
        rows: Vec::new(),
        record: Vec::new(),
        field: String::new(),
        was_quoting: false,
    };
    let mut delimiter: Option<&'static [char]> = None;
    let mut quoting = false;
    let mut escaping = false;
    // csv-parse's line counter: a CR or LF bumps it when the next character
    // is read, so an unquoted CRLF counts once and a quoted one twice.
    let mut line = 1usize;
    let mut pending_break = false;

    // The record delimiter at `pos`, discovering it on first sight.
    let delimiter_at = |pos: usize, delimiter: &mut Option<&'static [char]>| -> usize {
        match delimiter {
            Some(d) => {
                if chars[pos..].starts_with(d) {
                    d.len()
                } else {
                    0
                }
            }
            None => {
                let found: Option<&'static [char]> = match (chars.get(pos), chars.get(pos + 1)) {
                    (Some('\r'), Some('\n')) => Some(&['\r', '\n']),
                    (Some('\r'), _) => Some(&['\r']),
                    (Some('\n'), _) => Some(&['\n']),
                    _ => None,
                };
                *delimiter = found;
                found.map_or(0, <[char]>::len)
            }
        }
    };

    let mut pos = 0;
    while pos < n {
        if pending_break {
            line += 1;
            pending_break = false;
        }
        let c = chars[pos];
        if c == '\r' || c == '\n' {
            pending_break = true;
        }
        if escaping {
            escaping = false;
        } else {
            if c == '"' {
                if quoting {
                    if chars.get(pos + 1) == Some(&'"') {
                        // `""` inside quotes: the next quote is literal.
                        escaping = true;
                        pos += 1;
                        continue;
                    }
                    let next = chars.get(pos + 1).copied();
                    let closes = match next {
                        None | Some('\0' | ',') => true,
                        Some(nc) => csv_trimmable(nc) || delimiter_at(pos + 1, &mut delimiter) > 0,
                    };
                    if !closes {
                        return Err(CsvError {
                            line,
                            message: "Invalid Closing Quote: found non trimable byte after quote"
                                .into(),
                        });
                    }
                    quoting = false;
                    r.was_quoting = true;
                    pos += 1;
                    continue;
                } else if r.field.is_empty() {
                    quoting = true;
                    pos += 1;
                    continue;
                }
                // A quote inside an unquoted field is an ordinary character.
            }
            if !quoting {
                let len = delimiter_at(pos, &mut delimiter);
                if len > 0 {
                    r.end_field();
                    r.end_record(line)?;
                    pos += len;
                    continue;
                }
                if c == ',' {
                    r.end_field();
                    pos += 1;
                    continue;
                }
            }
        }
        if r.was_quoting {
            // After a closing quote only trimmable characters may follow.
            if !csv_trimmable(c) {
                return Err(CsvError {
                    line,
                    message: "Invalid Closing Quote: found non trimable byte after quote".into(),
                });
            }
        } else if quoting || !r.field.is_empty() || !csv_trimmable(c) {
            r.field.push(c);
        }
        pos += 1;
    }
    if quoting {
        return Err(CsvError {
            line,
            message: "Quote Not Closed: the parsing is finished with an opening quote".into(),
        });
    }
    if r.was_quoting || !r.record.is_empty() || !r.field.is_empty() {
        r.end_field();
        r.end_record(line)?;
    }
    Ok(r.rows)
}

/// Newman's `csvAutoParse`.
fn cast(f: Field) -> Value {
    if f.quoted {
        return Value::String(f.text);
    }
    let number = if is_int_literal(&f.text) {
        Some(js_parse_float(&f.text))
    } else {
        let p = js_parse_float(&f.text);
        // `(value - parseFloat(value) + 1) >= 0`, NaN comparing false.
        (js_to_number(&f.text) - p + 1.0 >= 0.0).then_some(p)
    };
    match number.and_then(number_value) {
        Some(v) => v,
        None => Value::String(f.text),
    }
}

/// `/^(-|\+)?([1-9]+[0-9]*)$/`
fn is_int_literal(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    let b = digits.as_bytes();
    !b.is_empty() && (b'1'..=b'9').contains(&b[0]) && b.iter().all(u8::is_ascii_digit)
}

/// A JS number as a JSON value: integral values as integers, the rest as
/// doubles; `None` for infinities, which JSON cannot hold.
fn number_value(f: f64) -> Option<Value> {
    if f.fract() == 0.0 && f.abs() < 9.2e18 && !(f == 0.0 && f.is_sign_negative()) {
        return Some(Value::Number(Number::from(f as i64)));
    }
    Number::from_f64(f).map(Value::Number)
}

/// JavaScript's WhiteSpace and LineTerminator characters (what `trim()`,
/// `Number()` and `parseFloat` skip).
fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\u{FEFF}'
    )
}

fn js_trim(s: &str) -> &str {
    s.trim_matches(is_js_space)
}

fn js_trim_end(s: &str) -> &str {
    s.trim_end_matches(is_js_space)
}

/// Length of the longest prefix of `s` that is a StrDecimalLiteral (sign,
/// `Infinity` or digits with optional fraction and exponent), and its value.
fn decimal_prefix(s: &str) -> Option<(usize, f64)> {
    let b = s.as_bytes();
    let mut i = 0;
    let negative = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    if s[i..].starts_with("Infinity") {
        let v = if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
        return Some((i + 8, v));
    }
    let digits = |mut j: usize| {
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let int_end = digits(i);
    let mut end = int_end;
    let mut frac_end = int_end;
    if b.get(int_end) == Some(&b'.') {
        frac_end = digits(int_end + 1);
        if int_end > i || frac_end > int_end + 1 {
            end = frac_end;
        }
    }
    if end == i {
        return None;
    }
    let mut exp = "0";
    if matches!(b.get(end), Some(b'e' | b'E')) {
        let mut j = end + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp_end = digits(j);
        if exp_end > j {
            exp = &s[end + 1..exp_end];
            end = exp_end;
        }
    }
    // Rebuild a literal Rust parses: digits "." digits "e" exponent.
    let int_part = if int_end > i { &s[i..int_end] } else { "0" };
    let frac_part = if frac_end > int_end + 1 {
        &s[int_end + 1..frac_end]
    } else {
        "0"
    };
    let literal = format!(
        "{}{int_part}.{frac_part}e{exp}",
        if negative { "-" } else { "" }
    );
    let value = literal.parse::<f64>().unwrap_or(f64::NAN);
    Some((end, value))
}

/// JavaScript `parseFloat(s)`.
fn js_parse_float(s: &str) -> f64 {
    let t = s.trim_start_matches(is_js_space);
    decimal_prefix(t).map_or(f64::NAN, |(_, v)| v)
}

/// JavaScript `Number(s)` for a string (StringToNumber).
fn js_to_number(s: &str) -> f64 {
    let t = js_trim(s);
    if t.is_empty() {
        return 0.0;
    }
    let radix = match t.get(..2) {
        Some("0x" | "0X") => 16,
        Some("0o" | "0O") => 8,
        Some("0b" | "0B") => 2,
        _ => 0,
    };
    if radix != 0 {
        let digits = &t[2..];
        if digits.is_empty() {
            return f64::NAN;
        }
        let mut v = 0f64;
        for c in digits.chars() {
            match c.to_digit(radix) {
                Some(d) => v = v * f64::from(radix) + f64::from(d),
                None => return f64::NAN,
            }
        }
        return v;
    }
    match decimal_prefix(t) {
        Some((len, v)) if len == t.len() => v,
        _ => f64::NAN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn csv(text: &str) -> Vec<Value> {
        parse_csv(text)
            .unwrap()
            .into_iter()
            .map(Value::Object)
            .collect()
    }

    fn csv_err(text: &str) -> CsvError {
        parse_csv(text).unwrap_err()
    }

    fn cast_unquoted(s: &str) -> Value {
        cast(Field {
            text: s.to_string(),
            quoted: false,
        })
    }

    fn parse(text: &str) -> Result<Vec<Row>> {
        parse_iteration_data(text, Path::new("data.csv"))
    }

    #[test]
    fn cast_table() {
        // Each expectation was checked against csv-parse 4 with Newman's cast.
        let cases: &[(&str, Value)] = &[
            ("1", json!(1)),
            ("+5", json!(5)),
            ("-12", json!(-12)),
            ("007", json!(7)),
            ("00", json!(0)),
            ("0", json!(0)),
            ("1e3", json!(1000)),
            ("1.50", json!(1.5)),
            (".5", json!(0.5)),
            ("5.", json!(5)),
            ("-0.5", json!(-0.5)),
            ("0.0", json!(0)),
            ("0x10", json!(0)),
            ("0b11", json!(0)),
            ("0o7", json!(0)),
            ("1e-400", json!(0)),
            ("9007199254740993", json!(9007199254740992i64)),
            (
                "123456789012345678901234567890",
                json!(1.2345678901234568e29),
            ),
            ("\u{0B}1", json!(1)),
            ("1.5abc", json!("1.5abc")),
            ("true", json!("true")),
            ("abc", json!("abc")),
            ("", json!("")),
            ("Infinity", json!("Infinity")),
            ("-Infinity", json!("-Infinity")),
            ("1e400", json!("1e400")),
            ("NaN", json!("NaN")),
            ("-", json!("-")),
            ("+", json!("+")),
            ("1e", json!("1e")),
            ("1_000", json!("1_000")),
            ("12 34", json!("12 34")),
            ("-0x10", json!("-0x10")),
            ("0x", json!("0x")),
        ];
        for (input, want) in cases {
            assert_eq!(&cast_unquoted(input), want, "cast of {input:?}");
        }
        // -0 is kept as a negative zero double.
        let v = cast_unquoted("-0");
        assert!(
            v.as_f64().is_some_and(|f| f == 0.0 && f.is_sign_negative()),
            "{v:?}"
        );
        // Quoted fields are never cast.
        assert_eq!(
            cast(Field {
                text: "12".into(),
                quoted: true
            }),
            json!("12")
        );
    }

    #[test]
    fn basic_rows_and_types() {
        assert_eq!(csv("a,b\n1,2\n"), vec![json!({"a": 1, "b": 2})]);
        assert_eq!(csv("a,b\n1,2"), vec![json!({"a": 1, "b": 2})]);
        assert_eq!(csv("a,b\nx,\"7\"\n"), vec![json!({"a": "x", "b": "7"})]);
        assert_eq!(csv("a b\n1 2\n"), vec![json!({"a b": "1 2"})]);
    }

    #[test]
    fn quoted_commas_doubled_quotes_and_newlines() {
        assert_eq!(csv("a,b\n\"x, y\",2\n"), vec![json!({"a": "x, y", "b": 2})]);
        assert_eq!(
            csv("a,b\n\"a\"\"b\",c\n"),
            vec![json!({"a": "a\"b", "b": "c"})]
        );
        assert_eq!(csv("a\n\"x\"\"\"\n"), vec![json!({"a": "x\""})]);
        assert_eq!(csv("a\n\"\"\n"), vec![json!({"a": ""})]);
        assert_eq!(csv("a\n\"x\ny\",2\n"), vec![json!({"a": "x\ny"})]);
        assert_eq!(
            csv("a\nline1\n\"multi\r\nline\"\n"),
            vec![json!({"a": "line1"}), json!({"a": "multi\r\nline"})]
        );
        // relax: a quote inside an unquoted field is literal.
        assert_eq!(csv("a\nx\"y\n"), vec![json!({"a": "x\"y"})]);
        assert_eq!(
            csv("a,b\nx \"y\" z,2\n"),
            vec![json!({"a": "x \"y\" z", "b": 2})]
        );
    }

    #[test]
    fn trimming() {
        assert_eq!(csv("a,b\n \"x\" , 2 \n"), vec![json!({"a": "x", "b": 2})]);
        assert_eq!(csv("a\n  \"x\"  \n"), vec![json!({"a": "x"})]);
        assert_eq!(csv("a\n\"x\"\t\n"), vec![json!({"a": "x"})]);
        assert_eq!(csv("\"a b\", c \n1,2\n"), vec![json!({"a b": 1, "c": 2})]);
        assert_eq!(csv("a\n\t12\t\n"), vec![json!({"a": 12})]);
        assert_eq!(csv("a\n\u{0C}1\n"), vec![json!({"a": 1})]);
        // Quoted content keeps its spaces.
        assert_eq!(csv("a\n\" x \"\n"), vec![json!({"a": " x "})]);
    }

    #[test]
    fn bom_and_line_endings() {
        let rows = parse("\u{FEFF}a,b\r\n1,2\r\n").unwrap();
        assert_eq!(Value::Object(rows[0].clone()), json!({"a": 1, "b": 2}));
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), b"\xEF\xBB\xBFid,name\r\n1,x\r\n").unwrap();
        let rows = load_iteration_data(file.path()).unwrap();
        assert_eq!(
            Value::Object(rows[0].clone()),
            json!({"id": 1, "name": "x"})
        );
        assert_eq!(
            csv("a,b\r\n1,2\r\n3,4\r\n"),
            vec![json!({"a": 1, "b": 2}), json!({"a": 3, "b": 4})]
        );
        assert_eq!(
            csv("a,b\r1,2\r3,4\r"),
            vec![json!({"a": 1, "b": 2}), json!({"a": 3, "b": 4})]
        );
        // The first delimiter seen wins: after CRLF, a lone LF is data.
        assert_eq!(
            csv("a,b\r\n1,2\n3,4\r\n"),
            vec![json!({"a": 1, "b": "2\n3"})]
        );
        assert_eq!(
            csv("a,b\n1,2\r\n3,4\n"),
            vec![json!({"a": 1, "b": 2}), json!({"a": 3, "b": 4})]
        );
    }

    #[test]
    fn ragged_rows_blank_lines_and_duplicates() {
        assert_eq!(
            csv("a,b\n1\n1,2,3\n"),
            vec![json!({"a": 1}), json!({"a": 1, "b": 2})]
        );
        assert_eq!(csv("a,b\n1,2,\n"), vec![json!({"a": 1, "b": 2})]);
        assert_eq!(csv("a,b,c\n,,5\n"), vec![json!({"a": "", "b": "", "c": 5})]);
        // Blank and whitespace-only lines are records with one empty field.
        assert_eq!(
            csv("a,b\n1,2\n\n   \n3,4\n\n"),
            vec![
                json!({"a": 1, "b": 2}),
                json!({"a": ""}),
                json!({"a": ""}),
                json!({"a": 3, "b": 4}),
                json!({"a": ""})
            ]
        );
        // Duplicate columns: last value, first position.
        let rows = parse_csv("a,b,a\n1,2,3\n").unwrap();
        assert_eq!(rows[0].keys().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(rows[0]["a"], json!(3));
        assert_eq!(csv(",\n1,2\n"), vec![json!({"": 2})]);
        // A blank first line is a header with one empty name.
        assert_eq!(csv("\na,b\n1,2\n"), vec![json!({"": "a"}), json!({"": 1})]);
    }

    #[test]
    fn header_only_and_empty_files() {
        assert!(csv("a,b\n").is_empty());
        assert!(csv("a,b").is_empty());
        assert!(csv("").is_empty());
        assert!(csv("\n").is_empty());
        assert!(csv("   ").is_empty());
    }

    #[test]
    fn js_key_order_for_integer_like_columns() {
        let rows = parse_csv("b,\"1\",a,\"0\"\nx,y,z,w\n").unwrap();
        assert_eq!(rows[0].keys().collect::<Vec<_>>(), ["0", "1", "b", "a"]);
        let rows = parse(r#"[{"1":1,"b":2,"0":3,"01":4}]"#).unwrap();
        assert_eq!(rows[0].keys().collect::<Vec<_>>(), ["0", "1", "b", "01"]);
    }

    #[test]
    fn csv_errors_name_the_line() {
        let e = csv_err("a\n\"x\"y\n");
        assert_eq!(e.line, 2);
        assert!(e.message.starts_with("Invalid Closing Quote"), "{e:?}");
        assert_eq!(csv_err("a,b\n\"a\"b\"c\",d\n").line, 2);
        let e = csv_err("a\n\"x\n");
        assert_eq!(
            e,
            CsvError {
                line: 2,
                message: "Quote Not Closed: the parsing is finished with an opening quote".into()
            }
        );
        assert_eq!(csv_err("a\n\"x\"\"").line, 2);
        assert_eq!(csv_err("x\n1\n2\n3\n\"4\n5\"\n6\n\"7\"x\n").line, 8);
        // csv-parse counts a CRLF inside quotes as two lines.
        assert_eq!(csv_err("a\r\n\"x\r\ny\"\r\n\"z\"q\r\n").line, 5);
        assert_eq!(csv_err("a\n\n\"z\"q\r\n").line, 3);
        assert_eq!(csv_err("a\r\n\r\n\"z\"q\r\n").line, 3);
    }

    #[test]
    fn numeric_header_is_rejected_like_csv_parse() {
        let e = csv_err("007,b\n1,2\n");
        assert_eq!(
            e.message,
            "Invalid column definition: expect a string or a literal object, got 7 at position 0"
        );
        assert!(csv_err("b,a,1\nx,y,z\n")
            .message
            .ends_with("got 1 at position 2"));
        assert!(csv("\"1\",b\nx,y\n").len() == 1);
        assert!(csv_err("\"1\",2\nx,y\n")
            .message
            .ends_with("got 2 at position 1"));
    }

    #[test]
    fn json_arrays_with_nested_values() {
        let rows =
            parse(r#" [{"a": 1, "o": {"x": [1, 2]}, "l": [true, null]}, {"a": "s"}] "#).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["o"], json!({"x": [1, 2]}));
        assert_eq!(rows[0]["l"], json!([true, null]));
        assert_eq!(rows[1]["a"], json!("s"));
        // Non-object elements are empty rows; arrays are indexed objects.
        let rows = parse(r#"[{"a":1},5,"xy",null,[1,2]]"#).unwrap();
        assert_eq!(
            rows.iter()
                .map(|r| Value::Object(r.clone()))
                .collect::<Vec<_>>(),
            vec![
                json!({"a": 1}),
                json!({}),
                json!({}),
                json!({}),
                json!({"0": 1, "1": 2})
            ]
        );
        // Integers beyond 2^53 lose precision as in JSON.parse.
        let rows = parse(r#"[{"n": 9007199254740993}]"#).unwrap();
        assert_eq!(rows[0]["n"], json!(9007199254740992i64));
    }

    #[test]
    fn json_that_is_not_an_array() {
        // Truthy non-arrays are ignored: no rows (one data-less iteration).
        for text in [r#"{"a":1}"#, "5", r#""str""#, "true", "[]"] {
            assert!(parse(text).unwrap().is_empty(), "{text}");
        }
        // Falsy JSON goes to the CSV parser.
        assert!(parse("null").unwrap().is_empty());
        assert!(parse("false").unwrap().is_empty());
        assert!(parse("\"\"").unwrap().is_empty());
        let e = parse("0").unwrap_err().to_string();
        assert!(e.contains("Invalid column definition"), "{e}");
        // Broken JSON that is valid CSV is read as CSV, as Newman does.
        let rows = parse("[{\"a\":1},]\nx,y\n").unwrap();
        assert_eq!(rows.len(), 1);
    }

    #[test]
    fn invalid_json_and_invalid_csv() {
        // `"a"` on line 2 is a quoted CSV field followed by `:`.
        let e = parse("{\n\"a\": x}\n").unwrap_err();
        assert!(
            matches!(
                e,
                Error::Json {
                    kind: InputKind::IterationData,
                    line: 2,
                    ..
                }
            ),
            "{e:?}"
        );
        let text = e.to_string();
        assert!(
            text.starts_with("iteration data could not be loaded"),
            "{text}"
        );
        assert!(text.contains("data.csv"), "{text}");
        let e = parse("a,b\n1,2\n\"oops\n").unwrap_err();
        match &e {
            Error::Shape {
                kind: InputKind::IterationData,
                json_path,
                message,
                ..
            } => {
                assert_eq!(json_path, "line 3");
                assert!(message.starts_with("Quote Not Closed"));
            }
            other => panic!("{other:?}"),
        }
        assert!(
            e.to_string()
                .contains("data.csv: at line 3: Quote Not Closed"),
            "{e}"
        );
    }

    #[test]
    fn unreadable_file() {
        let e = load_iteration_data(Path::new("/nonexistent/data.csv")).unwrap_err();
        assert!(matches!(
            e,
            Error::Read {
                kind: InputKind::IterationData,
                ..
            }
        ));
        assert!(e.to_string().contains("/nonexistent/data.csv"));
    }

    #[test]
    fn utf16_file() {
        let file = tempfile::NamedTempFile::new().unwrap();
        let mut bytes = vec![0xFF, 0xFE];
        for u in "a,b\n1,x\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        std::fs::write(file.path(), bytes).unwrap();
        let rows = load_iteration_data(file.path()).unwrap();
        assert_eq!(Value::Object(rows[0].clone()), json!({"a": 1, "b": "x"}));
    }

    #[test]
    fn js_number_helpers() {
        assert_eq!(js_to_number(" 12 "), 12.0);
        assert_eq!(js_to_number("0x1F"), 31.0);
        assert!(js_to_number("1.5abc").is_nan());
        assert_eq!(js_to_number(""), 0.0);
        assert_eq!(js_parse_float("1.5abc"), 1.5);
        assert_eq!(js_parse_float("  -.5e1x"), -5.0);
        assert_eq!(js_parse_float("1.e2"), 100.0);
        assert!(js_parse_float(".e1").is_nan());
        assert_eq!(js_parse_float("Infinityx"), f64::INFINITY);
        assert_eq!(js_parse_float("1e99999999999999999999"), f64::INFINITY);
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn never_panics(text in "\\PC*") {
                let _ = parse(&text);
            }

            #[test]
            fn never_panics_csvish(text in "[a-c0-9\",\r\n \t.\\-+ex]{0,64}") {
                let _ = parse(&text);
            }

            #[test]
            fn unquoted_integers_round_trip(n in -(1i64 << 53)..(1i64 << 53)) {
                prop_assert_eq!(cast_unquoted(&n.to_string()), json!(n));
            }

            #[test]
            fn quoted_fields_stay_strings(s in "[^\"]{0,16}") {
                let text = format!("h\n\"{s}\"\n");
                let rows = parse_csv(&text).unwrap();
                prop_assert_eq!(&rows[0]["h"], &json!(s));
            }
        }
    }
}

#[cfg(test)]
mod proptests {
    //! Properties of the CSV reader and Newman's casting rules over
    //! generated fields, records and JSON rows.

    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn rows(text: &str) -> Vec<Row> {
        parse_iteration_data(text, Path::new("data.csv")).expect("parses")
    }

    fn cast_unquoted(s: &str) -> Value {
        cast(Field {
            text: s.to_string(),
            quoted: false,
        })
    }

    proptest! {
        #[test]
        fn quoted_fields_keep_quotes_commas_and_line_breaks(s in "[^\u{0}]{0,24}") {
            // Any text, quoted with `""` escapes, comes back as the same
            // string: never cast, never trimmed, never split.
            let quoted = s.replace('"', "\"\"");
            let text = format!("h,after\n\"{quoted}\",x\n");
            let got = rows(&text);
            prop_assert_eq!(got.len(), 1);
            prop_assert_eq!(&got[0]["h"], &json!(s));
            prop_assert_eq!(&got[0]["after"], &json!("x"));
        }

        #[test]
        fn finite_numbers_cast_to_their_value(f in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO) {
            // Rust prints the shortest text that reads back as `f`, with
            // and without an exponent; JavaScript reads both back as `f`.
            for text in [format!("{f}"), format!("{f:e}")] {
                let v = cast_unquoted(&text);
                prop_assert_eq!(v.as_f64(), Some(f), "{} gave {}", text, v);
            }
        }

        #[test]
        fn words_stay_strings(s in "[a-zA-Z_][a-zA-Z_]{0,10}") {
            prop_assert_eq!(cast_unquoted(&s), json!(s));
        }

        #[test]
        fn leading_and_trailing_blanks_do_not_change_a_cast(s in "[0-9a-z.+-]{1,8}", pre in "[ \t]{0,3}", post in "[ \t]{0,3}") {
            let padded = format!("h\n{pre}{s}{post}\n");
            let plain = format!("h\n{s}\n");
            prop_assert_eq!(rows(&padded), rows(&plain));
        }

        #[test]
        fn numeric_header_cells_are_rejected(n in 1u32..1_000_000_000) {
            let err = parse_iteration_data(&format!("id,{n}\n1,2\n"), Path::new("d.csv"))
                .expect_err("a numeric column name");
            prop_assert!(err.to_string().contains("Invalid column definition"), "{}", err);
        }

        #[test]
        fn one_row_per_record_with_the_header_keys(lines in proptest::collection::vec("[a-z0-9]{0,5},[a-z0-9]{0,5}(,[a-z0-9]{0,3})?", 1..20), crlf in any::<bool>()) {
            let eol = if crlf { "\r\n" } else { "\n" };
            let text = format!("first,second{eol}{}{eol}", lines.join(eol));
            let got = rows(&text);
            prop_assert_eq!(got.len(), lines.len());
            for row in &got {
                prop_assert!(row.keys().all(|k| k == "first" || k == "second"), "{:?}", row);
            }
        }

        #[test]
        fn json_rows_list_index_keys_first_in_ascending_order(objs in proptest::collection::vec(proptest::collection::vec(("[a-z]{1,3}|[0-9]{1,3}", "[a-z]{0,3}"), 0..8), 1..5)) {
            let docs: Vec<Value> = objs
                .iter()
                .map(|pairs| Value::Object(pairs.iter().map(|(k, v)| (k.clone(), json!(v))).collect()))
                .collect();
            let got = rows(&Value::Array(docs.clone()).to_string());
            prop_assert_eq!(got.len(), docs.len());
            for (row, doc) in got.iter().zip(&docs) {
                // Same entries…
                let mut a: Vec<_> = row.iter().map(|(k, v)| (k, v.to_string())).collect();
                let mut b: Vec<_> = doc
                    .as_object()
                    .map(|o| o.iter().map(|(k, v)| (k, v.to_string())).collect())
                    .unwrap_or_default();
                a.sort();
                b.sort();
                prop_assert_eq!(a, b);
                // …with array indexes first, ascending, then the rest.
                let idx: Vec<Option<u32>> = row.keys().map(|k| array_index(k)).collect();
                let n = idx.iter().take_while(|i| i.is_some()).count();
                prop_assert!(idx[n..].iter().all(Option::is_none), "{:?}", row.keys().collect::<Vec<_>>());
                prop_assert!(idx[..n].windows(2).all(|w| w[0] < w[1]), "{:?}", row.keys().collect::<Vec<_>>());
            }
        }
    }
}

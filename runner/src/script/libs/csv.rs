//! Native half of `csv-parse/lib/sync` (csv-parse 1.2.4 semantics): splits
//! text into records of string fields. Column naming, casting and
//! `from`/`to` are done in JS. A small state machine rather than the `csv`
//! crate, because csv-parse's quirks (an empty line is a record `[""]`, its
//! error messages and line numbers) matter more here than speed.

use rquickjs::function::Rest;
use rquickjs::{Array, Ctx, Exception, Object, Result, Value};

use super::{arg, arg_string, js_string, type_error};

struct Opts {
    delimiter: char,
    quote: Option<char>,
    escape: Option<char>,
    comment: Option<char>,
    relax: bool,
    relax_column_count: bool,
    skip_empty_lines: bool,
    ltrim: bool,
    rtrim: bool,
}

fn opt_char<'js>(
    ctx: &Ctx<'js>,
    o: &Object<'js>,
    key: &str,
    default: Option<char>,
) -> Result<Option<char>> {
    let v: Value = o.get(key)?;
    if v.is_undefined() {
        return Ok(default);
    }
    if v.is_null() || v.as_bool() == Some(false) {
        return Ok(None);
    }
    match js_string(ctx, &v)? {
        Some(s) if s.is_empty() => Ok(None),
        Some(s) if s.chars().count() == 1 => Ok(s.chars().next()),
        _ => Err(type_error(
            ctx,
            &format!("csv-parse: option '{key}' must be a single character"),
        )),
    }
}

fn opt_bool(o: &Object<'_>, key: &str) -> Result<bool> {
    let v: Value = o.get(key)?;
    Ok(v.as_bool().unwrap_or(false))
}

/// `csvParse(text, options)` → array of arrays of strings.
pub fn parse<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> Result<Value<'js>> {
    let text = arg_string(&ctx, &args, 0, "csv-parse", "input")?;
    let o = match arg(&args, 1).and_then(|v| v.as_object()) {
        Some(o) => o.clone(),
        None => Object::new(ctx.clone())?,
    };
    let trim = opt_bool(&o, "trim")?;
    let opts = Opts {
        delimiter: opt_char(&ctx, &o, "delimiter", Some(','))?.unwrap_or(','),
        quote: opt_char(&ctx, &o, "quote", Some('"'))?,
        escape: opt_char(&ctx, &o, "escape", Some('"'))?,
        comment: opt_char(&ctx, &o, "comment", None)?,
        relax: opt_bool(&o, "relax")?,
        relax_column_count: opt_bool(&o, "relax_column_count")?,
        skip_empty_lines: opt_bool(&o, "skip_empty_lines")?,
        ltrim: trim || opt_bool(&o, "ltrim")?,
        rtrim: trim || opt_bool(&o, "rtrim")?,
    };
    match split(&text, &opts) {
        Ok(records) => {
            let out = Array::new(ctx.clone())?;
            for (i, rec) in records.into_iter().enumerate() {
                let row = Array::new(ctx.clone())?;
                for (j, f) in rec.into_iter().enumerate() {
                    row.set(j, f)?;
                }
                out.set(i, row)?;
            }
            Ok(out.into_value())
        }
        Err(msg) => Err(Exception::throw_message(&ctx, &msg)),
    }
}

fn split(text: &str, o: &Opts) -> std::result::Result<Vec<Vec<String>>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let chars: Vec<char> = text.chars().collect();
    let mut records: Vec<Vec<String>> = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false; // inside quotes
    let mut was_quoted = false; // current field was quoted
    let mut line = 1usize;
    let mut expected: Option<usize> = None;
    let mut i = 0;
    let mut at_field_start = true;

    let finish_field = |field: &mut String, was_quoted: bool, record: &mut Vec<String>| {
        let mut f = std::mem::take(field);
        if !was_quoted {
            if o.ltrim {
                f = f.trim_start().to_string();
            }
            if o.rtrim {
                f = f.trim_end().to_string();
            }
        }
        record.push(f);
    };

    while i < chars.len() {
        let c = chars[i];
        if quoted {
            if Some(c) == o.escape
                && o.escape != o.quote
                && i + 1 < chars.len()
                && (Some(chars[i + 1]) == o.quote || Some(chars[i + 1]) == o.escape)
            {
                field.push(chars[i + 1]);
                i += 2;
                continue;
            }
            if Some(c) == o.quote {
                if o.escape == o.quote && i + 1 < chars.len() && Some(chars[i + 1]) == o.quote {
                    field.push(c);
                    i += 2;
                    continue;
                }
                quoted = false;
                // what follows the closing quote must end the field
                let mut j = i + 1;
                if o.rtrim {
                    while j < chars.len() && (chars[j] == ' ' || chars[j] == '\t') {
                        j += 1;
                    }
                }
                if j < chars.len()
                    && chars[j] != o.delimiter
                    && chars[j] != '\n'
                    && chars[j] != '\r'
                {
                    if !o.relax {
                        return Err(format!(
                            "Invalid closing quote at line {line}; found {:?} instead of delimiter {:?}",
                            chars[j].to_string(),
                            o.delimiter.to_string()
                        ));
                    }
                    field.insert(0, c);
                    field.push(c);
                    was_quoted = false;
                }
                i = j;
                continue;
            }
            if c == '\n' {
                line += 1;
            }
            field.push(c);
            i += 1;
            continue;
        }
        if at_field_start && record.is_empty() && field.is_empty() && Some(c) == o.comment {
            while i < chars.len() && chars[i] != '\n' && chars[i] != '\r' {
                i += 1;
            }
            if i < chars.len() && chars[i] == '\r' && i + 1 < chars.len() && chars[i + 1] == '\n' {
                i += 1;
            }
            i += 1;
            line += 1;
            continue;
        }
        if Some(c) == o.quote {
            let only_space = field.chars().all(|ch| ch == ' ' || ch == '\t');
            if field.is_empty() || (o.ltrim && only_space) {
                field.clear();
                quoted = true;
                was_quoted = true;
                at_field_start = false;
                i += 1;
                continue;
            }
            if !o.relax {
                return Err(format!("Invalid opening quote at line {line}"));
            }
            field.push(c);
            i += 1;
            continue;
        }
        if c == o.delimiter {
            finish_field(&mut field, was_quoted, &mut record);
            was_quoted = false;
            at_field_start = true;
            i += 1;
            continue;
        }
        if c == '\n' || c == '\r' {
            if c == '\r' && i + 1 < chars.len() && chars[i + 1] == '\n' {
                i += 1;
            }
            i += 1;
            let empty_line = record.is_empty() && field.is_empty() && !was_quoted;
            if !(empty_line && o.skip_empty_lines) {
                finish_field(&mut field, was_quoted, &mut record);
                push_record(
                    &mut records,
                    std::mem::take(&mut record),
                    &mut expected,
                    o,
                    line,
                    empty_line,
                )?;
            }
            was_quoted = false;
            at_field_start = true;
            line += 1;
            continue;
        }
        at_field_start = false;
        field.push(c);
        i += 1;
    }
    if quoted {
        return Err(format!("Quoted field not terminated at line {line}"));
    }
    if !record.is_empty() || !field.is_empty() || was_quoted {
        finish_field(&mut field, was_quoted, &mut record);
        push_record(&mut records, record, &mut expected, o, line, false)?;
    }
    Ok(records)
}

fn push_record(
    records: &mut Vec<Vec<String>>,
    record: Vec<String>,
    expected: &mut Option<usize>,
    o: &Opts,
    line: usize,
    empty_line: bool,
) -> std::result::Result<(), String> {
    // csv-parse 1.x lets an empty line through as [""] without counting it.
    if !empty_line {
        match *expected {
            None => *expected = Some(record.len()),
            Some(n) if n != record.len() && !o.relax_column_count => {
                return Err(format!("Number of columns is inconsistent on line {line}"));
            }
            _ => {}
        }
    }
    records.push(record);
    Ok(())
}

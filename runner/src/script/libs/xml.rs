//! Native half of `xml2js` 0.4.23's `parseString` (and so of the legacy
//! `xml2Json`): parses with quick-xml and builds the JS object in the shape
//! xml2js's SAX handlers give (attributes under `$`, text under `_`,
//! children as arrays unless `explicitArray: false`, whitespace-only text
//! dropped, and so on), calling the user's name/value processors.

use quick_xml::events::Event;
use quick_xml::Reader;
use rquickjs::function::Rest;
use rquickjs::{Array, Ctx, Function, Object, Result, Value};

use super::{arg, arg_string, js_string};

struct Opts<'js> {
    explicit_array: bool,
    trim: bool,
    normalize: bool,
    explicit_root: bool,
    explicit_charkey: bool,
    ignore_attrs: bool,
    merge_attrs: bool,
    normalize_tags: bool,
    attrkey: String,
    charkey: String,
    empty_tag: Value<'js>,
    tag_name_processors: Vec<Function<'js>>,
    attr_name_processors: Vec<Function<'js>>,
    value_processors: Vec<Function<'js>>,
    attr_value_processors: Vec<Function<'js>>,
}

fn get_bool(o: &Object<'_>, key: &str, default: bool) -> Result<bool> {
    let v: Value = o.get(key)?;
    Ok(if v.is_undefined() {
        default
    } else {
        truthy(&v)
    })
}

fn truthy(v: &Value<'_>) -> bool {
    if let Some(b) = v.as_bool() {
        return b;
    }
    if v.is_null() || v.is_undefined() {
        return false;
    }
    if let Some(n) = v.as_number() {
        return n != 0.0 && !n.is_nan();
    }
    if let Some(s) = v.as_string() {
        return s.to_string().map(|s| !s.is_empty()).unwrap_or(true);
    }
    true
}

fn get_key<'js>(ctx: &Ctx<'js>, o: &Object<'js>, key: &str, default: &str) -> Result<String> {
    let v: Value = o.get(key)?;
    Ok(js_string(ctx, &v)?.unwrap_or_else(|| default.to_string()))
}

fn get_fns<'js>(o: &Object<'js>, key: &str) -> Result<Vec<Function<'js>>> {
    let v: Value = o.get(key)?;
    let mut out = Vec::new();
    if let Some(arr) = v.as_array() {
        for f in arr.iter::<Value>() {
            if let Some(f) = f?.into_function() {
                out.push(f);
            }
        }
    }
    Ok(out)
}

fn process<'js>(
    fns: &[Function<'js>],
    mut item: Value<'js>,
    key: Option<&Value<'js>>,
) -> Result<Value<'js>> {
    for f in fns {
        item = match key {
            Some(k) => f.call((item, k.clone()))?,
            None => f.call((item,))?,
        };
    }
    Ok(item)
}

struct Frame<'js> {
    obj: Object<'js>,
    name: Value<'js>,
    text: String,
    cdata: bool,
    /// keys other than the char key
    keys: usize,
}

/// `xmlParse(text, options)` → `[errorMessage | undefined, result, ended]`.
pub fn parse<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> Result<Value<'js>> {
    let text = arg_string(&ctx, &args, 0, "xml2js", "xml")?;
    let o = match arg(&args, 1).and_then(|v| v.as_object()) {
        Some(o) => o.clone(),
        None => Object::new(ctx.clone())?,
    };
    let empty_tag: Value = o.get("emptyTag")?;
    let opts = Opts {
        explicit_array: get_bool(&o, "explicitArray", true)?,
        trim: get_bool(&o, "trim", false)?,
        normalize: get_bool(&o, "normalize", false)?,
        explicit_root: get_bool(&o, "explicitRoot", true)?,
        explicit_charkey: get_bool(&o, "explicitCharkey", false)?,
        ignore_attrs: get_bool(&o, "ignoreAttrs", false)?,
        merge_attrs: get_bool(&o, "mergeAttrs", false)?,
        normalize_tags: get_bool(&o, "normalizeTags", false)?,
        attrkey: get_key(&ctx, &o, "attrkey", "$")?,
        charkey: get_key(&ctx, &o, "charkey", "_")?,
        empty_tag: if empty_tag.is_undefined() {
            rquickjs::String::from_str(ctx.clone(), "")?.into_value()
        } else {
            empty_tag
        },
        tag_name_processors: get_fns(&o, "tagNameProcessors")?,
        attr_name_processors: get_fns(&o, "attrNameProcessors")?,
        value_processors: get_fns(&o, "valueProcessors")?,
        attr_value_processors: get_fns(&o, "attrValueProcessors")?,
    };
    let out = Array::new(ctx.clone())?;
    match build(&ctx, &text, &opts) {
        Ok(result) => {
            out.set(0, Value::new_undefined(ctx.clone()))?;
            out.set(1, result)?;
            out.set(2, true)?;
        }
        Err((msg, partial)) => {
            out.set(0, msg)?;
            out.set(1, partial.unwrap_or_else(|| Value::new_null(ctx.clone())))?;
            out.set(2, false)?;
        }
    }
    Ok(out.into_value())
}

type BuildErr<'js> = (String, Option<Value<'js>>);

fn position(text: &str, pos: usize) -> String {
    let pos = pos.min(text.len());
    let mut cut = pos;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let before = &text[..cut];
    let line = before.matches('\n').count();
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    let ch = text[cut..]
        .chars()
        .next()
        .map(|c| c.to_string())
        .unwrap_or_default();
    format!("\nLine: {line}\nColumn: {col}\nChar: {ch}")
}

fn build<'js>(
    ctx: &Ctx<'js>,
    text: &str,
    o: &Opts<'js>,
) -> std::result::Result<Value<'js>, BuildErr<'js>> {
    let js = |e: rquickjs::Error| -> BuildErr<'js> {
        // A processor threw: surface its exception's message.
        let msg = if matches!(e, rquickjs::Error::Exception) {
            let ex = ctx.catch();
            ex.as_object()
                .and_then(|o| o.get::<_, String>("message").ok())
                .unwrap_or_else(|| "error in an xml2js processor".into())
        } else {
            e.to_string()
        };
        (msg, None)
    };
    if text.trim().is_empty() {
        return Ok(Value::new_null(ctx.clone()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader::from_str(text);
    {
        let cfg = reader.config_mut();
        cfg.trim_text(false);
        cfg.expand_empty_elements = true;
        cfg.check_end_names = true;
    }
    let mut stack: Vec<Frame<'js>> = Vec::new();
    let mut seen_root = false;
    loop {
        let pos_before = reader.buffer_position() as usize;
        let ev = match reader.read_event() {
            Ok(ev) => ev,
            Err(e) => {
                let mut p = reader.error_position() as usize;
                let msg = match &e {
                    quick_xml::Error::IllFormed(
                        quick_xml::errors::IllFormedError::MismatchedEndTag { .. },
                    )
                    | quick_xml::Error::IllFormed(
                        quick_xml::errors::IllFormedError::UnmatchedEndTag(_),
                    ) => {
                        // sax notices at the tag's closing '>'
                        if let Some(off) = text.get(p..).and_then(|t| t.find('>')) {
                            p += off;
                        }
                        "Unexpected close tag".to_string()
                    }
                    other => format!("Invalid XML: {other}"),
                };
                return Err((format!("{msg}{}", position(text, p)), None));
            }
        };
        match ev {
            Event::Start(e) => {
                if seen_root && stack.is_empty() {
                    // xml2js has already answered; later content is ignored.
                    break;
                }
                seen_root = true;
                let raw = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                let raw = if o.normalize_tags {
                    raw.to_lowercase()
                } else {
                    raw
                };
                let obj = Object::new(ctx.clone()).map_err(js)?;
                obj.set(o.charkey.as_str(), "").map_err(js)?;
                let mut keys = 0;
                if !o.ignore_attrs {
                    let mut attr_obj: Option<Object<'js>> = None;
                    for a in e.attributes().with_checks(true) {
                        let a = match a {
                            Ok(a) => a,
                            Err(err) => {
                                let mut at = pos_before;
                                let msg = match err {
                                    quick_xml::events::attributes::AttrError::UnquotedValue(_) => {
                                        // sax points at the value's first character
                                        let tag = &text[pos_before.min(text.len())..];
                                        if let Some(eq) = tag.find('=') {
                                            let after = &tag[eq + 1..];
                                            at = pos_before
                                                + eq
                                                + 1
                                                + (after.len() - after.trim_start().len());
                                        }
                                        "Unquoted attribute value".to_string()
                                    }
                                    quick_xml::events::attributes::AttrError::Duplicated(..) => {
                                        "Duplicate attribute".to_string()
                                    }
                                    other => format!("Invalid attribute: {other}"),
                                };
                                return Err((format!("{msg}{}", position(text, at)), None));
                            }
                        };
                        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
                        let val = match a.unescape_value() {
                            Ok(v) => v.into_owned(),
                            Err(_) => {
                                return Err((
                                    format!(
                                        "Invalid character entity{}",
                                        position(text, pos_before)
                                    ),
                                    None,
                                ))
                            }
                        };
                        let key_v = rquickjs::String::from_str(ctx.clone(), &key)
                            .map_err(js)?
                            .into_value();
                        let mut val_v = rquickjs::String::from_str(ctx.clone(), &val)
                            .map_err(js)?
                            .into_value();
                        if !o.attr_value_processors.is_empty() {
                            val_v = process(&o.attr_value_processors, val_v, Some(&key_v))
                                .map_err(js)?;
                        }
                        let pkey = if o.attr_name_processors.is_empty() {
                            key_v
                        } else {
                            process(&o.attr_name_processors, key_v.clone(), Some(&key_v))
                                .map_err(js)?
                        };
                        let pkey_s = pkey.get::<rquickjs::Coerced<String>>().map_err(js)?.0;
                        if o.merge_attrs {
                            if assign_or_push(ctx, &obj, &pkey_s, val_v, o.explicit_array)
                                .map_err(js)?
                            {
                                keys += 1;
                            }
                        } else {
                            let ao = match &attr_obj {
                                Some(ao) => ao.clone(),
                                None => {
                                    let ao = Object::new(ctx.clone()).map_err(js)?;
                                    obj.set(o.attrkey.as_str(), ao.clone()).map_err(js)?;
                                    keys += 1;
                                    attr_obj = Some(ao.clone());
                                    ao
                                }
                            };
                            ao.set(pkey_s, val_v).map_err(js)?;
                        }
                    }
                }
                let name_v = rquickjs::String::from_str(ctx.clone(), &raw)
                    .map_err(js)?
                    .into_value();
                let name = if o.tag_name_processors.is_empty() {
                    name_v
                } else {
                    process(&o.tag_name_processors, name_v, None).map_err(js)?
                };
                stack.push(Frame {
                    obj,
                    name,
                    text: String::new(),
                    cdata: false,
                    keys,
                });
            }
            Event::End(_) => {
                let Some(frame) = stack.pop() else { break };
                let done = close(ctx, frame, &mut stack, o).map_err(js)?;
                if let Some(result) = done {
                    return Ok(result);
                }
            }
            Event::Text(t) => {
                let s = t
                    .decode()
                    .map_err(|e| (format!("Invalid XML: {e}"), None))?;
                match stack.last_mut() {
                    Some(f) => f.text.push_str(&s),
                    None => {
                        if !seen_root && !s.trim().is_empty() {
                            let p = pos_before + s.len() - s.trim_start().len();
                            return Err((
                                format!("Non-whitespace before first tag.{}", position(text, p)),
                                None,
                            ));
                        }
                    }
                }
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    Ok(None) => {
                        let name = r.decode().map(|n| n.into_owned()).unwrap_or_default();
                        quick_xml::escape::resolve_predefined_entity(&name).map(|s| s.to_string())
                    }
                    Err(_) => None,
                };
                let Some(s) = resolved else {
                    let p = reader.buffer_position() as usize;
                    return Err((
                        format!(
                            "Invalid character entity{}",
                            position(text, p.saturating_sub(1))
                        ),
                        None,
                    ));
                };
                match stack.last_mut() {
                    Some(f) => f.text.push_str(&s),
                    None if !seen_root => {
                        return Err((
                            format!(
                                "Non-whitespace before first tag.{}",
                                position(text, pos_before)
                            ),
                            None,
                        ))
                    }
                    None => {}
                }
            }
            Event::CData(c) => {
                let s = String::from_utf8_lossy(&c.into_inner()).into_owned();
                if let Some(f) = stack.last_mut() {
                    f.text.push_str(&s);
                    f.cdata = true;
                }
            }
            Event::Eof => break,
            // declarations, comments, processing instructions, doctype
            _ => {}
        }
    }
    if !stack.is_empty() || !seen_root {
        let line = text.matches('\n').count();
        let col = text
            .rsplit('\n')
            .next()
            .map(|l| l.chars().count())
            .unwrap_or(0);
        return Err((
            format!("Unclosed root tag\nLine: {line}\nColumn: {col}\nChar: "),
            None,
        ));
    }
    Ok(Value::new_null(ctx.clone()))
}

/// xml2js's `assignOrPush`; answers whether a new key was created.
fn assign_or_push<'js>(
    ctx: &Ctx<'js>,
    obj: &Object<'js>,
    key: &str,
    val: Value<'js>,
    explicit_array: bool,
) -> Result<bool> {
    if !obj.contains_key(key)? {
        if explicit_array {
            let a = Array::new(ctx.clone())?;
            a.set(0, val)?;
            obj.set(key, a)?;
        } else {
            obj.set(key, val)?;
        }
        return Ok(true);
    }
    let cur: Value = obj.get(key)?;
    let arr = match cur.as_array() {
        Some(a) => a.clone(),
        None => {
            let a = Array::new(ctx.clone())?;
            a.set(0, cur)?;
            obj.set(key, a.clone())?;
            a
        }
    };
    arr.set(arr.len(), val)?;
    Ok(false)
}

fn is_ws(s: &str) -> bool {
    // JS /^\s*$/
    s.chars().all(|c| c.is_whitespace() || c == '\u{feff}')
}

/// xml2js's `onclosetag`; `Some(result)` when the root closed.
fn close<'js>(
    ctx: &Ctx<'js>,
    f: Frame<'js>,
    stack: &mut [Frame<'js>],
    o: &Opts<'js>,
) -> Result<Option<Value<'js>>> {
    let ck = o.charkey.as_str();
    let mut value: Value<'js> = f.obj.clone().into_value();
    let mut empty_str = String::new();
    let mut nkeys = f.keys + 1;
    if is_ws(&f.text) && !f.cdata {
        empty_str = f.text.clone();
        f.obj.remove(ck)?;
        nkeys -= 1;
    } else {
        let mut t = f.text.clone();
        if o.trim {
            t = t.trim().to_string();
        }
        if o.normalize {
            t = collapse_ws(&t).trim().to_string();
        }
        let mut tv = rquickjs::String::from_str(ctx.clone(), &t)?.into_value();
        if !o.value_processors.is_empty() {
            tv = process(&o.value_processors, tv, Some(&f.name))?;
        }
        f.obj.set(ck, tv.clone())?;
        if nkeys == 1 && !o.explicit_charkey {
            value = tv;
        }
    }
    if nkeys == 0 && value.is_object() {
        value = if o
            .empty_tag
            .as_string()
            .map(|s| s.to_string().map(|s| s.is_empty()).unwrap_or(false))
            == Some(true)
        {
            rquickjs::String::from_str(ctx.clone(), &empty_str)?.into_value()
        } else {
            o.empty_tag.clone()
        };
    }
    let name = f.name.get::<rquickjs::Coerced<String>>()?.0;
    if let Some(parent) = stack.last_mut() {
        if assign_or_push(ctx, &parent.obj, &name, value, o.explicit_array)? {
            parent.keys += 1;
        }
        Ok(None)
    } else if o.explicit_root {
        let root = Object::new(ctx.clone())?;
        root.set(name, value)?;
        Ok(Some(root.into_value()))
    } else {
        Ok(Some(value))
    }
}

/// JS `s.replace(/\s{2,}/g, " ")`.
fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    for c in s.chars() {
        if c.is_whitespace() {
            run.push(c);
        } else {
            if run.chars().count() >= 2 {
                out.push(' ');
            } else {
                out.push_str(&run);
            }
            run.clear();
            out.push(c);
        }
    }
    if run.chars().count() >= 2 {
        out.push(' ');
    } else {
        out.push_str(&run);
    }
    out
}

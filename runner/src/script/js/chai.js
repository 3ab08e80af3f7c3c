/*
 * postgate: a lean BDD `expect` compatible with chai 4.4.1 (as bundled by postman-sandbox 4.7.1).
 *
 * Failure messages and value rendering follow chai 4.4.1 + loupe 2.3 + deep-eql 4.1 +
 * type-detect 4.1 + pathval 1.1 + check-error 1.0 + assertion-error 1.1 byte for byte
 * (tests/js/chai_parity.mjs, tests/js/chai_sandbox_check.mjs). The code is an independent
 * implementation tuned for QuickJS:
 *   - an assertion is a plain object of three fields: `_obj` (the value under test), `_f` (flag
 *     bits) and `_x` (other flags, message included; never mutated once shared);
 *   - assertions handed to a script are never mutated: chain words return the receiver, steps
 *     that change the state return a new assertion (see "definition helpers");
 *   - failure messages are only built when an assertion fails;
 *   - chai's "Invalid Chai property" checks (its Proxy) are kept, but the Proxy sits *behind*
 *     Assertion.prototype in the prototype chain, so only names that do not exist reach it (free in
 *     QuickJS; V8 deoptimises property access through such chains, which only matters under node);
 *   - chainable methods (a/an/include/length...) use one wrapper function per name whose state is
 *     loaded on access, instead of a new closure + Proxy per access.
 *
 * Plain ES2020 script, no module syntax, no host APIs. Defines `globalThis.__pg_chai`:
 *   { expect, Assertion, AssertionError, use, config, util, version }.
 */
'use strict';
(function () {
  const G = globalThis;
  const ObjProto = Object.prototype;
  const FnProto = Function.prototype;
  const objToString = ObjProto.toString;
  const hasOwn = ObjProto.hasOwnProperty;
  const getProto = Object.getPrototypeOf;
  const setProto = Object.setPrototypeOf;
  const gOPN = Object.getOwnPropertyNames;
  const gOPS = Object.getOwnPropertySymbols;
  const gOPD = Object.getOwnPropertyDescriptor;
  const defProp = Object.defineProperty;
  const objKeys = Object.keys;
  const isArray = Array.isArray;
  const numIsNaN = Number.isNaN;
  const TAG = Symbol.toStringTag;
  const ITER = Symbol.iterator;
  const CHAI_INSPECT = Symbol.for('chai/inspect');

  // ------------------------------------------------------------------ config
  const config = {
    includeStack: false,
    showDiff: true,
    truncateThreshold: 40,
    useProxy: true,
    proxyExcludedKeys: ['then', 'catch', 'inspect', 'toJSON'],
    deepEqual: null
  };

  // ------------------------------------------------------------------ type detection (type-detect 4.1)
  const P_REGEXP = RegExp.prototype;
  const P_DATE = Date.prototype;
  const P_PROMISE = typeof Promise === 'function' ? Promise.prototype : {};
  const P_SET = Set.prototype;
  const P_MAP = Map.prototype;
  const P_WSET = typeof WeakSet === 'function' ? WeakSet.prototype : {};
  const P_WMAP = typeof WeakMap === 'function' ? WeakMap.prototype : {};
  const P_DV = typeof DataView === 'function' ? DataView.prototype : {};
  const P_MAPIT = getProto(new Map().entries());
  const P_SETIT = getProto(new Set().entries());
  const P_ARRIT = getProto([][ITER]());
  const P_STRIT = getProto(''[ITER]());

  function typeOf(obj) {
    const t = typeof obj;
    if (t !== 'object') return t;
    if (obj === null) return 'null';
    if (obj === G) return 'global';
    if (isArray(obj) && !(TAG in obj)) return 'Array';
    const tag = obj[TAG];
    if (typeof tag === 'string') return tag;
    const p = getProto(obj);
    if (p === ObjProto) {
      const s = objToString.call(obj);
      return s === '[object Object]' ? 'Object' : s.slice(8, -1);
    }
    if (p === P_REGEXP) return 'RegExp';
    if (p === P_DATE) return 'Date';
    if (p === P_PROMISE) return 'Promise';
    if (p === P_SET) return 'Set';
    if (p === P_MAP) return 'Map';
    if (p === P_WSET) return 'WeakSet';
    if (p === P_WMAP) return 'WeakMap';
    if (p === P_DV) return 'DataView';
    if (p === P_MAPIT) return 'Map Iterator';
    if (p === P_SETIT) return 'Set Iterator';
    if (p === P_ARRIT) return 'Array Iterator';
    if (p === P_STRIT) return 'String Iterator';
    if (p === null) return 'Object';
    return objToString.call(obj).slice(8, -1);
  }

  const LOWER_TYPES = Object.assign(Object.create(null), {
    Array: 'array', Object: 'object', Date: 'date', RegExp: 'regexp', Map: 'map', Set: 'set', Error: 'error',
    Promise: 'promise', WeakMap: 'weakmap', WeakSet: 'weakset', Arguments: 'arguments', Number: 'number',
    String: 'string', Boolean: 'boolean', Symbol: 'symbol'
  });
  // typeLower(obj)
  function typeLower(obj) {
    const t = typeof obj;
    if (t !== 'object') return t;
    if (obj === null) return 'null';
    const u = typeOf(obj);
    const l = LOWER_TYPES[u];
    return l !== undefined ? l : u.toLowerCase();
  }

  function getFuncName(fn) {
    if (typeof fn !== 'function') return null;
    return fn.name;
  }

  // ------------------------------------------------------------------ value rendering (loupe 2.3)
  const ELLIPSIS = '\u2026';
  const RE_ESC_TEST = /['\u0000-\u001f\u007f-\u009f\u00ad\u0600-\u0604\u070f\u17b4\u17b5\u200c-\u200f\u2028-\u202f\u2060-\u206f\ufeff\ufff0-\uffff]/;
  const RE_ESC = /['\u0000-\u001f\u007f-\u009f\u00ad\u0600-\u0604\u070f\u17b4\u17b5\u200c-\u200f\u2028-\u202f\u2060-\u206f\ufeff\ufff0-\uffff]/g;
  const ESCAPES = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', "'": "\\'", '\\': '\\\\' };
  const RE_IDENT_KEY = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
  const RE_SQUOTE = /'/g;
  const RE_ESC_DQUOTE = /\\"/g;
  const RE_EDGE_DQUOTE = /(^"|"$)/g;
  const ERROR_KEYS = ['stack', 'line', 'column', 'name', 'message', 'fileName', 'lineNumber', 'columnNumber', 'number', 'description'];

  function cut(value, length) {
    const s = String(value);
    const n = s.length;
    if (1 > length && n > 1) return ELLIPSIS;
    if (n > length && n > 1) return s.slice(0, length - 1) + ELLIPSIS;
    return s;
  }

  function escapeChar(ch) {
    return ESCAPES[ch] || '\\u' + ('0000' + ch.charCodeAt(0).toString(16)).slice(-4);
  }

  // `o` is a rendering frame: { t: remaining truncate budget, seen: [] } (loupe's options)
  function list(items, o, item, sep) {
    const size = items.length;
    if (size === 0) return '';
    const orig = o.t;
    let output = '';
    let peek = '';
    let tail = '';
    for (let i = 0; i < size; i += 1) {
      const last = i + 1 === size;
      const second = i + 2 === size;
      tail = ELLIPSIS + '(' + (size - i) + ')';
      o.t = orig - output.length - (last ? 0 : sep.length);
      const str = peek || item(items[i], o) + (last ? '' : sep);
      const next = output.length + str.length;
      const withTail = next + tail.length;
      if (last && next > orig && output.length + tail.length <= orig) break;
      if (!last && !second && withTail > orig) break;
      peek = last ? '' : item(items[i + 1], o) + (second ? '' : sep);
      if (!last && second && withTail > orig && next + peek.length > orig) break;
      output += str;
      if (!last && !second && next + peek.length >= orig) {
        tail = ELLIPSIS + '(' + (size - i - 1) + ')';
        break;
      }
      tail = '';
    }
    return output + tail;
  }

  function quoteKey(key) {
    if (RE_IDENT_KEY.test(key)) return key;
    return JSON.stringify(key).replace(RE_SQUOTE, "\\'").replace(RE_ESC_DQUOTE, '"').replace(RE_EDGE_DQUOTE, "'");
  }

  function renderProp(pair, o) {
    let key = pair[0];
    o.t -= 2;
    if (typeof key === 'string') key = quoteKey(key);
    else if (typeof key !== 'number') key = '[' + render(key, o) + ']';
    o.t -= key.length;
    return key + ': ' + render(pair[1], o);
  }

  function renderMapEntry(pair, o) {
    o.t -= 4;
    const key = render(pair[0], o);
    o.t -= key.length;
    return key + ' => ' + render(pair[1], o);
  }

  function pairsOf(obj, keys) {
    const out = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) out[i] = [keys[i], obj[keys[i]]];
    return out;
  }

  function renderNumber(n, o) {
    if (numIsNaN(n)) return 'NaN';
    if (n === Infinity) return 'Infinity';
    if (n === -Infinity) return '-Infinity';
    if (n === 0) return 1 / n === Infinity ? '+0' : '-0';
    return cut(n, o.t);
  }

  function renderString(s, o) {
    if (RE_ESC_TEST.test(s)) s = s.replace(RE_ESC, escapeChar);
    return "'" + cut(s, o.t - 2) + "'";
  }

  function renderArray(arr, o) {
    const extra = objKeys(arr).slice(arr.length);
    if (!arr.length && !extra.length) return '[]';
    o.t -= 4;
    const body = list(arr, o, render, ', ');
    o.t -= body.length;
    let props = '';
    if (extra.length) props = list(pairsOf(arr, extra), o, renderProp, ', ');
    return '[ ' + body + (props ? ', ' + props : '') + ' ]';
  }

  function renderTyped(arr, o) {
    let name;
    if (typeof G.Buffer === 'function' && arr instanceof G.Buffer) name = 'Buffer';
    else if (arr[TAG]) name = arr[TAG];
    else name = getFuncName(arr.constructor);
    o.t -= name.length + 4;
    const extra = objKeys(arr).slice(arr.length);
    if (!arr.length && !extra.length) return name + '[]';
    let output = '';
    for (let i = 0; i < arr.length; i++) {
      const s = cut(arr[i], o.t) + (i === arr.length - 1 ? '' : ', ');
      o.t -= s.length;
      if (arr[i] !== arr.length && o.t <= 3) {
        output += ELLIPSIS + '(' + (arr.length - arr[i] + 1) + ')';
        break;
      }
      output += s;
    }
    let props = '';
    if (extra.length) props = list(pairsOf(arr, extra), o, renderProp, ', ');
    return name + '[ ' + output + (props ? ', ' + props : '') + ' ]';
  }

  function renderDate(d, o) {
    const s = d.toJSON();
    if (s === null) return 'Invalid Date';
    const parts = s.split('T');
    const date = parts[0];
    return date + 'T' + cut(parts[1], o.t - date.length - 1);
  }

  function renderFunction(fn, o) {
    const name = getFuncName(fn);
    if (!name) return '[Function]';
    return '[Function ' + cut(name, o.t - 11) + ']';
  }

  function renderMap(map, o) {
    if (map.size - 1 <= 0) return 'Map{}';
    o.t -= 7;
    const entries = [];
    map.forEach(function (v, k) { entries.push([k, v]); });
    return 'Map{ ' + list(entries, o, renderMapEntry, ', ') + ' }';
  }

  function renderSet(set, o) {
    if (set.size === 0) return 'Set{}';
    o.t -= 7;
    const values = [];
    set.forEach(function (v) { values.push(v); });
    return 'Set{ ' + list(values, o, render, ', ') + ' }';
  }

  function renderRegExp(re, o) {
    const flags = re.toString().split('/')[2];
    return '/' + cut(re.source, o.t - (2 + flags.length)) + '/' + flags;
  }

  function renderSymbol(sym) {
    const d = sym.description;
    return d ? 'Symbol(' + d + ')' : 'Symbol()';
  }

  function renderBigInt(n, o) {
    let s = cut(n.toString(), o.t - 1);
    if (s !== ELLIPSIS) s += 'n';
    return s;
  }

  function renderArguments(args, o) {
    if (args.length === 0) return 'Arguments[]';
    o.t -= 13;
    return 'Arguments[ ' + list(args, o, render, ', ') + ' ]';
  }

  function renderError(err, o) {
    const props = gOPN(err).filter(function (k) { return ERROR_KEYS.indexOf(k) === -1; });
    const name = err.name;
    o.t -= name.length;
    let message = '';
    if (typeof err.message === 'string') message = cut(err.message, o.t);
    else props.unshift('message');
    message = message ? ': ' + message : '';
    o.t -= message.length + 5;
    const body = list(pairsOf(err, props), o, renderProp, ', ');
    return name + message + (body ? ' { ' + body + ' }' : '');
  }

  function renderObject(obj, o) {
    const names = gOPN(obj);
    const syms = gOPS(obj);
    if (names.length === 0 && syms.length === 0) return '{}';
    o.t -= 4;
    const seen = o.seen;
    if (seen.indexOf(obj) >= 0) return '[Circular]';
    seen.push(obj);
    const a = list(pairsOf(obj, names), o, renderProp, ', ');
    const b = list(pairsOf(obj, syms), o, renderProp, ', ');
    seen.pop();
    return '{ ' + a + (a && b ? ', ' : '') + b + ' }';
  }

  function renderClass(value, o) {
    let name = '';
    if (TAG in value) name = value[TAG];
    name = name || getFuncName(value.constructor);
    if (!name || name === '_class') name = '<Anonymous Class>';
    o.t -= name.length;
    return name + renderObject(value, o);
  }

  // the options object handed to custom inspectors, shaped like loupe's
  function loupeOptions(o) {
    return {
      showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false,
      maxArrayLength: Infinity, breakLength: Infinity, truncate: o.t, seen: o.seen,
      stylize: String, inspect: loupeInspect
    };
  }
  function loupeInspect(value, options) {
    options = options || {};
    const t = options.truncate === undefined ? Infinity : options.truncate;
    return render(value, { t: t, seen: options.seen || [] });
  }

  function renderCustom(value, o) {
    if (CHAI_INSPECT in value && typeof value[CHAI_INSPECT] === 'function') return value[CHAI_INSPECT](loupeOptions(o));
    if ('inspect' in value && typeof value.inspect === 'function') return value.inspect(2, loupeOptions(o));
    return '';
  }

  function render(value, parent) {
    const o = { t: Number(parent.t), seen: parent.seen };
    let type = value === null ? 'null' : typeof value;
    if (type === 'object') type = objToString.call(value).slice(8, -1);
    switch (type) {
      case 'undefined': return 'undefined';
      case 'null': return 'null';
      case 'boolean': case 'Boolean': return String(value);
      case 'number': case 'Number': return renderNumber(value, o);
      case 'bigint': case 'BigInt': return renderBigInt(value, o);
      case 'string': case 'String': return renderString(value, o);
      case 'function': case 'Function': return renderFunction(value, o);
      case 'symbol': case 'Symbol': return renderSymbol(value);
      case 'Array': return renderArray(value, o);
      case 'Date': return renderDate(value, o);
      case 'Map': return renderMap(value, o);
      case 'Set': return renderSet(value, o);
      case 'RegExp': return renderRegExp(value, o);
      case 'Promise': return 'Promise{' + ELLIPSIS + '}';
      case 'WeakSet': return 'WeakSet{' + ELLIPSIS + '}';
      case 'WeakMap': return 'WeakMap{' + ELLIPSIS + '}';
      case 'Arguments': return renderArguments(value, o);
      case 'Int8Array': case 'Uint8Array': case 'Uint8ClampedArray': case 'Int16Array': case 'Uint16Array':
      case 'Int32Array': case 'Uint32Array': case 'Float32Array': case 'Float64Array':
        return renderTyped(value, o);
      case 'Generator': case 'DataView': case 'ArrayBuffer': return '';
      case 'Error': return renderError(value, o);
      default: break;
    }
    if (value) {
      const out = renderCustom(value, o);
      if (out) {
        if (typeof out === 'string') return out;
        return render(out, o);
      }
    }
    const proto = value ? getProto(value) : false;
    if (proto === ObjProto || proto === null) return renderObject(value, o);
    if ('constructor' in value) {
      if (value.constructor !== Object) return renderClass(value, o);
      return renderObject(value, o);
    }
    if (value === Object(value)) return renderObject(value, o);
    return String(value);
  }

  // chai's utils.inspect(obj, showHidden, depth, colors)
  function inspect(obj) {
    const thr = config.truncateThreshold;
    return render(obj, { t: thr ? thr : Infinity, seen: [] });
  }

  // chai's utils.objDisplay
  function objDisplay(obj) {
    const str = inspect(obj);
    const thr = config.truncateThreshold;
    if (thr && str.length >= thr) {
      const type = objToString.call(obj);
      if (type === '[object Function]') {
        return !obj.name || obj.name === '' ? '[Function]' : '[Function: ' + obj.name + ']';
      } else if (type === '[object Array]') {
        return '[ Array(' + obj.length + ') ]';
      } else if (type === '[object Object]') {
        const keys = objKeys(obj);
        const kstr = keys.length > 2 ? keys.splice(0, 2).join(', ') + ', ...' : keys.join(', ');
        return '{ Object (' + kstr + ') }';
      }
    }
    return str;
  }

  function compareByInspect(a, b) {
    return inspect(a) < inspect(b) ? -1 : 1;
  }

  // ------------------------------------------------------------------ deep equality (deep-eql 4.1)
  // In-progress pairs replace deep-eql's memoisation map: a pair met again while it is still being
  // compared counts as equal (that is what the memo does for cycles); pairs compared again after
  // they completed give the same answer they gave the first time.
  const eqL = [];
  const eqR = [];
  let eqTop = 0;

  function isPrim(v) { return v === null || typeof v !== 'object'; }

  function deepEqual(l, r) {
    if (l === r) return l !== 0 || 1 / l === 1 / r;
    if (l !== l && r !== r) return true; // eslint-disable-line no-self-compare
    if (isPrim(l) || isPrim(r)) return false;
    for (let i = eqTop - 1; i >= 0; i--) {
      const a = eqL[i];
      const b = eqR[i];
      if ((a === l && b === r) || (a === r && b === l)) return true;
    }
    const type = typeOf(l);
    if (type !== typeOf(r)) return false;
    eqL[eqTop] = l;
    eqR[eqTop] = r;
    eqTop++;
    const res = eqByType(l, r, type);
    eqTop--;
    eqL[eqTop] = undefined;
    eqR[eqTop] = undefined;
    return res;
  }

  function eql(l, r) {
    const save = eqTop;
    try {
      return deepEqual(l, r);
    } catch (e) {
      for (let i = save; i < eqTop; i++) { eqL[i] = undefined; eqR[i] = undefined; }
      eqTop = save;
      throw e;
    }
  }

  function eqByType(l, r, type) {
    switch (type) {
      case 'String': case 'Number': case 'Boolean': case 'Date':
        return deepEqual(l.valueOf(), r.valueOf());
      case 'Promise': case 'Symbol': case 'function': case 'WeakMap': case 'WeakSet':
        return l === r;
      case 'Error':
        return eqKeys(l, r, ERR_EQ_KEYS);
      case 'Arguments': case 'Int8Array': case 'Uint8Array': case 'Uint8ClampedArray': case 'Int16Array':
      case 'Uint16Array': case 'Int32Array': case 'Uint32Array': case 'Float32Array': case 'Float64Array':
      case 'Array':
        return eqIterable(l, r);
      case 'RegExp':
        return l.toString() === r.toString();
      case 'Generator':
        return eqIterable(drain(l), drain(r));
      case 'DataView':
        return eqIterable(new Uint8Array(l.buffer), new Uint8Array(r.buffer));
      case 'ArrayBuffer':
        return eqIterable(new Uint8Array(l), new Uint8Array(r));
      case 'Set': case 'Map':
        return eqEntries(l, r);
      default:
        return eqObject(l, r);
    }
  }
  const ERR_EQ_KEYS = ['name', 'message', 'code'];

  function eqIterable(l, r) {
    const n = l.length;
    if (n !== r.length) return false;
    for (let i = 0; i < n; i++) {
      if (deepEqual(l[i], r[i]) === false) return false;
    }
    return true;
  }

  function eqKeys(l, r, keys) {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (deepEqual(l[k], r[k]) === false) return false;
    }
    return true;
  }

  function eqEntries(l, r) {
    try {
      if (l.size !== r.size) return false;
      if (l.size === 0) return true;
    } catch (e) {
      return false;
    }
    const li = [];
    const ri = [];
    l.forEach(function (a, b) { li.push([a, b]); });
    r.forEach(function (a, b) { ri.push([a, b]); });
    return eqIterable(li.sort(), ri.sort());
  }

  function drain(gen) {
    let step = gen.next();
    const acc = [step.value];
    while (step.done === false) {
      step = gen.next();
      acc.push(step.value);
    }
    return acc;
  }

  function iterEntries(target) {
    if (typeof target === 'object' && typeof target[ITER] === 'function') {
      try {
        return drain(target[ITER]());
      } catch (e) {
        return [];
      }
    }
    return [];
  }

  let keysHadSymbols = false;
  function enumKeys(obj) {
    const keys = [];
    for (const k in obj) keys.push(k);
    const syms = gOPS(obj);
    keysHadSymbols = false;
    for (let i = 0; i < syms.length; i++) {
      if (gOPD(obj, syms[i]).enumerable) {
        keys.push(syms[i]);
        keysHadSymbols = true;
      }
    }
    return keys;
  }

  function symbolsToString(keys) {
    const out = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      out[i] = typeof k === 'symbol' ? k.toString() : k;
    }
    return out;
  }

  function eqObject(l, r) {
    const lk = enumKeys(l);
    const symbols = keysHadSymbols;
    const rk = enumKeys(r);
    const n = lk.length;
    if (n && n === rk.length) {
      if (symbols || keysHadSymbols || n > 16) {
        if (eqIterable(symbolsToString(lk).sort(), symbolsToString(rk).sort()) === false) return false;
      } else {
        // for-in names are unique: equal sorted lists <=> same names
        for (let i = 0; i < n; i++) {
          if (rk.indexOf(lk[i]) === -1) return false;
        }
      }
      return eqKeys(l, r, lk);
    }
    const le = iterEntries(l);
    const re = iterEntries(r);
    if (le.length && le.length === re.length) {
      le.sort();
      re.sort();
      return eqIterable(le, re);
    }
    return lk.length === 0 && le.length === 0 && rk.length === 0 && re.length === 0;
  }

  // ------------------------------------------------------------------ pathval 1.1
  const RE_PATH_BRACKET = /([^\\])\[/g;
  const RE_PATH_PARTS = /(\\\.|[^.]+?)+/g;
  const RE_PATH_INDEX = /^\[(\d+)\]$/;
  const RE_PATH_UNESCAPE = /\\([.[\]])/g;

  function parsePath(path) {
    const str = path.replace(RE_PATH_BRACKET, '$1.[');
    const parts = str.match(RE_PATH_PARTS);
    return parts.map(function (value) {
      if (value === 'constructor' || value === '__proto__' || value === 'prototype') return {};
      const m = RE_PATH_INDEX.exec(value);
      if (m) return { i: parseFloat(m[1]) };
      return { p: value.replace(RE_PATH_UNESCAPE, '$1') };
    });
  }

  function pathValue(obj, parsed, depth) {
    let tmp = obj;
    let res = null;
    depth = depth === undefined ? parsed.length : depth;
    for (let i = 0; i < depth; i++) {
      const part = parsed[i];
      if (tmp) {
        tmp = part.p === undefined ? tmp[part.i] : tmp[part.p];
        if (i === depth - 1) res = tmp;
      }
    }
    return res;
  }

  function hasProperty(obj, name) {
    if (obj === undefined || obj === null) return false;
    return name in Object(obj);
  }

  function getPathInfo(obj, path) {
    const parsed = parsePath(path);
    const last = parsed[parsed.length - 1];
    const info = {
      parent: parsed.length > 1 ? pathValue(obj, parsed, parsed.length - 1) : obj,
      name: last.p || last.i,
      value: pathValue(obj, parsed)
    };
    info.exists = hasProperty(info.parent, info.name);
    return info;
  }

  // ------------------------------------------------------------------ check-error 1.0
  function compatibleInstance(thrown, errorLike) {
    return errorLike instanceof Error && thrown === errorLike;
  }
  function compatibleConstructor(thrown, errorLike) {
    if (errorLike instanceof Error) {
      return thrown.constructor === errorLike.constructor || thrown instanceof errorLike.constructor;
    } else if (errorLike.prototype instanceof Error || errorLike === Error) {
      return thrown.constructor === errorLike || thrown instanceof errorLike;
    }
    return false;
  }
  function compatibleMessage(thrown, matcher) {
    const str = typeof thrown === 'string' ? thrown : thrown.message;
    if (matcher instanceof RegExp) return matcher.test(str);
    if (typeof matcher === 'string') return str.indexOf(matcher) !== -1;
    return false;
  }
  function getConstructorName(errorLike) {
    let name = errorLike;
    if (errorLike instanceof Error) {
      name = getFuncName(errorLike.constructor);
    } else if (typeof errorLike === 'function') {
      name = getFuncName(errorLike);
      if (name === '') name = getFuncName(new errorLike()) || name; // eslint-disable-line new-cap
    }
    return name;
  }
  function getErrorMessage(errorLike) {
    if (errorLike && errorLike.message) return errorLike.message;
    if (typeof errorLike === 'string') return errorLike;
    return '';
  }
  const checkError = {
    compatibleInstance: compatibleInstance,
    compatibleConstructor: compatibleConstructor,
    compatibleMessage: compatibleMessage,
    getMessage: getErrorMessage,
    getConstructorName: getConstructorName
  };

  // ------------------------------------------------------------------ AssertionError (assertion-error 1.1)
  const AE_EXCLUDE = ['name', 'message', 'stack', 'constructor', 'toJSON'];

  function AssertionError(message, props, ssf) {
    this.message = message || 'Unspecified AssertionError';
    this.showDiff = false;
    if (props) {
      const keys = objKeys(props);
      for (let i = 0; i < keys.length; i++) {
        if (AE_EXCLUDE.indexOf(keys[i]) === -1) this[keys[i]] = props[keys[i]];
      }
    }
    let stack;
    if (typeof Error.captureStackTrace === 'function') {
      Error.captureStackTrace(this, ssf || AssertionError);
      stack = this.stack;
    } else {
      try { stack = new Error().stack; } catch (e) { stack = ''; }
    }
    const head = this.name + ': ' + this.message;
    if (typeof stack !== 'string' || stack.slice(0, head.length) !== head) {
      stack = head + '\n' + (typeof stack === 'string' ? stack : '');
    }
    defProp(this, 'stack', { value: stack, writable: true, configurable: true, enumerable: false });
  }
  AssertionError.prototype = Object.create(Error.prototype);
  AssertionError.prototype.name = 'AssertionError';
  AssertionError.prototype.constructor = AssertionError;
  AssertionError.prototype.toJSON = function (stack) {
    const out = { name: this.name };
    const keys = objKeys(this);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k !== 'constructor' && k !== 'toJSON' && k !== 'stack') out[k] = this[k];
    }
    if (stack !== false && this.stack) out.stack = this.stack;
    return out;
  };

  // ------------------------------------------------------------------ flags
  // Boolean flags live in a bit field (`_f`), the object under test in `_obj` and every other flag
  // (message, delta flags, plugin flags...) in `_x`, an object that is never mutated once shared.
  const NEG = 1, DEEP = 2, NESTED = 4, OWN = 8, ORDERED = 16, ANY = 32, ALL = 64, CONTAINS = 128,
    DOLENGTH = 256, ITSELF = 512;
  const BITS = {
    negate: NEG, deep: DEEP, nested: NESTED, own: OWN, ordered: ORDERED, any: ANY, all: ALL,
    contains: CONTAINS, doLength: DOLENGTH, itself: ITSELF
  };
  const IGNORED_FLAGS = { ssfi: true, lockSsfi: true };

  function xset(x, key, value) {
    const n = {};
    if (x !== null) {
      for (const k in x) n[k] = x[k];
    }
    n[key] = value;
    return n;
  }

  function setMessage(a, msg) {
    a._x = xset(a._x, 'message', msg);
  }

  function flagMessage(a) {
    const x = a._x;
    return x === null ? undefined : x.message;
  }

  function prefix(a) {
    const m = flagMessage(a);
    return m ? m + ': ' : '';
  }

  function flag(obj, key, value) {
    if (typeof obj._f !== 'number') obj._f = 0;
    if (obj._x === undefined) obj._x = null;
    if (arguments.length === 3) {
      if (key === 'object') obj._obj = value;
      else if (hasOwn.call(BITS, key)) obj._f = value ? obj._f | BITS[key] : obj._f & ~BITS[key];
      else if (!hasOwn.call(IGNORED_FLAGS, key)) obj._x = xset(obj._x, key, value);
      return undefined;
    }
    if (key === 'object') return obj._obj;
    if (hasOwn.call(BITS, key)) return (obj._f & BITS[key]) !== 0 ? true : undefined;
    if (key === 'eql') return getEql(obj);
    const x = obj._x;
    return x === null ? undefined : x[key];
  }

  function transferFlags(from, to, includeAll) {
    includeAll = arguments.length === 3 ? includeAll : true;
    to._f = (typeof to._f === 'number' ? to._f : 0) | (from._f | 0);
    if (includeAll) to._obj = from._obj;
    const fx = from._x || null;
    if (fx !== null) {
      const n = {};
      const tx = to._x || null;
      if (tx !== null) for (const k in tx) n[k] = tx[k];
      for (const k in fx) if (includeAll || k !== 'message') n[k] = fx[k];
      to._x = n;
    } else if (to._x === undefined) {
      to._x = null;
    }
  }

  function getEql(a) {
    const x = a._x;
    return (x !== null && x !== undefined && x.eql) || config.deepEqual || eql;
  }

  // ------------------------------------------------------------------ Assertion
  function Assertion(obj, msg) {
    this._obj = obj;
    this._f = 0;
    this._x = msg === undefined ? null : { message: msg };
  }
  function Copy(obj, f, x) {
    this._obj = obj;
    this._f = f;
    this._x = x;
  }
  const AP = Assertion.prototype;
  Copy.prototype = AP;

  const RE_HAVE = /\shave\s/;
  const RE_NOT = /\snot\s/;

  function operatorFor(a, template, expected) {
    const op = a._x !== null && a._x !== undefined ? a._x.operator : undefined;
    if (op) return op;
    if (!template) return undefined;
    if (RE_HAVE.test(template)) return undefined;
    const t = typeOf(expected);
    const isObj = t === 'Array' || t === 'Object' || t === 'function';
    if (RE_NOT.test(template)) return isObj ? 'notDeepStrictEqual' : 'notStrictEqual';
    return isObj ? 'deepStrictEqual' : 'strictEqual';
  }

  function fillMessage(a, template, expected, actual) {
    let msg = template;
    if (msg.indexOf('#{this}') !== -1) msg = msg.split('#{this}').join(objDisplay(a._obj));
    if (msg.indexOf('#{act}') !== -1) msg = msg.split('#{act}').join(objDisplay(actual));
    if (msg.indexOf('#{exp}') !== -1) msg = msg.split('#{exp}').join(objDisplay(expected));
    const fm = flagMessage(a);
    return fm ? fm + ': ' + msg : msg;
  }

  // The failing branch of Assertion#assert. `hasAct` tells whether an explicit actual was given.
  function fail(a, msg, negMsg, expected, actual, hasAct, showDiff) {
    const negate = (a._f & NEG) !== 0;
    if (showDiff !== false) showDiff = true;
    if (expected === undefined && (hasAct ? actual : undefined) === undefined) showDiff = false;
    if (config.showDiff !== true) showDiff = false;
    let template = negate ? negMsg : msg;
    if (typeof template === 'function') template = template();
    template = template || '';
    const act = hasAct ? actual : a._obj;
    const text = fillMessage(a, template, expected, act);
    const props = { actual: act, expected: expected, showDiff: showDiff };
    let opTemplate = negate ? negMsg : msg;
    if (typeof opTemplate === 'function') opTemplate = opTemplate();
    const op = operatorFor(a, opTemplate || '', expected);
    if (op) props.operator = op;
    throw new AssertionError(text, props, fail);
  }

  function simpleError(message) {
    return new AssertionError(message, undefined, simpleError);
  }

  AP.assert = function assert(expr, msg, negateMsg, expected, _actual, showDiff) {
    if (((this._f & NEG) !== 0) !== !!expr) return;
    fail(this, msg, negateMsg, expected, _actual, arguments.length > 4, showDiff);
  };

  // sub-assertions used inside assertions (chai: `new Assertion(obj, flagMsg).is.a(type)` etc.)
  function subAssertion(obj, msg) {
    return { __proto__: AP, _obj: obj, _f: 0, _x: msg === undefined ? null : { message: msg } };
  }

  function article(type) {
    const c = type.charAt(0);
    return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' ? 'an ' : 'a ';
  }

  // `new Assertion(obj, flagMsg).is.a(type)` with `type` already lower case
  function requireType(obj, type, msg) {
    if (typeLower(obj) === type) return;
    fail(subAssertion(obj, msg), 'expected #{this} to be ' + article(type) + type,
      'expected #{this} not to be ' + article(type) + type);
  }

  // `new Assertion(obj, flagMsg).to.have.property(name)` for a plain property name
  function requireProperty(obj, name, msg) {
    if (obj === null || obj === undefined) {
      throw simpleError((msg ? msg + ': ' : '') + 'Target cannot be null or undefined.');
    }
    if (name in Object(obj)) return;
    fail(subAssertion(obj, msg), 'expected #{this} to have property ' + inspect(name),
      'expected #{this} to not have property ' + inspect(name));
  }

  // ------------------------------------------------------------------ proxy-equivalent property checks
  const BUILTINS = ['__flags', '__methods', '_obj', 'assert'];
  const FN_OWN_NAMES = ['length', 'name', 'arguments', 'caller', 'prototype', 'call', 'apply'];
  let protoNames = null;

  function candidateNames() {
    if (protoNames === null) {
      protoNames = gOPN(AP).filter(function (p) {
        return !hasOwn.call(ObjProto, p) && BUILTINS.indexOf(p) === -1;
      });
    }
    return protoNames;
  }

  function stringDistanceCapped(a, b, cap) {
    if (Math.abs(a.length - b.length) >= cap) return cap;
    const memo = [];
    for (let i = 0; i <= a.length; i++) {
      memo[i] = new Array(b.length + 1).fill(0);
      memo[i][0] = i;
    }
    for (let j = 0; j < b.length; j++) memo[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
      const ch = a.charCodeAt(i - 1);
      for (let j = 1; j <= b.length; j++) {
        if (Math.abs(i - j) >= cap) {
          memo[i][j] = cap;
          continue;
        }
        memo[i][j] = Math.min(memo[i - 1][j] + 1, memo[i][j - 1] + 1,
          memo[i - 1][j - 1] + (ch === b.charCodeAt(j - 1) ? 0 : 1));
      }
    }
    return memo[a.length][b.length];
  }

  function invalidProperty(prop, receiver) {
    let best = 4;
    let suggestion = null;
    const consider = function (p) {
      const d = stringDistanceCapped(prop, p, best);
      if (d < best) {
        suggestion = p;
        best = d;
      }
    };
    if (typeof receiver === 'function') FN_OWN_NAMES.forEach(consider);
    candidateNames().forEach(consider);
    if (suggestion !== null) return Error('Invalid Chai property: ' + prop + '. Did you mean "' + suggestion + '"?');
    return Error('Invalid Chai property: ' + prop);
  }

  const ChainProto = Object.create(AP);
  const trapTarget = {};
  const assertionTrap = new Proxy(trapTarget, {
    get: function (target, prop, receiver) {
      if (typeof prop === 'string' && !(prop in target) && receiver !== AP && receiver !== ChainProto &&
        config.useProxy && typeof Proxy !== 'undefined' && config.proxyExcludedKeys.indexOf(prop) === -1) {
        throw invalidProperty(prop, receiver);
      }
      return Reflect.get(target, prop, receiver);
    }
  });
  setProto(AP, assertionTrap);
  defProp(ChainProto, 'call', { value: FnProto.call, writable: true, enumerable: true, configurable: true });
  defProp(ChainProto, 'apply', { value: FnProto.apply, writable: true, enumerable: true, configurable: true });

  // methods: unknown properties read from an assertion method (`expect(x).to.equal.foo`)
  const methodNames = new WeakMap();
  const methodTrap = new Proxy(Object.create(FnProto), {
    get: function (target, prop, receiver) {
      if (typeof prop === 'string' && !(prop in target) && config.proxyExcludedKeys.indexOf(prop) === -1 &&
        methodNames.has(receiver)) {
        const name = methodNames.get(receiver);
        throw Error('Invalid Chai property: ' + name + '.' + prop + '. See docs for proper usage of "' + name + '".');
      }
      return Reflect.get(target, prop, receiver);
    }
  });

  // `expect(x).to.equal.length` (chai's addLengthGuard)
  const methodLengthGuard = {
    get: function () {
      const name = methodNames.get(this);
      throw Error('Invalid Chai property: ' + name + '.length. See docs for proper usage of "' + name + '".');
    },
    configurable: true
  };

  function guardMethod(fn, name) {
    methodNames.set(fn, name);
    setProto(fn, methodTrap);
    defProp(fn, 'length', methodLengthGuard);
    return fn;
  }

  // ------------------------------------------------------------------ definition helpers
  // Assertion objects are never mutated once handed out: chain words return the receiver and
  // anything that changes the state (a flag, the message, the object under test) returns a new
  // assertion. chai mutates the receiver *and* returns a copy; the two agree unless a script keeps
  // an intermediate assertion in a variable and reuses it after calling a state-changing step on
  // that very variable (e.g. `const t = expect(x).to; t.not.equal(1); t.equal(x)`).
  const CORE = new WeakSet(); // core getters/methods (they return the next assertion, no mutation)

  function defineOn(ctx, name, desc) {
    defProp(ctx, name, desc);
    if (ctx === AP) protoNames = null;
  }

  function defineCoreGetter(name, get) {
    CORE.add(get);
    defineOn(AP, name, { get: get, configurable: true });
  }

  // the assertion a step hands on: never one of the shared chain wrappers
  function ret(a) {
    return typeof a === 'function' ? { __proto__: AP, _obj: a._obj, _f: a._f, _x: a._x } : a;
  }

  function withMessage(a, msg) {
    return { __proto__: AP, _obj: a._obj, _f: a._f, _x: xset(a._x, 'message', msg) };
  }

  // Runs chai-style code (which changes `this` through flag()/_obj and returns undefined) without
  // changing the receiver: the changes end up on the assertion that is returned.
  function runPlugin(receiver, fn, args) {
    if (typeof receiver === 'function') {
      const self = { __proto__: AP, _obj: receiver._obj, _f: receiver._f, _x: receiver._x };
      const r = fn.apply(self, args);
      return r !== undefined ? r : self;
    }
    if (receiver === null || typeof receiver !== 'object') return fn.apply(receiver, args);
    const o = receiver._obj;
    const f = receiver._f;
    const x = receiver._x;
    const r = fn.apply(receiver, args);
    if (receiver._obj !== o || receiver._f !== f || receiver._x !== x) {
      const changed = { __proto__: AP, _obj: receiver._obj, _f: receiver._f, _x: receiver._x };
      receiver._obj = o;
      receiver._f = f;
      receiver._x = x;
      return r !== undefined ? r : changed;
    }
    return r !== undefined ? r : receiver;
  }

  // a core step seen through chai's plugin contract (mutate `this`, return undefined), for
  // plugins that overwrite a core assertion and call the original
  function asPlugin(fn) {
    if (!CORE.has(fn)) return fn;
    return function () {
      const next = fn.apply(this, arguments);
      if (next !== this && next !== null && next !== undefined && (typeof next === 'object' || typeof next === 'function')) {
        this._obj = next._obj;
        this._f = next._f;
        this._x = next._x;
      }
    };
  }

  const NO_ARGS = [];

  function addProperty(ctx, name, getter) {
    const fn = getter === undefined ? function () {} : getter;
    defineOn(ctx, name, {
      get: function propertyGetter() { return runPlugin(this, fn, NO_ARGS); },
      configurable: true
    });
  }

  function addMethod(ctx, name, method) {
    const wrapper = function methodWrapper() { return runPlugin(this, method, arguments); };
    guardMethod(wrapper, name);
    defineOn(ctx, name, { value: wrapper, writable: true, enumerable: true, configurable: true });
  }

  // a core method: its implementation returns the next assertion itself
  function addDirectMethod(name, fn) {
    CORE.add(fn);
    guardMethod(fn, name);
    defineOn(AP, name, { value: fn, writable: true, enumerable: true, configurable: true });
  }

  const chainables = new Map(); // ctx -> { name: entry }

  function chainRegistry(ctx) {
    let reg = chainables.get(ctx);
    if (!reg) {
      reg = Object.create(null);
      chainables.set(ctx, reg);
    }
    return reg;
  }

  // One wrapper function per chainable name, shared by all assertions: the getter loads the
  // receiver's state into it (so that `expect(x).to.include.members(...)` works) and calling it
  // (`expect(x).to.include(1)`) runs the assertion on that state.
  function makeChainWrapper(entry, name) {
    // two shapes: core assertions take the assertion as their first parameter and return the next
    // one; plugin methods follow chai's contract (see runPlugin). Neither touches `arguments` on
    // the core path, which would cost an allocation per call in QuickJS.
    const W = entry.core
      ? function chainableMethodWrapper(a, b) {
        let self = this;
        if (self === W._src && (W._dirty || typeof self === 'function')) self = { __proto__: AP, _obj: W._obj, _f: W._f, _x: W._x };
        return entry.impl(self, a, b);
      }
      : function chainableMethodWrapper() {
        let self = this;
        if (self === W._src && (W._dirty || typeof self === 'function')) self = { __proto__: AP, _obj: W._obj, _f: W._f, _x: W._x };
        return runPlugin(self, entry.method, arguments);
      };
    W._obj = undefined;
    W._f = 0;
    W._x = null;
    W._src = null;
    W._dirty = false;
    chainNames.set(W, name);
    setProto(W, ChainProto);
    defProp(W, 'length', chainLengthGuard);
    return W;
  }

  // `expect(x).to.be.a.length` (chai's addLengthGuard for chainable methods)
  const chainNames = new WeakMap();
  const chainLengthGuard = {
    get: function () {
      const name = chainNames.get(this);
      throw Error('Invalid Chai property: ' + name + '.length. Due to a compatibility issue, "length" cannot directly follow "' +
        name + '". Use "' + name + '.lengthOf" instead.');
    },
    configurable: true
  };

  // `method` follows chai's plugin contract; core assertions pass `impl(assertion, arg1, arg2)`
  // (returns the next assertion) as `method` with `core` set
  // (`bit`: a core chaining behaviour that only sets that flag)
  function addChainableMethod(ctx, name, method, chainingBehavior, core, bit) {
    const entry = {
      method: core === true ? coreAsPlugin(method) : method,
      impl: core === true ? method : null,
      chain: typeof chainingBehavior === 'function' ? chainingBehavior : null,
      bit: bit | 0,
      core: core === true,
      W: null
    };
    const W = entry.W = makeChainWrapper(entry, name);
    chainRegistry(ctx)[name] = entry;
    defineOn(ctx, name, { get: chainGetterFor(entry, W), configurable: true });
  }

  function chainGetterFor(entry, W) {
    return function chainableMethodGetter() {
      const o = this._obj;
      const f = this._f;
      const x = this._x;
      W._obj = o;
      W._f = f | entry.bit;
      W._x = x;
      W._src = this;
      if (entry.chain !== null) entry.chain.call(W);
      W._dirty = W._obj !== o || W._f !== f || W._x !== x;
      return W;
    };
  }

  function overwriteProperty(ctx, name, getter) {
    const d = gOPD(ctx, name);
    const _super = d && typeof d.get === 'function' ? asPlugin(d.get) : function () {};
    defineOn(ctx, name, {
      get: function overwritingPropertyGetter() { return runPlugin(this, getter(_super), NO_ARGS); },
      configurable: true
    });
  }

  function overwriteMethod(ctx, name, method) {
    const d = gOPD(ctx, name);
    const existing = d && 'value' in d ? d.value : undefined;
    const _super = typeof existing === 'function' ? asPlugin(existing) : function () {
      throw new Error(name + ' is not a function');
    };
    const wrapper = function overwritingMethodWrapper() { return runPlugin(this, method(_super), arguments); };
    guardMethod(wrapper, name);
    defineOn(ctx, name, { value: wrapper, writable: true, enumerable: true, configurable: true });
  }

  function overwriteChainableMethod(ctx, name, method, chainingBehavior) {
    const entry = chainRegistry(ctx)[name];
    const bit = entry.bit;
    const prevChain = entry.chain || function () { this._f |= bit; };
    entry.bit = 0;
    entry.chain = function overwritingChainableMethodGetter() {
      chainingBehavior(prevChain).call(this);
    };
    const prevMethod = entry.method;
    entry.method = function overwritingChainableMethodWrapper() {
      return method(prevMethod).apply(this, arguments);
    };
    entry.core = false;
    // the wrapper's shape depends on `core`: rebuild it and the getter that hands it out
    const W = entry.W = makeChainWrapper(entry, name);
    defineOn(ctx, name, { get: chainGetterFor(entry, W), configurable: true });
  }

  // a core chainable implementation `impl(assertion, x, y)` seen through chai's plugin contract
  function coreAsPlugin(impl) {
    return function () {
      const next = impl(this, arguments[0], arguments[1]);
      if (next !== this && next !== null && next !== undefined && (typeof next === 'object' || typeof next === 'function')) {
        this._obj = next._obj;
        this._f = next._f;
        this._x = next._x;
      }
    };
  }

  Assertion.addProperty = function (name, fn) { addProperty(this.prototype, name, fn); };
  Assertion.addMethod = function (name, fn) { addMethod(this.prototype, name, fn); };
  Assertion.addChainableMethod = function (name, fn, chainingBehavior) {
    addChainableMethod(this.prototype, name, fn, chainingBehavior, false);
  };
  Assertion.overwriteProperty = function (name, fn) { overwriteProperty(this.prototype, name, fn); };
  Assertion.overwriteMethod = function (name, fn) { overwriteMethod(this.prototype, name, fn); };
  Assertion.overwriteChainableMethod = function (name, fn, chainingBehavior) {
    overwriteChainableMethod(this.prototype, name, fn, chainingBehavior);
  };
  defProp(Assertion, 'includeStack', {
    get: function () { return config.includeStack; },
    set: function (v) { config.includeStack = v; }
  });
  defProp(Assertion, 'showDiff', {
    get: function () { return config.showDiff; },
    set: function (v) { config.showDiff = v; }
  });
  // ================================================================== core assertions
  // (defined in chai's order: the order feeds the "Did you mean" suggestions)

  const chainGetter = function () {
    return typeof this === 'function' ? { __proto__: AP, _obj: this._obj, _f: this._f, _x: this._x } : this;
  };
  ['to', 'be', 'been', 'is', 'and', 'has', 'have', 'with', 'that', 'which', 'at', 'of', 'same', 'but', 'does',
    'still', 'also'].forEach(function (name) {
    defineCoreGetter(name, chainGetter);
  });

  function flagGetter(bit) {
    return function () {
      return { __proto__: AP, _obj: this._obj, _f: this._f | bit, _x: this._x };
    };
  }
  defineCoreGetter('not', flagGetter(NEG));
  defineCoreGetter('deep', flagGetter(DEEP));
  defineCoreGetter('nested', flagGetter(NESTED));
  defineCoreGetter('own', flagGetter(OWN));
  defineCoreGetter('ordered', flagGetter(ORDERED));
  defineCoreGetter('any', function () {
    return { __proto__: AP, _obj: this._obj, _f: (this._f | ANY) & ~ALL, _x: this._x };
  });
  defineCoreGetter('all', function () {
    return { __proto__: AP, _obj: this._obj, _f: (this._f | ALL) & ~ANY, _x: this._x };
  });

  // --- a / an
  function an(self, type, msg) {
    const a = msg ? withMessage(self, msg) : self;
    const t = typeLower(a._obj);
    let ok = t === type;
    if (!ok) {
      type = type.toLowerCase();
      ok = t === type;
    }
    if (ok === ((a._f & NEG) !== 0)) {
      type = type.toLowerCase();
      const art = article(type);
      fail(a, 'expected #{this} to be ' + art + type, 'expected #{this} not to be ' + art + type);
    }
    return ret(a);
  }
  addChainableMethod(AP, 'an', an, null, true);
  addChainableMethod(AP, 'a', an, null, true);

  // --- include / contain
  function sameValueZero(a, b) {
    return (a !== a && b !== b) || a === b; // eslint-disable-line no-self-compare
  }


  function include(self, val, msg) {
    const a = msg ? withMessage(self, msg) : self;
    const obj = a._obj;
    const f = a._f;
    let included;
    if (typeof obj === 'string') {
      included = obj.indexOf(val) !== -1;
    } else if ((f & DEEP) === 0 && isArray(obj) && !(TAG in obj)) {
      included = obj.indexOf(val) !== -1;
    } else {
      included = includeOther(a, obj, val, f);
      if (included === undefined) return ret(a);
    }
    if (included === ((f & NEG) !== 0)) {
      const d = (f & DEEP) !== 0 ? 'deep ' : '';
      const shown = inspect(val);
      fail(a, 'expected #{this} to ' + d + 'include ' + shown, 'expected #{this} to not ' + d + 'include ' + shown);
    }
    return ret(a);
  }

  // include() for everything but strings and plain arrays; `undefined` once an object's
  // properties have been checked (they assert on their own)
  function includeOther(a, obj, val, f) {
    const negate = (f & NEG) !== 0;
    const isDeep = (f & DEEP) !== 0;
    const objType = typeLower(obj);
    const isEq = isDeep ? getEql(a) : sameValueZero;
    let included = false;
    switch (objType) {
      case 'string':
        return obj.indexOf(val) !== -1;
      case 'weakset':
        if (isDeep) throw simpleError(prefix(a) + 'unable to use .deep.include with WeakSet');
        return obj.has(val);
      case 'map':
        obj.forEach(function (item) { included = included || isEq(item, val); });
        return included;
      case 'set':
        if (isDeep) {
          obj.forEach(function (item) { included = included || isEq(item, val); });
          return included;
        }
        return obj.has(val);
      case 'array':
        if (isDeep) return obj.some(function (item) { return isEq(item, val); });
        return obj.indexOf(val) !== -1;
      default: {
        if (val !== Object(val)) {
          const vt = typeLower(val);
          throw simpleError(prefix(a) + 'the given combination of arguments (' + objType + ' and ' + vt +
            ') is invalid for this assertion. You can use an array, a map, an object, a set, a string, or a weakset instead of a ' + vt);
        }
        const props = objKeys(val);
        let firstErr = null;
        let numErrs = 0;
        for (let i = 0; i < props.length; i++) {
          const prop = props[i];
          const sub = { __proto__: AP, _obj: obj, _f: f, _x: a._x };
          if (!negate || props.length === 1) {
            sub.property(prop, val[prop]);
            continue;
          }
          try {
            sub.property(prop, val[prop]);
          } catch (err) {
            if (!compatibleConstructor(err, AssertionError)) throw err;
            if (firstErr === null) firstErr = err;
            numErrs++;
          }
        }
        if (negate && props.length > 1 && numErrs === props.length) throw firstErr;
        return undefined;
      }
    }
  }
  addChainableMethod(AP, 'include', include, null, true, CONTAINS);
  addChainableMethod(AP, 'contain', include, null, true, CONTAINS);
  addChainableMethod(AP, 'contains', include, null, true, CONTAINS);
  addChainableMethod(AP, 'includes', include, null, true, CONTAINS);

  // --- simple properties
  function propAssert(name, test, msg, negMsg) {
    defineCoreGetter(name, function () {
      if (test(this._obj) === ((this._f & NEG) !== 0)) fail(this, msg, negMsg);
      return typeof this === 'function' ? { __proto__: AP, _obj: this._obj, _f: this._f, _x: this._x } : this;
    });
  }
  propAssert('ok', function (v) { return !!v; }, 'expected #{this} to be truthy', 'expected #{this} to be falsy');
  defineCoreGetter('true', function () {
    const negate = (this._f & NEG) !== 0;
    if ((this._obj === true) === negate) fail(this, 'expected #{this} to be true', 'expected #{this} to be false', !negate);
    return ret(this);
  });
  defineCoreGetter('false', function () {
    const negate = (this._f & NEG) !== 0;
    if ((this._obj === false) === negate) fail(this, 'expected #{this} to be false', 'expected #{this} to be true', negate);
    return ret(this);
  });
  propAssert('null', function (v) { return v === null; }, 'expected #{this} to be null', 'expected #{this} not to be null');
  propAssert('undefined', function (v) { return v === undefined; }, 'expected #{this} to be undefined',
    'expected #{this} not to be undefined');
  propAssert('NaN', function (v) { return numIsNaN(v); }, 'expected #{this} to be NaN', 'expected #{this} not to be NaN');
  const existTest = function (v) { return v !== null && v !== undefined; };
  propAssert('exist', existTest, 'expected #{this} to exist', 'expected #{this} to not exist');
  propAssert('exists', existTest, 'expected #{this} to exist', 'expected #{this} to not exist');

  defineCoreGetter('empty', function () {
    {
      const val = this._obj;
      let count;
      if (typeof val === 'string') {
        count = val.length;
      } else {
        switch (typeLower(val)) {
          case 'array':
          case 'string':
            count = val.length;
            break;
          case 'map':
          case 'set':
            count = val.size;
            break;
          case 'weakmap':
          case 'weakset':
            throw simpleError(prefix(this) + '.empty was passed a weak collection');
          case 'function':
            throw simpleError((prefix(this) + '.empty was passed a function ' + getFuncName(val)).trim());
          default:
            if (val !== Object(val)) {
              throw simpleError(prefix(this) + '.empty was passed non-string primitive ' + inspect(val));
            }
            count = objKeys(val).length;
        }
      }
      if ((count === 0) === ((this._f & NEG) !== 0)) {
        fail(this, 'expected #{this} to be empty', 'expected #{this} not to be empty');
      }
      return ret(this);
    }
  });

  function argumentsGetter() {
    const type = typeOf(this._obj);
    if ((type === 'Arguments') === ((this._f & NEG) !== 0)) {
      fail(this, 'expected #{this} to be arguments but got ' + type, 'expected #{this} to not be arguments');
    }
    return ret(this);
  }
  defineCoreGetter('arguments', argumentsGetter);
  defineCoreGetter('Arguments', argumentsGetter);

  // --- equal / eql
  function makeEqual() {
    return function equal(val, msg) {
      const a = msg ? withMessage(this, msg) : this;
      const f = a._f;
      if ((f & DEEP) !== 0) {
        a.eql(val);
      } else if ((val === a._obj) === ((f & NEG) !== 0)) {
        fail(a, 'expected #{this} to equal #{exp}', 'expected #{this} to not equal #{exp}', val, a._obj, true, true);
      }
      return typeof a === 'function' ? { __proto__: AP, _obj: a._obj, _f: a._f, _x: a._x } : a;
    };
  }
  addDirectMethod('equal', makeEqual());
  addDirectMethod('equals', makeEqual());
  addDirectMethod('eq', makeEqual());

  function makeEql() {
    return function eql(obj, msg) {
      const a = msg ? withMessage(this, msg) : this;
      const cmp = getEql(a);
      if (!!cmp(obj, a._obj) === ((a._f & NEG) !== 0)) {
        fail(a, 'expected #{this} to deeply equal #{exp}', 'expected #{this} to not deeply equal #{exp}', obj, a._obj, true, true);
      }
      return ret(a);
    };
  }
  addDirectMethod('eql', makeEql());
  addDirectMethod('eqls', makeEql());

  // --- above / least / below / most
  const CMP_NAMES = ['above', 'least', 'below', 'most'];
  const CMP_NUM_MSG = [
    ['expected #{this} to be above #{exp}', 'expected #{this} to be at most #{exp}'],
    ['expected #{this} to be at least #{exp}', 'expected #{this} to be below #{exp}'],
    ['expected #{this} to be below #{exp}', 'expected #{this} to be at least #{exp}'],
    ['expected #{this} to be at most #{exp}', 'expected #{this} to be above #{exp}']
  ];
  const CMP_LEN_MSG = [
    [' above #{exp} but got #{act}', 'expected #{this} to not have a ', ' above #{exp}'],
    [' at least #{exp} but got #{act}', 'expected #{this} to have a ', ' below #{exp}'],
    [' below #{exp} but got #{act}', 'expected #{this} to not have a ', ' below #{exp}'],
    [' at most #{exp} but got #{act}', 'expected #{this} to have a ', ' above #{exp}']
  ];

  function cmpHolds(kind, a, b) {
    switch (kind) {
      case 0: return a > b;
      case 1: return a >= b;
      case 2: return a < b;
      default: return a <= b;
    }
  }

  function printForNumberOrDate(obj, objType) {
    return 'expected ' + (objType === 'string' ? "'" + obj + "'" : obj) + ' to be a number or a date';
  }

  function compareImpl(a, n, kind) {
    const obj = a._obj;
    const doLength = (a._f & DOLENGTH) !== 0;
    if (!doLength && typeof obj === 'number' && typeof n === 'number') {
      if (cmpHolds(kind, obj, n) === ((a._f & NEG) !== 0)) {
        fail(a, CMP_NUM_MSG[kind][0], CMP_NUM_MSG[kind][1], n);
      }
      return;
    }
    const flagMsg = flagMessage(a);
    const pre = flagMsg ? flagMsg + ': ' : '';
    const objType = typeLower(obj);
    const nType = typeLower(n);
    if (doLength && objType !== 'map' && objType !== 'set') requireProperty(obj, 'length', flagMsg);
    let error = null;
    if (!doLength && objType === 'date' && nType !== 'date') {
      error = pre + 'the argument to ' + CMP_NAMES[kind] + ' must be a date';
    } else if (nType !== 'number' && (doLength || objType === 'number')) {
      error = pre + 'the argument to ' + CMP_NAMES[kind] + ' must be a number';
    } else if (!doLength && objType !== 'date' && objType !== 'number') {
      error = pre + printForNumberOrDate(obj, objType);
    }
    if (error !== null) throw simpleError(error);
    if (doLength) {
      let descriptor = 'length';
      let count;
      if (objType === 'map' || objType === 'set') {
        descriptor = 'size';
        count = obj.size;
      } else {
        count = obj.length;
      }
      if (cmpHolds(kind, count, n) === ((a._f & NEG) !== 0)) {
        const m = CMP_LEN_MSG[kind];
        fail(a, 'expected #{this} to have a ' + descriptor + m[0], m[1] + descriptor + m[2], n, count, true);
      }
    } else if (cmpHolds(kind, obj, n) === ((a._f & NEG) !== 0)) {
      fail(a, CMP_NUM_MSG[kind][0], CMP_NUM_MSG[kind][1], n);
    }
  }

  function makeCompare(kind) {
    return function (n, msg) {
      const a = msg ? withMessage(this, msg) : this;
      compareImpl(a, n, kind);
      return typeof a === 'function' ? { __proto__: AP, _obj: a._obj, _f: a._f, _x: a._x } : a;
    };
  }
  addDirectMethod('above', makeCompare(0));
  addDirectMethod('gt', makeCompare(0));
  addDirectMethod('greaterThan', makeCompare(0));
  addDirectMethod('least', makeCompare(1));
  addDirectMethod('gte', makeCompare(1));
  addDirectMethod('greaterThanOrEqual', makeCompare(1));
  addDirectMethod('below', makeCompare(2));
  addDirectMethod('lt', makeCompare(2));
  addDirectMethod('lessThan', makeCompare(2));
  addDirectMethod('most', makeCompare(3));
  addDirectMethod('lte', makeCompare(3));
  addDirectMethod('lessThanOrEqual', makeCompare(3));

  addMethod(AP, 'within', function (start, finish, msg) {
    if (msg) setMessage(this, msg);
    const obj = this._obj;
    const doLength = (this._f & DOLENGTH) !== 0;
    const flagMsg = flagMessage(this);
    const pre = flagMsg ? flagMsg + ': ' : '';
    const objType = typeLower(obj);
    const startType = typeLower(start);
    const finishType = typeLower(finish);
    let error = null;
    const range = startType === 'date' && finishType === 'date'
      ? start.toISOString() + '..' + finish.toISOString()
      : start + '..' + finish;
    if (doLength && objType !== 'map' && objType !== 'set') requireProperty(obj, 'length', flagMsg);
    if (!doLength && objType === 'date' && (startType !== 'date' || finishType !== 'date')) {
      error = pre + 'the arguments to within must be dates';
    } else if ((startType !== 'number' || finishType !== 'number') && (doLength || objType === 'number')) {
      error = pre + 'the arguments to within must be numbers';
    } else if (!doLength && objType !== 'date' && objType !== 'number') {
      error = pre + printForNumberOrDate(obj, objType);
    }
    if (error !== null) throw simpleError(error);
    const negate = (this._f & NEG) !== 0;
    if (doLength) {
      let descriptor = 'length';
      let count;
      if (objType === 'map' || objType === 'set') {
        descriptor = 'size';
        count = obj.size;
      } else {
        count = obj.length;
      }
      if ((count >= start && count <= finish) === negate) {
        fail(this, 'expected #{this} to have a ' + descriptor + ' within ' + range,
          'expected #{this} to not have a ' + descriptor + ' within ' + range);
      }
    } else if ((obj >= start && obj <= finish) === negate) {
      fail(this, 'expected #{this} to be within ' + range, 'expected #{this} to not be within ' + range);
    }
  });

  function assertInstanceOf(constructor, msg) {
    if (msg) setMessage(this, msg);
    const target = this._obj;
    let isInstance;
    try {
      isInstance = target instanceof constructor;
    } catch (err) {
      if (err instanceof TypeError) {
        throw simpleError(prefix(this) + 'The instanceof assertion needs a constructor but ' + typeOf(constructor) +
          ' was given.');
      }
      throw err;
    }
    let name = getFuncName(constructor);
    if (name === null) name = 'an unnamed constructor';
    if (isInstance === ((this._f & NEG) !== 0)) {
      fail(this, 'expected #{this} to be an instance of ' + name, 'expected #{this} to not be an instance of ' + name);
    }
  }
  addMethod(AP, 'instanceof', assertInstanceOf);
  addMethod(AP, 'instanceOf', assertInstanceOf);

  // --- property
  // returns the property's value (the object of the next assertion)
  function propertyImpl(a, name, val, nargs) {
    const f = a._f;
    const isNested = (f & NESTED) !== 0;
    const isOwn = (f & OWN) !== 0;
    const obj = a._obj;
    const nameType = typeof name;
    if (isNested) {
      if (nameType !== 'string') {
        throw simpleError(prefix(a) + 'the argument to property must be a string when using nested syntax');
      }
    } else if (nameType !== 'string' && nameType !== 'number' && nameType !== 'symbol') {
      throw simpleError(prefix(a) + 'the argument to property must be a string, number, or symbol');
    }
    if (isNested && isOwn) throw simpleError(prefix(a) + 'The "nested" and "own" flags cannot be combined.');
    if (obj === null || obj === undefined) throw simpleError(prefix(a) + 'Target cannot be null or undefined.');
    const isDeep = (f & DEEP) !== 0;
    const negate = (f & NEG) !== 0;
    const pathInfo = isNested ? getPathInfo(obj, name) : null;
    const value = isNested ? pathInfo.value : obj[name];
    let has;
    if (isOwn) has = hasOwn.call(obj, name);
    else if (isNested) has = pathInfo.exists;
    else has = name in Object(obj);
    if ((!negate || nargs === 1) && !has !== negate) {
      const d = propertyDescriptor(f);
      fail(a, 'expected #{this} to have ' + d + inspect(name), 'expected #{this} to not have ' + d + inspect(name));
    }
    if (nargs > 1) {
      const ok = has && (isDeep ? !!getEql(a)(val, value) : val === value);
      if (ok === negate) {
        const d = propertyDescriptor(f);
        fail(a, 'expected #{this} to have ' + d + inspect(name) + ' of #{exp}, but got #{act}',
          'expected #{this} to not have ' + d + inspect(name) + ' of #{act}', val, value, true);
      }
    }
    return value;
  }

  function propertyDescriptor(f) {
    let d = '';
    if ((f & DEEP) !== 0) d += 'deep ';
    if ((f & OWN) !== 0) d += 'own ';
    if ((f & NESTED) !== 0) d += 'nested ';
    return d + 'property ';
  }

  addDirectMethod('property', function property(name, val, msg) {
    const a = msg ? withMessage(this, msg) : this;
    return { __proto__: AP, _obj: propertyImpl(a, name, val, arguments.length), _f: a._f, _x: a._x };
  });

  function makeOwnProperty() {
    return function ownProperty(name, val, msg) {
      const a = { __proto__: AP, _obj: this._obj, _f: this._f | OWN, _x: msg ? xset(this._x, 'message', msg) : this._x };
      a._obj = propertyImpl(a, name, val, arguments.length);
      return a;
    };
  }
  addDirectMethod('ownProperty', makeOwnProperty());
  addDirectMethod('haveOwnProperty', makeOwnProperty());

  function assertOwnPropertyDescriptor(name, descriptor, msg) {
    if (typeof descriptor === 'string') {
      msg = descriptor;
      descriptor = null;
    }
    if (msg) setMessage(this, msg);
    const obj = this._obj;
    const actual = gOPD(Object(obj), name);
    const cmp = getEql(this);
    const negate = (this._f & NEG) !== 0;
    if (actual && descriptor) {
      if (!!cmp(descriptor, actual) === negate) {
        fail(this, 'expected the own property descriptor for ' + inspect(name) + ' on #{this} to match ' + inspect(descriptor) +
          ', got ' + inspect(actual),
        'expected the own property descriptor for ' + inspect(name) + ' on #{this} to not match ' + inspect(descriptor),
        descriptor, actual, true, true);
      }
    } else if (!!actual === negate) {
      fail(this, 'expected #{this} to have an own property descriptor for ' + inspect(name),
        'expected #{this} to not have an own property descriptor for ' + inspect(name));
    }
    this._obj = actual;
  }
  addMethod(AP, 'ownPropertyDescriptor', assertOwnPropertyDescriptor);
  addMethod(AP, 'haveOwnPropertyDescriptor', assertOwnPropertyDescriptor);

  // --- length / lengthOf
  function assertLength(self, n, msg) {
    const a = msg ? withMessage(self, msg) : self;
    const obj = a._obj;
    let descriptor = 'length';
    let count;
    if (typeof obj === 'string' || (isArray(obj) && !(TAG in obj))) {
      count = obj.length;
    } else {
      const t = typeof obj === 'object' && obj !== null ? typeOf(obj) : '';
      if (t === 'Map' || t === 'Set') {
        descriptor = 'size';
        count = obj.size;
      } else {
        requireProperty(obj, 'length', flagMessage(a));
        count = obj.length;
      }
    }
    if ((count == n) === ((a._f & NEG) !== 0)) { // eslint-disable-line eqeqeq
      fail(a, 'expected #{this} to have a ' + descriptor + ' of #{exp} but got #{act}',
        'expected #{this} to not have a ' + descriptor + ' of #{act}', n, count, true);
    }
    return ret(a);
  }
  addChainableMethod(AP, 'length', assertLength, null, true, DOLENGTH);
  addChainableMethod(AP, 'lengthOf', assertLength, null, true, DOLENGTH);

  // --- match / string
  function makeMatch() {
    return function match(re, msg) {
      const a = msg ? withMessage(this, msg) : this;
      const obj = a._obj;
      if (!re.exec(obj) === ((a._f & NEG) === 0)) {
        fail(a, 'expected #{this} to match ' + re, 'expected #{this} not to match ' + re);
      }
      return ret(a);
    };
  }
  addDirectMethod('match', makeMatch());
  addDirectMethod('matches', makeMatch());

  addMethod(AP, 'string', function (str, msg) {
    if (msg) setMessage(this, msg);
    const obj = this._obj;
    requireType(obj, 'string', flagMessage(this));
    if (!~obj.indexOf(str) === ((this._f & NEG) === 0)) {
      fail(this, 'expected #{this} to contain ' + inspect(str), 'expected #{this} to not contain ' + inspect(str));
    }
  });

  // --- keys
  function ownEnumerableSymbols(obj) {
    return gOPS(obj).filter(function (sym) { return gOPD(obj, sym).enumerable; });
  }
  function ownEnumerableProperties(obj) {
    return objKeys(obj).concat(ownEnumerableSymbols(obj));
  }

  function assertKeys(keys) {
    const obj = this._obj;
    const objType = typeOf(obj);
    const keysType = typeOf(keys);
    const isDeep = (this._f & DEEP) !== 0;
    const pre = prefix(this);
    let deepStr = '';
    let actual;
    let ok = true;
    const mixedArgsMsg = pre + 'when testing keys against an object or an array you must give a single Array|Object|String argument or multiple String arguments';
    if (objType === 'Map' || objType === 'Set') {
      deepStr = isDeep ? 'deeply ' : '';
      actual = [];
      obj.forEach(function (val, key) { actual.push(key); });
      if (keysType !== 'Array') keys = Array.prototype.slice.call(arguments);
    } else {
      actual = ownEnumerableProperties(obj);
      switch (keysType) {
        case 'Array':
          if (arguments.length > 1) throw simpleError(mixedArgsMsg);
          break;
        case 'Object':
          if (arguments.length > 1) throw simpleError(mixedArgsMsg);
          keys = objKeys(keys);
          break;
        default:
          keys = Array.prototype.slice.call(arguments);
      }
      keys = keys.map(function (val) { return typeof val === 'symbol' ? val : String(val); });
    }
    if (!keys.length) throw simpleError(pre + 'keys required');
    const len = keys.length;
    let any = (this._f & ANY) !== 0;
    let all = (this._f & ALL) !== 0;
    const expected = keys;
    const isEq = isDeep ? getEql(this) : function (a, b) { return a === b; };
    if (!any && !all) all = true;
    if (any) {
      ok = expected.some(function (ek) { return actual.some(function (ak) { return isEq(ek, ak); }); });
    }
    if (all) {
      ok = expected.every(function (ek) { return actual.some(function (ak) { return isEq(ek, ak); }); });
      if ((this._f & CONTAINS) === 0) ok = ok && keys.length == actual.length; // eslint-disable-line eqeqeq
    }
    if (!!ok === ((this._f & NEG) !== 0)) {
      let str;
      if (len > 1) {
        const shown = keys.map(function (k) { return inspect(k); });
        const last = shown.pop();
        if (all) str = shown.join(', ') + ', and ' + last;
        if (any) str = shown.join(', ') + ', or ' + last;
      } else {
        str = inspect(keys[0]);
      }
      str = (len > 1 ? 'keys ' : 'key ') + str;
      str = ((this._f & CONTAINS) !== 0 ? 'contain ' : 'have ') + str;
      fail(this, 'expected #{this} to ' + deepStr + str, 'expected #{this} to not ' + deepStr + str,
        expected.slice(0).sort(compareByInspect), actual.sort(compareByInspect), true, true);
    }
  }
  addMethod(AP, 'keys', assertKeys);
  addMethod(AP, 'key', assertKeys);

  // --- throw
  function errorText(caught) {
    return caught instanceof Error ? caught.toString()
      : (typeof caught === 'string' ? caught : caught && getConstructorName(caught));
  }

  function assertThrows(errorLike, errMsgMatcher, msg) {
    if (msg) setMessage(this, msg);
    const obj = this._obj;
    const negate = (this._f & NEG) !== 0;
    requireType(obj, 'function', flagMessage(this));
    if (errorLike instanceof RegExp || typeof errorLike === 'string') {
      errMsgMatcher = errorLike;
      errorLike = null;
    }
    let caughtErr;
    try {
      obj();
    } catch (err) {
      caughtErr = err;
    }
    const everyArgIsUndefined = errorLike === undefined && errMsgMatcher === undefined;
    const everyArgIsDefined = Boolean(errorLike && errMsgMatcher);
    let errorLikeFail = false;
    let errMsgMatcherFail = false;
    const self = this;
    const check = function (expr, m, nm, exp, act) {
      if (!!expr === negate) fail(self, m, nm, exp, act, true);
    };

    if (everyArgIsUndefined || (!everyArgIsUndefined && !negate)) {
      let errorLikeString = 'an error';
      if (errorLike instanceof Error) errorLikeString = '#{exp}';
      else if (errorLike) errorLikeString = getConstructorName(errorLike);
      check(caughtErr, 'expected #{this} to throw ' + errorLikeString,
        'expected #{this} to not throw an error but #{act} was thrown',
        errorLike && errorLike.toString(), errorText(caughtErr));
    }
    if (errorLike && caughtErr) {
      if (errorLike instanceof Error) {
        const isCompatibleInstance = compatibleInstance(caughtErr, errorLike);
        if (isCompatibleInstance === negate) {
          if (everyArgIsDefined && negate) {
            errorLikeFail = true;
          } else {
            check(negate, 'expected #{this} to throw #{exp} but #{act} was thrown',
              'expected #{this} to not throw #{exp}' + (caughtErr && !negate ? ' but #{act} was thrown' : ''),
              errorLike.toString(), caughtErr.toString());
          }
        }
      }
      const isCompatibleConstructor = compatibleConstructor(caughtErr, errorLike);
      if (isCompatibleConstructor === negate) {
        if (everyArgIsDefined && negate) {
          errorLikeFail = true;
        } else {
          check(negate, 'expected #{this} to throw #{exp} but #{act} was thrown',
            'expected #{this} to not throw #{exp}' + (caughtErr ? ' but #{act} was thrown' : ''),
            errorLike instanceof Error ? errorLike.toString() : errorLike && getConstructorName(errorLike),
            caughtErr instanceof Error ? caughtErr.toString() : caughtErr && getConstructorName(caughtErr));
        }
      }
    }
    if (caughtErr && errMsgMatcher !== undefined && errMsgMatcher !== null) {
      const placeholder = errMsgMatcher instanceof RegExp ? 'matching' : 'including';
      const isCompatibleMessage = compatibleMessage(caughtErr, errMsgMatcher);
      if (isCompatibleMessage === negate) {
        if (everyArgIsDefined && negate) {
          errMsgMatcherFail = true;
        } else {
          check(negate, 'expected #{this} to throw error ' + placeholder + ' #{exp} but got #{act}',
            'expected #{this} to throw error not ' + placeholder + ' #{exp}',
            errMsgMatcher, getErrorMessage(caughtErr));
        }
      }
    }
    if (errorLikeFail && errMsgMatcherFail) {
      check(negate, 'expected #{this} to throw #{exp} but #{act} was thrown',
        'expected #{this} to not throw #{exp}' + (caughtErr ? ' but #{act} was thrown' : ''),
        errorLike instanceof Error ? errorLike.toString() : errorLike && getConstructorName(errorLike),
        caughtErr instanceof Error ? caughtErr.toString() : caughtErr && getConstructorName(caughtErr));
    }
    this._obj = caughtErr;
  }
  addMethod(AP, 'throw', assertThrows);
  addMethod(AP, 'throws', assertThrows);
  addMethod(AP, 'Throw', assertThrows);

  // --- respondTo / itself / satisfy / closeTo
  function respondTo(method, msg) {
    if (msg) setMessage(this, msg);
    const obj = this._obj;
    const itself = (this._f & ITSELF) !== 0;
    const context = typeof obj === 'function' && !itself ? obj.prototype[method] : obj[method];
    if ((typeof context === 'function') === ((this._f & NEG) !== 0)) {
      fail(this, 'expected #{this} to respond to ' + inspect(method), 'expected #{this} to not respond to ' + inspect(method));
    }
  }
  addMethod(AP, 'respondTo', respondTo);
  addMethod(AP, 'respondsTo', respondTo);
  defineCoreGetter('itself', flagGetter(ITSELF));

  function satisfy(matcher, msg) {
    if (msg) setMessage(this, msg);
    const result = matcher(this._obj);
    const negate = (this._f & NEG) !== 0;
    if (!result === !negate) {
      fail(this, 'expected #{this} to satisfy ' + objDisplay(matcher), 'expected #{this} to not satisfy' + objDisplay(matcher),
        !negate, result, true);
    }
  }
  addMethod(AP, 'satisfy', satisfy);
  addMethod(AP, 'satisfies', satisfy);

  function closeTo(expected, delta, msg) {
    if (msg) setMessage(this, msg);
    const obj = this._obj;
    const flagMsg = flagMessage(this);
    requireType(obj, 'number', flagMsg);
    if (typeof expected !== 'number' || typeof delta !== 'number') {
      const deltaMessage = delta === undefined ? ', and a delta is required' : '';
      throw simpleError((flagMsg ? flagMsg + ': ' : '') + 'the arguments to closeTo or approximately must be numbers' + deltaMessage);
    }
    if ((Math.abs(obj - expected) <= delta) === ((this._f & NEG) !== 0)) {
      fail(this, 'expected #{this} to be close to ' + expected + ' +/- ' + delta,
        'expected #{this} not to be close to ' + expected + ' +/- ' + delta);
    }
  }
  addMethod(AP, 'closeTo', closeTo);
  addMethod(AP, 'approximately', closeTo);

  // --- members
  function isSubsetOf(subset, superset, cmp, contains, ordered) {
    if (!contains) {
      if (subset.length !== superset.length) return false;
      superset = superset.slice();
    }
    return subset.every(function (elem, idx) {
      if (ordered) return cmp ? cmp(elem, superset[idx]) : elem === superset[idx];
      if (!cmp) {
        const matchIdx = superset.indexOf(elem);
        if (matchIdx === -1) return false;
        if (!contains) superset.splice(matchIdx, 1);
        return true;
      }
      return superset.some(function (elem2, matchIdx) {
        if (!cmp(elem, elem2)) return false;
        if (!contains) superset.splice(matchIdx, 1);
        return true;
      });
    });
  }

  addMethod(AP, 'members', function (subset, msg) {
    if (msg) setMessage(this, msg);
    const obj = this._obj;
    const flagMsg = flagMessage(this);
    requireType(obj, 'array', flagMsg);
    requireType(subset, 'array', flagMsg);
    const contains = (this._f & CONTAINS) !== 0;
    const ordered = (this._f & ORDERED) !== 0;
    const cmp = (this._f & DEEP) !== 0 ? getEql(this) : undefined;
    if (!!isSubsetOf(subset, obj, cmp, contains, ordered) === ((this._f & NEG) !== 0)) {
      let failMsg;
      let failNegateMsg;
      if (contains) {
        const subject = ordered ? 'an ordered superset' : 'a superset';
        failMsg = 'expected #{this} to be ' + subject + ' of #{exp}';
        failNegateMsg = 'expected #{this} to not be ' + subject + ' of #{exp}';
      } else {
        const subject = ordered ? 'ordered members' : 'members';
        failMsg = 'expected #{this} to have the same ' + subject + ' as #{exp}';
        failNegateMsg = 'expected #{this} to not have the same ' + subject + ' as #{exp}';
      }
      fail(this, failMsg, failNegateMsg, subset, obj, true, true);
    }
  });

  // --- oneOf
  addDirectMethod('oneOf', function oneOf(list, msg) {
    const a = msg ? withMessage(this, msg) : this;
    const expected = a._obj;
    const f = a._f;
    const negate = (f & NEG) !== 0;
    if (!isArray(list) || typeOf(list) !== 'Array') requireType(list, 'array', flagMessage(a));
    if ((f & CONTAINS) !== 0) {
      if (list.some(function (p) { return expected.indexOf(p) > -1; }) === negate) {
        fail(a, 'expected #{this} to contain one of #{exp}', 'expected #{this} to not contain one of #{exp}', list, expected, true);
      }
    } else if ((f & DEEP) !== 0) {
      const cmp = getEql(a);
      if (list.some(function (p) { return cmp(expected, p); }) === negate) {
        fail(a, 'expected #{this} to deeply equal one of #{exp}', 'expected #{this} to deeply equal one of #{exp}', list, expected, true);
      }
    } else if ((list.indexOf(expected) > -1) === negate) {
      fail(a, 'expected #{this} to be one of #{exp}', 'expected #{this} to not be one of #{exp}', list, expected, true);
    }
    return ret(a);
  });

  // --- change / increase / decrease / by
  function deltaImpl(a, subject, prop, msg, behavior) {
    if (msg) setMessage(a, msg);
    const fn = a._obj;
    const flagMsg = flagMessage(a);
    requireType(fn, 'function', flagMsg);
    let initial;
    if (!prop) {
      requireType(subject, 'function', flagMsg);
      initial = subject();
    } else {
      requireProperty(subject, prop, flagMsg);
      initial = subject[prop];
    }
    if (behavior !== 'change') requireType(initial, 'number', flagMsg);
    fn();
    const final = prop === undefined || prop === null ? subject() : subject[prop];
    const msgObj = prop === undefined || prop === null ? initial : '.' + prop;
    let realDelta;
    let ok;
    if (behavior === 'change') {
      realDelta = final !== initial;
      ok = initial !== final;
    } else if (behavior === 'increase') {
      realDelta = final - initial;
      ok = final - initial > 0;
    } else {
      realDelta = initial - final;
      ok = final - initial < 0;
    }
    const n = xset(a._x, 'deltaMsgObj', msgObj);
    n.initialDeltaValue = initial;
    n.finalDeltaValue = final;
    n.deltaBehavior = behavior;
    n.realDelta = realDelta;
    a._x = n;
    if (ok === ((a._f & NEG) !== 0)) {
      fail(a, 'expected ' + msgObj + ' to ' + behavior, 'expected ' + msgObj + ' to not ' + behavior);
    }
  }
  function assertChanges(subject, prop, msg) { deltaImpl(this, subject, prop, msg, 'change'); }
  function assertIncreases(subject, prop, msg) { deltaImpl(this, subject, prop, msg, 'increase'); }
  function assertDecreases(subject, prop, msg) { deltaImpl(this, subject, prop, msg, 'decrease'); }
  addMethod(AP, 'change', assertChanges);
  addMethod(AP, 'changes', assertChanges);
  addMethod(AP, 'increase', assertIncreases);
  addMethod(AP, 'increases', assertIncreases);
  addMethod(AP, 'decrease', assertDecreases);
  addMethod(AP, 'decreases', assertDecreases);

  addMethod(AP, 'by', function (delta, msg) {
    if (msg) setMessage(this, msg);
    const x = this._x || {};
    const msgObj = x.deltaMsgObj;
    const initial = x.initialDeltaValue;
    const final = x.finalDeltaValue;
    const behavior = x.deltaBehavior;
    const realDelta = x.realDelta;
    const expression = behavior === 'change'
      ? Math.abs(final - initial) === Math.abs(delta)
      : realDelta === Math.abs(delta);
    if (expression === ((this._f & NEG) !== 0)) {
      fail(this, 'expected ' + msgObj + ' to ' + behavior + ' by ' + delta, 'expected ' + msgObj + ' to not ' + behavior + ' by ' + delta);
    }
  });

  propAssert('extensible', function (o) { return o === Object(o) && Object.isExtensible(o); },
    'expected #{this} to be extensible', 'expected #{this} to not be extensible');
  propAssert('sealed', function (o) { return o === Object(o) ? Object.isSealed(o) : true; },
    'expected #{this} to be sealed', 'expected #{this} to not be sealed');
  propAssert('frozen', function (o) { return o === Object(o) ? Object.isFrozen(o) : true; },
    'expected #{this} to be frozen', 'expected #{this} to not be frozen');
  propAssert('finite', function (o) { return typeof o === 'number' && isFinite(o); },
    'expected #{this} to be a finite number', 'expected #{this} to not be a finite number');
  // ================================================================== public surface
  function expect(val, message) {
    return { __proto__: AP, _obj: val, _f: 0, _x: message === undefined ? null : { message: message } };
  }
  expect.fail = function fail(actual, expected, message, operator) {
    if (arguments.length < 2) {
      message = actual;
      actual = undefined;
    }
    message = message || 'expect.fail()';
    throw new AssertionError(message, { actual: actual, expected: expected, operator: operator }, expect.fail);
  };

  function test(obj, args) {
    const negate = (obj._f & NEG) !== 0;
    return negate ? !args[0] : args[0];
  }

  function getActual(obj, args) {
    return args.length > 4 ? args[4] : obj._obj;
  }

  function getMessage(obj, args) {
    const negate = (obj._f & NEG) !== 0;
    let msg = negate ? args[2] : args[1];
    if (typeof msg === 'function') msg = msg();
    return fillMessage(obj, msg || '', args[3], getActual(obj, args));
  }

  function getOperator(obj, args) {
    const negate = (obj._f & NEG) !== 0;
    let msg = negate ? args[2] : args[1];
    if (typeof msg === 'function') msg = msg();
    return operatorFor(obj, msg || '', args[3]);
  }

  function expectTypes(obj, types) {
    const pre = prefix(obj);
    const value = obj._obj;
    types = types.map(function (t) { return t.toLowerCase(); });
    types.sort();
    const str = types.map(function (t, index) {
      const art = ~['a', 'e', 'i', 'o', 'u'].indexOf(t.charAt(0)) ? 'an' : 'a';
      const or = types.length > 1 && index === types.length - 1 ? 'or ' : '';
      return or + art + ' ' + t;
    }).join(', ');
    const objType = typeLower(value);
    if (!types.some(function (expected) { return objType === expected; })) {
      throw simpleError(pre + 'object tested must be ' + str + ', but ' + objType + ' given');
    }
  }

  function addLengthGuard(fn, assertionName, isChainable) {
    defProp(fn, 'length', {
      get: function () {
        if (isChainable) {
          throw Error('Invalid Chai property: ' + assertionName + '.length. Due to a compatibility issue, "length" cannot directly follow "' +
            assertionName + '". Use "' + assertionName + '.lengthOf" instead.');
        }
        throw Error('Invalid Chai property: ' + assertionName + '.length. See docs for proper usage of "' + assertionName + '".');
      },
      configurable: true
    });
    return fn;
  }

  function getProperties(object) {
    const result = gOPN(object);
    let proto = getProto(object);
    while (proto !== null) {
      gOPN(proto).forEach(function (p) { if (result.indexOf(p) === -1) result.push(p); });
      proto = getProto(proto);
    }
    return result;
  }

  const util = {
    test: test,
    type: typeOf,
    expectTypes: expectTypes,
    getMessage: getMessage,
    getActual: getActual,
    inspect: inspect,
    objDisplay: objDisplay,
    flag: flag,
    transferFlags: transferFlags,
    eql: eql,
    getPathInfo: getPathInfo,
    hasProperty: hasProperty,
    getName: getFuncName,
    addProperty: addProperty,
    addMethod: addMethod,
    overwriteProperty: overwriteProperty,
    overwriteMethod: overwriteMethod,
    addChainableMethod: function (ctx, name, method, chainingBehavior) {
      addChainableMethod(ctx, name, method, chainingBehavior, false);
    },
    overwriteChainableMethod: overwriteChainableMethod,
    compareByInspect: compareByInspect,
    getOwnEnumerablePropertySymbols: ownEnumerableSymbols,
    getOwnEnumerableProperties: ownEnumerableProperties,
    checkError: checkError,
    proxify: function (obj) { return obj; },
    addLengthGuard: addLengthGuard,
    isProxyEnabled: function () { return config.useProxy && typeof Proxy !== 'undefined' && typeof Reflect !== 'undefined'; },
    isNaN: numIsNaN,
    getOperator: getOperator,
    getProperties: getProperties,
    // postgate internals, used by chai_postman.js:
    //   fail(assertion, msg, negMsg, expected, actual, hasActual, showDiff): the failing half of assert
    //   addCoreProperty(name, getter) / addCoreMethod(name, fn): `this` is the assertion, which must
    //     not be changed; return the next assertion (`next(this)`) or a new one
    fail: fail,
    requireType: requireType,
    requireProperty: requireProperty,
    next: ret,
    addCoreProperty: function (name, getter) { defineCoreGetter(name, getter); },
    addCoreMethod: function (name, fn) { addDirectMethod(name, fn); }
  };

  const used = [];
  const chai = {
    version: '4.3.8',
    AssertionError: AssertionError,
    Assertion: Assertion,
    expect: expect,
    config: config,
    util: util,
    use: function (fn) {
      if (used.indexOf(fn) === -1) {
        fn(chai, util);
        used.push(fn);
      }
      return chai;
    }
  };

  G.__pg_chai = chai;
})();

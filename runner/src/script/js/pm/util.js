// util.js: helpers shared by every pm file. All pm files are concatenated
// into one function body `(function (native) { ... })`, so top-level
// declarations here are visible to the files that follow, and nothing leaks
// onto the global object unless a file puts it there on purpose.

const G = globalThis;
const NATIVE_JSON_PARSE = JSON.parse;
const NATIVE_JSON_STRINGIFY = JSON.stringify;
const hasOwn = Object.prototype.hasOwnProperty;
const objToString = Object.prototype.toString;

function isString(v) { return typeof v === 'string'; }
function isFunction(v) { return typeof v === 'function'; }
function isObject(v) { return v !== null && (typeof v === 'object' || typeof v === 'function'); }
function isNil(v) { return v === null || v === undefined; }
function isPlainObject(v) {
    if (v === null || typeof v !== 'object' || objToString.call(v) !== '[object Object]') { return false; }
    const proto = Object.getPrototypeOf(v);
    return proto === null || proto === Object.prototype;
}
function has(obj, key) { return obj !== null && obj !== undefined && hasOwn.call(obj, key); }

// A deep copy of plain data (objects, arrays, primitives); other objects are
// kept by reference, as lodash's cloneDeep would for the cases that matter.
function cloneData(v) {
    if (Array.isArray(v)) { return v.map(cloneData); }
    if (isPlainObject(v)) {
        const out = {};
        for (const k in v) { if (hasOwn.call(v, k)) { out[k] = cloneData(v[k]); } }
        return out;
    }
    return v;
}

// Copies own enumerable properties of `src` whose values are not undefined.
function assignDefined(target, src) {
    for (const k in src) {
        if (hasOwn.call(src, k) && src[k] !== undefined) { target[k] = src[k]; }
    }
    return target;
}

function defineHidden(obj, key, value) {
    Object.defineProperty(obj, key, { value: value, enumerable: false, writable: true, configurable: true });
}

// Serialise an SDK-like object the way postman-collection's
// PropertyBase.toJSON does: own enumerable properties not starting with `_`,
// undefined dropped, nested objects through their own toJSON, and list
// properties named in the singular (`headers` -> `header`).
function propertyToJSON(obj) {
    const out = {};
    for (const key of Object.keys(obj)) {
        if (key.charCodeAt(0) === 95 /* _ */) { continue; }
        const value = obj[key];
        if (value === undefined || typeof value === 'function') { continue; }
        let name = key;
        if (value instanceof PropertyList && !value._pluralJSON && key.length > 1 && key.endsWith('s')) {
            name = key.slice(0, -1);
        }
        out[name] = toJSONValue(value);
    }
    return out;
}

function toJSONValue(value) {
    if (value === null || typeof value !== 'object') { return value; }
    if (isFunction(value.toJSON)) { return value.toJSON(); }
    if (Array.isArray(value)) { return value.map(toJSONValue); }
    if (isPlainObject(value)) {
        const out = {};
        for (const k of Object.keys(value)) {
            const v = value[k];
            if (v !== undefined && typeof v !== 'function') { out[k] = toJSONValue(v); }
        }
        return out;
    }
    return value;
}

// The reason phrases of the `http-reasons` table the SDK uses for
// `Response#details()` and `responseCode` (names only; the long `detail`
// texts are not reproduced).
const HTTP_REASONS = {
    100: 'Continue', 101: 'Switching Protocols', 102: 'Processing (WebDAV) (RFC 2518)', 103: 'Checkpoint',
    122: 'Request-URI too long', 200: 'OK', 201: 'Created', 202: 'Accepted',
    203: 'Non-Authoritative Information (since HTTP/1.1)', 204: 'No Content', 205: 'Reset Content',
    206: 'Partial Content', 207: 'Multi-Status (WebDAV) (RFC 4918)', 208: 'Already Reported (WebDAV) (RFC 5842)',
    226: 'IM Used (RFC 3229)', 300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
    304: 'Not Modified', 305: 'Use Proxy (since HTTP/1.1)', 306: 'Switch Proxy',
    307: 'Temporary Redirect (since HTTP/1.1)', 308: 'Resume Incomplete', 400: 'Bad Request', 401: 'Unauthorized',
    402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
    407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
    411: 'Length Required', 412: 'Precondition Failed', 413: 'Request Entity Too Large',
    414: 'Request-URI Too Long', 415: 'Unsupported Media Type', 416: 'Requested Range Not Satisfiable',
    417: 'Expectation Failed', 418: 'I\'m a teapot (RFC 2324)', 422: 'Unprocessable Entity (WebDAV) (RFC 4918)',
    423: 'Locked (WebDAV) (RFC 4918)', 424: 'Failed Dependency (WebDAV) (RFC 4918)',
    425: 'Unordered Collection (RFC 3648)', 426: 'Upgrade Required (RFC 2817)', 428: 'Precondition Required',
    429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 444: 'No Response', 449: 'Retry With',
    450: 'Blocked by Windows Parental Controls', 499: 'Client Closed Request', 500: 'Internal Server Error',
    501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
    505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates (RFC 2295)',
    507: 'Insufficient Storage (WebDAV) (RFC 4918)', 508: 'Loop Detected (WebDAV) (RFC 5842)',
    509: 'Bandwidth Limit Exceeded (Apache bw/limited extension)', 510: 'Not Extended (RFC 2774)',
    511: 'Network Authentication Required', 598: 'Network read timeout error',
    599: 'Network connect timeout error'
};

function httpReason(code) {
    return HTTP_REASONS[code];
}

// ---------------------------------------------------------------------------
// JSON with liquid-json's behaviour: a leading byte order mark is skipped and
// a parse failure is a `JSONError` whose message points at the offending
// character: `Unexpected token '<' at 1:1\n<html>\n^`.

function bomLength(str) {
    if (typeof str !== 'string' || str.length === 0) { return 0; }
    const c0 = str.charCodeAt(0), c1 = str.charCodeAt(1), c2 = str.charCodeAt(2);
    if (c0 === 0xFEFF || c0 === 0xBBBF) { return 1; }
    if ((c0 === 0xFE && c1 === 0xFF) || (c0 === 0xFF && c1 === 0xFE)) { return 2; }
    if (c0 === 0xEF && c1 === 0xBB && c2 === 0xBF) { return 3; }
    return 0;
}

// Locate the first JSON syntax error in `text` and describe it the way
// liquid-json's fallback parser does: `<message> at <line>:<col>`, then the
// offending line (at most 70 characters before the error and 79 in all) and
// a caret under the error.
function locateJSONError(text) {
    let i = 0;
    const n = text.length;
    class Stop { constructor(msg, at) { this.msg = msg; this.at = at; } }
    const ws = () => {
        while (i < n) {
            const c = text.charCodeAt(i);
            if (c === 32 || c === 9 || c === 10 || c === 13) { i++; } else { break; }
        }
    };
    const tokenError = () => {
        if (i >= n) { throw new Stop('Unexpected end of input', i); }
        const tok = NATIVE_JSON_STRINGIFY(text[i]).replace(/^"|"$/g, '').replace(/'/g, '\\\'').replace(/\\"/g, '"');
        throw new Stop('Unexpected token \'' + tok + '\'', i);
    };
    const value = (key, top) => {
        ws();
        if (i >= n) {
            if (top) { throw new Stop('No data, empty input', i); }
            if (key !== undefined) { throw new Stop('No value found for key ' + key, i); }
            throw new Stop('Unexpected end of input', i);
        }
        const c = text[i];
        if (c === '{') { object(); return; }
        if (c === '[') { array(); return; }
        if (c === '"') { string(); return; }
        if (c === '-' || (c >= '0' && c <= '9')) { number(); return; }
        for (const word of ['true', 'false', 'null']) {
            if (text.startsWith(word, i)) { i += word.length; return; }
        }
        tokenError();
    };
    const string = () => {
        const start = i;
        i++;
        while (i < n) {
            const c = text[i];
            if (c === '"') { i++; return text.slice(start + 1, i - 1); }
            if (c === '\\') { i += 2; continue; }
            if (c === '\n' || c === '\r') { i++; tokenError(); }
            i++;
        }
        throw new Stop('Unexpected end of input', i);
    };
    const number = () => {
        const start = i;
        if (text[i] === '-') { i++; }
        while (i < n && /[0-9.eE+-]/.test(text[i])) { i++; }
        const lit = text.slice(start, i);
        if (!/^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(lit)) {
            if (/^-?0[0-9]/.test(lit)) {
                i = start + (lit[0] === '-' ? 2 : 1);
                tokenError();
            }
            throw new Stop('Bad numeric literal - "' + lit + '"', i);
        }
    };
    const array = () => {
        i++;
        ws();
        if (text[i] === ']') { i++; return; }
        for (;;) {
            ws();
            if (text[i] === ',') { throw new Stop('Elisions are not supported', i + 1); }
            value();
            ws();
            if (text[i] === ',') {
                i++;
                ws();
                if (text[i] === ']') { throw new Stop('Trailing comma in array', i); }
                continue;
            }
            if (text[i] === ']') { i++; return; }
            tokenError();
        }
    };
    const object = () => {
        i++;
        ws();
        if (text[i] === '}') { i++; return; }
        for (;;) {
            ws();
            if (text[i] !== '"') { tokenError(); }
            const key = string();
            ws();
            if (text[i] !== ':') { tokenError(); }
            i++;
            value(key);
            ws();
            if (text[i] === ',') {
                i++;
                ws();
                if (text[i] === '}') { throw new Stop('Trailing comma in object', i); }
                continue;
            }
            if (text[i] === '}') { i++; return; }
            tokenError();
        }
    };
    try {
        value(undefined, true);
        ws();
        if (i < n) { tokenError(); }
        return null;
    }
    catch (e) {
        if (!(e instanceof Stop)) { throw e; }
        return formatJSONError(text, e.msg, e.at);
    }
}

function formatJSONError(text, msg, position) {
    let lineno = 0, linestart = 0;
    for (let k = 0; k < position && k < text.length; k++) {
        const c = text[k];
        if (c === '\n' || c === '\r') {
            c === '\r' && text[k + 1] === '\n' && k + 1 < position && k++;
            lineno++;
            linestart = k + 1;
        }
    }
    const column = position - linestart;
    let tmppos = position - column - 1;
    tmppos < position - 70 && (tmppos = position - 70);
    let srcline = '', underline = '';
    for (;;) {
        const chr = text[++tmppos];
        if (chr === '\n' || chr === '\r' || tmppos >= text.length) {
            position >= tmppos && (underline += '^');
            break;
        }
        srcline += chr;
        if (position === tmppos) { underline += '^'; }
        else if (position > tmppos) { underline += chr === '\t' ? '\t' : ' '; }
        if (srcline.length > 78) { break; }
    }
    return msg + ' at ' + (lineno + 1) + ':' + (column + 1) + '\n' + srcline + '\n' + underline;
}

function makeJSONError(message) {
    const err = new SyntaxError(message);
    err.name = 'JSONError';
    return err;
}

function liquidParse(text, reviver, strict) {
    if (typeof reviver === 'boolean' && strict === null) { strict = reviver; reviver = null; }
    const bom = bomLength(text);
    if (bom) {
        if (strict) {
            throw makeJSONError('Unexpected byte order mark found in first ' + bom + ' character(s)');
        }
        text = text.slice(bom);
    }
    try {
        return reviver ? NATIVE_JSON_PARSE(text, reviver) : NATIVE_JSON_PARSE(text);
    }
    catch (err) {
        // a non-string keeps V8's own message, as liquid-json rethrows it
        if (typeof text !== 'string') { throw makeJSONError('"' + String(text) + '" is not valid JSON'); }
        throw makeJSONError(locateJSONError(text) || err.message);
    }
}

// V8's description of the first cycle JSON.stringify meets.
function circularMessage(value) {
    const stack = [];
    const keys = [];
    const ctorName = (o) => {
        const c = o && o.constructor;
        return c && c.name ? c.name : 'Object';
    };
    const step = (k) => (typeof k === 'number' ? 'index ' + k : 'property \'' + k + '\'');
    const visit = (v, key) => {
        if (v && typeof v === 'object' && typeof v.toJSON === 'function') {
            try { v = v.toJSON(key); } catch (_) { return null; }
        }
        if (!v || typeof v !== 'object') { return null; }
        const at = stack.indexOf(v);
        if (at !== -1) {
            const lines = ['Converting circular structure to JSON',
                '    --> starting at object with constructor \'' + ctorName(stack[at]) + '\''];
            for (let j = at + 1; j < stack.length; j++) {
                lines.push('    |     ' + step(keys[j - 1]) + ' -> object with constructor \'' +
                    ctorName(stack[j]) + '\'');
            }
            lines.push('    --- ' + step(keys[stack.length - 1]) + ' closes the circle');
            return lines.join('\n');
        }
        stack.push(v);
        const entries = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
        for (const k of entries) {
            keys[stack.length - 1] = k;
            const found = visit(v[k], typeof k === 'number' ? String(k) : k);
            if (found) { return found; }
        }
        stack.pop();
        return null;
    };
    return visit(value, '') || 'Converting circular structure to JSON';
}

// The `JSON` global scripts see (legacy sandbox behaviour: liquid-json).
const LIQUID_JSON = Object.create(null);
Object.defineProperties(LIQUID_JSON, {
    parse: { value: function parse(text, reviver, strict) { return liquidParse(text, reviver, strict); },
        writable: true, configurable: true },
    stringify: {
        value: function stringify(value, replacer, space) {
            try { return NATIVE_JSON_STRINGIFY(value, replacer, space); }
            catch (err) {
                const circular = err && err.message === 'circular reference';
                throw makeJSONError(circular ? circularMessage(value) : String(err && err.message));
            }
        },
        writable: true, configurable: true
    }
});
Object.defineProperty(LIQUID_JSON, Symbol.toStringTag, { value: 'JSON', configurable: true });

// ---------------------------------------------------------------------------
// Error records as the Rust side reads them.

// Thrown by pm.execution.skipRequest(): ends the script at once, not an error.
const SKIP_SENTINEL = Object.freeze({ __pg_skip: true });

// QuickJS throws null when it cannot even allocate the error for an
// out-of-memory condition; a script may also throw null itself. The host
// knows whether the heap limit was hit since the script started.
function outOfMemory() {
    return native.outOfMemory();
}

// String(value) that survives a hostile toString.
function safeString(value) {
    try { return String(value); }
    catch (_) { return ''; }
}

const OUT_OF_MEMORY = Object.freeze({ name: 'InternalError', message: 'out of memory', stack: null });

// A script's uncaught error as Newman reports it, or null for none: Newman
// drops a thrown null, undefined or function (nothing survives the trip
// out of its sandbox), and keeps no value of a thrown primitive.
function errorRecord(e) {
    if (e === SKIP_SENTINEL) { return null; }
    if (e === null && outOfMemory()) { return OUT_OF_MEMORY; }
    if (e === null || e === undefined || typeof e === 'function') { return null; }
    if (typeof e === 'object') {
        let name, message, stack;
        try { name = e.name; message = e.message; stack = e.stack; } catch (_) { /* hostile getters */ }
        return {
            name: name === undefined || name === null ? 'Error' : safeString(name),
            message: message === undefined || message === null ? '' : safeString(message),
            stack: typeof stack === 'string' ? stack : null
        };
    }
    return { name: 'Error', message: '', stack: null };
}

// An assertion's error as Newman reports it: the thrown object's name and
// message where they are defined (even when empty), else AssertionError and
// the test's name. Primitives, null and functions get both fallbacks.
function assertionRecord(e, testName) {
    if (e === SKIP_SENTINEL) { return null; }
    if (e === null && outOfMemory()) { return OUT_OF_MEMORY; }
    let name, message, stack;
    if (e !== null && typeof e === 'object') {
        try { name = e.name; message = e.message; stack = e.stack; } catch (_) { /* hostile getters */ }
    }
    return {
        name: name === undefined ? 'AssertionError' : safeString(name),
        message: message === undefined ? safeString(testName) : safeString(message),
        stack: typeof stack === 'string' ? stack : null
    };
}

// response.js: the Response object behind pm.response and the responses
// pm.sendRequest hands to its callback (postman-collection 4.4 semantics).
// The body stays in Rust until a script asks for it (`bodyRef` names it).

// mime-format's classification: `type` and `format` of a content type.
const MIME_KNOWN = {
    'application/x-www-form-urlencoded': ['text', 'plain'],
    'application/pdf': ['embed', 'pdf'],
    'application/ecmascript': ['text', 'script'],
    'application/javascript': ['text', 'script'],
    'application/jwt': ['text', 'jwt']
};
function mimeFormatOf(mime) {
    if (MIME_KNOWN[mime]) { return MIME_KNOWN[mime]; }
    if (/^application\/([\w.+-]*\+)?json5?$/.test(mime) || mime === 'application/json') { return ['text', 'json']; }
    if (/^application\/([\w.+-]*\+)?xml$/.test(mime) || /^application\/xml-/.test(mime)) { return ['text', 'xml']; }
    const base = mime.split('/')[0] || '';
    let m = /(audio|video|image|text)/.exec(base);
    if (m) {
        if (m[1] === 'text') {
            const f = /(jsonp|json|xml|html|yaml|vml|webml|script)/.exec(mime);
            return ['text', f ? f[1] : 'plain'];
        }
        return [m[1], m[1]];
    }
    m = /(jsonp|json|xml|html|yaml|vml|webml|script)/.exec(mime);
    if (m) { return ['text', m[1]]; }
    m = /\/[^/]*(audio|video|image|text)/.exec(mime);
    if (m) { return [m[1], m[1]]; }
    m = /(application|message|multipart)/.exec(base);
    if (m) { return [m[1], 'raw']; }
    return ['unknown', 'raw'];
}

const MIME_EXTENSIONS = {
    'application/json': 'json', 'text/html': 'html', 'text/plain': 'txt', 'application/xml': 'xml',
    'text/xml': 'xml', 'text/css': 'css', 'text/csv': 'csv', 'application/javascript': 'js',
    'text/javascript': 'js', 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/gif': 'gif',
    'image/svg+xml': 'svg', 'application/pdf': 'pdf', 'application/zip': 'zip',
    'application/octet-stream': 'bin', 'text/yaml': 'yaml', 'application/gzip': 'gz'
};

function contentInfoOf(headers) {
    const header = headers.get('Content-Type');
    const disposition = headers.get('Content-Disposition');
    const raw = header ? String(header) : 'text/plain';
    const cs = /charset\s*=\s*["']?([\w.:-]+)/i.exec(raw);
    let charset = cs ? cs[1].toLowerCase() : undefined;
    charset === 'utf-8' && (charset = 'utf8');
    const mime = raw.toLowerCase().replace(/\s/g, '').replace(/^([^;]+).*$/, '$1');
    const [mimeType, mimeFormat] = mimeFormatOf(mime);
    const ext = MIME_EXTENSIONS[mime] || '';
    let fileName;
    if (disposition) {
        const m = /;[ \t]*filename[ \t]*=[ \t]*("(?:[^"\\]|\\.)*"|[^;\s]+)/i.exec(disposition);
        if (m) {
            fileName = m[1];
            fileName[0] === '"' && (fileName = fileName.slice(1, -1).replace(/\\(.)/g, '$1'));
        }
    }
    !fileName && (fileName = 'response' + (ext ? '.' + ext : ''));
    const info = { contentType: mime, mimeType: mimeType, mimeFormat: mimeFormat, charset: charset || 'utf8' };
    ext && (info.fileExtension = ext);
    info.fileName = fileName;
    return info;
}

// What a Response keeps beside itself (its own property names stay the
// SDK's, which chai shows): where the body is, its text, its parsed JSON.
const RESPONSE_STATE = new WeakMap();

function responseState(res) {
    let st = RESPONSE_STATE.get(res);
    !st && RESPONSE_STATE.set(res, st = { bodyRef: undefined, text: undefined, json: undefined });
    return st;
}

// A v4 id like the SDK gives every Response, made natively: building it
// character by character in JS cost more than the rest of the Response.
function randomId() {
    return native.dyn('$guid');
}

// The decoded body bytes (a Buffer when the buffer module is loaded).
const STREAM_PROPERTY = {
    get() {
        const st = responseState(this);
        const B = G.Buffer;
        if (st.bodyRef !== undefined) {
            const bytes = native.bodyBytes(st.bodyRef);
            return B && isFunction(B.from) ? B.from(bytes) : new Uint8Array(bytes);
        }
        if (st.text === undefined) { return undefined; }
        return B && isFunction(B.from) ? B.from(st.text) : st.text;
    },
    set(v) { Object.defineProperty(this, 'stream', { value: v, writable: true, enumerable: true, configurable: true }); },
    enumerable: true,
    configurable: true
};

class Response {
    constructor(options) {
        options = options || {};
        const code = options.code;
        const reason = options.reason !== undefined ? options.reason : options.status;
        const standard = httpReason(code);
        const st = { bodyRef: options.bodyRef, text: undefined, json: undefined };
        if (options.body !== undefined && options.bodyRef === undefined) {
            st.text = typeof options.body === 'string' ? options.body : NATIVE_JSON_STRINGIFY(options.body);
        }
        RESPONSE_STATE.set(this, st);
        this.id = options.id !== undefined ? options.id : randomId();
        this._details = {
            name: reason !== undefined ? reason : standard,
            detail: '',
            code: code,
            standardName: standard
        };
        this._details.name !== undefined && (this.status = this._details.name);
        code !== undefined && (this.code = code);
        let header = options.header;
        if (typeof options.headerLines === 'string') { this.headers = HeaderList.fromLines(options.headerLines); }
        else {
            if (Array.isArray(header) && header.length && Array.isArray(header[0])) {
                header = header.map((kv) => ({ key: kv[0], value: kv[1] }));
            }
            this.headers = new HeaderList(null, header);
        }
        (st.bodyRef !== undefined || st.text !== undefined) && Object.defineProperty(this, 'stream', STREAM_PROPERTY);
        this.cookies = new CookieList(null, options.cookie);
        options.responseTime !== undefined && (this.responseTime = options.responseTime);
        options.responseSize !== undefined && (this.responseSize = options.responseSize);
        if (this.responseSize === undefined && st.text !== undefined) { this.responseSize = utf8Length(st.text); }
    }

    reason() { return this.status || httpReason(this.code); }

    details() {
        if (!this._details || this._details.code !== this.code) {
            this._details = { name: httpReason(this.code), detail: '', code: this.code,
                standardName: httpReason(this.code) };
        }
        return Object.assign({}, this._details);
    }

    text() {
        const st = responseState(this);
        if (st.text === undefined && st.bodyRef !== undefined) { st.text = native.body(st.bodyRef); }
        return st.text;
    }

    // Parsed afresh on every call, as in the SDK: a script may change what
    // it got and expect the next call to see the body again.
    json(reviver, strict) {
        return liquidParse(this.text(), reviver, strict);
    }

    jsonp(reviver, strict) {
        const text = (this.text() || '').replace(/^[^{(].*\(/, '').replace(/\)[^}].*$|\)$/, '');
        return liquidParse(text, reviver, strict);
    }

    contentInfo() { return contentInfoOf(this.headers); }

    mime() { throw new Error('`Response#mime` has been discontinued, use `Response#contentInfo` instead.'); }

    dataURI() {
        const info = this.contentInfo();
        if (!info.contentType) { return ''; }
        let b64;
        const st = responseState(this);
        if (st.bodyRef !== undefined) { b64 = native.bodyBase64(st.bodyRef); }
        else if (st.text !== undefined) { b64 = native.base64(st.text); }
        return 'data:' + info.contentType + ';base64, ' + (b64 || '');
    }

    size() {
        const info = { body: 0, header: 0, total: 0 };
        let enc = this.headers.get('Content-Encoding');
        const len = this.headers.get('Content-Length');
        let compressed = false;
        if (isString(enc)) {
            enc = enc.toLowerCase();
            compressed = enc.indexOf('gzip') > -1 || enc.indexOf('deflate') > -1;
        }
        if (len && compressed && isNumeric(len)) { info.body = parseInt(len, 10); }
        else if (this.responseSize !== undefined) { info.body = this.responseSize; }
        info.header = ('HTTP/X.X ' + this.code + ' ' + this.reason() + '\r\n\r\n').length + this.headers.contentSize();
        info.total = (info.body || 0) + info.header;
        return info;
    }

    encoding() {
        const enc = this.headers.get('Content-Encoding');
        return { format: enc, source: enc ? 'header' : undefined };
    }

    toJSON() {
        const out = {};
        this.id !== undefined && (out.id = this.id);
        this.status !== undefined && (out.status = this.status);
        this.code !== undefined && (out.code = this.code);
        out.header = this.headers.toJSON();
        const text = this.text();
        if (text !== undefined) {
            const B = G.Buffer;
            out.stream = B && isFunction(B.from) ? B.from(text).toJSON() : { type: 'Buffer', data: [] };
        }
        out.cookie = this.cookies.toJSON();
        this.responseTime !== undefined && (out.responseTime = this.responseTime);
        this.responseSize !== undefined && (out.responseSize = this.responseSize);
        return out;
    }

    static isResponse(obj) { return obj instanceof Response; }
}
Object.defineProperty(Response.prototype, '__pg_kind', { value: 'response' });
Object.defineProperty(Response, 'name', { value: 'PostmanResponse', configurable: true });

// pm.response.to / pm.request.to: chai assertions on the object itself.
const ASSERTION_HOOK = {
    get() {
        if (!CHAI) { throw new Error('chai is not available'); }
        return CHAI.expect(this).to;
    },
    enumerable: false,
    configurable: true
};
// Only pm.response and pm.request get it, as in the sandbox (a
// pm.sendRequest response has no `to`).
function addAssertionHook(obj) {
    obj && Object.defineProperty(obj, 'to', ASSERTION_HOOK);
    return obj;
}

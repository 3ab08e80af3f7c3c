// request.js: Url, RequestBody, RequestAuth and Request as pm.request (and
// pm.sendRequest) expose them, following postman-collection 4.4.

// URL parsing in the order postman-url-encoder uses: hash, query, protocol,
// path, auth, port, host. `{{variables}}` holding URL separators are set aside
// first so that they stay whole in the part they belong to.
const REGEX_URL_VARS = /{{[^{}]*[.:/?#@&\]][^{}]*}}/g;

function parseUrlString(input) {
    const parsed = { raw: input, protocol: undefined, auth: undefined, host: undefined, port: undefined,
        path: undefined, query: undefined, hash: undefined };
    if (!(input && typeof input === 'string')) { return parsed; }
    let str = input.replace(/^\s+/, '');
    parsed.raw = str;
    const held = [];
    str = str.replace(REGEX_URL_VARS, (m) => { held.push(m); return '\uE000' + (held.length - 1) + '\uE001'; });
    const restore = held.length ?
        (s) => s.replace(/\uE000(\d+)\uE001/g, (_, i) => held[+i]) :
        (s) => s;
    let index;
    if ((index = str.indexOf('#')) !== -1) { parsed.hash = str.slice(index + 1); str = str.slice(0, index); }
    if ((index = str.indexOf('?')) !== -1) { parsed.query = str.slice(index + 1).split('&'); str = str.slice(0, index); }
    str = str.replace(/\\/g, '/');
    if ((index = str.indexOf('://')) !== -1) {
        parsed.protocol = str.slice(0, index);
        str = str.slice(index + 3);
        str = str.replace(/^\/+/, parsed.protocol.toLowerCase() === 'file' ? '/' : '');
    }
    if ((index = str.indexOf('/')) !== -1) { parsed.path = str.slice(index + 1).split('/'); str = str.slice(0, index); }
    if ((index = str.lastIndexOf('@')) !== -1) {
        const auth = str.slice(0, index);
        str = str.slice(index + 1);
        const c = auth.indexOf(':');
        parsed.auth = c !== -1 ? [auth.slice(0, c), auth.slice(c + 1)] : [auth];
    }
    let port;
    if ((index = str.lastIndexOf(':')) !== -1 && (port = str.slice(index + 1)).indexOf(']') === -1) {
        parsed.port = port;
        str = str.slice(0, index);
    }
    if (str) { parsed.host = str.split('.'); }
    if (held.length) {
        for (const k of ['protocol', 'port', 'hash']) { parsed[k] !== undefined && (parsed[k] = restore(parsed[k])); }
        for (const k of ['auth', 'host', 'path', 'query']) { parsed[k] && (parsed[k] = parsed[k].map(restore)); }
    }
    return parsed;
}

function pathVariableName(segment) {
    segment = String(segment);
    if (segment.charCodeAt(0) !== 58 /* : */) { return null; }
    const dot = segment.indexOf('.');
    return segment.slice(1, dot === -1 ? undefined : dot) || null;
}

class Url {
    constructor(options) { this.update(options); }

    update(url) {
        !url && (url = '');
        let p = isString(url) ? Url.parse(url) : url;
        if (!isString(url) && isString(url.raw) && url.host === undefined && url.path === undefined &&
            url.protocol === undefined) {
            // only the raw text is known: parse it, keep explicit query/variable lists
            const parsed = Url.parse(url.raw);
            url.query !== undefined && (parsed.query = url.query);
            url.variable !== undefined && (parsed.variable = url.variable);
            p = parsed;
        }
        let query = p.query, variable = p.variable, path = p.path, host = p.host;
        if (query) {
            isString(query) && (query = QueryParam.parse(query));
            if (!Array.isArray(query) && !(query instanceof PropertyList) && Object.keys(query).length) {
                query = Object.keys(query).map((k) => ({ key: k, value: query[k] }));
            }
        }
        if (Array.isArray(variable)) {
            variable = variable.map((v) => { isObject(v) && (v.key = v.key || v.id); return v; });
        }
        if (isString(path)) {
            path && (path = path.replace(/^\/((.+))$/, '$1'));
            path = path ? (path === '/' ? [''] : path.split('/')) : undefined;
        }
        isString(host) && (host = host.split(/\.(?![^{]*\}{2})/g));
        this.auth = p.auth;
        this.protocol = p.protocol;
        this.port = p.port;
        this.path = path;
        this.hash = p.hash;
        this.host = host;
        this.query = new PropertyList(QueryParam, this, query instanceof PropertyList ? query.all() : (query || []));
        this.variables = new VariableList(this, variable instanceof PropertyList ? variable.all() : (variable || []));
    }

    addQueryParams(params) {
        params = isString(params) ? QueryParam.parse(params) : params;
        this.query.populate(params);
    }

    removeQueryParams(params) {
        params = Array.isArray(params) ? params.map((p) => (p.key ? p.key : p)) : [params];
        this.query.remove((p) => params.indexOf(p.key) !== -1);
    }

    getRaw() { throw new Error('`Url#getRaw` has been discontinued, use `Url#toString` instead.'); }

    toString(forceProtocol) {
        let raw = '';
        let protocol = this.protocol;
        forceProtocol && !protocol && (protocol = 'http://');
        if (protocol) { raw += protocol.endsWith('://') ? protocol : protocol + '://'; }
        if (this.auth) {
            let auth;
            typeof this.auth.user === 'string' && (auth = this.auth.user);
            if (typeof this.auth.password === 'string') {
                !auth && (auth = '');
                auth += ':' + this.auth.password;
            }
            typeof auth === 'string' && (raw += auth + '@');
        }
        this.host && (raw += this.getHost());
        if (this.port !== undefined && this.port !== null && isFunction(this.port.toString)) {
            raw += ':' + this.port.toString();
        }
        this.path && (raw += this.getPath());
        if (this.query && this.query.count()) {
            let qs = this.getQueryString();
            if (qs === '') {
                qs = this.query.find((p) => !(p && p.disabled)) ? '' : undefined;
            }
            typeof qs === 'string' && (raw += '?' + qs);
        }
        typeof this.hash === 'string' && (raw += '#' + this.hash);
        return raw;
    }

    getPath(unresolved) {
        const path = this.path || [];
        if (unresolved) { return '/' + path.join('/'); }
        const segments = path.map((segment) => {
            const name = pathVariableName(segment);
            const value = name === null ? undefined : this.variables.get(name);
            if (value && typeof value === 'string') { return value + String(segment).slice(name.length + 1); }
            return segment;
        });
        return '/' + segments.join('/');
    }

    getQueryString() {
        if (!this.query.count()) { return ''; }
        return QueryParam.unparse(this.query.all());
    }

    getPathWithQuery() {
        let path = this.getPath();
        const qs = this.getQueryString();
        qs && (path += '?' + qs);
        return path;
    }

    getHost() {
        if (!this.host) { return ''; }
        return Array.isArray(this.host) ? this.host.join('.') : this.host.toString();
    }

    getRemote(forcePort) {
        const host = this.getHost();
        let port = this.port && this.port.toString();
        if (forcePort && !port) { port = this.protocol && this.protocol === 'https' ? '443' : '80'; }
        return port ? host + ':' + port : host;
    }

    getOAuth1BaseUrl() {
        const protocol = this.protocol || 'http';
        const port = this.port ? this.port.toString() : undefined;
        const hostname = (this.host || []).join('.');
        const host = (port === '80' || port === '443' || port === undefined) ? hostname : hostname + ':' + port;
        return (protocol.endsWith('://') ? protocol : protocol + '://').toLowerCase() + host.toLowerCase() +
            this.getPath();
    }

    toJSON() {
        const out = {};
        out.raw = this.toString();
        this.protocol !== undefined && (out.protocol = this.protocol);
        this.auth !== undefined && (out.auth = toJSONValue(this.auth));
        this.host !== undefined && (out.host = Array.isArray(this.host) ? this.host.slice() : this.host);
        this.port !== undefined && (out.port = this.port);
        this.path !== undefined && (out.path = Array.isArray(this.path) ? this.path.slice() : this.path);
        out.query = this.query.toJSON();
        out.variable = this.variables.toJSON();
        this.hash !== undefined && (out.hash = this.hash);
        return out;
    }

    static parse(url) {
        const p = parseUrlString(url);
        if (p.auth) { p.auth = { user: p.auth[0], password: p.auth[1] }; }
        if (p.query) { p.query = p.query.map(QueryParam.parseSingle); }
        const seen = {};
        const vars = [];
        for (const segment of p.path || []) {
            const name = pathVariableName(segment);
            if (name && !seen[name]) { seen[name] = true; vars.push({ key: name }); }
        }
        p.variable = vars.length ? vars : undefined;
        return p;
    }

    static isUrl(obj) { return obj instanceof Url; }
}

const BODY_MODES = { file: 'file', formdata: 'formdata', graphql: 'graphql', raw: 'raw', urlencoded: 'urlencoded' };

class RequestBody {
    constructor(options) { options && this.update(options); }

    update(options) {
        isString(options) && (options = { mode: 'raw', raw: options });
        if (!options.mode) { return; }
        const mode = BODY_MODES[options.mode.toString().toLowerCase()] || BODY_MODES.raw;
        let urlencoded = options.urlencoded, formdata = options.formdata, graphql = options.graphql;
        let file = options.file, raw = options.raw;
        if (options.urlencoded) {
            isString(urlencoded) && (urlencoded = QueryParam.parse(urlencoded));
            urlencoded = new PropertyList(QueryParam, this, urlencoded instanceof PropertyList ? urlencoded.all() : urlencoded);
        }
        if (options.formdata) {
            formdata = new PropertyList(FormParam, this, formdata instanceof PropertyList ? formdata.all() : formdata);
        }
        if (options.graphql) {
            graphql = { query: graphql.query, operationName: graphql.operationName, variables: graphql.variables };
        }
        isString(file) && (file = { src: file });
        (mode === 'raw' && !raw) && (raw = '');
        (mode === 'urlencoded' && !urlencoded) && (urlencoded = new PropertyList(QueryParam, this, []));
        (mode === 'formdata' && !formdata) && (formdata = new PropertyList(FormParam, this, []));
        (mode === 'graphql' && !graphql) && (graphql = {});
        this.mode = mode;
        this.raw = raw;
        this.urlencoded = urlencoded;
        this.formdata = formdata;
        this.file = file;
        this.graphql = graphql;
        this.options = isObject(options.options) ? options.options : undefined;
        this.disabled = options.disabled;
    }

    toString() {
        if (this.mode === 'formdata' || this.mode === 'file') { return ''; }
        if (this.mode === 'urlencoded') {
            return this.urlencoded instanceof PropertyList ? QueryParam.unparse(this.urlencoded.all()) :
                ((this.urlencoded && isFunction(this.urlencoded.toString)) ? this.urlencoded.toString() : '');
        }
        if (this.mode === 'raw') {
            return (this.raw && isFunction(this.raw.toString)) ? this.raw.toString() : '';
        }
        return '';
    }

    isEmpty() {
        const data = this.mode && this[this.mode];
        if (!data) { return true; }
        if (this.mode === 'file') { return !(data.src || data.content); }
        if (isString(data)) { return data.length === 0; }
        if (isFunction(data.count)) { return data.count() === 0; }
        return Object.keys(data).length === 0;
    }

    toJSON() {
        const obj = {};
        for (const key of ['mode', 'raw', 'urlencoded', 'formdata', 'file', 'graphql', 'options', 'disabled']) {
            const v = this[key];
            if (v === undefined) { continue; }
            obj[key] = toJSONValue(v);
        }
        for (const key of Object.keys(this)) {
            if (!has(obj, key) && key.charCodeAt(0) !== 95 && this[key] !== undefined &&
                typeof this[key] !== 'function') {
                obj[key] = toJSONValue(this[key]);
            }
        }
        if (obj.file && obj.file.content && typeof obj.file.content !== 'string') { delete obj.file.content; }
        return obj;
    }
}

class RequestAuth {
    constructor(options, parent) {
        parent && defineHidden(this, '__parent', parent);
        if (options && has(options, 'type')) { this.use(options.type); }
        if (isObject(options)) {
            for (const key of Object.keys(options)) {
                if (key !== 'type') { this.update(options[key], key); }
            }
        }
    }

    _params(type) {
        let params = this[type];
        if (!(params instanceof VariableList)) {
            params = this[type] = new VariableList(this);
        }
        return params;
    }

    update(options, type) {
        if (!isObject(options)) { return; }
        !type && (type = this.type);
        if (!RequestAuth.isValidType(type)) { return; }
        const params = this._params(type);
        if (Array.isArray(options) || options instanceof VariableList) { params.assimilate(options); }
        else { params.syncFromObject(options, false, false); }
    }

    use(type, options) {
        if (!RequestAuth.isValidType(type)) { return; }
        this.type = type;
        const params = this._params(type);
        if (Array.isArray(options) || options instanceof VariableList) { params.assimilate(options); }
        else { params.syncFromObject(options, false, false); }
    }

    current() { throw new Error('`Request#current` has been discontinued, use `Request#parameters` instead.'); }
    parameters() { return this[this.type]; }

    clear(type) {
        if (!(RequestAuth.isValidType(type) && this[type] instanceof VariableList)) { return; }
        this[type].clear();
        type !== this.type && delete this[type];
    }

    toJSON() { return propertyToJSON(this); }

    static isValidType(type) { return isString(type) && type !== 'type'; }
}

// Fields of a Postman request definition that the SDK does not model but
// that must survive a round trip back to the runner; kept beside the object
// so that its own property names stay the SDK's (chai shows their count).
const REQUEST_MODELLED = { url: 1, method: 1, header: 1, body: 1, auth: 1 };
const REQUEST_EXTRAS = new WeakMap();

class Request {
    constructor(options) {
        typeof options === 'string' && (options = { url: options });
        this.url = new Url();
        this.headers = new HeaderList(this, options && options.header);
        this.method = options && has(options, 'method') && !isNil(options.method) ?
            String(options.method).toUpperCase() : 'GET';
        this.update(options);
    }

    update(options) {
        if (!options) { return; }
        has(options, 'url') && this.url.update(options.url instanceof Url ? options.url.toJSON() : options.url);
        options.header && this.headers.repopulate(options.header instanceof PropertyList ? options.header.all() : options.header);
        has(options, 'method') && (this.method = isNil(options.method) ? 'GET' : String(options.method).toUpperCase());
        has(options, 'body') && options.body !== undefined && (this.body = new RequestBody(options.body));
        options.auth && (this.auth = new RequestAuth(options.auth));
        options.proxy && (this.proxy = cloneData(options.proxy));
        options.certificate && (this.certificate = cloneData(options.certificate));
        options.description !== undefined && (this.description = options.description);
        for (const key of Object.keys(options)) {
            if (!REQUEST_MODELLED[key] && key !== 'proxy' && key !== 'certificate' && key !== 'description') {
                let extra = REQUEST_EXTRAS.get(this);
                !extra && REQUEST_EXTRAS.set(this, extra = {});
                extra[key] = options[key];
            }
        }
    }

    authorizeUsing(type, options) {
        if (isObject(type) && isNil(options)) {
            options = Object.assign({}, type);
            delete options.type;
            type = type.type;
        }
        if (type === null) { delete this.auth; return; }
        if (!RequestAuth.isValidType(type)) { return; }
        if (!this.auth) { this.auth = new RequestAuth(null, this); }
        else { this.auth.clear(type); }
        this.auth.use(type, options);
    }

    getHeaders(options) {
        !options && (options = {});
        return this.headers.toObject(options.enabled, !options.ignoreCase, options.multiValue, options.sanitizeKeys);
    }

    forEachHeader(callback) {
        this.headers.all().forEach((h) => callback(h, this));
    }

    addHeader(header) { this.headers.add(header); }

    removeHeader(toRemove, options) {
        toRemove = isString(toRemove) ? toRemove : toRemove && toRemove.key;
        options = options || {};
        if (!toRemove) { return; }
        options.ignoreCase && (toRemove = toRemove.toLowerCase());
        this.headers.remove((h) => (options.ignoreCase ? String(h.key).toLowerCase() : h.key) === toRemove);
    }

    upsertHeader(header) {
        if (!(header && header.key)) { return; }
        const existing = this.headers.find({ key: header.key });
        if (!existing) { return this.headers.add(header); }
        existing.value = header.value;
    }

    addQueryParams(params) { this.url.addQueryParams(params); }
    removeQueryParams(params) { this.url.removeQueryParams(params); }

    size() {
        const contentLength = this.headers.get('Content-Length');
        const info = { body: 0, header: 0, total: 0, source: 'COMPUTED' };
        if (contentLength && isNumeric(contentLength)) {
            info.body = parseInt(contentLength, 10);
            info.source = 'CONTENT-LENGTH';
        }
        else if (this.body) {
            info.body = utf8Length(this.body.toString());
        }
        info.header = (this.method + ' ' + this.url.getPathWithQuery() + ' HTTP/X.X\r\n\r\n').length +
            this.headers.contentSize();
        info.total = (info.body || 0) + info.header;
        return info;
    }

    // Scripts may replace parts wholesale (`pm.request.url = 'https://…'`,
    // `pm.request.body = {mode: 'raw', …}`); Newman rebuilds the request from
    // whatever is there, and so does this.
    toJSON() {
        const obj = {};
        const extra = REQUEST_EXTRAS.get(this);
        if (extra) { for (const key of Object.keys(extra)) { obj[key] = extra[key]; } }
        const url = this.url;
        obj.url = url instanceof Url ? url.toJSON() : new Url(isObject(url) ? toJSONValue(url) : String(url)).toJSON();
        obj.method = isNil(this.method) ? 'GET' : String(this.method).toUpperCase();
        const headers = this.headers instanceof PropertyList ? this.headers.toJSON() :
            new HeaderList(null, isString(this.headers) ? this.headers : toJSONValue(this.headers) || []).toJSON();
        headers.length && (obj.header = headers);
        if (this.body !== undefined && this.body !== null) {
            obj.body = this.body instanceof RequestBody ? this.body.toJSON() :
                new RequestBody(isString(this.body) ? this.body : toJSONValue(this.body)).toJSON();
        }
        if (this.auth !== undefined && this.auth !== null) {
            obj.auth = this.auth instanceof RequestAuth ? this.auth.toJSON() :
                new RequestAuth(toJSONValue(this.auth)).toJSON();
        }
        this.proxy !== undefined && (obj.proxy = this.proxy);
        this.certificate !== undefined && (obj.certificate = this.certificate);
        this.description !== undefined && (obj.description = this.description);
        return obj;
    }

    clone() { return new Request(this.toJSON()); }

    static isRequest(obj) { return obj instanceof Request; }
}
Object.defineProperty(Request.prototype, '__pg_kind', { value: 'request' });

// The SDK's constructor names, which chai shows when it renders an object.
for (const [cls, name] of [[PropertyList, 'PostmanPropertyList'], [Variable, 'PostmanVariable'],
    [VariableList, 'PostmanVariableList'], [QueryParam, 'PostmanQueryParam'], [Header, 'PostmanHeader'],
    [FormParam, 'PostmanFormParam'], [Cookie, 'PostmanCookie'], [Url, 'PostmanUrl'],
    [RequestBody, 'PostmanRequestBody'], [RequestAuth, 'PostmanRequestAuth'], [Request, 'PostmanRequest']]) {
    Object.defineProperty(cls, 'name', { value: name, configurable: true });
}

function isNumeric(v) { return !isNaN(parseFloat(v)) && isFinite(v); }

function utf8Length(str) {
    let n = 0;
    for (let i = 0; i < str.length; i++) {
        const c = str.charCodeAt(i);
        if (c < 0x80) { n += 1; }
        else if (c < 0x800) { n += 2; }
        else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < str.length) { n += 4; i++; }
        else { n += 3; }
    }
    return n;
}

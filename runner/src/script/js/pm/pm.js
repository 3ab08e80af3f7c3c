// pm.js: the `pm` object, per-phase (job) and per-script state, and the
// hooks the Rust side calls: begin (swap a job's state in), run (one script's
// synchronous body), step (the event loop), timedOut, and end (everything
// back as one JSON string).

const CHAI = (G.__pg_chai && isFunction(G.__pg_chai.expect)) ? G.__pg_chai : null;
const MODULE_DIRS = (function () {
    try { return NATIVE_JSON_PARSE(native.moduleDirs()); } catch (_) { return []; }
}());

let job = null; // the phase being run
let cur = null; // the script being run

class Job {
    // Everything arrives as JSON text and is parsed on first use.
    constructor(listen, info, globals, collection, environment, data, local, request, response, cookies) {
        // `response` is null (no response) or
        // [code, status, responseTime, responseSize, headerLines]
        this.listen = listen;
        this._infoJSON = info;
        this._info = undefined;
        this._globalsJSON = globals;
        this._collectionJSON = collection;
        this._environmentJSON = environment;
        this._dataJSON = data;
        this._localJSON = local;
        this._globals = undefined;
        this._collectionVariables = undefined;
        this._environment = undefined;
        this._iterationData = undefined;
        this._local = undefined;
        this._requestJSON = request;
        this._request = undefined;
        this._requestBaseline = undefined;
        this._responseMeta = response;
        this._response = undefined;
        this._cookiesJSON = cookies;
        this._cookies = undefined;
        this._infoObj = undefined;
        this._data = undefined;
        this.console = [];
        this.asyncErrors = [];
        this.runs = [];
        this.nextSet = false;
        this.next = undefined;
        this.skip = false;
        this.visualizer = undefined;
    }

    get info() {
        this._info === undefined && (this._info = NATIVE_JSON_PARSE(this._infoJSON));
        return this._info;
    }

    get globals() {
        this._globals === undefined && (this._globals = new VariableScope(this._globalsJSON));
        return this._globals;
    }

    get collectionVariables() {
        this._collectionVariables === undefined &&
            (this._collectionVariables = new VariableScope(this._collectionJSON));
        return this._collectionVariables;
    }

    get environment() {
        this._environment === undefined &&
            (this._environment = new VariableScope(this._environmentJSON, null, this.info.environmentName));
        return this._environment;
    }

    get iterationData() {
        this._iterationData === undefined && (this._iterationData = new VariableScope(this._dataJSON));
        return this._iterationData;
    }

    get local() {
        this._local === undefined && (this._local = new VariableScope(this._localJSON,
            [this.iterationData, this.environment, this.collectionVariables, this.globals]));
        return this._local;
    }

    request() {
        if (this._request === undefined) {
            const def = this._requestJSON ? NATIVE_JSON_PARSE(this._requestJSON) : null;
            this._request = def ? new Request(def) : null;
            if (this._request) {
                addAssertionHook(this._request);
                if (this.listen === 'prerequest') {
                    this._requestBaseline = jsonText(this._request.toJSON());
                }
            }
        }
        return this._request;
    }

    // In a test script there is always a response: an empty one after a
    // request error, as in Newman.
    response() {
        if (this._response === undefined) {
            const r = this._responseMeta;
            if (r) {
                // the response's own cookies are not exposed here (they are
                // in pm.cookies, from the jar)
                this._response = addAssertionHook(new Response({
                    code: r[0], status: r[1], responseTime: r[2], responseSize: r[3], headerLines: r[4],
                    bodyRef: 0
                }));
            }
            else { this._response = this.listen === 'test' ? addAssertionHook(new Response()) : null; }
        }
        return this._response;
    }

    cookieList() {
        if (this._cookies === undefined) {
            this._cookies = makeCookieList(this._cookiesJSON ? NATIVE_JSON_PARSE(this._cookiesJSON) : []);
        }
        return this._cookies;
    }

    dataObject() {
        if (this._data === undefined) { this._data = this.iterationData.toObject(); }
        return this._data;
    }

    infoObject() {
        if (this._infoObj === undefined) {
            const i = this.info;
            const o = {};
            const add = (k, v) => {
                // read-only and, as in the sandbox, not enumerable
                v !== undefined && Object.defineProperty(o, k, { value: v, writable: false });
            };
            add('eventName', this.listen);
            add('iteration', i.iteration);
            add('iterationCount', i.iterationCount);
            add('requestName', i.requestName);
            add('requestId', i.requestId);
            this._infoObj = o;
        }
        return this._infoObj;
    }
}

function setNext(what) {
    if (!job) { return; }
    job.nextSet = true;
    job.next = what;
}

function markSkip() {
    if (!job) { return; }
    job.skip = true;
    if (cur) {
        cur.sealed = true;
        cur.timers.clear();
        cur.queue.length = 0;
    }
}

// --- pm.test ----------------------------------------------------------------

function recordAssertion(c, name, skipped, error, index) {
    c.assertions.push({ name: String(name), index: index, skipped: Boolean(skipped), error: error });
}

function pmTest(name, assert) {
    const c = cur;
    if (!c) { return PM; }
    const index = c.assertionIndex++;
    if (typeof assert !== 'function') {
        recordAssertion(c, name, false, null, index);
        return PM;
    }
    if (assert.length) {
        let finished = false;
        try {
            assert(function (err) {
                if (finished || c !== cur) { return; }
                finished = true;
                recordAssertion(c, name, false, err ? assertionRecord(err, name) : null, index);
            });
        }
        catch (e) {
            if (e === SKIP_SENTINEL) { throw e; }
            if (!finished) {
                finished = true;
                recordAssertion(c, name, false, assertionRecord(e, name), index);
            }
        }
        return PM;
    }
    let error = null;
    try { assert(); }
    catch (e) {
        if (e === SKIP_SENTINEL) { throw e; }
        error = assertionRecord(e, name);
    }
    recordAssertion(c, name, false, error, index);
    return PM;
}

pmTest.skip = function skip(name) {
    const c = cur;
    c && recordAssertion(c, name, true, null, c.assertionIndex++);
    return PM;
};

pmTest.index = function index() { return cur ? cur.assertionIndex : 0; };

// --- pm.sendRequest ---------------------------------------------------------

function pmSendRequest(req, callback) {
    const self = this === undefined || this === G ? PM : this;
    if (!req) {
        return isFunction(callback) && callback.call(self, new Error('sendrequest: nothing to request'));
    }
    const request = req instanceof Request ? req : new Request(req);
    enqueue(function () {
        const raw = native.send(NATIVE_JSON_STRINGIFY(request.toJSON()));
        const res = NATIVE_JSON_PARSE(raw);
        let err = null, response;
        if (res.error !== undefined && res.error !== null) {
            err = requestError(res.error);
            response = new Response();
        }
        else {
            response = new Response(res.response);
        }
        const history = { cookies: new CookieList(null, res.cookies || []) };
        isFunction(callback) && callback.call(self, err, response, history);
    });
    return self;
}

// A failed request's error as the callback sees it in Newman: a plain
// object (it crossed the sandbox boundary as JSON) with Node's `code`,
// `errno`, `syscall` and address details, and no message (an Error's
// message is not enumerable, so the JSON trip drops it). An error without a
// Node code keeps its message, or there would be nothing left.
const ERRNO = {
    ECONNREFUSED: -111, ECONNRESET: -104, ETIMEDOUT: -110, EHOSTUNREACH: -113, ENETUNREACH: -101,
    ENOTFOUND: -3008, EAI_AGAIN: -3001, EPIPE: -32, ECONNABORTED: -103
};
function requestError(message) {
    message = String(message);
    const err = {};
    const m = /^(\w+) (E[A-Z0-9_]+)(?: (.*))?$/.exec(message) || /^(E[A-Z0-9_]+)$/.exec(message);
    if (m && m.length === 4) {
        err.errno = ERRNO[m[2]] || -1;
        err.code = m[2];
        err.syscall = m[1];
        if (m[3]) {
            const addr = /^([^:\s]+):(\d+)$/.exec(m[3]);
            if (addr) { err.address = addr[1]; err.port = Number(addr[2]); }
            else { err.hostname = m[3]; }
        }
    }
    else if (m) { err.code = m[1]; }
    else { err.message = message; }
    return err;
}

// --- pm.execution -------------------------------------------------------------

function skipRequest() {
    if (!job || job.listen !== 'prerequest') {
        throw new TypeError('pm.execution.skipRequest is not a function');
    }
    markSkip();
    throw SKIP_SENTINEL;
}

const EXECUTION = {};
Object.defineProperties(EXECUTION, {
    skipRequest: { value: skipRequest, enumerable: true },
    setNextRequest: { value: function setNextRequest(request) { setNext(request); }, enumerable: true },
    location: {
        get() {
            if (!cur) { return []; }
            if (cur.location === undefined) {
                const i = job.info;
                const loc = Array.isArray(i.location) && i.location.length ? i.location.slice() :
                    [i.collectionName].concat(i.path ? String(i.path).split(' / ') : []);
                Object.defineProperty(loc, 'current', { value: cur.owner, writable: false });
                cur.location = loc;
            }
            return cur.location;
        },
        enumerable: true
    }
});

// --- pm.visualizer ------------------------------------------------------------

const VISUALIZER = {
    set(template, data, options) {
        if (typeof template !== 'string') {
            throw new Error('Invalid template. Template must be of type string, found ' + typeof template);
        }
        if (data && typeof data !== 'object') {
            throw new Error('Invalid data. Data must be an object, found ' + typeof data);
        }
        if (options && typeof options !== 'object') {
            throw new Error('Invalid options. Options must be an object, found ' + typeof options);
        }
        job && (job.visualizer = { template: template, data: data, options: options });
    },
    clear() { job && (job.visualizer = undefined); }
};

// --- the pm object ----------------------------------------------------------------

const PM = {};
function pmGetter(name, get) {
    Object.defineProperty(PM, name, { get: get, enumerable: true, configurable: false });
}
pmGetter('info', () => (job ? job.infoObject() : undefined));
pmGetter('globals', () => (job ? job.globals : undefined));
pmGetter('environment', () => (job ? job.environment : undefined));
pmGetter('collectionVariables', () => (job ? job.collectionVariables : undefined));
pmGetter('variables', () => (job ? job.local : undefined));
pmGetter('iterationData', () => (job ? job.iterationData : undefined));
pmGetter('request', () => (job ? job.request() || undefined : undefined));
pmGetter('response', () => (job && job.listen === 'test' ? job.response() || undefined : undefined));
pmGetter('cookies', () => (job ? job.cookieList() : undefined));
Object.defineProperty(PM, 'visualizer', { value: VISUALIZER, enumerable: true });
Object.defineProperty(PM, 'sendRequest', { value: pmSendRequest, enumerable: true });
Object.defineProperty(PM, 'execution', { value: EXECUTION, enumerable: true });
Object.defineProperty(PM, 'test', { value: pmTest, enumerable: true });
Object.defineProperty(PM, 'expect', {
    value: CHAI ? CHAI.expect : function expect() { throw new Error('chai is not available'); },
    enumerable: false
});
Object.defineProperty(G, 'pm', { value: PM, writable: true, configurable: true, enumerable: false });
Object.defineProperty(G, 'JSON', { value: LIQUID_JSON, writable: true, configurable: true, enumerable: false });

// RegExp as scripts see it: QuickJS's pattern errors reworded as V8's
// (`Invalid regular expression: /(/: Unterminated group`).
const NATIVE_REGEXP = G.RegExp;
const REGEXP_REASONS = {
    'expecting \')\'': 'Unterminated group',
    'nothing to repeat': 'Nothing to repeat',
    'duplicate group name': 'Duplicate capture group name',
    'invalid repetition count': 'numbers out of order in {} quantifier',
    'invalid group name': 'Invalid capture group name',
    'invalid class range': 'Range out of order in character class',
    'extraneous characters at the end': 'Unmatched \')\'',
    'invalid escape sequence in regular expression': 'Invalid escape',
    'invalid group': 'Invalid group'
};
function regexpError(e, args) {
    if (!(e instanceof SyntaxError)) { return e; }
    let source = args[0], flags = args[1];
    if (source instanceof NATIVE_REGEXP) {
        flags === undefined && (flags = source.flags);
        source = source.source;
    }
    source = source === undefined ? '(?:)' : String(source);
    flags = flags === undefined ? '' : String(flags);
    if (e.message === 'invalid regular expression flags') {
        return new SyntaxError('Invalid flags supplied to RegExp constructor \'' + flags + '\'');
    }
    let reason = REGEXP_REASONS[e.message];
    if (!reason && e.message === 'unexpected end') {
        reason = /(^|[^\\])(\\\\)*\\$/.test(source) ? '\\ at end of pattern' :
            (/\[[^\]]*$/.test(source) ? 'Unterminated character class' : 'Unexpected end');
    }
    !reason && (reason = e.message.charAt(0).toUpperCase() + e.message.slice(1));
    return new SyntaxError('Invalid regular expression: /' + source + '/' + flags + ': ' + reason);
}
const REGEXP = new Proxy(NATIVE_REGEXP, {
    construct(target, args, newTarget) {
        try { return Reflect.construct(target, args, newTarget === REGEXP ? target : newTarget); }
        catch (e) { throw regexpError(e, args); }
    },
    apply(target, thisArg, args) {
        try { return Reflect.apply(target, thisArg, args); }
        catch (e) { throw regexpError(e, args); }
    }
});
Object.defineProperty(NATIVE_REGEXP.prototype, 'constructor', { value: REGEXP, writable: true, configurable: true });
Object.defineProperty(G, 'RegExp', { value: REGEXP, writable: true, configurable: true, enumerable: false });

// Buffer is a sandbox global (the buffer module's), made on first use.
Object.defineProperty(G, 'Buffer', {
    get() {
        let B;
        try { B = builtinModules().buffer; } catch (_) { B = undefined; }
        B = B && B.Buffer;
        Object.defineProperty(G, 'Buffer', { value: B, writable: true, configurable: true, enumerable: false });
        return B;
    },
    set(v) { Object.defineProperty(G, 'Buffer', { value: v, writable: true, configurable: true, enumerable: false }); },
    configurable: true,
    enumerable: false
});

// Modules the pm prelude itself provides to require().
BUILTIN_EXTRA.json = LIQUID_JSON;
BUILTIN_EXTRA['postman-collection'] = {
    PropertyList: PropertyList, Variable: Variable, VariableList: VariableList, VariableScope: VariableScope,
    QueryParam: QueryParam, Header: Header, HeaderList: HeaderList, FormParam: FormParam, Cookie: Cookie,
    CookieList: CookieList, Url: Url, RequestBody: RequestBody, RequestAuth: RequestAuth, Request: Request,
    Response: Response
};
CHAI && (BUILTIN_EXTRA.chai = CHAI);

// --- hooks for Rust ---------------------------------------------------------------

// What one script run records and owns while it runs.
class ScriptState {
    constructor(index, owner, sandbox2) {
        this.index = index;
        this.owner = owner;
        this.assertions = [];
        this.assertionIndex = 0;
        this.error = null;
        this.legacy = {};
        this._used = null;
        this.legacyWarn = !sandbox2;
        this.sandbox2 = Boolean(sandbox2);
        this._timers = null;
        this.queue = [];
        this.sealed = false;
        this.location = undefined;
    }
    get legacyUsed() { return this._used || (this._used = new Set()); }
    get timers() { return this._timers || (this._timers = new Map()); }
    hasWork() { return this.queue.length > 0 || (this._timers !== null && this._timers.size > 0); }
}

function begin(listen, info, globals, collection, environment, data, local, request, cookies, code, status, time,
    size, headerLines) {
    job = new Job(listen, info, globals, collection, environment, data, local, request,
        code === undefined ? null : [code, status, time, size, headerLines], cookies);
    cur = null;
}

// Run one script's synchronous body. Returns 1 when the phase must stop
// (skipRequest), else 0.
function run(fn, owner, sandbox2) {
    const c = new ScriptState(job.runs.length, owner, sandbox2);
    cur = c;
    job.runs.push(c);
    try { fn(); }
    catch (e) {
        if (e === SKIP_SENTINEL) { markSkip(); }
        else { c.error = errorRecord(e); }
    }
    legacyFinish();
    if (job.skip) { return 1; }
    if (c.hasWork()) { return 2; }
    c.sealed = true;
    return 0;
}

// A script that could not be compiled still counts as a run.
function failed(owner, name, message) {
    const c = new ScriptState(job.runs.length, owner, true);
    c.error = { name: name, message: message, stack: null };
    c.legacyWarn = false;
    c.sealed = true;
    job.runs.push(c);
    cur = c;
}

// The deadline passed: while the body ran (`async` false) or while its
// callbacks were pending.
function timedOut(async) {
    const c = cur;
    if (!c) { return; }
    c.error = { name: 'Error', message: 'sandbox: ' + (async ? 'asynchronous' : 'synchronous') +
        ' script execution timeout', stack: null };
    c.sealed = true;
    c.timers.clear();
    c.queue.length = 0;
}

// The script failed with an error JS could not catch (memory exhaustion).
function abort(name, message) {
    const c = cur;
    if (!c) { return; }
    c.error = { name: name, message: message, stack: null };
    c.sealed = true;
    c.timers.clear();
    c.queue.length = 0;
}

// Whether the current script still has work queued after its body.
function pending() {
    return cur && !cur.sealed && cur.hasWork() ? 1 : 0;
}

function seal() {
    if (cur) {
        cur.sealed = true;
        cur.timers.clear();
        cur.queue.length = 0;
    }
}

function jsonSafe(key, value) {
    if (typeof value === 'bigint') { return value.toString(); }
    if (typeof value === 'function' || typeof value === 'symbol') { return undefined; }
    return value;
}

// JSON text of what goes back to Rust. The plain stringify already drops
// functions and symbols as `jsonSafe` does; only a BigInt makes it throw,
// and calling a replacer for every value costs more than the rest of end().
function jsonText(value) {
    try { return NATIVE_JSON_STRINGIFY(value); }
    catch (_) { return NATIVE_JSON_STRINGIFY(value, jsonSafe); }
}

function end() {
    const j = job;
    const out = { runs: [], scopes: {}, console: j.console, asyncErrors: j.asyncErrors, skip: j.skip };
    for (const c of j.runs) { out.runs.push({ assertions: c.assertions, error: c.error }); }
    j._globals && j._globals._dirty && (out.scopes.globals = j._globals._records(true));
    j._collectionVariables && j._collectionVariables._dirty &&
        (out.scopes.collection = j._collectionVariables._records(true));
    j._environment && j._environment._dirty && (out.scopes.environment = j._environment._records(true));
    j._local && j._local._dirty && (out.scopes.local = j._local._records(false));
    if (j.nextSet) {
        // the last call wins: null ends the iteration, a name or id jumps,
        // anything else (undefined, objects) means no jump
        const n = j.next;
        if (n === null) { out.nextKind = 'null'; }
        else if (n !== undefined && typeof n !== 'object' && typeof n !== 'function') {
            out.nextKind = 'name';
            out.next = String(n);
        }
    }
    if (j.listen === 'prerequest' && j._request) {
        const now = jsonText(j._request.toJSON());
        now !== j._requestBaseline && (out.request = NATIVE_JSON_PARSE(now));
    }
    j.visualizer !== undefined && (out.visualizer = j.visualizer);
    let text;
    try { text = jsonText(out); }
    catch (e) {
        // circular values in variables or the visualizer: keep what can be kept
        out.visualizer = undefined;
        for (const k of Object.keys(out.scopes)) {
            out.scopes[k] = out.scopes[k].map((r) => {
                try { NATIVE_JSON_STRINGIFY(r.value, jsonSafe); return r; }
                catch (_) { return { key: r.key, value: '[object Object]', type: r.type, disabled: r.disabled }; }
            });
        }
        text = NATIVE_JSON_STRINGIFY(out, jsonSafe);
    }
    job = null;
    cur = null;
    return text;
}

// --bail: whether the script that just finished failed, which stops the
// phase. Failed assertions become its error, as Newman's runtime makes an
// AssertionFailure naming the failed tests.
function settle() {
    const c = job && job.runs[job.runs.length - 1];
    if (!c) { return false; }
    if (c.error) { return true; }
    const failed = c.assertions.filter((a) => a.error && !a.skipped).map((a) => a.name);
    if (!failed.length) { return false; }
    c.error = { name: 'AssertionFailure', message: failed.join(', '), stack: null };
    return true;
}

return { begin: begin, run: run, failed: failed, step: step, timedOut: timedOut, abort: abort, pending: pending,
    seal: seal, settle: settle, end: end };

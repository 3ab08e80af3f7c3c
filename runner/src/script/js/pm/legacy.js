// legacy.js: the pre-`pm` globals Newman still provides (tests, responseBody,
// postman.*, environment, _, CryptoJS, ...). As in postman-sandbox 4.7,
// object and function values are wrapped so that the first use of each one
// in a script logs `Using "x" is deprecated. Use "y" instead.` through
// console.warn. A script starting with "use sandbox2"; gets none of them.

const LEGACY_GLOBS = ['tests', 'globals', 'environment', 'data', 'request', 'responseCookies',
    'responseHeaders', 'responseTime', 'responseCode', 'responseBody', 'iteration', 'postman',
    '_', 'CryptoJS', 'atob', 'btoa', 'tv4', 'xml2Json', 'Backbone', 'cheerio'];

const LEGACY_ALTERNATIVES = {
    tests: 'pm.test()',
    globals: 'pm.globals',
    environment: 'pm.environment',
    data: 'pm.iterationData',
    request: 'pm.request',
    responseCookies: 'pm.cookies',
    responseHeaders: 'pm.response.headers',
    responseTime: 'pm.response.responseTime',
    responseCode: 'pm.response.code',
    responseBody: 'pm.response.text()',
    iteration: 'pm.info.iteration',
    _: 'require(\'lodash\')',
    CryptoJS: 'require(\'crypto-js\')',
    atob: 'require(\'atob\')',
    btoa: 'require(\'btoa\')',
    tv4: 'require(\'ajv\')',
    xml2Json: 'require(\'xml2js\')',
    Backbone: 'require(\'backbone\')',
    cheerio: 'require(\'cheerio\')',
    'postman.setNextRequest': 'pm.execution.setNextRequest()'
};

const NATIVE_ATOB = G.atob;
const NATIVE_BTOA = G.btoa;

function legacyWarn(key) {
    const c = cur;
    if (!c || !c.legacyWarn || c.legacyUsed.has(key)) { return; }
    c.legacyUsed.add(key);
    if (LEGACY_ALTERNATIVES[key]) {
        recordConsole('warn', ['Using "' + key + '" is deprecated. Use "' + LEGACY_ALTERNATIVES[key] + '" instead.']);
    }
    else if (LEGACY_GLOBS.indexOf(key) !== -1) {
        recordConsole('warn', ['Using "' + key + '" is deprecated.']);
    }
}

function legacyProxy(key, target) {
    if (!(target && (typeof target === 'object' || typeof target === 'function'))) { return target; }
    return new Proxy(target, {
        set(t, prop, value) { legacyWarn(key); t[prop] = value; return true; },
        get(t, prop) {
            legacyWarn(key === 'postman' ? 'postman.setNextRequest' : key);
            return t[prop];
        },
        apply(t, thisArg, args) { legacyWarn(key); return t.apply(thisArg, args); }
    });
}

function xml2Json(string) {
    const xml2js = builtinModules().xml2js;
    let out = {};
    if (!xml2js || !isFunction(xml2js.parseString)) { return out; }
    xml2js.parseString(string, { explicitArray: false, async: false, trim: true, mergeAttrs: false },
        function (_, result) { out = result; });
    return out;
}

// Library globals are the same for every script: wrap them once.
let legacyLibraries = null;
function legacyLibrary(name) {
    if (legacyLibraries === null) {
        const m = builtinModules();
        let legacy = null;
        try { legacy = m.__legacy || null; } catch (_) { legacy = null; }
        const pick = (name, fallback) => (legacy && legacy[name]) || fallback;
        legacyLibraries = {
            _: legacyProxy('_', pick('_', m.lodash)),
            CryptoJS: legacyProxy('CryptoJS', m['crypto-js']),
            atob: legacyProxy('atob', pick('atob', m.atob || NATIVE_ATOB)),
            btoa: legacyProxy('btoa', pick('btoa', m.btoa || NATIVE_BTOA)),
            tv4: legacyProxy('tv4', m.tv4),
            xml2Json: legacyProxy('xml2Json', pick('xml2Json', xml2Json)),
            Backbone: legacyProxy('Backbone', m.backbone),
            cheerio: legacyProxy('cheerio', m.cheerio)
        };
    }
    return legacyLibraries[name];
}

class PostmanLegacyInterface {
    constructor(isTest) { this.__isTest = isTest; }

    setEnvironmentVariable(key, value) {
        if ((value === false || value) && typeof (value && value.toString) === 'function') { value = value.toString(); }
        const snap = cur && cur.legacy.environment;
        snap && (legacyTarget(snap)[key] = value);
        return job.environment.set(key, value);
    }
    getEnvironmentVariable(key) { return job.environment.get(key); }
    clearEnvironmentVariables() {
        const snap = cur && cur.legacy.environment;
        if (snap) { const t = legacyTarget(snap); for (const k of Object.keys(t)) { delete t[k]; } }
        return job.environment.clear();
    }
    clearEnvironmentVariable(key) {
        const snap = cur && cur.legacy.environment;
        key && snap && delete legacyTarget(snap)[key];
        return job.environment.unset(key);
    }
    setGlobalVariable(key, value) {
        if ((value === false || value) && typeof (value && value.toString) === 'function') { value = value.toString(); }
        const snap = cur && cur.legacy.globals;
        snap && (legacyTarget(snap)[key] = value);
        return job.globals.set(key, value);
    }
    getGlobalVariable(key) { return job.globals.get(key); }
    clearGlobalVariables() {
        const snap = cur && cur.legacy.globals;
        if (snap) { const t = legacyTarget(snap); for (const k of Object.keys(t)) { delete t[k]; } }
        return job.globals.clear();
    }
    clearGlobalVariable(key) {
        const snap = cur && cur.legacy.globals;
        key && snap && delete legacyTarget(snap)[key];
        return job.globals.unset(key);
    }
    setNextRequest(what) { setNext(what); }
}

class PostmanLegacyTestInterface extends PostmanLegacyInterface {
    getResponseCookie(name) {
        return job.cookieList() ? job.cookieList().one(String(name)) : undefined;
    }
    getResponseHeader(name) {
        const res = job.response();
        const header = res && res.headers && res.headers.one(name);
        return header ? header.value : undefined;
    }
}

// Proxies hide their targets; keep the raw objects next to them.
const LEGACY_TARGETS = new WeakMap();
function legacyTarget(p) { return LEGACY_TARGETS.get(p) || p; }
function wrapLegacy(key, target) {
    const p = legacyProxy(key, target);
    p !== target && LEGACY_TARGETS.set(p, target);
    return p;
}

function legacyRequestData(request) {
    const body = request.body;
    if (!body || body.isEmpty()) { return {}; }
    let content = body[body.mode];
    content && isFunction(content.all) && (content = content.all());
    const collect = (params) => {
        const acc = {};
        for (const p of params) {
            if (p.disabled) { continue; }
            if (acc[p.key]) { Array.isArray(acc[p.key]) ? acc[p.key].push(p.value) : (acc[p.key] = [acc[p.key], p.value]); }
            else { acc[p.key] = p.value; }
        }
        return acc;
    };
    if (body.mode === 'raw') { return content || {}; }
    if (body.mode === 'urlencoded' || body.mode === 'formdata') { return collect(content); }
    if (body.mode === 'file') { return (body.file && body.file.content) || {}; }
    return {};
}

function legacyValue(name) {
    const c = cur;
    if (hasOwn.call(c.legacy, name)) { return c.legacy[name]; }
    const isTest = job.listen === 'test';
    let v;
    switch (name) {
        case 'tests': v = wrapLegacy('tests', {}); break;
        case 'globals': v = wrapLegacy('globals', job.globals.syncVariablesTo({})); break;
        case 'environment': v = wrapLegacy('environment', job.environment.syncVariablesTo({})); break;
        case 'data': v = wrapLegacy('data', job.dataObject()); break;
        case 'iteration': v = job.info.iteration; break;
        case 'postman': v = wrapLegacy('postman', isTest ? new PostmanLegacyTestInterface(true) :
            new PostmanLegacyInterface(false)); break;
        case 'request': {
            const req = job.request();
            v = wrapLegacy('request', req ? {
                id: job.info.requestId,
                name: job.info.requestName,
                description: req.description !== undefined && req.description !== null ?
                    (typeof req.description === 'object' && req.description.content !== undefined ?
                        String(req.description.content) : String(req.description)) : undefined,
                headers: req.headers.toObject(true, false, true, true),
                method: req.method,
                url: req.url.toString(),
                data: legacyRequestData(req)
            } : {});
            break;
        }
        default: {
            if (!isTest) { return undefined; }
            const res = job.response();
            switch (name) {
                case 'responseCookies': v = wrapLegacy('responseCookies', job.cookieList() || []); break;
                case 'responseHeaders': {
                    const h = {};
                    res && res.headers.each((header) => {
                        header && !header.disabled && (h[header.key] = header.value);
                    });
                    v = wrapLegacy('responseHeaders', h);
                    break;
                }
                case 'responseTime': v = res ? res.responseTime : NaN; break;
                case 'responseCode': v = wrapLegacy('responseCode', res ? res.details() :
                    { code: NaN, name: '', details: '' }); break;
                case 'responseBody': v = res ? res.text() : undefined; break;
                default: return undefined;
            }
        }
    }
    c.legacy[name] = v;
    return v;
}

for (const name of LEGACY_GLOBS) {
    Object.defineProperty(G, name, {
        get() {
            if (!cur || cur.sandbox2) { return undefined; }
            if (hasOwn.call(cur.legacy, name)) { return cur.legacy[name]; }
            const lib = name === '_' || name === 'CryptoJS' || name === 'atob' || name === 'btoa' ||
                name === 'tv4' || name === 'xml2Json' || name === 'Backbone' || name === 'cheerio';
            return lib ? legacyLibrary(name) : legacyValue(name);
        },
        set(v) { cur && (cur.legacy[name] = v); },
        enumerable: false,
        configurable: true
    });
}

// After the synchronous body: `tests[name] = value` become assertions,
// numbered after the script's pm.test ones, and warnings stop.
function legacyFinish() {
    const c = cur;
    c.legacyWarn = false;
    if (c.sandbox2 || !hasOwn.call(c.legacy, 'tests')) { return; }
    const tests = legacyTarget(c.legacy.tests);
    if (!tests || typeof tests !== 'object') { return; }
    let index = c.assertionIndex;
    for (const key of Object.keys(tests)) {
        const value = tests[key];
        const passed = Boolean(value);
        c.assertions.push({
            name: String(key),
            index: index++,
            skipped: false,
            error: passed ? null : { name: 'AssertionError', message: 'expected ' + String(value) + ' to be truthy',
                stack: null }
        });
    }
}

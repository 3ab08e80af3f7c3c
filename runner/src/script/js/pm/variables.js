// variables.js: VariableScope (pm.environment, pm.globals,
// pm.collectionVariables, pm.variables, pm.iterationData) and `{{name}}`
// substitution for replaceIn, with postman-collection 4.4 semantics.
//
// A scope arrives from Rust as a JSON string of
// `[{key, value, type, disabled}]` and is parsed only when a script touches
// it. A scope that changed is written back whole (`dirty`).

const VAR_TOKEN = /\{\{([^{}]*?)}}/g;
const MAX_SUBSTITUTIONS = 19;

// Find a variable for `{{token}}` in a list of sources (VariableScopes or
// VariableLists, searched in order), then among the dynamic variables.
function findVariable(sources, token) {
    for (const src of sources) {
        if (!src) { continue; }
        const v = src instanceof VariableScope ? src._own(token) : src.oneNormalizedVariable(token);
        if (v && !v.disabled) { return v; }
    }
    if (token.charCodeAt(0) === 36 /* $ */) {
        const value = native.dyn(token);
        if (value !== undefined) { return value; }
    }
    return undefined;
}

function substitute(template, sources) {
    if (!(template && typeof template === 'string') || template.indexOf('{{') === -1) { return template; }
    let value = template;
    let substitutions = 0;
    for (;;) {
        let replacements = 0;
        value = value.replace(VAR_TOKEN, (match, token) => {
            replacements += 1;
            let r = findVariable(sources, token);
            r && isFunction(r) && (r = r());
            r && isFunction(r.toString) && (r = r.toString());
            const t = typeof r;
            return (t === 'string' || t === 'number' || t === 'boolean') ? r : match;
        });
        replacements && (substitutions += 1);
        if (!(replacements && substitutions < MAX_SUBSTITUTIONS)) { break; }
    }
    return value;
}

function substituteIn(value, sources) {
    if (typeof value === 'string') { return substitute(value, sources); }
    if (Array.isArray(value)) { return value.map((v) => substituteIn(v, sources)); }
    if (value && typeof value === 'object') {
        const out = {};
        for (const k of Object.keys(value)) { out[k] = substituteIn(value[k], sources); }
        return out;
    }
    return value;
}

// Build Variables from the JSON records Rust sends.
function variablesFromRecords(records) {
    const out = new Array(records.length);
    for (let i = 0; i < records.length; i++) {
        const r = records[i];
        const v = new Variable();
        v.key = r.key;
        v.type = 'any';
        if (r.type !== undefined && r.type !== null) {
            const t = String(r.type).toLowerCase();
            VARIABLE_TYPES[t] && t !== 'any' && (v.type = t);
            v._kind = r.type;
        }
        v.value = v.type === 'any' ? r.value : castWith(v.type, r.value, 'in');
        r.disabled && (v.disabled = true);
        out[i] = v;
    }
    return out;
}

// The Variables a script's set() calls wrote (kept off the objects, whose
// own keys scripts can see).
const SET_BY_SCRIPT = new WeakSet();

class VariableScope {
    // `source` is a JSON string (lazy), an array of records, or a plain object.
    constructor(source, layers, name) {
        this._source = source;
        this._members = null;
        this._layers = layers || null;
        this._dirty = false;
        this._name = name === null ? undefined : name;
    }

    get name() { return this._name; }
    set name(v) { this._name = v; }

    _list() {
        let m = this._members;
        if (m !== null) { return m; }
        let src = this._source;
        if (typeof src === 'string') { src = src.length ? NATIVE_JSON_PARSE(src) : []; }
        if (Array.isArray(src)) { m = variablesFromRecords(src); }
        else if (src && typeof src === 'object') {
            m = Object.keys(src).map((k) => { const v = new Variable(); v.key = k; v.value = src[k]; return v; });
        }
        else { m = []; }
        this._members = m;
        this._source = null;
        return m;
    }

    // The variable a lookup sees in this scope alone: the last enabled one
    // with the key, else the last disabled one.
    _own(key) {
        const m = this._list();
        let disabled;
        for (let i = m.length - 1; i >= 0; i--) {
            const v = m[i];
            if (v.key === key) {
                if (!v.disabled) { return v; }
                disabled === undefined && (disabled = v);
            }
        }
        return disabled;
    }

    get values() {
        const list = new VariableList(this);
        list.members = this._list();
        return list;
    }

    get(key) {
        let v = this._own(key);
        if ((!v || v.disabled) && this._layers) {
            for (const layer of this._layers) {
                v = layer._own(key);
                if (v && !v.disabled) { break; }
            }
        }
        return (v && !v.disabled) ? v.valueOf() : undefined;
    }

    has(key) {
        let v = this._own(key);
        if ((!v || v.disabled) && this._layers) {
            for (const layer of this._layers) {
                v = layer._own(key);
                if (v && !v.disabled) { break; }
            }
        }
        return Boolean(v && !v.disabled);
    }

    set(key, value, type) {
        const v = this._own(key);
        if (v && !v.disabled) {
            if (isString(type)) {
                const t = type.toLowerCase();
                if (VARIABLE_TYPES[t]) { v.type = t; v._kind = t; }
            }
            v.set(value);
            SET_BY_SCRIPT.add(v);
        }
        else {
            const nv = new Variable();
            nv.key = key;
            if (isString(type) && VARIABLE_TYPES[type.toLowerCase()]) {
                nv.type = type.toLowerCase();
                nv._kind = nv.type;
            }
            nv.set(value);
            SET_BY_SCRIPT.add(nv);
            this._list().push(nv);
        }
        this._dirty = true;
    }

    unset(key) {
        const m = this._list();
        let w = 0;
        for (let i = 0; i < m.length; i++) {
            const v = m[i];
            if (v.key === key && !v.disabled) { continue; }
            m[w++] = v;
        }
        m.length = w;
        this._dirty = true;
    }

    // Newman replays a clear as one unset per key on the run's scope, so
    // disabled variables survive it.
    clear() {
        const m = this._list();
        let w = 0;
        for (let i = 0; i < m.length; i++) { if (m[i].disabled) { m[w++] = m[i]; } }
        m.length = w;
        this._dirty = true;
    }

    toObject(excludeDisabled, caseSensitive) {
        const obj = {};
        if (this._layers) {
            for (let i = this._layers.length - 1; i >= 0; i--) {
                Object.assign(obj, this._layers[i].toObject(excludeDisabled, caseSensitive));
            }
        }
        for (const v of this._list()) {
            if (excludeDisabled && v.disabled) { continue; }
            obj[v.key] = v.valueOf();
        }
        return obj;
    }

    replaceIn(template) {
        const sources = this._layers ? [this].concat(this._layers) : [this];
        if (isString(template) || Array.isArray(template)) {
            return isString(template) ? substitute(template, sources) : substituteIn(template, sources);
        }
        if (isObject(template)) { return substituteIn(template, sources); }
        return template;
    }

    syncVariablesTo(obj) {
        !isObject(obj) && (obj = {});
        for (const k of Object.keys(obj)) { delete obj[k]; }
        for (const v of this._list()) { obj[v.key] = v.valueOf(); }
        return obj;
    }

    syncVariablesFrom(obj) {
        if (!isObject(obj)) { return; }
        for (const k of Object.keys(obj)) { this.set(k, obj[k]); }
        const m = this._list();
        for (let i = m.length - 1; i >= 0; i--) { has(obj, m[i].key) || m.splice(i, 1); }
        this._dirty = true;
    }

    toJSON() {
        const out = {};
        this._name !== undefined && (out.name = this._name);
        out.values = this._list().map((v) => v.toJSON());
        return out;
    }

    variables() {
        throw new Error('`VariableScope#variables` has been discontinued, use `VariableScope#syncVariablesTo` instead.');
    }

    // Records for Rust: key, value (left out for `undefined`), type (as
    // received unless a script set a valid one), disabled. `replayed` is
    // true for the scopes Newman carries back as a replay of the script's
    // set() calls, which turns a value set to `undefined` into null; the
    // local scope travels whole and keeps it.
    _records(replayed) {
        return this._list().map((v) => {
            let value = v.value;
            // functions do not survive the trip out (Newman's bridge
            // serialises values as JSON too)
            (typeof value === 'function' || typeof value === 'symbol') && (value = null);
            value === undefined && replayed && SET_BY_SCRIPT.has(v) && (value = null);
            const r = { key: String(v.key) };
            value !== undefined && (r.value = value);
            const kind = v._kind !== undefined ? v._kind : v.type;
            kind !== undefined && (r.type = kind);
            v.disabled && (r.disabled = true);
            return r;
        });
    }

    static isVariableScope(obj) { return obj instanceof VariableScope; }
}
Object.defineProperty(VariableScope, 'name', { value: 'PostmanVariableScope', configurable: true });

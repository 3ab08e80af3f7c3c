// list.js: PropertyList and the small property types kept in lists
// (Variable, QueryParam, Header, FormParam, Cookie), with the behaviour of
// postman-collection 4.4: lookups by key (case-insensitive for headers), the
// last duplicate winning, multi-valued toObject for headers and params.

function matcher(rule) {
    if (isFunction(rule)) { return rule; }
    if (isString(rule)) { return function (m) { return Boolean(m && m[rule]); }; }
    if (isObject(rule)) {
        const keys = Object.keys(rule);
        return function (m) {
            if (!m) { return false; }
            for (const k of keys) { if (m[k] !== rule[k]) { return false; } }
            return true;
        };
    }
    return function () { return false; };
}

class PropertyList {
    constructor(Type, parent, populate) {
        // the element type, an own property as in the SDK; the parent link
        // stays hidden so that inspecting a list does not walk back up
        Type !== this.Type && (this.Type = Type);
        parent && defineHidden(this, '__parent', parent);
        this.members = [];
        populate && this.populate(populate);
    }

    _indexKey() { return (this.Type && this.Type._postman_propertyIndexKey) || 'id'; }
    _insensitive() { return Boolean(this.Type && this.Type._postman_propertyIndexCaseInsensitive); }
    _multi() { return Boolean(this.Type && this.Type._postman_propertyAllowsMultipleValues); }

    _keyOf(item) {
        let k = item && item[this._indexKey()];
        if (!k) { return undefined; }
        k = String(k);
        return this._insensitive() ? k.toLowerCase() : k;
    }

    _norm(id) {
        if (isNil(id)) { return id; }
        return this._insensitive() ? String(id).toLowerCase() : String(id);
    }

    // A map from index key to member (or members, for multi-valued lists).
    get reference() {
        const ref = {};
        const multi = this._multi();
        for (const m of this.members) {
            const k = this._keyOf(m);
            if (k === undefined) { continue; }
            if (multi && hasOwn.call(ref, k)) {
                Array.isArray(ref[k]) ? ref[k].push(m) : (ref[k] = [ref[k], m]);
            }
            else { ref[k] = m; }
        }
        return ref;
    }

    insert(item, before) {
        if (!isObject(item)) { return; }
        const dup = this.members.indexOf(item);
        dup > -1 && this.members.splice(dup, 1);
        const at = before === undefined || before === null ? -1 : this.indexOf(before);
        at > -1 ? this.members.splice(at, 0, item) : this.members.push(item);
    }

    insertAfter(item, after) { return this.insert(item, this.idx(this.indexOf(after) + 1)); }
    append(item) { return this.insert(item); }
    prepend(item) { return this.insert(item, this.idx(0)); }

    add(item, name) {
        if (item === null || item === undefined || (typeof item === 'number' && isNaN(item))) { return; }
        const Type = this.Type;
        let made;
        if (Type && item.constructor === Type) { made = item; }
        else if (Type && isFunction(Type.create)) { made = Type.create(item, name); }
        else if (Type) { made = new Type(item); }
        else { made = item; }
        this.insert(made);
    }

    upsert(item) {
        if (isNil(item) || (typeof item === 'number' && isNaN(item))) { return null; }
        const existing = this.one(item[this._indexKey()]);
        if (existing) {
            if (!isFunction(existing.update)) {
                throw new Error('collection: unable to upsert into a list of Type that does not support .update()');
            }
            existing.update(item);
            return false;
        }
        this.add(item);
        return true;
    }

    remove(predicate, context) {
        !context && (context = this);
        let test;
        if (isString(predicate)) {
            const match = this._norm(predicate);
            test = (item) => this._keyOf(item) === match || (item && item[this._indexKey()] === predicate);
        }
        else if (this.Type && predicate instanceof this.Type) {
            const match = predicate;
            test = (item) => item === match;
        }
        else if (isFunction(predicate)) {
            test = (item, i, arr) => predicate.call(context, item, i, arr);
        }
        else { return; }
        const kept = [];
        const members = this.members;
        for (let i = 0; i < members.length; i++) {
            const item = members[i];
            if (!test(item, i, members)) { kept.push(item); }
        }
        this.members.length = 0;
        Array.prototype.push.apply(this.members, kept);
    }

    clear() {
        this.members.length = 0;
    }

    populate(items) {
        const Type = this.Type;
        if (isString(items) && Type && isFunction(Type.parse)) { items = Type.parse(items); }
        if (Array.isArray(items)) {
            for (const it of items) { this.add(it); }
        }
        else if (isPlainObject(items) && Type && has(Type, 'create')) {
            for (const k of Object.keys(items)) { this.add(items[k], k); }
        }
        else { this.add(items); }
    }

    repopulate(items) { this.clear(); this.populate(items); }

    assimilate(source, prune) {
        const members = source instanceof PropertyList ? source.members : source;
        if (!Array.isArray(members)) { return; }
        const indexer = this._indexKey();
        const seen = {};
        for (const item of members) {
            if (!(item && has(item, indexer))) { continue; }
            this.upsert(item);
            seen[item[indexer]] = true;
        }
        if (prune) {
            for (const k of Object.keys(this.reference)) { has(seen, k) || this.remove(k); }
        }
    }

    all() { return this.members.slice(); }

    one(id) {
        const key = this._norm(id);
        for (let i = this.members.length - 1; i >= 0; i--) {
            if (this._keyOf(this.members[i]) === key) { return this.members[i]; }
        }
        return undefined;
    }

    get(key) {
        const m = this.one(key);
        if (!m) { return undefined; }
        return m.valueOf();
    }

    each(iterator, context) {
        if (!isFunction(iterator)) { return; }
        const fn = iterator.bind(context || this.__parent);
        const ms = this.members;
        for (let i = 0; i < ms.length; i++) { if (fn(ms[i], i, ms) === false) { break; } }
    }

    filter(rule, context) {
        const fn = matcher(isFunction(rule) && isObject(context) ? rule.bind(context) : rule);
        return this.members.filter((m, i, a) => fn(m, i, a));
    }

    find(rule, context) {
        const fn = matcher(isFunction(rule) && isObject(context) ? rule.bind(context) : rule);
        return this.members.find((m, i, a) => fn(m, i, a));
    }

    map(iterator, context) {
        if (isString(iterator)) { return this.members.map((m) => (m ? m[iterator] : undefined)); }
        const fn = iterator.bind(context || this);
        return this.members.map((m, i, a) => fn(m, i, a));
    }

    reduce(iterator, accumulator, context) {
        const fn = iterator.bind(context || this);
        return this.members.reduce((acc, m, i, a) => fn(acc, m, i, a), accumulator);
    }

    count() { return this.members.length; }
    idx(index) { return this.members[index]; }

    indexOf(item) {
        return this.members.indexOf(isString(item) ? this.one(item) : item);
    }

    has(item, value) {
        let matches;
        if (isString(item)) {
            const key = this._norm(item);
            matches = this.members.filter((m) => this._keyOf(m) === key);
        }
        else {
            matches = this.members.filter((m) => m === item);
        }
        if (!matches.length) { return false; }
        if (arguments.length === 1) { return true; }
        if (this._multi()) {
            return matches.some((m) => (isFunction(m.valueOf) ? m.valueOf() : m) === value);
        }
        const m = isString(item) ? matches[matches.length - 1] : matches[0];
        return (isFunction(m.valueOf) ? m.valueOf() : m) === value;
    }

    eachParent(iterator, context) {
        if (!isFunction(iterator)) { return; }
        !context && (context = this);
        let parent = this.__parent, prev;
        while (parent) {
            iterator.call(context, parent, prev);
            prev = parent;
            parent = parent.__parent;
        }
    }

    toObject(excludeDisabled, caseSensitive, multiValue, sanitizeKeys) {
        const obj = {};
        const key = this._indexKey();
        const sanitise = Boolean((this.Type && this.Type._postman_sanitizeKeys) || sanitizeKeys);
        const sensitive = !this._insensitive() || caseSensitive;
        const multi = this._multi() || multiValue;
        for (const m of this.members) {
            if (!m || !has(m, key) || (excludeDisabled && m.disabled) || (sanitise && !m[key])) { continue; }
            const prop = sensitive ? m[key] : String(m[key]).toLowerCase();
            if (multi && hasOwn.call(obj, prop)) {
                !Array.isArray(obj[prop]) && (obj[prop] = [obj[prop]]);
                obj[prop].push(m.valueOf());
            }
            else { obj[prop] = m.valueOf(); }
        }
        return obj;
    }

    toString() {
        if (this.Type && isFunction(this.Type.unparse)) { return this.Type.unparse(this.members); }
        return '[object Object]';
    }

    toJSON() {
        return this.members.map((m) => {
            if (m && isFunction(m.toJSON)) { return m.toJSON(); }
            return toJSONValue(m);
        });
    }

    static isPropertyList(obj) { return obj instanceof PropertyList; }
}

// ---------------------------------------------------------------------------
// Variable: a key, a value and a type that casts values going in and out.

const VARIABLE_TYPES = {
    string: String,
    boolean: Boolean,
    number: Number,
    array: {
        in(v) {
            try { return typeof v === 'string' ? v : NATIVE_JSON_STRINGIFY(v); } catch (_) { return 'null'; }
        },
        out(v) {
            let value;
            try { value = NATIVE_JSON_PARSE(v); } catch (_) { value = undefined; }
            return Array.isArray(value) ? value : undefined;
        }
    },
    object: {
        in(v) {
            try { return typeof v === 'string' ? v : NATIVE_JSON_STRINGIFY(v); } catch (_) { return 'null'; }
        },
        out(v) {
            let value;
            try { value = NATIVE_JSON_PARSE(v); } catch (_) { value = undefined; }
            return (value instanceof Object && !Array.isArray(value)) ? value : undefined;
        }
    },
    any: function (v) { return v; }
};

function castWith(type, value, dir) {
    const handler = VARIABLE_TYPES[type] || VARIABLE_TYPES.any;
    return isFunction(handler) ? handler(value) : handler[dir](value);
}

class Variable {
    constructor(def, name) {
        this.type = 'any';
        if (isString(name)) { def = { key: name, value: def }; }
        if (def && typeof def === 'object') {
            if (has(def, 'id') && def.id !== undefined) { this.id = def.id; }
            this.key = has(def, 'key') ? def.key : def.id;
            this.value = undefined;
            this.update(def);
        }
        else {
            this.key = undefined;
            this.value = def;
        }
    }
    get() { return isFunction(this.value) ? castWith(this.type, this.value(), 'out') : castWith(this.type, this.value, 'out'); }
    set(value) { this.value = isFunction(value) ? value : castWith(this.type, value, 'in'); }
    valueOf(value) { arguments.length && this.set(value); return this.get(); }
    toString() {
        const v = this.valueOf();
        if (v === null) { return 'null'; }
        return (!isNil(v) && isFunction(v.toString)) ? v.toString() : '';
    }
    cast(v) { return castWith(this.type, v, 'out'); }
    castIn(v) { return castWith(this.type, v, 'in'); }
    castOut(v) { return castWith(this.type, v, 'out'); }
    valueType(typeName, noCast) {
        !isNil(typeName) && (typeName = typeName.toString().toLowerCase());
        if (!VARIABLE_TYPES[typeName]) { return this.type || 'any'; }
        this.type = typeName;
        if (!(noCast || isFunction(this.value))) { this.set(this.get()); }
        return this.type;
    }
    update(options) {
        if (!isObject(options)) { return; }
        has(options, 'type') && this.valueType(options.type, has(options, 'value'));
        has(options, 'value') && this.set(options.value);
        has(options, 'system') && (this.system = options.system);
        has(options, 'disabled') && (this.disabled = options.disabled);
        has(options, 'description') && options.description !== undefined && (this.description = options.description);
    }
    toJSON() { return propertyToJSON(this); }
    static isVariable(v) { return v instanceof Variable; }
}
Variable._postman_propertyIndexKey = 'key';
Variable.types = VARIABLE_TYPES;

class VariableList extends PropertyList {
    constructor(parent, populate) { super(Variable, parent, populate); }
    get Type() { return Variable; }
    set Type(v) { /* fixed */ }
    oneNormalizedVariable(name) {
        let last;
        for (let i = this.members.length - 1; i >= 0; i--) {
            const v = this.members[i];
            if (v && v.key === name) {
                if (!v.disabled) { return v; }
                last === undefined && (last = v);
            }
        }
        return last;
    }
    syncFromObject(obj, track, prune) {
        if (!isObject(obj)) { return; }
        for (const key of Object.keys(obj)) {
            const existing = this.one(key);
            existing ? existing.set(obj[key]) : this.add({ key: key, value: obj[key] });
        }
        if (prune !== false) {
            this.remove((v) => !has(obj, v.key));
        }
    }
    syncToObject(obj) {
        !isObject(obj) && (obj = {});
        for (const m of this.members) { obj[m.key] = m.valueOf(); }
        return obj;
    }
    replace(str) { return substitute(str, [this]); }
    static isVariableList(obj) { return obj instanceof VariableList; }
}

// ---------------------------------------------------------------------------
// QueryParam (also used for urlencoded bodies).

const REGEX_QUERY_VARS = /{{[^{}]*[&#=][^{}]*}}/g;

function encodeReservedQueryChars(str, encodeEquals) {
    if (!str) { return str; }
    str.indexOf('&') !== -1 && (str = str.replace(/&/g, '%26'));
    str.indexOf('#') !== -1 && (str = str.replace(/#/g, '%23'));
    encodeEquals && str.indexOf('=') !== -1 && (str = str.replace(/=/g, '%3D'));
    return str;
}

function normalizeQueryParam(str, encodeEquals) {
    if (!(str && typeof str === 'string')) { return str; }
    if (str.indexOf('&') === -1 && str.indexOf('#') === -1 && !(encodeEquals && str.indexOf('=') !== -1)) {
        return str;
    }
    let out = '', pointer = 0, match;
    REGEX_QUERY_VARS.lastIndex = 0;
    while ((match = REGEX_QUERY_VARS.exec(str)) !== null) {
        out += encodeReservedQueryChars(str.slice(pointer, match.index), encodeEquals) + match[0];
        pointer = match.index + match[0].length;
    }
    if (pointer < str.length) { out += encodeReservedQueryChars(str.slice(pointer), encodeEquals); }
    return out;
}

class QueryParam {
    constructor(options) {
        this.update(options);
        options && typeof options === 'object' && has(options, 'disabled') && (this.disabled = options.disabled);
        options && typeof options === 'object' && options.description !== undefined &&
            (this.description = options.description);
    }
    update(param) {
        const p = isString(param) ? QueryParam.parseSingle(param) : {
            key: param ? param.key : undefined,
            value: param ? param.value : undefined
        };
        this.key = p.key;
        this.value = p.value;
        param && typeof param === 'object' && has(param, 'system') && (this.system = param.system);
    }
    toString() { return QueryParam.unparseSingle(this); }
    valueOf() { return isString(this.value) ? this.value : ''; }
    toJSON() { return propertyToJSON(this); }

    static parse(query) { return isString(query) ? query.split('&').map(QueryParam.parseSingle) : []; }
    static parseSingle(param, idx, all) {
        if (param === '' && typeof idx === 'number' && Array.isArray(all) && idx !== all.length - 1) {
            return { key: null, value: null };
        }
        const index = typeof param === 'string' ? param.indexOf('=') : -1;
        if (index < 0) { return { key: param, value: null }; }
        return { key: param.slice(0, index), value: param.slice(index + 1) };
    }
    static unparse(params) {
        if (!params) { return ''; }
        if (!Array.isArray(params) && !(params instanceof PropertyList)) {
            let out = '';
            for (const k of Object.keys(params)) {
                out && (out += '&');
                out += QueryParam.unparseSingle({ key: k, value: params[k] });
            }
            return out;
        }
        let out = '', first = true;
        const list = params instanceof PropertyList ? params.members : params;
        for (const p of list) {
            if (p && p.disabled === true) { continue; }
            first ? (first = false) : (out += '&');
            out += QueryParam.unparseSingle(p);
        }
        return out;
    }
    static unparseSingle(obj) {
        if (!obj) { return ''; }
        let result = typeof obj.key === 'string' ? normalizeQueryParam(obj.key, true) : '';
        typeof obj.value === 'string' && (result += '=' + normalizeQueryParam(obj.value));
        return result;
    }
}
QueryParam._postman_propertyIndexKey = 'key';
QueryParam._postman_propertyAllowsMultipleValues = true;

// ---------------------------------------------------------------------------
// Header and HeaderList.

class Header {
    constructor(options, name) {
        if (options === null) { this.key = ''; this.value = ''; return; }
        if (isString(options)) {
            options = isString(name) ? { key: name, value: options } : Header.parseSingle(options);
        }
        this.update(options);
        options && typeof options === 'object' && options.description !== undefined &&
            (this.description = options.description);
    }
    update(options) {
        this.key = (options && options.key) || '';
        this.value = options && options.value !== undefined ? options.value : '';
        options && has(options, 'system') && (this.system = options.system);
        options && has(options, 'disabled') && (this.disabled = options.disabled);
    }
    toString() { return this.key + ': ' + this.value; }
    valueOf() { return this.value; }
    toJSON() { return propertyToJSON(this); }

    static parse(headerString) {
        const out = [];
        const text = String(headerString).replace(/\r\n([ \t])/g, '$1');
        const re = /^(\S+):(.*)$/gm;
        let m;
        while ((m = re.exec(text)) !== null) {
            out.push({ key: m[1], value: m[2].trim() });
        }
        return out;
    }
    static parseSingle(header) {
        if (!isString(header)) { return { key: '', value: '' }; }
        let index = header.indexOf(':');
        index < 0 && (index = header.length);
        return { key: header.slice(0, index).trim(), value: header.slice(index + 1).trim() };
    }
    static unparse(headers, separator) {
        separator === undefined && (separator = '\r\n');
        const list = headers instanceof PropertyList ? headers.members : headers;
        if (!Array.isArray(list)) { return ''; }
        let out = '';
        for (const h of list) { if (h && !h.disabled) { out += Header.unparseSingle(h) + separator; } }
        return out;
    }
    static unparseSingle(header) {
        if (!isObject(header)) { return ''; }
        return header.key + ': ' + header.value;
    }
    static create(value, name) { return new Header(value, name); }
    static isHeader(obj) { return obj instanceof Header; }
}
Header._postman_propertyIndexKey = 'key';
Header._postman_propertyIndexCaseInsensitive = true;
Header._postman_propertyAllowsMultipleValues = true;

class HeaderList extends PropertyList {
    constructor(parent, headers) { super(Header, parent, headers); }

    // A list of received headers, from `name\nvalue\n…` text (header
    // values cannot hold a newline), built without the generic path.
    static fromLines(text) {
        const list = new HeaderList(null, null);
        if (!text) { return list; }
        const parts = text.split('\n');
        const members = list.members;
        for (let i = 0; i + 1 < parts.length; i += 2) {
            const h = new Header(null);
            h.key = parts[i];
            h.value = parts[i + 1];
            members.push(h);
        }
        return list;
    }
    get Type() { return Header; }
    set Type(v) { /* fixed */ }
    contentSize() { return this.count() ? Header.unparse(this).length : 0; }
    static isHeaderList(obj) { return obj instanceof HeaderList; }
}

// ---------------------------------------------------------------------------
// FormParam.

class FormParam {
    constructor(options) {
        options = options || {};
        this.key = options.key || '';
        this.value = options.value || '';
        this.type = options.type;
        this.src = options.src;
        this.contentType = options.contentType;
        this.fileName = options.fileName;
        has(options, 'disabled') && (this.disabled = options.disabled);
        options.description !== undefined && (this.description = options.description);
    }
    toString() { return this.key + '=' + this.value; }
    valueOf() { return this.value; }
    toJSON() {
        const obj = propertyToJSON(this);
        if (obj.type === 'file' && (typeof obj.value !== 'string' || !obj.value)) { delete obj.value; }
        return obj;
    }
}
FormParam._postman_propertyIndexKey = 'key';
FormParam._postman_propertyAllowsMultipleValues = true;

// ---------------------------------------------------------------------------
// Cookie and CookieList.

// Cookie attributes the SDK maps to fields; anything else is an extension.
const COOKIE_ATTRIBUTES = {
    httponly: 'httpOnly', secure: 'secure', domain: 'domain', path: 'path',
    'max-age': 'maxAge', session: 'session', expires: 'expires'
};

// A cookie value percent-encoded once (already encoded text stays as is).
function encodeCookieValue(value) {
    let text = value;
    try { text = decodeURIComponent(text); } catch (_) { /* keep as given */ }
    try { return encodeURIComponent(text); } catch (_) { return text; }
}

// The SDK's Cookie: fields set only when defined, in the SDK's order, so
// that JSON.stringify and Object.keys show what Newman shows.
class Cookie {
    constructor(options) {
        if (isString(options)) { options = Cookie.parse(options); }
        options && this.update(options);
    }
    update(options) {
        const fields = {
            name: options.name !== undefined && options.name !== null ? options.name : options.key,
            expires: isString(options.expires) ? new Date(options.expires) : options.expires,
            maxAge: has(options, 'maxAge') ? Number(options.maxAge) : undefined,
            domain: options.domain,
            path: options.path,
            secure: has(options, 'secure') ? Boolean(options.secure) : undefined,
            httpOnly: has(options, 'httpOnly') ? Boolean(options.httpOnly) : undefined,
            hostOnly: has(options, 'hostOnly') ? Boolean(options.hostOnly) : undefined,
            session: has(options, 'session') ? Boolean(options.session) : undefined,
            value: options.value ? encodeCookieValue(options.value) : undefined,
            extensions: options.extensions || undefined
        };
        for (const key of Object.keys(fields)) {
            fields[key] !== undefined && (this[key] = fields[key]);
        }
    }
    valueOf() {
        try { return decodeURIComponent(this.value); }
        catch (_) { return this.value; }
    }
    toString() {
        let s = Cookie.unparseSingle(this);
        if (this.expires instanceof Date) {
            !Number.isNaN(this.expires.getTime()) && (s += '; Expires=' + this.expires.toUTCString());
        }
        else if (this.expires) { s += '; Expires=' + this.expires; }
        this.maxAge && this.maxAge !== Infinity && (s += '; Max-Age=' + this.maxAge);
        this.domain && !this.hostOnly && (s += '; Domain=' + this.domain);
        this.path && (s += '; Path=' + this.path);
        this.secure && (s += '; Secure');
        this.httpOnly && (s += '; HttpOnly');
        if (Array.isArray(this.extensions)) {
            for (const ext of this.extensions) {
                s += '; ' + (ext && ext.key) + (ext && ext.value === true ? '' : '=' + (ext && ext.value));
            }
        }
        return s;
    }
    toJSON() {
        const out = propertyToJSON(this);
        out.expires instanceof Date && (out.expires = out.expires.toISOString());
        return out;
    }
    static unparseSingle(cookie) {
        if (!isObject(cookie)) { return ''; }
        const value = isNil(cookie.value) ? '' : cookie.value;
        return cookie.name ? cookie.name + '=' + value : value;
    }
    static unparse(cookies) {
        if (!Array.isArray(cookies) && !(cookies instanceof PropertyList)) { return ''; }
        return cookies.map(Cookie.unparseSingle).join('; ');
    }
    static splitParam(param) {
        const split = String(param).split('=');
        const key = split[0].trim();
        let value = isString(split[1]) ? split[1].trim() : true;
        isString(value) && value[0] === '"' && (value = value.slice(1, -1));
        return { key: key, value: value };
    }
    static parse(str) {
        if (!isString(str)) { return str; }
        const pairs = str.split(/; */);
        const first = Cookie.splitParam(pairs.shift());
        const out = { key: first.key, value: first.value };
        for (const pair of pairs) {
            const kv = Cookie.splitParam(pair);
            const field = COOKIE_ATTRIBUTES[kv.key.toLowerCase()];
            if (field) { out[field] = kv.value; }
            else { (out.extensions || (out.extensions = [])).push(kv); }
        }
        out.domain || (out.hostOnly = true);
        return out;
    }
    static stringify(cookie) { return Cookie.prototype.toString.call(cookie); }
    static isCookie(obj) { return obj instanceof Cookie; }
}
Cookie._postman_propertyName = 'Cookie';
Cookie._postman_propertyIndexKey = 'name';
Cookie._postman_propertyIndexCaseInsensitive = true;
Cookie._postman_propertyAllowsMultipleValues = true;

class CookieList extends PropertyList {
    constructor(parent, cookies) { super(Cookie, parent, cookies); }
    get Type() { return Cookie; }
    set Type(v) { /* fixed */ }
    static isCookieList(obj) { return obj instanceof CookieList; }
}

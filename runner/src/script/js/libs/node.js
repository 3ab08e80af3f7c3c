// Node-style modules the sandbox offers through browserify shims: buffer,
// atob/btoa, querystring, util, events, path, assert, timers,
// string_decoder, stream, os. Written for postgate.
(function (N, M) {
    'use strict';

    // ---------------- Buffer
    function normEnc(enc) {
        var e = String(enc === undefined || enc === null ? 'utf8' : enc).toLowerCase();
        switch (e) {
            case 'utf8': case 'utf-8': return 'utf8';
            case 'hex': return 'hex';
            case 'base64': return 'base64';
            case 'base64url': return 'base64url';
            case 'latin1': case 'binary': return 'latin1';
            case 'ascii': return 'ascii';
            case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
        }
        throw new TypeError('Unknown encoding: ' + enc);
    }
    function encode(str, enc) {
        str = String(str);
        switch (normEnc(enc)) {
            case 'utf8': return N.utf8Encode(str);
            case 'hex': {
                var n = str.length >>> 1, out = new Uint8Array(n), i = 0;
                for (; i < n; i++) { var b = parseInt(str.substr(i * 2, 2), 16); if (isNaN(b)) { break; } out[i] = b; }
                return out.subarray(0, i);
            }
            case 'base64': case 'base64url': return N.b64Decode(str);
            case 'latin1': case 'ascii': {
                var o = new Uint8Array(str.length);
                for (var j = 0; j < str.length; j++) { o[j] = str.charCodeAt(j) & 0xff; }
                return o;
            }
            case 'utf16le': {
                var u = new Uint8Array(str.length * 2);
                for (var k = 0; k < str.length; k++) { var c = str.charCodeAt(k); u[k * 2] = c & 0xff; u[k * 2 + 1] = c >>> 8; }
                return u;
            }
        }
    }
    function decode(bytes, enc) {
        switch (normEnc(enc)) {
            case 'utf8': return N.utf8Decode(bytes, false);
            case 'hex': { var s = ''; for (var i = 0; i < bytes.length; i++) { s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16); } return s; }
            case 'base64': return N.b64Encode(bytes, false);
            case 'base64url': return N.b64Encode(bytes, true);
            case 'latin1': case 'ascii': {
                var parts = [], mask = normEnc(enc) === 'ascii' ? 0x7f : 0xff;
                for (var j = 0; j < bytes.length; j += 8192) {
                    var chunk = bytes.subarray(j, j + 8192);
                    parts.push(String.fromCharCode.apply(null, mask === 0xff ? chunk : Array.prototype.map.call(chunk, function (b) { return b & mask; })));
                }
                return parts.join('');
            }
            case 'utf16le': { var r = ''; for (var k = 0; k + 1 < bytes.length; k += 2) { r += String.fromCharCode(bytes[k] | (bytes[k + 1] << 8)); } return r; }
        }
    }

    class Buffer extends Uint8Array {
        constructor(a, b, c) {
            if (typeof a === 'number') { super(a); }
            else if (a instanceof ArrayBuffer) { super(a, b || 0, c === undefined ? a.byteLength - (b || 0) : c); }
            else {
                var bytes = typeof a === 'string' ? encode(a, b) : Uint8Array.from(a || []);
                super(bytes.length);
                this.set(bytes);
            }
        }
        static from(value, encOrOffset, length) {
            if (typeof value === 'string') { return fromBytes(encode(value, encOrOffset)); }
            if (value instanceof ArrayBuffer) { return new Buffer(value, encOrOffset, length); }
            if (ArrayBuffer.isView(value)) { return fromBytes(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)); }
            if (Array.isArray(value)) { return fromBytes(Uint8Array.from(value, function (x) { return x & 0xff; })); }
            if (value && typeof value === 'object') {
                if (value.type === 'Buffer' && Array.isArray(value.data)) { return Buffer.from(value.data); }
                if (typeof value.length === 'number') { return fromBytes(Uint8Array.from(value)); }
                if (typeof value.valueOf === 'function' && value.valueOf() !== value) { return Buffer.from(value.valueOf(), encOrOffset, length); }
            }
            throw new TypeError('The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received ' + (value === null ? 'null' : typeof value));
        }
        static alloc(size, fill, enc) { var b = new Buffer(size >>> 0); if (fill !== undefined && fill !== 0) { b.fill(fill, 0, b.length, enc); } return b; }
        static allocUnsafe(size) { return new Buffer(size >>> 0); }
        static allocUnsafeSlow(size) { return new Buffer(size >>> 0); }
        static isBuffer(b) { return b instanceof Buffer; }
        static isEncoding(e) { try { normEnc(e); return typeof e === 'string'; } catch (x) { return false; } }
        static byteLength(s, enc) {
            if (typeof s !== 'string') { return s.byteLength; }
            return encode(s, enc).length;
        }
        static concat(list, total) {
            if (!Array.isArray(list)) { throw new TypeError('"list" argument must be an Array of Buffers'); }
            if (total === undefined) { total = list.reduce(function (n, b) { return n + b.length; }, 0); }
            var out = Buffer.alloc(total), pos = 0;
            for (var i = 0; i < list.length && pos < total; i++) {
                var b = list[i];
                if (!(b instanceof Uint8Array)) { throw new TypeError('"list" argument must be an Array of Buffers'); }
                out.set(b.subarray(0, Math.min(b.length, total - pos)), pos);
                pos += b.length;
            }
            return out;
        }
        static compare(a, b) { return a.compare(b); }
        get parent() { return this.buffer; }
        get offset() { return this.byteOffset; }
        toString(enc, start, end) {
            start = start === undefined ? 0 : Math.max(0, start | 0);
            end = end === undefined ? this.length : Math.min(this.length, end | 0);
            if (end <= start) { return ''; }
            return decode(this.subarray(start, end), enc);
        }
        toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
        equals(o) { return this.compare(o) === 0; }
        compare(o) {
            if (!(o instanceof Uint8Array)) { throw new TypeError('The "target" argument must be an instance of Buffer or Uint8Array.'); }
            var n = Math.min(this.length, o.length);
            for (var i = 0; i < n; i++) { if (this[i] !== o[i]) { return this[i] < o[i] ? -1 : 1; } }
            return this.length < o.length ? -1 : this.length > o.length ? 1 : 0;
        }
        slice(s, e) { return this.subarray(s, e); }
        subarray(s, e) { var u = Uint8Array.prototype.subarray.call(this, s, e); return new Buffer(u.buffer, u.byteOffset, u.length); }
        write(str, offset, length, enc) {
            if (typeof offset === 'string') { enc = offset; offset = 0; length = undefined; } else if (typeof length === 'string') { enc = length; length = undefined; }
            offset = offset >>> 0;
            var bytes = encode(str, enc), n = Math.min(bytes.length, this.length - offset, length === undefined ? Infinity : length);
            this.set(bytes.subarray(0, n), offset);
            return n;
        }
        fill(v, s, e, enc) {
            if (typeof s === 'string') { enc = s; s = 0; e = this.length; }
            s = s === undefined ? 0 : s; e = e === undefined ? this.length : e;
            if (typeof v === 'number') { return Uint8Array.prototype.fill.call(this, v & 0xff, s, e); }
            var bytes = typeof v === 'string' ? encode(v, enc) : Uint8Array.from(v);
            if (!bytes.length) { return Uint8Array.prototype.fill.call(this, 0, s, e); }
            for (var i = s, j = 0; i < e; i++, j++) { this[i] = bytes[j % bytes.length]; }
            return this;
        }
        copy(target, ts, ss, se) {
            ts = ts || 0; ss = ss || 0; se = se === undefined ? this.length : se;
            var n = Math.max(0, Math.min(se - ss, target.length - ts));
            target.set(this.subarray(ss, ss + n), ts);
            return n;
        }
        indexOf(v, from, enc) {
            if (typeof v === 'number') { return Uint8Array.prototype.indexOf.call(this, v & 0xff, from); }
            var needle = typeof v === 'string' ? encode(v, enc) : v;
            from = from === undefined ? 0 : (from < 0 ? Math.max(this.length + from, 0) : from);
            outer: for (var i = from; i <= this.length - needle.length; i++) {
                for (var j = 0; j < needle.length; j++) { if (this[i + j] !== needle[j]) { continue outer; } }
                return i;
            }
            return -1;
        }
        includes(v, from, enc) { return this.indexOf(v, from, enc) !== -1; }
        toLocaleString(enc) { return this.toString(enc); }
        inspect() { var hex = []; for (var i = 0; i < Math.min(this.length, 50); i++) { hex.push((this[i] < 16 ? '0' : '') + this[i].toString(16)); } return '<Buffer' + (hex.length ? ' ' + hex.join(' ') : '') + (this.length > 50 ? ' ... ' + (this.length - 50) + ' more bytes' : '') + '>'; }
        swap16() { for (var i = 0; i + 1 < this.length; i += 2) { var t = this[i]; this[i] = this[i + 1]; this[i + 1] = t; } return this; }
        reverse() { Uint8Array.prototype.reverse.call(this); return this; }
    }
    function fromBytes(u8) { var b = new Buffer(u8.length); b.set(u8); return b; }
    function dv(b) { return new DataView(b.buffer, b.byteOffset, b.byteLength); }
    function checkOff(b, o, n) { o = o === undefined ? 0 : o; if (o < 0 || o + n > b.length || o % 1) { throw new RangeError('The value of "offset" is out of range. It must be >= 0 and <= ' + (b.length - n) + '. Received ' + o); } return o; }
    [['UInt8', 'Uint8', 1], ['Int8', 'Int8', 1], ['UInt16', 'Uint16', 2], ['Int16', 'Int16', 2], ['UInt32', 'Uint32', 4], ['Int32', 'Int32', 4], ['Float', 'Float32', 4], ['Double', 'Float64', 8], ['BigUInt64', 'BigUint64', 8], ['BigInt64', 'BigInt64', 8]].forEach(function (t) {
        var name = t[0], dvName = t[1], n = t[2];
        ['LE', 'BE'].forEach(function (end) {
            var suffix = n === 1 ? '' : end;
            if (n === 1 && end === 'BE') { return; }
            Buffer.prototype['read' + name + suffix] = function (o) { o = checkOff(this, o, n); return dv(this)['get' + dvName](o, end === 'LE'); };
            Buffer.prototype['write' + name + suffix] = function (v, o) { o = checkOff(this, o, n); dv(this)['set' + dvName](o, v, end === 'LE'); return o + n; };
            if (name.indexOf('UInt') === 0) {
                Buffer.prototype['readUint' + name.slice(4) + suffix] = Buffer.prototype['read' + name + suffix];
                Buffer.prototype['writeUint' + name.slice(4) + suffix] = Buffer.prototype['write' + name + suffix];
            }
        });
    });
    Buffer.poolSize = 8192;
    var buffer = { Buffer: Buffer, SlowBuffer: Buffer, INSPECT_MAX_BYTES: 50, kMaxLength: 0x7fffffff, constants: { MAX_LENGTH: 0x7fffffff, MAX_STRING_LENGTH: 0x1fffffe8 } };

    // ---------------- atob / btoa (npm atob 2.1.2 and btoa 1.2.1 semantics)
    function atob(s) { return decode(N.b64Decode(String(s)), 'latin1'); }
    function btoa(s) {
        s = String(s);
        // npm btoa encodes via Buffer(str, 'binary'): chars above 0xff keep their low byte
        return N.b64Encode(encode(s, 'latin1'), false);
    }

    // ---------------- querystring (node's legacy parser)
    function qsUnescape(s) { try { return decodeURIComponent(s); } catch (e) { return unescape(s); } }
    function qsEscape(s) { return encodeURIComponent(s); }
    function prim(v) {
        if (typeof v === 'string') { return v; }
        if (typeof v === 'number' && isFinite(v)) { return '' + v; }
        if (typeof v === 'bigint') { return '' + v; }
        if (typeof v === 'boolean') { return v ? 'true' : 'false'; }
        return '';
    }
    var querystring = {
        escape: qsEscape,
        unescape: qsUnescape,
        stringify: function (obj, sep, eq, opts) {
            sep = sep || '&'; eq = eq || '=';
            var enc = (opts && opts.encodeURIComponent) || querystring.escape;
            if (obj === null || typeof obj !== 'object') { return ''; }
            return Object.keys(obj).map(function (k) {
                var ks = enc(prim(k)) + eq, v = obj[k];
                if (Array.isArray(v)) { return v.map(function (x) { return ks + enc(prim(x)); }).join(sep); }
                return ks + enc(prim(v));
            }).filter(Boolean).join(sep);
        },
        parse: function (qs, sep, eq, opts) {
            sep = sep || '&'; eq = eq || '=';
            var obj = Object.create(null);
            if (typeof qs !== 'string' || qs.length === 0) { return obj; }
            var maxKeys = opts && typeof opts.maxKeys === 'number' ? opts.maxKeys : 1000;
            var dec = (opts && opts.decodeURIComponent) || querystring.unescape;
            var parts = qs.split(sep);
            if (maxKeys > 0 && parts.length > maxKeys) { parts = parts.slice(0, maxKeys); }
            parts.forEach(function (p) {
                if (!p.length && parts.length > 1) { return; }
                var x = p.replace(/\+/g, '%20'), idx = x.indexOf(eq), k, v;
                if (idx >= 0) { k = x.slice(0, idx); v = x.slice(idx + eq.length); } else { k = x; v = ''; }
                k = dec(k); v = dec(v);
                if (!(k in obj)) { obj[k] = v; } else if (Array.isArray(obj[k])) { obj[k].push(v); } else { obj[k] = [obj[k], v]; }
            });
            return obj;
        }
    };
    querystring.encode = querystring.stringify;
    querystring.decode = querystring.parse;

    // ---------------- util
    function inspect(v, opts) {
        var depth = opts && opts.depth !== undefined ? opts.depth : 2, seen = [];
        function str(s) { return "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'"; }
        function fmt(x, d, top) {
            if (x === null) { return 'null'; }
            switch (typeof x) {
                case 'undefined': return 'undefined';
                case 'string': return top ? str(x) : str(x);
                case 'number': return Object.is(x, -0) ? '-0' : String(x);
                case 'bigint': return x + 'n';
                case 'boolean': return String(x);
                case 'symbol': return x.toString();
                case 'function': return '[Function: ' + (x.name || '(anonymous)') + ']';
            }
            if (seen.indexOf(x) >= 0) { return '[Circular *1]'; }
            if (x instanceof Date) { return isNaN(x) ? 'Invalid Date' : x.toISOString(); }
            if (x instanceof RegExp) { return String(x); }
            if (x instanceof Error) { return x.stack || String(x); }
            if (x instanceof Buffer) { return x.inspect(); }
            if (d > depth) { return Array.isArray(x) ? '[Array]' : '[Object]'; }
            seen.push(x);
            var out;
            if (Array.isArray(x)) {
                var items = x.slice(0, 100).map(function (y) { return fmt(y, d + 1); });
                if (x.length > 100) { items.push('... ' + (x.length - 100) + ' more items'); }
                out = items.length ? '[ ' + items.join(', ') + ' ]' : '[]';
            } else if (x instanceof Map) {
                var mi = []; x.forEach(function (val, key) { mi.push(fmt(key, d + 1) + ' => ' + fmt(val, d + 1)); });
                out = 'Map(' + x.size + ') ' + (mi.length ? '{ ' + mi.join(', ') + ' }' : '{}');
            } else if (x instanceof Set) {
                var si = []; x.forEach(function (val) { si.push(fmt(val, d + 1)); });
                out = 'Set(' + x.size + ') ' + (si.length ? '{ ' + si.join(', ') + ' }' : '{}');
            } else {
                var ks = Object.keys(x), proto = Object.getPrototypeOf(x);
                var name = proto === null ? '[Object: null prototype] ' : (proto !== Object.prototype && proto.constructor && proto.constructor.name ? proto.constructor.name + ' ' : '');
                var props = ks.map(function (k) { return (/^[A-Za-z_$][\w$]*$/.test(k) ? k : str(k)) + ': ' + fmt(x[k], d + 1); });
                out = props.length ? name + '{ ' + props.join(', ') + ' }' : name + '{}';
            }
            seen.pop();
            if (out.length > 72 && out.indexOf('\n') < 0) {
                var pad = new Array(d + 1).join('  ');
                out = out.replace(/^(\S*\s?[[{]) /, '$1\n' + pad + '  ').replace(/, /g, ',\n' + pad + '  ').replace(/ ([\]}])$/, '\n' + pad + '$1');
            }
            return out;
        }
        return fmt(v, 0, true);
    }
    function format(f) {
        var args = Array.prototype.slice.call(arguments, 1), i = 0, out;
        if (typeof f !== 'string') {
            return [f].concat(args).map(function (a) { return typeof a === 'string' ? a : inspect(a); }).join(' ');
        }
        if (!args.length) { return f; }
        out = f.replace(/%([sdifjoOc%])/g, function (m, c) {
            if (c === '%') { return '%'; }
            if (i >= args.length) { return m; }
            var a = args[i++];
            switch (c) {
                case 's': return typeof a === 'string' ? a : (typeof a === 'object' && a !== null ? inspect(a, { depth: 0 }) : String(a));
                case 'd': return typeof a === 'object' && a !== null ? 'NaN' : String(Number(a));
                case 'i': return String(parseInt(a, 10));
                case 'f': return String(parseFloat(a));
                case 'j': try { return JSON.stringify(a); } catch (e) { return '[Circular]'; }
                case 'o': case 'O': return inspect(a);
                case 'c': return '';
            }
        });
        for (; i < args.length; i++) { out += ' ' + (typeof args[i] === 'string' ? args[i] : inspect(args[i])); }
        return out;
    }
    function isPrim(v) { return v === null || (typeof v !== 'object' && typeof v !== 'function'); }
    var util = {
        format: format, inspect: inspect,
        isArray: Array.isArray, isBoolean: function (v) { return typeof v === 'boolean'; }, isNull: function (v) { return v === null; },
        isNullOrUndefined: function (v) { return v == null; }, isNumber: function (v) { return typeof v === 'number'; },
        isString: function (v) { return typeof v === 'string'; }, isSymbol: function (v) { return typeof v === 'symbol'; },
        isUndefined: function (v) { return v === undefined; }, isRegExp: function (v) { return v instanceof RegExp; },
        isObject: function (v) { return typeof v === 'object' && v !== null; }, isDate: function (v) { return v instanceof Date; },
        isError: function (v) { return v instanceof Error; }, isFunction: function (v) { return typeof v === 'function'; },
        isPrimitive: isPrim, isBuffer: function (v) { return v instanceof Buffer; },
        inherits: function (ctor, superCtor) {
            ctor.super_ = superCtor;
            ctor.prototype = Object.create(superCtor.prototype, { constructor: { value: ctor, enumerable: false, writable: true, configurable: true } });
        },
        deprecate: function (fn, msg) {
            var warned = false;
            return function () { if (!warned) { warned = true; if (typeof console !== 'undefined') { console.warn(msg); } } return fn.apply(this, arguments); };
        },
        promisify: function (fn) {
            return function () {
                var self = this, args = Array.prototype.slice.call(arguments);
                return new Promise(function (res, rej) { fn.apply(self, args.concat(function (e, v) { if (e) { rej(e); } else { res(v); } })); });
            };
        },
        callbackify: function (fn) {
            return function () {
                var args = Array.prototype.slice.call(arguments), cb = args.pop();
                fn.apply(this, args).then(function (v) { cb(null, v); }, function (e) { cb(e); });
            };
        },
        isDeepStrictEqual: function (a, b) { return deepEq(a, b, true); },
        types: { isDate: function (v) { return v instanceof Date; }, isRegExp: function (v) { return v instanceof RegExp; }, isPromise: function (v) { return v instanceof Promise; } },
        TextEncoder: undefined, TextDecoder: undefined,
        log: function () { if (typeof console !== 'undefined') { console.log(format.apply(null, arguments)); } }
    };

    // ---------------- events
    function EventEmitter() { this._events = Object.create(null); this._maxListeners = undefined; }
    EventEmitter.defaultMaxListeners = 10;
    var EP = EventEmitter.prototype;
    function evs(e) { if (!e._events) { e._events = Object.create(null); } return e._events; }
    EP.on = EP.addListener = function (n, f) {
        if (typeof f !== 'function') { throw new TypeError('The "listener" argument must be of type Function. Received type ' + typeof f); }
        var E = evs(this); if (E.newListener) { this.emit('newListener', n, f.listener || f); }
        (E[n] = E[n] || []).push(f); return this;
    };
    EP.prependListener = function (n, f) { (evs(this)[n] = evs(this)[n] || []).unshift(f); return this; };
    EP.once = function (n, f) { var self = this; function w() { self.removeListener(n, w); return f.apply(this, arguments); } w.listener = f; return this.on(n, w); };
    EP.prependOnceListener = function (n, f) { var self = this; function w() { self.removeListener(n, w); return f.apply(this, arguments); } w.listener = f; return this.prependListener(n, w); };
    EP.off = EP.removeListener = function (n, f) {
        var l = evs(this)[n]; if (!l) { return this; }
        for (var i = l.length - 1; i >= 0; i--) { if (l[i] === f || l[i].listener === f) { l.splice(i, 1); if (evs(this).removeListener) { this.emit('removeListener', n, f); } break; } }
        if (!l.length) { delete evs(this)[n]; }
        return this;
    };
    EP.removeAllListeners = function (n) { if (n === undefined) { this._events = Object.create(null); } else { delete evs(this)[n]; } return this; };
    EP.emit = function (n) {
        var l = evs(this)[n], args = Array.prototype.slice.call(arguments, 1);
        if (n === 'error' && (!l || !l.length)) { var er = args[0]; if (er instanceof Error) { throw er; } var err = new Error('Unhandled error.' + (er === undefined ? '' : ' (' + er + ')')); err.context = er; throw err; }
        if (!l) { return false; }
        l.slice().forEach(function (f) { f.apply(this, args); }, this);
        return true;
    };
    EP.listeners = function (n) { return (evs(this)[n] || []).map(function (f) { return f.listener || f; }); };
    EP.rawListeners = function (n) { return (evs(this)[n] || []).slice(); };
    EP.listenerCount = function (n) { return (evs(this)[n] || []).length; };
    EP.eventNames = function () { return Object.keys(evs(this)); };
    EP.setMaxListeners = function (n) { this._maxListeners = n; return this; };
    EP.getMaxListeners = function () { return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners; };
    EventEmitter.EventEmitter = EventEmitter;
    EventEmitter.listenerCount = function (e, n) { return e.listenerCount(n); };
    EventEmitter.once = function (e, n) { return new Promise(function (res) { e.once(n, function () { res(Array.prototype.slice.call(arguments)); }); }); };

    // ---------------- path (posix)
    function normalizeArray(parts, allowAbove) {
        var out = [];
        parts.forEach(function (p) {
            if (!p || p === '.') { return; }
            if (p === '..') { if (out.length && out[out.length - 1] !== '..') { out.pop(); } else if (allowAbove) { out.push('..'); } }
            else { out.push(p); }
        });
        return out;
    }
    function assertPath(p) { if (typeof p !== 'string') { throw new TypeError('The "path" argument must be of type string. Received ' + (p === null ? 'null' : typeof p)); } }
    var path = {
        sep: '/', delimiter: ':',
        normalize: function (p) {
            assertPath(p);
            if (!p) { return '.'; }
            var abs = p.charAt(0) === '/', trail = p.slice(-1) === '/';
            var r = normalizeArray(p.split('/'), !abs).join('/');
            if (!r && !abs) { r = '.'; }
            if (r && trail) { r += '/'; }
            return (abs ? '/' : '') + r;
        },
        join: function () {
            var parts = Array.prototype.slice.call(arguments);
            parts.forEach(assertPath);
            var j = parts.filter(Boolean).join('/');
            return j ? path.normalize(j) : '.';
        },
        resolve: function () {
            var resolved = '', abs = false;
            for (var i = arguments.length - 1; i >= -1 && !abs; i--) {
                var p = i >= 0 ? arguments[i] : '/';
                assertPath(p);
                if (!p) { continue; }
                resolved = p + '/' + resolved; abs = p.charAt(0) === '/';
            }
            resolved = normalizeArray(resolved.split('/'), !abs).join('/');
            return ((abs ? '/' : '') + resolved) || '.';
        },
        isAbsolute: function (p) { assertPath(p); return p.charAt(0) === '/'; },
        relative: function (from, to) {
            from = path.resolve(from).split('/').filter(Boolean); to = path.resolve(to).split('/').filter(Boolean);
            var i = 0; while (i < from.length && i < to.length && from[i] === to[i]) { i++; }
            return from.slice(i).map(function () { return '..'; }).concat(to.slice(i)).join('/');
        },
        dirname: function (p) {
            assertPath(p);
            if (!p) { return '.'; }
            var s = p.replace(/\/+$/, '') || '/';
            if (s === '/') { return '/'; }
            var i = s.lastIndexOf('/');
            if (i < 0) { return '.'; }
            return s.slice(0, i).replace(/\/+$/, '') || '/';
        },
        basename: function (p, ext) {
            assertPath(p);
            var s = p.replace(/\/+$/, ''), b = s.slice(s.lastIndexOf('/') + 1);
            if (ext && b.slice(-ext.length) === ext && b !== ext) { b = b.slice(0, -ext.length); }
            return b;
        },
        extname: function (p) {
            var b = path.basename(p), i = b.lastIndexOf('.');
            return i <= 0 ? '' : b.slice(i);
        },
        parse: function (p) {
            var root = p.charAt(0) === '/' ? '/' : '', base = path.basename(p), ext = path.extname(p), dir = path.dirname(p);
            return { root: root, dir: p.indexOf('/') < 0 ? '' : dir, base: base, ext: ext, name: ext ? base.slice(0, -ext.length) : base };
        },
        format: function (o) { var dir = o.dir || o.root || '', base = o.base || ((o.name || '') + (o.ext || '')); return dir ? (dir === o.root ? dir + base : dir + '/' + base) : base; },
        toNamespacedPath: function (p) { return p; }
    };
    path.posix = path;

    // ---------------- assert
    function deepEq(a, b, strict, seen) {
        if (strict ? Object.is(a, b) : (a == b || (a !== a && b !== b))) { return true; }
        if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) { return false; }
        if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) { return false; }
        if (a instanceof Date && b instanceof Date) { return a.getTime() === b.getTime(); }
        if (a instanceof RegExp && b instanceof RegExp) { return String(a) === String(b); }
        seen = seen || [];
        for (var i = 0; i < seen.length; i++) { if (seen[i][0] === a && seen[i][1] === b) { return true; } }
        seen.push([a, b]);
        if (Array.isArray(a) !== Array.isArray(b)) { return false; }
        var ka = Object.keys(a), kb = Object.keys(b);
        if (ka.length !== kb.length) { return false; }
        for (var j = 0; j < ka.length; j++) {
            if (!Object.prototype.hasOwnProperty.call(b, ka[j]) || !deepEq(a[ka[j]], b[ka[j]], strict, seen)) { return false; }
        }
        return true;
    }
    class AssertionError extends Error {
        constructor(o) {
            super(o.message);
            this.name = 'AssertionError';
            this.generatedMessage = !o.userMessage;
            this.code = 'ERR_ASSERTION';
            this.actual = o.actual; this.expected = o.expected; this.operator = o.operator;
        }
    }
    function fail(actual, expected, message, operator, defaultMsg) {
        if (message instanceof Error) { throw message; }
        throw new AssertionError({ message: message !== undefined ? message : defaultMsg, userMessage: message !== undefined, actual: actual, expected: expected, operator: operator });
    }
    function assert(v, m) { if (!v) { fail(v, true, m, '==', arguments.length ? 'The expression evaluated to a falsy value:\n\n  assert(' + inspect(v) + ')\n' : 'No value argument passed to `assert.ok()`'); } }
    assert.ok = function (v, m) { if (!v) { fail(v, true, m, '==', arguments.length ? 'The expression evaluated to a falsy value:\n\n  assert.ok(' + inspect(v) + ')\n' : 'No value argument passed to `assert.ok()`'); } };
    assert.equal = function (a, b, m) { if (!(a == b || (a !== a && b !== b))) { fail(a, b, m, '==', inspect(a) + ' == ' + inspect(b)); } };
    assert.notEqual = function (a, b, m) { if (a == b || (a !== a && b !== b)) { fail(a, b, m, '!=', inspect(a) + ' != ' + inspect(b)); } };
    assert.strictEqual = function (a, b, m) { if (!Object.is(a, b)) { fail(a, b, m, 'strictEqual', 'Expected values to be strictly equal:\n\n' + inspect(a) + ' !== ' + inspect(b) + '\n'); } };
    assert.notStrictEqual = function (a, b, m) { if (Object.is(a, b)) { fail(a, b, m, 'notStrictEqual', 'Expected "actual" to be strictly unequal to: ' + inspect(b)); } };
    assert.deepEqual = function (a, b, m) { if (!deepEq(a, b, false)) { fail(a, b, m, 'deepEqual', 'Expected values to be loosely deep-equal:\n\n' + inspect(a) + '\n\nshould loosely deep-equal\n\n' + inspect(b)); } };
    assert.notDeepEqual = function (a, b, m) { if (deepEq(a, b, false)) { fail(a, b, m, 'notDeepEqual', '"actual" deepEqual "expected"'); } };
    assert.deepStrictEqual = function (a, b, m) { if (!deepEq(a, b, true)) { fail(a, b, m, 'deepStrictEqual', 'Expected values to be strictly deep-equal:\n' + inspect(a) + '\n\nshould equal\n\n' + inspect(b)); } };
    assert.notDeepStrictEqual = function (a, b, m) { if (deepEq(a, b, true)) { fail(a, b, m, 'notDeepStrictEqual', 'Expected "actual" not to be strictly deep-equal to: ' + inspect(b)); } };
    assert.fail = function (m) { fail(undefined, undefined, m === undefined ? 'Failed' : m, 'fail', 'Failed'); };
    function matchesErr(e, exp) {
        if (exp === undefined) { return true; }
        if (typeof exp === 'function') { if (exp.prototype !== undefined && e instanceof exp) { return true; } if (Error.isPrototypeOf(exp)) { return false; } return exp.call({}, e) === true; }
        if (exp instanceof RegExp) { return exp.test(String(e)); }
        if (typeof exp === 'object') { return Object.keys(exp).every(function (k) { return exp[k] instanceof RegExp && typeof e[k] === 'string' ? exp[k].test(e[k]) : deepEq(e[k], exp[k], true); }); }
        return true;
    }
    assert.throws = function (fn, exp, m) {
        if (typeof exp === 'string') { m = exp; exp = undefined; }
        try { fn(); } catch (e) { if (!matchesErr(e, exp)) { throw e; } return; }
        fail(undefined, exp, m, 'throws', 'Missing expected exception' + (m ? ': ' + m : '.'));
    };
    assert.doesNotThrow = function (fn, exp, m) {
        try { fn(); } catch (e) { fail(e, exp, typeof exp === 'string' ? exp : m, 'doesNotThrow', 'Got unwanted exception.\nActual message: "' + (e && e.message) + '"'); }
    };
    assert.ifError = function (e) { if (e !== null && e !== undefined) { throw e; } };
    assert.match = function (s, re, m) { if (!re.test(s)) { fail(s, re, m, 'match', 'The input did not match the regular expression ' + re + '. Input:\n\n' + inspect(s) + '\n'); } };
    assert.doesNotMatch = function (s, re, m) { if (re.test(s)) { fail(s, re, m, 'doesNotMatch', 'The input was expected to not match the regular expression ' + re + '. Input:\n\n' + inspect(s) + '\n'); } };
    assert.rejects = function (p, exp, m) {
        return Promise.resolve(typeof p === 'function' ? p() : p).then(function () { fail(undefined, exp, m, 'rejects', 'Missing expected rejection.'); }, function (e) { if (!matchesErr(e, exp)) { throw e; } });
    };
    assert.AssertionError = AssertionError;
    assert.strict = assert;

    // ---------------- timers, string_decoder, stream, os
    var timers = {};
    ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate'].forEach(function (n) {
        timers[n] = function () {
            var f = globalThis[n];
            if (typeof f !== 'function') { throw new TypeError(n + ' is not a function'); }
            return f.apply(globalThis, arguments);
        };
    });

    function StringDecoder(enc) { this.encoding = normEnc(enc); this._rest = new Uint8Array(0); }
    StringDecoder.prototype.write = function (buf) {
        if (typeof buf === 'string') { return buf; }
        if (this.encoding !== 'utf8') { return decode(buf, this.encoding); }
        var all = new Uint8Array(this._rest.length + buf.length);
        all.set(this._rest); all.set(buf, this._rest.length);
        // keep an incomplete trailing UTF-8 sequence for the next write
        var cut = all.length, i = all.length - 1, back = 0;
        while (i >= 0 && back < 4 && (all[i] & 0xc0) === 0x80) { i--; back++; }
        if (i >= 0) {
            var lead = all[i], need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
            if (need > 1 && all.length - i < need) { cut = i; }
        }
        this._rest = all.slice(cut);
        return N.utf8Decode(all.subarray(0, cut), false);
    };
    StringDecoder.prototype.end = function (buf) {
        var s = buf ? this.write(buf) : '';
        if (this._rest.length) { s += N.utf8Decode(this._rest, false); this._rest = new Uint8Array(0); }
        return s;
    };

    function Stream() { EventEmitter.call(this); }
    Stream.prototype = Object.create(EventEmitter.prototype);
    Stream.prototype.constructor = Stream;
    Stream.prototype.pipe = function (dest) { this.on('data', function (c) { dest.write(c); }); this.on('end', function () { if (dest.end) { dest.end(); } }); return dest; };
    function Readable() { Stream.call(this); this.readable = true; }
    Readable.prototype = Object.create(Stream.prototype);
    Readable.prototype.push = function (c) { if (c === null) { this.emit('end'); } else { this.emit('data', c); } return true; };
    function Writable() { Stream.call(this); this.writable = true; }
    Writable.prototype = Object.create(Stream.prototype);
    Writable.prototype.write = function (c) { this.emit('data', c); return true; };
    Writable.prototype.end = function (c) { if (c !== undefined) { this.write(c); } this.emit('finish'); };
    function Duplex() { Readable.call(this); this.writable = true; }
    Duplex.prototype = Object.create(Readable.prototype);
    Duplex.prototype.write = Writable.prototype.write;
    Duplex.prototype.end = Writable.prototype.end;
    var stream = Stream;
    Stream.Stream = Stream; Stream.Readable = Readable; Stream.Writable = Writable; Stream.Duplex = Duplex;
    Stream.Transform = Duplex; Stream.PassThrough = Duplex;

    var os = {
        EOL: '\n', platform: function () { return 'browser'; }, type: function () { return 'Browser'; }, release: function () { return ''; },
        arch: function () { return 'javascript'; }, endianness: function () { return 'LE'; }, hostname: function () { return ''; },
        tmpdir: function () { return '/tmp'; }, tmpDir: function () { return '/tmp'; }, homedir: function () { return '/'; },
        uptime: function () { return 0; }, loadavg: function () { return []; }, totalmem: function () { return Number.MAX_VALUE; },
        freemem: function () { return Number.MAX_VALUE; }, cpus: function () { return []; }, networkInterfaces: function () { return {}; },
        getNetworkInterfaces: function () { return {}; }
    };

    return {
        buffer: buffer, atob: atob, btoa: btoa, querystring: querystring, util: util, events: EventEmitter,
        path: path, assert: assert, timers: timers, string_decoder: { StringDecoder: StringDecoder }, stream: stream, os: os
    };
})

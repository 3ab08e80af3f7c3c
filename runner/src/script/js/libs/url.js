// The `url` module (node's legacy url.parse/format/resolve, plus URL and
// URLSearchParams classes, which the sandbox does not make global) and
// `punycode`. Written for postgate.
(function (N, M) {
    'use strict';
    // ---------------- punycode (RFC 3492)
    var BASE = 36, TMIN = 1, TMAX = 26, SKEW = 38, DAMP = 700, IBIAS = 72, INITN = 128;
    function adapt(delta, n, first) {
        delta = first ? Math.floor(delta / DAMP) : delta >> 1;
        delta += Math.floor(delta / n);
        var k = 0;
        for (; delta > ((BASE - TMIN) * TMAX) >> 1; k += BASE) { delta = Math.floor(delta / (BASE - TMIN)); }
        return Math.floor(k + (BASE - TMIN + 1) * delta / (delta + SKEW));
    }
    function digit(d) { return String.fromCharCode(d + 22 + 75 * (d < 26)); }
    function ucs2decode(s) { return Array.from(s).map(function (c) { return c.codePointAt(0); }); }
    function encode(input) {
        var cps = ucs2decode(input), out = cps.filter(function (c) { return c < 128; }).map(function (c) { return String.fromCharCode(c); }).join('');
        var b = out.length, h = b, n = INITN, delta = 0, bias = IBIAS;
        if (b) { out += '-'; }
        while (h < cps.length) {
            var m = Math.min.apply(null, cps.filter(function (c) { return c >= n; }));
            delta += (m - n) * (h + 1); n = m;
            for (var i = 0; i < cps.length; i++) {
                var c = cps[i];
                if (c < n) { delta++; }
                if (c === n) {
                    var q = delta;
                    for (var k = BASE; ; k += BASE) {
                        var t = k <= bias ? TMIN : (k >= bias + TMAX ? TMAX : k - bias);
                        if (q < t) { break; }
                        out += digit(t + (q - t) % (BASE - t));
                        q = Math.floor((q - t) / (BASE - t));
                    }
                    out += digit(q);
                    bias = adapt(delta, h + 1, h === b);
                    delta = 0; h++;
                }
            }
            delta++; n++;
        }
        return out;
    }
    function decode(input) {
        var out = [], i = 0, n = INITN, bias = IBIAS, b = input.lastIndexOf('-');
        if (b < 0) { b = 0; }
        for (var j = 0; j < b; j++) { out.push(input.charCodeAt(j)); }
        for (var idx = b > 0 ? b + 1 : 0; idx < input.length;) {
            var oldi = i, w = 1;
            for (var k = BASE; ; k += BASE) {
                if (idx >= input.length) { throw new RangeError('Invalid input'); }
                var c = input.charCodeAt(idx++), d = c - 48 < 10 ? c - 22 : c - 65 < 26 ? c - 65 : c - 97 < 26 ? c - 97 : BASE;
                if (d >= BASE) { throw new RangeError('Invalid input'); }
                i += d * w;
                var t = k <= bias ? TMIN : (k >= bias + TMAX ? TMAX : k - bias);
                if (d < t) { break; }
                w *= BASE - t;
            }
            bias = adapt(i - oldi, out.length + 1, oldi === 0);
            n += Math.floor(i / (out.length + 1)); i %= out.length + 1;
            out.splice(i++, 0, n);
        }
        return String.fromCodePoint.apply(null, out);
    }
    function mapDomain(s, f) {
        var parts = s.split('@'), pre = parts.length > 1 ? parts[0] + '@' : '';
        s = parts.length > 1 ? parts[1] : parts[0];
        return pre + s.replace(/[\x2E\u3002\uFF0E\uFF61]/g, '.').split('.').map(f).join('.');
    }
    var punycode = {
        version: '2.1.0', encode: encode, decode: decode,
        toASCII: function (s) { return mapDomain(s, function (l) { return /[^\0-\x7E]/.test(l) ? 'xn--' + encode(l) : l; }); },
        toUnicode: function (s) { return mapDomain(s, function (l) { return /^xn--/.test(l) ? decode(l.slice(4).toLowerCase()) : l; }); },
        ucs2: { decode: ucs2decode, encode: function (a) { return String.fromCodePoint.apply(null, a); } }
    };

    // ---------------- legacy url.parse / format / resolve
    var SLASHED = { http: true, https: true, ftp: true, gopher: true, file: true, 'http:': true, 'https:': true, 'ftp:': true, 'gopher:': true, 'file:': true, ws: true, wss: true, 'ws:': true, 'wss:': true };
    function qs() { return M.querystring; }
    function Url() {
        this.protocol = null; this.slashes = null; this.auth = null; this.host = null; this.port = null; this.hostname = null;
        this.hash = null; this.search = null; this.query = null; this.pathname = null; this.path = null; this.href = null;
    }
    Url.prototype.parse = function (str, parseQuery, slashesDenoteHost) {
        if (typeof str !== 'string') { throw new TypeError("Parameter 'url' must be a string, not " + typeof str); }
        var rest = str.trim().replace(/\\/g, '/');
        var hashIdx = rest.indexOf('#');
        if (hashIdx !== -1) { this.hash = rest.slice(hashIdx); rest = rest.slice(0, hashIdx); }
        var qIdx = rest.indexOf('?');
        if (qIdx !== -1) { this.search = rest.slice(qIdx); this.query = rest.slice(qIdx + 1); rest = rest.slice(0, qIdx); }
        else if (parseQuery) { this.search = ''; this.query = {}; }
        var proto = /^([a-z0-9.+-]+:)/i.exec(rest);
        if (proto) { this.protocol = proto[1].toLowerCase(); rest = rest.slice(proto[1].length); }
        var slashes = rest.slice(0, 2) === '//';
        if (slashes && (slashesDenoteHost || proto || true) && !(proto && this.protocol === 'javascript:')) {
            if (proto || slashesDenoteHost || SLASHED[this.protocol] !== undefined || !proto) {
                if (proto || slashesDenoteHost) { rest = rest.slice(2); this.slashes = true; }
            }
        }
        if (this.slashes || (proto && !SLASHED[this.protocol] && this.protocol !== 'javascript:')) {
            var end = rest.search(/[\/?#]/); if (end === -1) { end = rest.length; }
            var hostPart = rest.slice(0, end); rest = rest.slice(end);
            var at = hostPart.lastIndexOf('@');
            if (at !== -1) { this.auth = decodeURIComponent(hostPart.slice(0, at)); hostPart = hostPart.slice(at + 1); }
            var pm = /:(\d*)$/.exec(hostPart);
            if (pm) { if (pm[1]) { this.port = pm[1]; } hostPart = hostPart.slice(0, -pm[0].length); }
            this.hostname = hostPart.replace(/^\[|\]$/g, '').toLowerCase();
            if (/[^\0-\x7E]/.test(this.hostname)) { this.hostname = punycode.toASCII(this.hostname); }
            this.host = (hostPart.charAt(0) === '[' ? '[' + this.hostname + ']' : this.hostname) + (this.port ? ':' + this.port : '');
        }
        this.pathname = rest || (this.slashes && SLASHED[this.protocol] ? '/' : (rest || null));
        if (this.pathname === '' ) { this.pathname = null; }
        if (this.search !== null || this.pathname !== null) { this.path = (this.pathname || '') + (this.search || ''); }
        if (parseQuery) { this.query = qs().parse(this.query || ''); }
        this.href = this.format();
        return this;
    };
    Url.prototype.format = function () {
        var auth = this.auth ? encodeURIComponent(this.auth).replace(/%3A/i, ':') + '@' : '';
        var protocol = this.protocol || '', pathname = this.pathname || '', hash = this.hash || '', host = '';
        if (this.host) { host = auth + this.host; } else if (this.hostname) { host = auth + (this.hostname.indexOf(':') >= 0 ? '[' + this.hostname + ']' : this.hostname) + (this.port ? ':' + this.port : ''); }
        var query = this.query && typeof this.query === 'object' && Object.keys(this.query).length ? qs().stringify(this.query) : '';
        var search = this.search || (query && '?' + query) || '';
        if (protocol && protocol.slice(-1) !== ':') { protocol += ':'; }
        if (this.slashes || ((!protocol || SLASHED[protocol]) && host)) {
            host = '//' + host;
            if (pathname && pathname.charAt(0) !== '/') { pathname = '/' + pathname; }
        }
        if (hash && hash.charAt(0) !== '#') { hash = '#' + hash; }
        if (search && search.charAt(0) !== '?') { search = '?' + search; }
        pathname = pathname.replace(/[?#]/g, encodeURIComponent);
        search = search.replace('#', '%23');
        return protocol + host + pathname + search + hash;
    };
    function urlParse(u, pq, sd) { if (u instanceof Url) { return u; } var o = new Url(); o.parse(u, pq, sd); return o; }
    function urlFormat(o) {
        if (typeof o === 'string') { o = urlParse(o); }
        if (!(o instanceof Url)) { return Url.prototype.format.call(o); }
        return o.format();
    }
    function urlResolve(from, to) {
        try {
            var rel = !/^[a-z][a-z0-9+.-]*:/i.test(from), base = rel ? 'resolve://x' + (from.charAt(0) === '/' ? '' : '/') + from : from;
            var out = new URLClass(to, base).href;
            return rel ? out.replace(/^resolve:\/\/x\/?/, from.charAt(0) === '/' ? '/' : '') : out;
        } catch (e) { return to; }
    }

    // ---------------- WHATWG-style URL and URLSearchParams (simplified)
    var DEFAULT_PORTS = { 'http:': '80', 'https:': '443', 'ftp:': '21', 'ws:': '80', 'wss:': '443' };
    function encodeQ(s) { return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()~]/g, function (c) { return '%' + c.charCodeAt(0).toString(16).toUpperCase(); }); }
    function decodeQ(s) { s = s.replace(/\+/g, ' '); try { return decodeURIComponent(s); } catch (e) { return s; } }
    class URLSearchParams {
        constructor(init) {
            this._list = [];
            this._url = null;
            if (init === undefined || init === null) { return; }
            if (typeof init === 'string') { this._parse(init); }
            else if (typeof init === 'object') {
                if (typeof init[Symbol.iterator] === 'function') { for (var p of init) { this._list.push([String(p[0]), String(p[1])]); } }
                else { for (var k of Object.keys(init)) { this._list.push([k, String(init[k])]); } }
            }
        }
        _parse(s) {
            this._list = [];
            s = s.replace(/^\?/, '');
            if (!s) { return; }
            s.split('&').forEach(function (p) {
                if (!p) { return; }
                var i = p.indexOf('=');
                this._list.push(i < 0 ? [decodeQ(p), ''] : [decodeQ(p.slice(0, i)), decodeQ(p.slice(i + 1))]);
            }, this);
        }
        _update() { if (this._url) { var s = this.toString(); this._url._search = s ? '?' + s : ''; } }
        append(k, v) { this._list.push([String(k), String(v)]); this._update(); }
        delete(k) { k = String(k); this._list = this._list.filter(function (p) { return p[0] !== k; }); this._update(); }
        get(k) { k = String(k); for (var p of this._list) { if (p[0] === k) { return p[1]; } } return null; }
        getAll(k) { k = String(k); return this._list.filter(function (p) { return p[0] === k; }).map(function (p) { return p[1]; }); }
        has(k) { k = String(k); return this._list.some(function (p) { return p[0] === k; }); }
        set(k, v) {
            k = String(k); v = String(v);
            var i = this._list.findIndex(function (p) { return p[0] === k; });
            if (i < 0) { this._list.push([k, v]); } else { this._list[i][1] = v; this._list = this._list.filter(function (p, j) { return j <= i || p[0] !== k; }); }
            this._update();
        }
        sort() { this._list.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; }); this._update(); }
        forEach(f, self) { this._list.forEach(function (p) { f.call(self, p[1], p[0], this); }, this); }
        keys() { return this._list.map(function (p) { return p[0]; })[Symbol.iterator](); }
        values() { return this._list.map(function (p) { return p[1]; })[Symbol.iterator](); }
        entries() { return this._list.map(function (p) { return [p[0], p[1]]; })[Symbol.iterator](); }
        [Symbol.iterator]() { return this.entries(); }
        get size() { return this._list.length; }
        toString() { return this._list.map(function (p) { return encodeQ(p[0]) + '=' + encodeQ(p[1]); }).join('&'); }
    }
    function pctPath(s) { return s.replace(/[\s"<>`{}#?]|[^\x00-\x7f]/g, function (c) { return c === '#' || c === '?' ? c : encodeURIComponent(c); }); }
    function normPath(p) {
        var out = [];
        p.split('/').forEach(function (seg, i, all) {
            if (seg === '..' || seg.toLowerCase() === '%2e%2e') { if (out.length > 1) { out.pop(); } if (i === all.length - 1) { out.push(''); } }
            else if (seg === '.' || seg.toLowerCase() === '%2e') { if (i === all.length - 1) { out.push(''); } }
            else { out.push(seg); }
        });
        var r = out.join('/');
        return r.charAt(0) === '/' ? r : '/' + r;
    }
    class URLClass {
        constructor(input, base) {
            input = String(input).trim();
            var m = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/.exec(input);
            if (!m) {
                if (base === undefined) { throw new TypeError('Invalid URL: ' + input); }
                var b = base instanceof URLClass ? base : new URLClass(base);
                var pre = b._prefix();
                if (input.slice(0, 2) === '//') { input = b.protocol + input; }
                else if (input.charAt(0) === '/') { input = pre + input; }
                else if (input.charAt(0) === '?') { input = pre + b.pathname + input; }
                else if (input.charAt(0) === '#') { input = pre + b.pathname + b.search + input; }
                else if (input === '') { input = b.href.replace(/#.*$/, ''); }
                else { input = pre + b.pathname.replace(/[^/]*$/, '') + input; }
                m = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/.exec(input);
            }
            this._protocol = m[1].toLowerCase() + ':';
            var rest = m[2].replace(/\\/g, DEFAULT_PORTS[this._protocol] ? '/' : '\\'), h = rest.indexOf('#');
            this._hash = h >= 0 ? rest.slice(h) : ''; if (h >= 0) { rest = rest.slice(0, h); }
            var q = rest.indexOf('?');
            this._search = q >= 0 ? rest.slice(q) : ''; if (q >= 0) { rest = rest.slice(0, q); }
            if (this._search === '?') { this._search = ''; }
            this._username = ''; this._password = ''; this._hostname = ''; this._port = '';
            var special = DEFAULT_PORTS[this._protocol] !== undefined || this._protocol === 'file:';
            if (rest.slice(0, 2) === '//' || (special && this._protocol !== 'file:')) {
                rest = rest.replace(/^\/*/, '');
                var e = rest.search(/[\/]/); if (e < 0) { e = rest.length; }
                var auth = rest.slice(0, e); rest = rest.slice(e);
                var at = auth.lastIndexOf('@');
                if (at >= 0) {
                    var cred = auth.slice(0, at), c = cred.indexOf(':');
                    this._username = c >= 0 ? cred.slice(0, c) : cred; this._password = c >= 0 ? cred.slice(c + 1) : '';
                    auth = auth.slice(at + 1);
                }
                var pm = /:(\d*)$/.exec(auth);
                if (pm) { this._port = pm[1]; auth = auth.slice(0, -pm[0].length); }
                if (/[^0-9]/.test(this._port)) { throw new TypeError('Invalid URL: ' + input); }
                if (this._port) { this._port = String(+this._port); }
                if (DEFAULT_PORTS[this._protocol] === this._port) { this._port = ''; }
                this._hostname = special ? punycode.toASCII(decodeURIComponent(auth).toLowerCase()) : auth;
                if (special && !this._hostname && this._protocol !== 'file:') { throw new TypeError('Invalid URL: ' + input); }
                this._pathname = special ? normPath(pctPath(rest || '/')) : pctPath(rest);
            } else {
                this._pathname = pctPath(rest);
            }
            this._search = this._search.replace(/[\s"<>`#]|[^\x00-\x7f]/g, function (ch) { return ch === '#' ? ch : encodeURIComponent(ch); });
            this._params = new URLSearchParams(this._search);
            this._params._url = this;
        }
        get protocol() { return this._protocol; } set protocol(v) { this._protocol = String(v).replace(/:?$/, ':').toLowerCase(); }
        get username() { return this._username; } set username(v) { this._username = String(v); }
        get password() { return this._password; } set password(v) { this._password = String(v); }
        get hostname() { return this._hostname; } set hostname(v) { this._hostname = String(v).toLowerCase(); }
        get port() { return this._port; } set port(v) { v = String(v); this._port = DEFAULT_PORTS[this._protocol] === v ? '' : v; }
        get host() { return this._hostname + (this._port ? ':' + this._port : ''); }
        set host(v) { var p = /^(.*?)(?::(\d*))?$/.exec(String(v)); this._hostname = p[1].toLowerCase(); if (p[2] !== undefined) { this.port = p[2]; } }
        get origin() { return DEFAULT_PORTS[this._protocol] !== undefined ? this._protocol + '//' + this.host : 'null'; }
        get pathname() { return this._pathname; } set pathname(v) { v = String(v); this._pathname = v.charAt(0) === '/' ? pctPath(v) : '/' + pctPath(v); }
        get search() { return this._search; }
        set search(v) { v = String(v); this._search = v && v !== '?' ? (v.charAt(0) === '?' ? v : '?' + v) : ''; this._params._parse(this._search); }
        get searchParams() { return this._params; }
        get hash() { return this._hash; } set hash(v) { v = String(v); this._hash = v && v !== '#' ? (v.charAt(0) === '#' ? v : '#' + v) : ''; }
        get href() {
            var auth = this._username ? this._username + (this._password ? ':' + this._password : '') + '@' : '';
            var hasHost = this._hostname || DEFAULT_PORTS[this._protocol] !== undefined || this._protocol === 'file:';
            return this._protocol + (hasHost ? '//' + auth + this.host : '') + this._pathname + this._search + this._hash;
        }
        set href(v) { var u = new URLClass(v); Object.assign(this, u); this._params._url = this; }
        _prefix() {
            var auth = this._username ? this._username + (this._password ? ':' + this._password : '') + '@' : '';
            var hasHost = this._hostname || DEFAULT_PORTS[this._protocol] !== undefined || this._protocol === 'file:';
            return this._protocol + (hasHost ? '//' + auth + this.host : '');
        }
        toString() { return this.href; }
        toJSON() { return this.href; }
    }

    var url = {
        parse: urlParse, format: urlFormat, resolve: urlResolve,
        resolveObject: function (from, to) { return urlParse(urlResolve(from, to)); },
        Url: Url, URL: URLClass, URLSearchParams: URLSearchParams,
        domainToASCII: punycode.toASCII, domainToUnicode: punycode.toUnicode
    };
    return { url: url, punycode: punycode };
})

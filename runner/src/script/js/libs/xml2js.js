// xml2js 0.4.23's API for postgate: parsing is native (quick-xml) and
// synchronous, as xml2js is with its default async: false.
(function (N, M) {
    'use strict';
    var defaults = {
        explicitCharkey: false, trim: false, normalize: false, normalizeTags: false, attrkey: '$', charkey: '_',
        explicitArray: true, ignoreAttrs: false, mergeAttrs: false, explicitRoot: true, validator: null, xmlns: false,
        explicitChildren: false, preserveChildrenOrder: false, childkey: '$$', charsAsChildren: false, includeWhiteChars: false,
        async: false, strict: true, attrNameProcessors: null, attrValueProcessors: null, tagNameProcessors: null,
        valueProcessors: null, rootName: 'root', xmldec: { version: '1.0', encoding: 'UTF-8', standalone: true },
        doctype: null, renderOpts: { pretty: true, indent: '  ', newline: '\n' }, headless: false, chunkSize: 10000,
        emptyTag: '', cdata: false
    };
    function opts(o) { return Object.assign({}, defaults, o || {}); }

    function Parser(o) {
        if (!(this instanceof Parser)) { return new Parser(o); }
        this.options = opts(o);
        this._handlers = {};
    }
    Parser.prototype.on = function (ev, f) { (this._handlers[ev] = this._handlers[ev] || []).push(f); return this; };
    Parser.prototype.emit = function (ev, arg) { (this._handlers[ev] || []).forEach(function (f) { f(arg); }); };
    Parser.prototype.reset = function () { this._handlers = {}; };
    Parser.prototype.parseString = function (str, cb) {
        var o = this.options;
        var r = N.xmlParse(str === undefined || str === null ? '' : String(str), o);
        if (r[0] !== undefined) {
            var err = new Error(r[0]);
            if (typeof cb === 'function') { cb(err); } else { this.emit('error', err); }
            return;
        }
        if (typeof cb === 'function') { cb(null, r[1]); } else { this.emit('end', r[1]); }
    };
    Parser.prototype.parseStringPromise = function (str) {
        var self = this;
        return new Promise(function (resolve, reject) { self.parseString(str, function (e, r) { if (e) { reject(e); } else { resolve(r); } }); });
    };

    function parseString(str, a, b) {
        var cb = typeof a === 'function' ? a : b, o = typeof a === 'object' ? a : {};
        return new Parser(o).parseString(str, cb);
    }

    var processors = {
        normalize: function (s) { return s.toLowerCase(); },
        firstCharLowerCase: function (s) { return s.charAt(0).toLowerCase() + s.slice(1); },
        stripPrefix: function (s) { return s.replace(/^.*:/, ''); },
        parseNumbers: function (s) { if (!isNaN(s)) { s = s % 1 === 0 ? parseInt(s, 10) : parseFloat(s); } return s; },
        parseBooleans: function (s) { if (/^(?:true|false)$/i.test(s)) { s = s.toLowerCase() === 'true'; } return s; }
    };

    // ---- Builder
    function esc(s, attr) {
        s = String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
        return attr ? s.replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;') : s;
    }
    function Builder(o) { this.options = opts(o); }
    Builder.prototype.buildObject = function (root) {
        var o = this.options, ak = o.attrkey, ck = o.charkey, ro = o.renderOpts || {}, pretty = ro.pretty !== false;
        var indent = ro.indent === undefined ? '  ' : ro.indent, nl = ro.newline === undefined ? '\n' : ro.newline;
        var rootName = o.rootName;
        if (root && typeof root === 'object' && !Array.isArray(root) && Object.keys(root).length === 1 && rootName === defaults.rootName) {
            rootName = Object.keys(root)[0];
            root = root[rootName];
        }
        var out = [];
        function text(v) { return o.cdata && /[<&]/.test(String(v)) ? '<![CDATA[' + String(v).replace(/]]>/g, ']]]]><![CDATA[>') + ']]>' : esc(v); }
        function el(name, v, depth) {
            var pad = pretty ? new Array(depth + 1).join(indent) : '';
            if (Array.isArray(v)) { v.forEach(function (x) { el(name, x, depth); }); return; }
            if (v === null || v === undefined || typeof v !== 'object') {
                var t = v === null || v === undefined ? '' : v;
                out.push(pad + (t === '' ? '<' + name + '/>' : '<' + name + '>' + text(t) + '</' + name + '>'));
                return;
            }
            var attrs = '', kids = [], txt = null;
            Object.keys(v).forEach(function (k) {
                if (k === ak && v[k] && typeof v[k] === 'object') { Object.keys(v[k]).forEach(function (a) { attrs += ' ' + a + '="' + esc(v[k][a], true) + '"'; }); }
                else if (k === ck) { txt = v[k]; }
                else { kids.push(k); }
            });
            if (!kids.length) {
                out.push(pad + (txt === null || txt === '' ? '<' + name + attrs + '/>' : '<' + name + attrs + '>' + text(txt) + '</' + name + '>'));
                return;
            }
            out.push(pad + '<' + name + attrs + '>' + (txt !== null ? text(txt) : ''));
            kids.forEach(function (k) { el(k, v[k], depth + 1); });
            out.push(pad + '</' + name + '>');
        }
        el(rootName, root, 0);
        var dec = '';
        if (!o.headless) {
            var d = o.xmldec || {};
            dec = '<?xml version="' + (d.version || '1.0') + '"' + (d.encoding ? ' encoding="' + d.encoding + '"' : '') +
                (d.standalone !== undefined && d.standalone !== null ? ' standalone="' + (d.standalone ? 'yes' : 'no') + '"' : '') + '?>' + (pretty ? nl : '');
        }
        return dec + out.join(pretty ? nl : '');
    };

    // Newman's legacy xml2Json(xml): explicitArray false, trim true; what
    // the callback last received (undefined after an error, null for '').
    function xml2Json(s) {
        var result = {};
        parseString(s, { explicitArray: false, async: false, trim: true, mergeAttrs: false }, function (err, r) { result = r; });
        return result;
    }

    return {
        parseString: parseString, Parser: Parser, Builder: Builder, processors: processors, defaults: { '0.1': opts({ explicitArray: false }), '0.2': opts() },
        ValidationError: function ValidationError(message) { this.message = message; },
        __xml2Json: xml2Json
    };
})

// postgate library table (see runner/src/script/libs/mod.rs). Defines
// globalThis.__pg_modules (module id -> exports, each built on first access)
// and globalThis.__pg_schema_validate(schema, data[, ajvOptions]) -> { valid, errors, text }.
(function (g) {
    'use strict';
    var N = g.__pg_native, parts = Object.create(null), mods = {};
    function part(name) {
        if (!(name in parts)) { parts[name] = N.load(name)(N, mods); }
        return parts[name];
    }
    function def(id, make) {
        Object.defineProperty(mods, id, {
            enumerable: true, configurable: true,
            get: function () {
                var v = make();
                Object.defineProperty(mods, id, { value: v, enumerable: true, configurable: true, writable: true });
                return v;
            }
        });
    }
    function from(p, key) { return function () { return key ? part(p)[key] : part(p); }; }
    def('crypto-js', from('crypto'));
    def('lodash', function () { return part('lodash').lodash; });
    def('moment', from('moment'));
    def('ajv', function () { return part('schema').Ajv; });
    def('tv4', function () { return part('schema').tv4; });
    def('xml2js', from('xml2js'));
    def('uuid', from('misc', 'uuid'));
    def('csv-parse/lib/sync', from('misc', 'csvParse'));
    def('buffer', from('node', 'buffer'));
    def('atob', from('node', 'atob'));
    def('btoa', from('node', 'btoa'));
    def('querystring', from('node', 'querystring'));
    def('util', from('node', 'util'));
    def('events', from('node', 'events'));
    def('path', from('node', 'path'));
    def('assert', from('node', 'assert'));
    def('timers', from('node', 'timers'));
    def('string_decoder', from('node', 'string_decoder'));
    def('stream', from('node', 'stream'));
    def('os', from('node', 'os'));
    def('fs', function () { return {}; });
    def('url', from('url', 'url'));
    def('punycode', from('url', 'punycode'));
    def('json', function () { return { parse: function (t, r) { return JSON.parse(t, r); }, stringify: function (v, r, s) { return JSON.stringify(v, r, s); } }; });
    def('__legacy', function () {
        var n = part('node');
        return {
            xml2Json: part('xml2js').__xml2Json,
            atob: n.atob,
            btoa: n.btoa,
            // Newman's `_` global is lodash 3 (lodash3.noConflict()).
            _: part('lodash').lodash3
        };
    });
    Object.defineProperty(g, '__pg_modules', { value: mods, enumerable: false, configurable: true, writable: false });
    Object.defineProperty(g, '__pg_schema_validate', {
        enumerable: false, configurable: true, writable: false,
        value: function (schema, data, opts) { return part('schema').validate(schema, data, opts); }
    });
})(globalThis);

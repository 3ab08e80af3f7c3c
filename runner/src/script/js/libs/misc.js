// uuid (the sandbox's vendored v4-only module) and csv-parse/lib/sync
// (csv-parse 1.2.4 options) for postgate.
(function (N, M) {
    'use strict';
    var HEX = '0123456789abcdef';
    function v4() {
        var b = N.random(16), s = '';
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        for (var i = 0; i < 16; i++) {
            if (i === 4 || i === 6 || i === 8 || i === 10) { s += '-'; }
            s += HEX[b[i] >> 4] + HEX[b[i] & 15];
        }
        return s;
    }
    var uuid = function () { return v4(); };
    uuid.v4 = v4;

    function autoParse(v) {
        if (/^(\-|\+)?([1-9]+[0-9]*)$/.test(v)) { return parseInt(v, 10); }
        if (/^(\-|\+)?([0-9]+(\.[0-9]+)([eE][0-9]+)?|Infinity)$/.test(v)) { return parseFloat(v); }
        return v;
    }
    function csvParse(input, options) {
        var o = Object.assign({}, options || {});
        if (input && typeof input === 'object' && typeof input.toString === 'function' && !(typeof input === 'string')) { input = input.toString(); }
        if (typeof input !== 'string') { throw new TypeError('Invalid data: expect a string or a buffer'); }
        if (o.rowDelimiter !== undefined && typeof o.rowDelimiter === 'string' && o.rowDelimiter !== '\n' && o.rowDelimiter !== '\r\n' && o.rowDelimiter !== '\r') {
            input = input.split(o.rowDelimiter).join('\n');
        }
        var records = N.csvParse(input, o.columns ? Object.assign({}, o, { relax_column_count: true }) : o);
        var cast = o.auto_parse || o.cast;
        if (cast) {
            records = records.map(function (r) { return r.map(function (v, i) { return typeof cast === 'function' ? cast(v, { column: i }) : autoParse(v); }); });
        }
        if (o.skip_lines_with_empty_values) { records = records.filter(function (r) { return r.some(function (v) { return String(v).trim() !== ''; }); }); }
        var columns = o.columns;
        if (columns) {
            var header;
            if (columns === true) { header = records.shift() || []; }
            else if (typeof columns === 'function') { header = columns(records.shift() || []); }
            else { header = columns; }
            records = records.map(function (r, n) {
                if (r.length !== header.length && !o.relax_column_count && !(r.length === 1 && r[0] === '')) {
                    throw new Error('Number of columns on line ' + (n + 2) + ' does not match header');
                }
                var obj = {};
                header.forEach(function (h, i) { if (h !== undefined && h !== null && h !== false) { obj[h] = r[i]; } });
                return obj;
            });
            if (o.objname) {
                var byName = {};
                records.forEach(function (rec) { byName[rec[o.objname]] = rec; });
                return byName;
            }
        }
        var from = o.from ? o.from - 1 : 0, to = o.to ? o.to : records.length;
        if (from || o.to) { records = records.slice(from, to); }
        return records;
    }
    return { uuid: uuid, csvParse: csvParse };
})

// A moment 2.30 compatible subset (English locale) for postgate. Local time
// is the host's time zone as QuickJS's Date reports it (UTC on most CI
// machines), as moment in node uses the host's zone.
(function (N, M) {
    'use strict';
    var MONTHS = 'January_February_March_April_May_June_July_August_September_October_November_December'.split('_');
    var MONTHS_SHORT = 'Jan_Feb_Mar_Apr_May_Jun_Jul_Aug_Sep_Oct_Nov_Dec'.split('_');
    var WEEKDAYS = 'Sunday_Monday_Tuesday_Wednesday_Thursday_Friday_Saturday'.split('_');
    var WEEKDAYS_SHORT = 'Sun_Mon_Tue_Wed_Thu_Fri_Sat'.split('_');
    var WEEKDAYS_MIN = 'Su_Mo_Tu_We_Th_Fr_Sa'.split('_');
    var LONG = { LT: 'h:mm A', LTS: 'h:mm:ss A', L: 'MM/DD/YYYY', LL: 'MMMM D, YYYY', LLL: 'MMMM D, YYYY h:mm A', LLLL: 'dddd, MMMM D, YYYY h:mm A' };
    var UNITS = {
        y: 'year', year: 'year', years: 'year', Q: 'quarter', quarter: 'quarter', quarters: 'quarter',
        M: 'month', month: 'month', months: 'month', w: 'week', week: 'week', weeks: 'week',
        W: 'isoWeek', isoWeek: 'isoWeek', isoWeeks: 'isoWeek', isoweek: 'isoWeek', isoweeks: 'isoWeek',
        d: 'day', day: 'day', days: 'day', D: 'date', date: 'date', dates: 'date',
        h: 'hour', hour: 'hour', hours: 'hour', m: 'minute', minute: 'minute', minutes: 'minute',
        s: 'second', second: 'second', seconds: 'second', ms: 'millisecond', millisecond: 'millisecond', milliseconds: 'millisecond',
        e: 'weekday', weekday: 'weekday', weekdays: 'weekday', E: 'isoWeekday', isoWeekday: 'isoWeekday', isoWeekdays: 'isoWeekday',
        DDD: 'dayOfYear', dayOfYear: 'dayOfYear', dayOfYears: 'dayOfYear'
    };
    function normUnit(u) { return u == null ? undefined : (UNITS[u] || UNITS[String(u).toLowerCase()] || UNITS[String(u).replace(/s$/, '')]); }
    function pad(n, w) { var s = String(Math.abs(n)); while (s.length < w) { s = '0' + s; } return (n < 0 ? '-' : '') + s; }
    function absFloor(n) { return n < 0 ? Math.ceil(n) || 0 : Math.floor(n); }
    function daysInMonth(y, m) { return new Date(Date.UTC(y, m + 1, 0)).getUTCDate(); }
    function isLeap(y) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }
    function ordinal(n) {
        var b = n % 10, t = Math.floor(n % 100 / 10) === 1;
        return n + (t ? 'th' : b === 1 ? 'st' : b === 2 ? 'nd' : b === 3 ? 'rd' : 'th');
    }
    function warn(msg) {
        if (moment.suppressDeprecationWarnings) { return; }
        if (typeof console !== 'undefined' && console.warn) { console.warn('Deprecation warning: ' + msg); }
    }

    // ---------- the Moment object: _t (ms since epoch, NaN when invalid),
    // _mode 'local' | 'utc' | 'offset', _off (minutes east of UTC for offset mode)
    function Moment(t, mode, off) { this._t = t; this._mode = mode || 'local'; this._off = off || 0; this._isAMomentObject = true; this._isUTC = mode === 'utc' || mode === 'offset'; }
    function offsetOf(m) {
        if (m._mode === 'local') { return isNaN(m._t) ? 0 : -new Date(m._t).getTimezoneOffset(); }
        return m._mode === 'utc' ? 0 : m._off;
    }
    function fields(m) {
        var d = new Date(m._t + (m._mode === 'local' ? 0 : offsetOf(m) * 60000));
        if (m._mode === 'local') {
            return { Y: d.getFullYear(), M: d.getMonth(), D: d.getDate(), h: d.getHours(), m: d.getMinutes(), s: d.getSeconds(), ms: d.getMilliseconds(), dow: d.getDay() };
        }
        return { Y: d.getUTCFullYear(), M: d.getUTCMonth(), D: d.getUTCDate(), h: d.getUTCHours(), m: d.getUTCMinutes(), s: d.getUTCSeconds(), ms: d.getUTCMilliseconds(), dow: d.getUTCDay() };
    }
    function fromFields(mode, off, f) {
        if (mode === 'local') {
            var d = new Date(2000, 0, 1);
            d.setFullYear(f.Y, f.M, f.D); d.setHours(f.h, f.m, f.s, f.ms);
            return d.getTime();
        }
        var u = new Date(0);
        u.setUTCFullYear(f.Y, f.M, f.D); u.setUTCHours(f.h, f.m, f.s, f.ms);
        return u.getTime() - (mode === 'utc' ? 0 : off) * 60000;
    }
    function setFields(m, f) { m._t = fromFields(m._mode, m._off, f); return m; }

    // ---------- parsing
    var ISO = /^\s*((?:[+-]\d{6}|\d{4})-(?:\d\d-\d\d|W\d\d-\d|W\d\d|\d\d\d|\d\d))(?:(T| )(\d\d(?::\d\d(?::\d\d(?:[.,]\d+)?)?)?)([+-]\d\d(?::?\d\d)?|\s*Z)?)?$/;
    var ISO_BASIC = /^\s*((?:[+-]\d{6}|\d{4})(?:\d\d\d\d|W\d\d\d|W\d\d|\d\d\d|\d\d|))(?:(T| )(\d\d(?:\d\d(?:\d\d(?:[.,]\d+)?)?)?)([+-]\d\d(?::?\d\d)?|\s*Z)?)?$/;
    function parseOffset(z) {
        if (!z) { return null; }
        z = z.trim();
        if (z === 'Z' || z === 'z') { return 0; }
        var mm = /([+-])(\d\d):?(\d\d)?/.exec(z);
        if (!mm) { return null; }
        var v = +mm[2] * 60 + (+mm[3] || 0);
        return mm[1] === '-' ? -v : v;
    }
    function isoToFields(s) {
        var mm = ISO.exec(s) || ISO_BASIC.exec(s);
        if (!mm) { return null; }
        var date = mm[1].replace(/-/g, ''), f = { Y: 0, M: 0, D: 1, h: 0, m: 0, s: 0, ms: 0 }, y;
        var ym = /^([+-]\d{6}|\d{4})(.*)$/.exec(date);
        y = +ym[1]; f.Y = y; var rest = ym[2];
        if (/^W/.test(rest)) {
            var wk = +rest.slice(1, 3), wd = rest.length > 3 ? +rest.slice(3) : 1;
            var jan4 = new Date(Date.UTC(y, 0, 4)), dow = jan4.getUTCDay() || 7;
            var d = new Date(Date.UTC(y, 0, 4 - dow + 1 + (wk - 1) * 7 + (wd - 1)));
            f.Y = d.getUTCFullYear(); f.M = d.getUTCMonth(); f.D = d.getUTCDate();
        } else if (rest.length === 3) {
            var dd = new Date(Date.UTC(y, 0, +rest)); f.M = dd.getUTCMonth(); f.D = dd.getUTCDate();
        } else if (rest.length >= 2) { f.M = +rest.slice(0, 2) - 1; if (rest.length === 4) { f.D = +rest.slice(2); } }
        if (f.M > 11 || f.D > daysInMonth(f.Y, f.M) || f.D < 1) { return { invalid: true }; }
        if (mm[3]) {
            var t = mm[3].replace(/:/g, ''), frac = /[.,](\d+)$/.exec(t);
            f.h = +t.slice(0, 2); f.m = +t.slice(2, 4) || 0; f.s = +t.slice(4, 6) || 0;
            if (frac) { f.ms = Math.floor(+('0.' + frac[1]) * 1000 + 1e-9); }
            if (f.h > 24 || f.m > 59 || f.s > 59 || (f.h === 24 && (f.m || f.s || f.ms))) { return { invalid: true }; }
        }
        return { f: f, off: parseOffset(mm[4]) };
    }
    var RFC2822 = /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s)?(\d{1,2})\s(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s(\d{2,4})\s(\d\d):(\d\d)(?::(\d\d))?\s(?:(UT|GMT|[ECMP][SD]T)|([Zz])|([+-]\d{4}))$/;
    var ZONES = { UT: 0, GMT: 0, EDT: -240, EST: -300, CDT: -300, CST: -360, MDT: -360, MST: -420, PDT: -420, PST: -480 };
    function rfcToFields(s) {
        var mm = RFC2822.exec(s.replace(/\([^()]*\)|[\n\t]/g, ' ').replace(/(\s\s+)/g, ' ').trim());
        if (!mm) { return null; }
        var y = +mm[4]; if (mm[4].length === 2) { y += y > 49 ? 1900 : 2000; }
        var f = { Y: y, M: MONTHS_SHORT.indexOf(mm[3]), D: +mm[2], h: +mm[5], m: +mm[6], s: +mm[7] || 0, ms: 0 };
        var off = mm[8] ? ZONES[mm[8]] : mm[9] ? 0 : parseOffset(mm[10].slice(0, 3) + ':' + mm[10].slice(3));
        return { f: f, off: off };
    }

    var TOKEN_RE = /(\[[^\[]*\])|(\\)?(Mo|MM?M?M?|Do|DDDo|DD?D?D?|ddd?d?|do?|w[o|w]?|W[o|W]?|Qo?|N{1,5}|YYYYYY|YYYYY|YYYY|YY|y{2,4}|yo?|gg(ggg?)?|GG(GGG?)?|e|E|a|A|hh?|HH?|kk?|mm?|ss?|S{1,9}|x|X|zz?|ZZ?|LTS|LT|LL?L?L?|l{1,4}|.)/g;
    function expandLong(fmt) {
        for (var i = 0; i < 5 && /(\[[^\[]*\])|LTS|LT|LL?L?L?|l{1,4}/.test(fmt); i++) {
            fmt = fmt.replace(/(\[[^\[]*\])|(\\)?(LTS|LT|LL?L?L?|l{1,4})/g, function (m0, br, esc, tok) {
                if (br || esc) { return m0; }
                if (LONG[tok]) { return LONG[tok]; }
                var up = LONG[tok.toUpperCase()];
                return up ? up.replace(/MMMM|MM|DD|dddd/g, function (x) { return x.slice(1); }) : tok;
            });
        }
        return fmt;
    }
    var PARSE = {
        YYYY: /\d{1,4}/, YY: /\d\d?/, Y: /[+-]?\d+/, YYYYY: /[+-]?\d{1,6}/, YYYYYY: /[+-]?\d{1,6}/,
        M: /\d\d?/, MM: /\d\d?/, MMM: /[A-Za-z]+\.?/, MMMM: /[A-Za-z]+/, D: /\d\d?/, DD: /\d\d?/, Do: /\d\d?(?:st|nd|rd|th)?/,
        DDD: /\d{1,3}/, DDDD: /\d{1,3}/, H: /\d\d?/, HH: /\d\d?/, h: /\d\d?/, hh: /\d\d?/, k: /\d\d?/, kk: /\d\d?/,
        m: /\d\d?/, mm: /\d\d?/, s: /\d\d?/, ss: /\d\d?/, S: /\d/, SS: /\d\d/, SSS: /\d{3}/, X: /[+-]?\d+(\.\d{1,3})?/, x: /[+-]?\d+/,
        A: /[ap]\.?m?\.?/i, a: /[ap]\.?m?\.?/i, Z: /Z|[+-]\d\d(?::?\d\d)?/i, ZZ: /Z|[+-]\d\d(?::?\d\d)?/i,
        ddd: /[A-Za-z]+/, dddd: /[A-Za-z]+/, dd: /[A-Za-z]+/, d: /\d/, E: /\d/, e: /\d/
    };
    var STRICT = { YYYY: /\d{4}/, YY: /\d\d/, MM: /\d\d/, DD: /\d\d/, HH: /\d\d/, hh: /\d\d/, kk: /\d\d/, mm: /\d\d/, ss: /\d\d/, DDDD: /\d{3}/ };
    function parseFormat(input, fmt, strict) {
        fmt = expandLong(fmt);
        var f = { Y: null, M: 0, D: 1, h: 0, m: 0, s: 0, ms: 0 }, off = null, pm = null, ts = null, pos = 0, parsedAny = false, ok = true;
        var toks = fmt.match(TOKEN_RE) || [];
        for (var i = 0; i < toks.length; i++) {
            var tok = toks[i];
            if (tok.charAt(0) === '[' && tok.charAt(tok.length - 1) === ']') { tok = tok.slice(1, -1); } else if (/^S{4,9}$/.test(tok)) { tok = 'S+'; }
            var re = tok === 'S+' ? /\d+/ : ((strict && STRICT[tok]) || PARSE[tok]);
            var rest = input.slice(pos);
            if (!re) {
                // a literal
                var lit = tok.replace(/^\\/, '');
                if (rest.slice(0, lit.length) === lit) { pos += lit.length; } else if (strict) { ok = false; } else if (/^\s+$/.test(lit)) { pos += (rest.match(/^\s*/) || [''])[0].length; } else if (!/^[A-Za-z0-9]/.test(lit) && rest.length && !/^[A-Za-z0-9]/.test(rest)) { pos += 1; }
                continue;
            }
            var mm = new RegExp('^' + (strict ? '' : '[^A-Za-z0-9+-]*') + '(' + re.source + ')', re.flags).exec(rest);
            if (!mm) { if (strict) { ok = false; } continue; }
            pos += mm[0].length; parsedAny = true;
            var v = mm[1];
            switch (tok) {
                case 'YYYY': case 'Y': case 'YYYYY': case 'YYYYYY': f.Y = +v; break;
                case 'YY': f.Y = +v + (+v > 68 ? 1900 : 2000); break;
                case 'M': case 'MM': f.M = +v - 1; break;
                case 'MMM': case 'MMMM': {
                    var k = v.toLowerCase().replace('.', ''), idx = MONTHS_SHORT.map(function (x) { return x.toLowerCase(); }).indexOf(k.slice(0, 3));
                    if (idx < 0 || (tok === 'MMMM' && strict && MONTHS[idx].toLowerCase() !== k)) { ok = false; } else { f.M = idx; }
                    break;
                }
                case 'D': case 'DD': case 'Do': f.D = parseInt(v, 10); break;
                case 'DDD': case 'DDDD': f.doy = +v; break;
                case 'H': case 'HH': case 'h': case 'hh': case 'k': case 'kk': f.h = +v % (tok.charAt(0) === 'k' ? 24 : 100); break;
                case 'm': case 'mm': f.m = +v; break;
                case 's': case 'ss': f.s = +v; break;
                case 'S': f.ms = +v * 100; break;
                case 'SS': f.ms = +v * 10; break;
                case 'SSS': f.ms = +v; break;
                case 'S+': f.ms = Math.floor(+('0.' + v) * 1000); break;
                case 'X': ts = Math.round(parseFloat(v) * 1000); break;
                case 'x': ts = +v; break;
                case 'A': case 'a': pm = v.charAt(0).toLowerCase() === 'p'; break;
                case 'Z': case 'ZZ': off = parseOffset(v); break;
            }
        }
        if (strict && pos !== input.length) { ok = false; }
        if (!parsedAny) { ok = false; }
        if (pm !== null) { if (pm && f.h < 12) { f.h += 12; } if (!pm && f.h === 12) { f.h = 0; } }
        return { ok: ok, f: f, off: off, ts: ts };
    }

    function create(input, format, strict, utc) {
        var mode = utc ? 'utc' : 'local';
        if (input instanceof Moment) { var c = new Moment(input._t, input._mode, input._off); if (utc) { c._mode = 'utc'; c._isUTC = true; } return c; }
        if (input === undefined) { return new Moment(Date.now(), mode); }
        if (input === null || input === '') { return invalidM(mode); }
        if (input instanceof Date) { return new Moment(input.getTime(), mode); }
        if (typeof input === 'number') { return new Moment(input, mode); }
        if (Array.isArray(input)) {
            if (!input.length) { return new Moment(Date.now(), mode); }
            var af = { Y: input[0], M: input[1] || 0, D: input[2] === undefined ? 1 : input[2], h: input[3] || 0, m: input[4] || 0, s: input[5] || 0, ms: input[6] || 0 };
            if (af.M > 11 || af.D < 1 || af.D > daysInMonth(af.Y, af.M) || af.h > 23 || af.m > 59 || af.s > 59) { return invalidM(mode); }
            return new Moment(fromFields(mode, 0, af), mode);
        }
        if (typeof input === 'object') {
            var g = function (a, b, d) { var v = input[a] !== undefined ? input[a] : input[b]; return v === undefined ? d : +v; };
            var y = g('year', 'years', null), now = fields(new Moment(Date.now(), mode));
            var of = { Y: y === null ? now.Y : y, M: g('month', 'months', y === null ? now.M : 0), D: g('date', 'day', y === null && input.month === undefined ? now.D : 1),
                h: g('hour', 'hours', 0), m: g('minute', 'minutes', 0), s: g('second', 'seconds', 0), ms: g('millisecond', 'milliseconds', 0) };
            if (input.days !== undefined && input.date === undefined && input.day === undefined) { of.D = +input.days; }
            return new Moment(fromFields(mode, 0, of), mode);
        }
        var s = String(input), r;
        if (format !== undefined && format !== null) {
            var fmts = Array.isArray(format) ? format : [format];
            for (var i = 0; i < fmts.length; i++) {
                if (fmts[i] === moment.ISO_8601) { r = isoToFields(s); if (r && !r.invalid) { return fromParsed(r, mode); } continue; }
                var p = parseFormat(s, String(fmts[i]), strict);
                if (!p.ok) { continue; }
                if (p.ts !== null) { return new Moment(p.ts, mode); }
                var fY = p.f.Y === null ? fields(new Moment(Date.now(), mode)).Y : p.f.Y;
                var pf = { Y: fY, M: p.f.M, D: p.f.D, h: p.f.h, m: p.f.m, s: p.f.s, ms: p.f.ms };
                if (p.f.doy) { var dd = new Date(Date.UTC(fY, 0, p.f.doy)); pf.M = dd.getUTCMonth(); pf.D = dd.getUTCDate(); }
                if (pf.M > 11 || pf.D < 1 || pf.D > daysInMonth(pf.Y, pf.M) || pf.h > 24 || pf.m > 59 || pf.s > 59) { continue; }
                return fromParsed({ f: pf, off: p.off }, mode);
            }
            return invalidM(mode);
        }
        r = isoToFields(s);
        if (r) { return r.invalid ? invalidM(mode) : fromParsed(r, mode); }
        r = rfcToFields(s);
        if (r) { return fromParsed(r, mode); }
        warn('value provided is not in a recognized RFC2822 or ISO format. moment construction falls back to js Date(), which is not reliable across all browsers and versions. Non RFC2822/ISO date formats are discouraged. Please refer to http://momentjs.com/guides/#/warnings/js-date/ for more info.');
        return new Moment(new Date(s).getTime(), mode);
    }
    function fromParsed(r, mode) {
        if (r.off === null || r.off === undefined) { return new Moment(fromFields(mode, 0, r.f), mode); }
        return new Moment(fromFields('offset', r.off, r.f), mode);
    }
    function invalidM(mode) { return new Moment(NaN, mode); }

    // ---------- formatting
    function zone(m, sep) { var o = offsetOf(m), sign = o < 0 ? '-' : '+'; o = Math.abs(o); return sign + pad(Math.floor(o / 60), 2) + sep + pad(o % 60, 2); }
    function isoWeekInfo(f) {
        var d = new Date(Date.UTC(f.Y, f.M, f.D)), dow = d.getUTCDay() || 7;
        d.setUTCDate(d.getUTCDate() + 4 - dow);
        var y = d.getUTCFullYear(), w = Math.ceil(((d - Date.UTC(y, 0, 1)) / 864e5 + 1) / 7);
        return { w: w, y: y };
    }
    function localeWeekInfo(f) {
        // en: weeks start on Sunday, the week containing Jan 1 is week 1
        var d = new Date(Date.UTC(f.Y, f.M, f.D)), dow = d.getUTCDay();
        d.setUTCDate(d.getUTCDate() - dow + 6); // Saturday of this week decides the year
        var y = d.getUTCFullYear(), jan1 = new Date(Date.UTC(y, 0, 1)), start = Date.UTC(y, 0, 1) - jan1.getUTCDay() * 864e5;
        return { w: Math.floor((Date.UTC(f.Y, f.M, f.D) - start) / 6048e5) + 1, y: y };
    }
    function dayOfYear(f) { return Math.round((Date.UTC(f.Y, f.M, f.D) - Date.UTC(f.Y, 0, 1)) / 864e5) + 1; }
    function formatMoment(m, fmt) {
        if (!m.isValid()) { return 'Invalid date'; }
        var f = fields(m);
        fmt = expandLong(fmt);
        return fmt.replace(TOKEN_RE, function (tok, br) {
            if (br) { return br.slice(1, -1); }
            if (tok.charAt(0) === '\\') { return tok.slice(1); }
            var h12 = f.h % 12 || 12;
            switch (tok) {
                case 'YYYY': return f.Y > 9999 ? '+' + f.Y : pad(f.Y, 4);
                case 'YY': return pad(((f.Y % 100) + 100) % 100, 2);
                case 'Y': return f.Y <= 9999 ? pad(f.Y, 4).replace(/^0+(?=\d{4})/, '') : '+' + f.Y;
                case 'YYYYY': return pad(f.Y, 5);
                case 'YYYYYY': return (f.Y < 0 ? '-' : '+') + pad(Math.abs(f.Y), 6);
                case 'Q': return String(Math.floor(f.M / 3) + 1);
                case 'Qo': return ordinal(Math.floor(f.M / 3) + 1);
                case 'M': return String(f.M + 1);
                case 'Mo': return ordinal(f.M + 1);
                case 'MM': return pad(f.M + 1, 2);
                case 'MMM': return MONTHS_SHORT[f.M];
                case 'MMMM': return MONTHS[f.M];
                case 'D': return String(f.D);
                case 'Do': return ordinal(f.D);
                case 'DD': return pad(f.D, 2);
                case 'DDD': return String(dayOfYear(f));
                case 'DDDo': return ordinal(dayOfYear(f));
                case 'DDDD': return pad(dayOfYear(f), 3);
                case 'd': return String(f.dow);
                case 'do': return ordinal(f.dow);
                case 'dd': return WEEKDAYS_MIN[f.dow];
                case 'ddd': return WEEKDAYS_SHORT[f.dow];
                case 'dddd': return WEEKDAYS[f.dow];
                case 'e': return String(f.dow);
                case 'E': return String(f.dow || 7);
                case 'w': return String(localeWeekInfo(f).w);
                case 'wo': return ordinal(localeWeekInfo(f).w);
                case 'ww': return pad(localeWeekInfo(f).w, 2);
                case 'W': return String(isoWeekInfo(f).w);
                case 'Wo': return ordinal(isoWeekInfo(f).w);
                case 'WW': return pad(isoWeekInfo(f).w, 2);
                case 'gg': return pad(localeWeekInfo(f).y % 100, 2);
                case 'gggg': return pad(localeWeekInfo(f).y, 4);
                case 'GG': return pad(isoWeekInfo(f).y % 100, 2);
                case 'GGGG': return pad(isoWeekInfo(f).y, 4);
                case 'A': return f.h < 12 ? 'AM' : 'PM';
                case 'a': return f.h < 12 ? 'am' : 'pm';
                case 'H': return String(f.h);
                case 'HH': return pad(f.h, 2);
                case 'h': return String(h12);
                case 'hh': return pad(h12, 2);
                case 'k': return String(f.h || 24);
                case 'kk': return pad(f.h || 24, 2);
                case 'm': return String(f.m);
                case 'mm': return pad(f.m, 2);
                case 's': return String(f.s);
                case 'ss': return pad(f.s, 2);
                case 'X': return String(Math.floor(m._t / 1000));
                case 'x': return String(m._t);
                case 'Z': return zone(m, ':');
                case 'ZZ': return zone(m, '');
                case 'z': case 'zz': return m._mode === 'utc' ? 'UTC' : '';
                case 'N': case 'NN': case 'NNN': return f.Y > 0 ? 'AD' : 'BC';
                case 'NNNN': return f.Y > 0 ? 'Anno Domini' : 'Before Christ';
            }
            if (/^S{1,9}$/.test(tok)) { return (pad(f.ms, 3) + '000000').slice(0, tok.length); }
            return tok;
        });
    }

    // ---------- durations
    var UNIT_MS = { millisecond: 1, second: 1e3, minute: 6e4, hour: 36e5, day: 864e5, week: 6048e5 };
    function Duration(ms, days, months) { this._milliseconds = ms || 0; this._days = days || 0; this._months = months || 0; this._isValid = true; }
    function duration(input, unit) {
        if (input instanceof Duration) { return new Duration(input._milliseconds, input._days, input._months); }
        var d = new Duration();
        if (typeof input === 'number' || (typeof input === 'string' && /^[+-]?\d+(\.\d+)?$/.test(input))) { addTo(d, +input, normUnit(unit) || 'millisecond'); return d; }
        if (typeof input === 'string') {
            var mm = /^([+-])?P(?:([\d.,]+)Y)?(?:([\d.,]+)M)?(?:([\d.,]+)W)?(?:([\d.,]+)D)?(?:T(?:([\d.,]+)H)?(?:([\d.,]+)M)?(?:([\d.,]+)S)?)?$/.exec(input);
            var sign = mm && mm[1] === '-' ? -1 : 1;
            if (mm) {
                ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'].forEach(function (u, i) { if (mm[i + 2]) { addTo(d, sign * parseFloat(mm[i + 2].replace(',', '.')), u); } });
                return d;
            }
            var ts = /^(-|\+)?(?:(\d*)[. ])?(\d+):(\d+)(?::(\d+)(\.\d*)?)?$/.exec(input);
            if (ts) {
                var sg = ts[1] === '-' ? -1 : 1;
                addTo(d, sg * (+ts[2] || 0), 'day'); addTo(d, sg * +ts[3], 'hour'); addTo(d, sg * +ts[4], 'minute');
                addTo(d, sg * (+ts[5] || 0), 'second'); addTo(d, sg * Math.round((+ts[6] || 0) * 1000), 'millisecond');
                return d;
            }
            d._isValid = false;
            return d;
        }
        if (input && typeof input === 'object') {
            Object.keys(input).forEach(function (k) { var u = normUnit(k); if (u) { addTo(d, +input[k], u); } });
        }
        return d;
    }
    function addTo(d, n, unit) {
        switch (unit) {
            case 'year': d._months += n * 12; break;
            case 'quarter': d._months += n * 3; break;
            case 'month': d._months += n; break;
            case 'week': d._days += n * 7; break;
            case 'day': case 'date': d._days += n; break;
            default: d._milliseconds += n * (UNIT_MS[unit] || 1);
        }
    }
    function daysToMonths(days) { return days * 4800 / 146097; }
    function monthsToDays(months) { return months * 146097 / 4800; }
    Duration.prototype.as = function (u) {
        u = normUnit(u) || 'millisecond';
        var days, months, ms = this._milliseconds;
        if (u === 'month' || u === 'quarter' || u === 'year') {
            days = this._days + ms / 864e5; months = this._months + daysToMonths(days);
            return u === 'month' ? months : u === 'quarter' ? months / 3 : months / 12;
        }
        days = this._days + Math.round(monthsToDays(this._months));
        switch (u) {
            case 'week': return days / 7 + ms / 6048e5;
            case 'day': return days + ms / 864e5;
            case 'hour': return days * 24 + ms / 36e5;
            case 'minute': return days * 1440 + ms / 6e4;
            case 'second': return days * 86400 + ms / 1000;
            default: return Math.floor(days * 864e5) + ms;
        }
    };
    Duration.prototype.valueOf = function () { return this.as('ms'); };
    ['Milliseconds', 'Seconds', 'Minutes', 'Hours', 'Days', 'Weeks', 'Months', 'Years', 'Quarters'].forEach(function (U) {
        Duration.prototype['as' + U] = function () { return this.as(U.toLowerCase()); };
    });
    function bubble(d) {
        var ms = d._milliseconds, days = d._days, months = d._months, sign = (ms >= 0 && days >= 0 && months >= 0) || (ms <= 0 && days <= 0 && months <= 0) ? 1 : 0;
        if (!sign) { ms += absCeil(monthsToDays(months) + days) * 864e5; days = 0; months = 0; }
        var data = {};
        data.milliseconds = ms % 1000;
        var secs = absFloor(ms / 1000); data.seconds = secs % 60;
        var mins = absFloor(secs / 60); data.minutes = mins % 60;
        var hrs = absFloor(mins / 60); data.hours = hrs % 24;
        days += absFloor(hrs / 24);
        var mfd = absFloor(daysToMonths(days)); months += mfd; days -= absCeil(monthsToDays(mfd));
        var yrs = absFloor(months / 12); months %= 12;
        data.days = days; data.months = months; data.years = yrs;
        return data;
    }
    function absCeil(n) { return n < 0 ? Math.floor(n) : Math.ceil(n); }
    Duration.prototype.get = function (u) { u = normUnit(u); var b = bubble(this); return { millisecond: b.milliseconds, second: b.seconds, minute: b.minutes, hour: b.hours, day: b.days, week: absFloor(b.days / 7), month: b.months, year: b.years }[u]; };
    [['milliseconds', 'millisecond'], ['seconds', 'second'], ['minutes', 'minute'], ['hours', 'hour'], ['days', 'day'], ['weeks', 'week'], ['months', 'month'], ['years', 'year']].forEach(function (p) {
        Duration.prototype[p[0]] = function () { return this.get(p[1]); };
    });
    Duration.prototype.add = function (n, u) { var o = duration(n, u); this._milliseconds += o._milliseconds; this._days += o._days; this._months += o._months; return this; };
    Duration.prototype.subtract = function (n, u) { var o = duration(n, u); this._milliseconds -= o._milliseconds; this._days -= o._days; this._months -= o._months; return this; };
    Duration.prototype.clone = function () { return duration(this); };
    Duration.prototype.isValid = function () { return this._isValid; };
    Duration.prototype.locale = function () { return arguments.length ? this : 'en'; };
    Duration.prototype.humanize = function (withSuffix) { var out = relative(this, !withSuffix); return withSuffix ? (this.valueOf() > 0 ? 'in ' + out : out + ' ago') : out; };
    Duration.prototype.toISOString = function () {
        if (!this._isValid) { return 'Invalid date'; }
        var secs = Math.abs(this._milliseconds) / 1000, days = Math.abs(this._days), months = Math.abs(this._months);
        var mins = absFloor(secs / 60), hrs = absFloor(mins / 60); secs %= 60; mins %= 60;
        var yrs = absFloor(months / 12); months %= 12;
        var total = this.asSeconds();
        if (!total) { return 'P0D'; }
        var s = secs ? secs.toFixed(3).replace(/\.?0+$/, '') : '';
        var sg = function (n) { return (n < 0) !== (total < 0) ? '-' : ''; };
        return (total < 0 ? '-' : '') + 'P' + (yrs ? sg(this._months) + yrs + 'Y' : '') + (months ? sg(this._months) + months + 'M' : '') + (days ? sg(this._days) + days + 'D' : '') +
            ((hrs || mins || secs) ? 'T' : '') + (hrs ? sg(this._milliseconds) + hrs + 'H' : '') + (mins ? sg(this._milliseconds) + mins + 'M' : '') + (secs ? sg(this._milliseconds) + s + 'S' : '');
    };
    Duration.prototype.toJSON = Duration.prototype.toString = Duration.prototype.toISOString;

    var THRESH = { ss: 44, s: 45, m: 45, h: 22, d: 26, w: null, M: 11 };
    var REL = { s: 'a few seconds', ss: '%d seconds', m: 'a minute', mm: '%d minutes', h: 'an hour', hh: '%d hours', d: 'a day', dd: '%d days', w: 'a week', ww: '%d weeks', M: 'a month', MM: '%d months', y: 'a year', yy: '%d years' };
    function relative(d) {
        var dur = d;
        var a = function (u) { return Math.round(Math.abs(dur.as(u))); };
        var seconds = a('s'), minutes = a('m'), hours = a('h'), days = a('d'), months = a('M'), weeks = a('w'), years = a('y');
        var r = (seconds <= THRESH.ss && ['s', seconds]) || (seconds < THRESH.s && ['ss', seconds]) || (minutes <= 1 && ['m']) || (minutes < THRESH.m && ['mm', minutes]) ||
            (hours <= 1 && ['h']) || (hours < THRESH.h && ['hh', hours]) || (days <= 1 && ['d']) || (days < THRESH.d && ['dd', days]);
        if (!r && THRESH.w != null) { r = (weeks <= 1 && ['w']) || (weeks < THRESH.w && ['ww', weeks]); }
        r = r || (months <= 1 && ['M']) || (months < THRESH.M && ['MM', months]) || (years <= 1 && ['y']) || ['yy', years];
        return REL[r[0]].replace('%d', r[1]);
    }

    // ---------- Moment prototype
    var P = Moment.prototype;
    P.isValid = function () { return !isNaN(this._t); };
    P.valueOf = function () { return this._t; };
    P.unix = function () { return Math.floor(this._t / 1000); };
    P.toDate = function () { return new Date(this._t); };
    P.toArray = function () { var f = fields(this); return [f.Y, f.M, f.D, f.h, f.m, f.s, f.ms]; };
    P.toObject = function () { var f = fields(this); return { years: f.Y, months: f.M, date: f.D, hours: f.h, minutes: f.m, seconds: f.s, milliseconds: f.ms }; };
    P.clone = function () { return new Moment(this._t, this._mode, this._off); };
    P.format = function (fmt) { return formatMoment(this, fmt || (this._mode === 'utc' ? moment.defaultFormatUtc : moment.defaultFormat)); };
    P.toISOString = function (keepOffset) {
        if (!this.isValid()) { return null; }
        var y = new Date(this._t).getUTCFullYear(), utc = y < 0 || y > 9999;
        if (keepOffset) { return formatMoment(this, utc ? 'YYYYYY-MM-DD[T]HH:mm:ss.SSSZ' : 'YYYY-MM-DD[T]HH:mm:ss.SSSZ'); }
        return formatMoment(new Moment(this._t, 'utc'), utc ? 'YYYYYY-MM-DD[T]HH:mm:ss.SSS[Z]' : 'YYYY-MM-DD[T]HH:mm:ss.SSS[Z]');
    };
    P.toJSON = function () { return this.isValid() ? this.toISOString() : null; };
    P.toString = function () { return this.isValid() ? formatMoment(this.clone().locale('en'), 'ddd MMM DD YYYY HH:mm:ss [GMT]ZZ') : 'Invalid date'; };
    P.inspect = function () { return 'moment' + (this._mode === 'utc' ? '.utc' : '') + '("' + (this.isValid() ? this.format('YYYY-MM-DDTHH:mm:ss.SSSZ') : 'Invalid date') + '")'; };
    P.locale = function (l) { return l === undefined ? 'en' : this; };
    P.lang = P.locale;
    P.localeData = function () { return moment.localeData(); };
    P.utc = function (keepLocal) { var f = fields(this); this._mode = 'utc'; this._isUTC = true; if (keepLocal) { setFields(this, f); } return this; };
    P.local = function (keepLocal) { var f = fields(this); this._mode = 'local'; this._isUTC = false; if (keepLocal) { setFields(this, f); } return this; };
    P.isUTC = P.isUtc = function () { return this._mode !== 'local' && this._off === 0; };
    P.isLocal = function () { return this._mode === 'local'; };
    P.isUtcOffset = function () { return this._mode !== 'local'; };
    P.utcOffset = function (input, keepLocal) {
        if (input === undefined) { return offsetOf(this); }
        var off = typeof input === 'string' ? parseOffset(input) : (Math.abs(input) < 16 ? input * 60 : input);
        if (off === null) { return this; }
        var f = fields(this);
        this._mode = 'offset'; this._off = off; this._isUTC = true;
        if (keepLocal) { setFields(this, f); }
        return this;
    };
    P.parseZone = function () { return this; };
    P.zone = function (input) { return input === undefined ? -offsetOf(this) : this.utcOffset(typeof input === 'string' ? input : -input); };
    P.isDST = function () { if (this._mode !== 'local') { return false; } var y = fields(this).Y; return offsetOf(this) > Math.min(-new Date(y, 0, 1).getTimezoneOffset(), -new Date(y, 6, 1).getTimezoneOffset()); };
    P.isLeapYear = function () { return isLeap(fields(this).Y); };
    P.daysInMonth = function () { var f = fields(this); return daysInMonth(f.Y, f.M); };
    P.creationData = function () { return {}; };

    function getset(name, get, set) {
        P[name] = function (v) {
            if (v === undefined) { return this.isValid() ? get(fields(this), this) : NaN; }
            if (!this.isValid()) { return this; }
            var f = fields(this);
            set(f, +v, this, v);
            return setFields(this, f);
        };
    }
    getset('year', function (f) { return f.Y; }, function (f, v) { f.Y = v; f.D = Math.min(f.D, daysInMonth(v, f.M)); });
    getset('month', function (f) { return f.M; }, function (f, v, m, raw) {
        if (typeof raw === 'string' && isNaN(v)) { v = MONTHS_SHORT.map(function (x) { return x.toLowerCase(); }).indexOf(raw.slice(0, 3).toLowerCase()); if (v < 0) { return; } }
        var y = f.Y + Math.floor(v / 12), mo = ((v % 12) + 12) % 12;
        f.Y = y; f.M = mo; f.D = Math.min(f.D, daysInMonth(y, mo));
    });
    getset('date', function (f) { return f.D; }, function (f, v) { f.D = v; });
    getset('hour', function (f) { return f.h; }, function (f, v) { f.h = v; });
    getset('minute', function (f) { return f.m; }, function (f, v) { f.m = v; });
    getset('second', function (f) { return f.s; }, function (f, v) { f.s = v; });
    getset('millisecond', function (f) { return f.ms; }, function (f, v) { f.ms = v; });
    getset('day', function (f) { return f.dow; }, function (f, v, m, raw) {
        if (typeof raw === 'string' && isNaN(v)) { v = WEEKDAYS_SHORT.map(function (x) { return x.toLowerCase(); }).indexOf(raw.slice(0, 3).toLowerCase()); }
        f.D += v - f.dow;
    });
    getset('weekday', function (f) { return f.dow; }, function (f, v) { f.D += v - f.dow; });
    getset('isoWeekday', function (f) { return f.dow || 7; }, function (f, v) { f.D += v - (f.dow || 7); });
    getset('dayOfYear', function (f) { return dayOfYear(f); }, function (f, v) { f.D += v - dayOfYear(f); });
    getset('quarter', function (f) { return Math.floor(f.M / 3) + 1; }, function (f, v) { var mo = (v - 1) * 3 + f.M % 3; f.M = mo; f.D = Math.min(f.D, daysInMonth(f.Y, mo)); });
    getset('week', function (f) { return localeWeekInfo(f).w; }, function (f, v) { f.D += (v - localeWeekInfo(f).w) * 7; });
    getset('isoWeek', function (f) { return isoWeekInfo(f).w; }, function (f, v) { f.D += (v - isoWeekInfo(f).w) * 7; });
    getset('weekYear', function (f) { return localeWeekInfo(f).y; }, function () {});
    getset('isoWeekYear', function (f) { return isoWeekInfo(f).y; }, function () {});
    ['year', 'month', 'date', 'hour', 'minute', 'second', 'millisecond', 'week', 'isoWeek', 'day', 'quarter'].forEach(function (n) { P[n + 's'] = P[n]; });
    P.hours = P.hour; P.minutes = P.minute; P.seconds = P.second; P.milliseconds = P.millisecond; P.dates = P.date; P.days = P.day; P.weeks = P.week; P.isoWeeks = P.isoWeek;
    P.weeksInYear = function () { return 52 + (localeWeekInfo({ Y: fields(this).Y, M: 11, D: 28 }).w > 52 ? 1 : 0); };
    P.isoWeeksInYear = function () { return isoWeekInfo({ Y: fields(this).Y, M: 11, D: 28 }).w; };
    P.get = function (u) { u = normUnit(u); return typeof this[u] === 'function' ? this[u]() : NaN; };
    P.set = function (u, v) {
        if (u && typeof u === 'object') { var self = this; Object.keys(u).forEach(function (k) { self.set(k, u[k]); }); return this; }
        u = normUnit(u); if (typeof this[u] === 'function') { this[u](v); } return this;
    };

    function addSub(m, n, unit, sign) {
        if (!m.isValid()) { return m; }
        var d;
        if (n instanceof Duration) { d = n; }
        else if (n && typeof n === 'object') { d = duration(n); }
        else if (typeof n === 'string' && unit !== undefined && isNaN(+n) === false) { d = duration(+n, unit); }
        else if (typeof unit === 'number' && typeof n === 'string') { d = duration(unit, n); }
        else { d = duration(+n || 0, unit); }
        var ms = d._milliseconds * sign, days = d._days * sign, months = d._months * sign;
        if (months) { var f = fields(m), tot = f.M + months, y = f.Y + Math.floor(tot / 12), mo = ((tot % 12) + 12) % 12; f.Y = y; f.M = mo; f.D = Math.min(f.D, daysInMonth(y, mo)); setFields(m, f); }
        if (days) { var g = fields(m); g.D += days; setFields(m, g); }
        if (ms) { m._t += ms; }
        return m;
    }
    P.add = function (n, u) { return addSub(this, n, u, 1); };
    P.subtract = function (n, u) { return addSub(this, n, u, -1); };
    P.startOf = function (u) {
        u = normUnit(u);
        if (!u || !this.isValid()) { return this; }
        var f = fields(this);
        switch (u) {
            case 'year': f.M = 0; /* falls through */
            case 'quarter': if (u === 'quarter') { f.M -= f.M % 3; } /* falls through */
            case 'month': f.D = 1; /* falls through */
            case 'week': case 'isoWeek': case 'day': case 'date':
                if (u === 'week') { f.D -= f.dow; } else if (u === 'isoWeek') { f.D -= (f.dow + 6) % 7; }
                f.h = 0; /* falls through */
            case 'hour': f.m = 0; /* falls through */
            case 'minute': f.s = 0; /* falls through */
            case 'second': f.ms = 0;
        }
        return setFields(this, f);
    };
    P.endOf = function (u) {
        u = normUnit(u);
        if (!u || u === 'millisecond' || !this.isValid()) { return this; }
        return this.startOf(u).add(1, u === 'isoWeek' ? 'week' : (u === 'date' ? 'day' : u)).subtract(1, 'ms');
    };
    function toMoment(x) { return x instanceof Moment ? x : create(x); }
    function monthDiff(a, b) {
        if (a.date() < b.date()) { return -monthDiff(b, a); }
        var whole = (b.year() - a.year()) * 12 + (b.month() - a.month()), anchor = a.clone().add(whole, 'months'), anchor2, adj;
        if (b - anchor < 0) { anchor2 = a.clone().add(whole - 1, 'months'); adj = (b - anchor) / (anchor - anchor2); }
        else { anchor2 = a.clone().add(whole + 1, 'months'); adj = (b - anchor) / (anchor2 - anchor); }
        return -(whole + adj) || 0;
    }
    P.diff = function (input, units, asFloat) {
        var that = toMoment(input);
        if (!this.isValid() || !that.isValid()) { return NaN; }
        var zoneDelta = (offsetOf(that) - offsetOf(this)) * 6e4, out;
        units = normUnit(units);
        switch (units) {
            case 'year': out = monthDiff(this, that) / 12; break;
            case 'month': out = monthDiff(this, that); break;
            case 'quarter': out = monthDiff(this, that) / 3; break;
            case 'second': out = (this - that) / 1e3; break;
            case 'minute': out = (this - that) / 6e4; break;
            case 'hour': out = (this - that) / 36e5; break;
            case 'day': out = (this - that - zoneDelta) / 864e5; break;
            case 'week': out = (this - that - zoneDelta) / 6048e5; break;
            default: out = this - that;
        }
        return asFloat ? out : absFloor(out);
    };
    P.isBefore = function (x, u) { var o = toMoment(x); if (!this.isValid() || !o.isValid()) { return false; } u = normUnit(u) || 'millisecond'; return u === 'millisecond' ? this._t < o._t : this.clone().endOf(u)._t < o._t; };
    P.isAfter = function (x, u) { var o = toMoment(x); if (!this.isValid() || !o.isValid()) { return false; } u = normUnit(u) || 'millisecond'; return u === 'millisecond' ? this._t > o._t : o._t < this.clone().startOf(u)._t; };
    P.isSame = function (x, u) { var o = toMoment(x); if (!this.isValid() || !o.isValid()) { return false; } u = normUnit(u) || 'millisecond'; return u === 'millisecond' ? this._t === o._t : (this.clone().startOf(u)._t <= o._t && o._t <= this.clone().endOf(u)._t); };
    P.isSameOrBefore = function (x, u) { return this.isSame(x, u) || this.isBefore(x, u); };
    P.isSameOrAfter = function (x, u) { return this.isSame(x, u) || this.isAfter(x, u); };
    P.isBetween = function (a, b, u, incl) {
        incl = incl || '()';
        var A = toMoment(a), B = toMoment(b);
        return (incl[0] === '(' ? this.isAfter(A, u) : !this.isBefore(A, u)) && (incl[1] === ')' ? this.isBefore(B, u) : !this.isAfter(B, u));
    };
    P.from = function (x, noSuffix) {
        var o = toMoment(x);
        if (!this.isValid() || !o.isValid()) { return 'Invalid date'; }
        var d = duration(this.diff(o)), out = relative(d);
        return noSuffix ? out : (d.valueOf() > 0 ? 'in ' + out : out + ' ago');
    };
    P.fromNow = function (noSuffix) { return this.from(create(), noSuffix); };
    P.to = function (x, noSuffix) { return toMoment(x).from(this, noSuffix); };
    P.toNow = function (noSuffix) { return this.to(create(), noSuffix); };
    P.calendar = function (time, formats) {
        var now = time ? toMoment(time) : create(), sod = now.clone().utcOffset(offsetOf(this)).startOf('day'), diff = this.diff(sod, 'days', true);
        var key = diff < -6 ? 'sameElse' : diff < -1 ? 'lastWeek' : diff < 0 ? 'lastDay' : diff < 1 ? 'sameDay' : diff < 2 ? 'nextDay' : diff < 7 ? 'nextWeek' : 'sameElse';
        var F = Object.assign({ sameDay: '[Today at] LT', nextDay: '[Tomorrow at] LT', nextWeek: 'dddd [at] LT', lastDay: '[Yesterday at] LT', lastWeek: '[Last] dddd [at] LT', sameElse: 'L' }, formats || {});
        var out = F[key];
        return this.format(typeof out === 'function' ? out.call(this, now) : out);
    };
    P.max = function (x) { var o = toMoment(x); return o._t > this._t ? this : o; };
    P.min = function (x) { var o = toMoment(x); return o._t < this._t ? this : o; };

    // ---------- the moment function
    function moment(input, format, strict) {
        if (typeof format === 'boolean') { strict = format; format = undefined; }
        return create(input, format, strict, false);
    }
    moment.version = '2.30.1';
    moment.ISO_8601 = function () {};
    moment.RFC_2822 = function () {};
    moment.defaultFormat = 'YYYY-MM-DDTHH:mm:ssZ';
    moment.defaultFormatUtc = 'YYYY-MM-DDTHH:mm:ss[Z]';
    moment.suppressDeprecationWarnings = false;
    moment.utc = function (input, format, strict) { if (typeof format === 'boolean') { strict = format; format = undefined; } return create(input, format, strict, true); };
    moment.unix = function (s) { return create(s * 1000); };
    moment.parseZone = function (input, format) {
        var m = create(input, format);
        var s = typeof input === 'string' ? input : '';
        var z = /(Z|[+-]\d\d(?::?\d\d)?)\s*$/i.exec(s);
        return m.utcOffset(z ? parseOffset(z[1]) : 0);
    };
    moment.invalid = function () { return invalidM('local'); };
    moment.isMoment = function (x) { return x instanceof Moment; };
    moment.isDate = function (x) { return x instanceof Date; };
    moment.isDuration = function (x) { return x instanceof Duration; };
    moment.now = function () { return Date.now(); };
    moment.duration = duration;
    moment.normalizeUnits = normUnit;
    moment.locale = function () { return 'en'; };
    moment.locales = function () { return ['en']; };
    moment.defineLocale = moment.updateLocale = function () { return moment.localeData(); };
    moment.localeData = function () {
        return {
            months: function (m) { return m ? MONTHS[m.month()] : MONTHS.slice(); }, monthsShort: function (m) { return m ? MONTHS_SHORT[m.month()] : MONTHS_SHORT.slice(); },
            weekdays: function (m) { return m ? WEEKDAYS[m.day()] : WEEKDAYS.slice(); }, weekdaysShort: function (m) { return m ? WEEKDAYS_SHORT[m.day()] : WEEKDAYS_SHORT.slice(); },
            weekdaysMin: function (m) { return m ? WEEKDAYS_MIN[m.day()] : WEEKDAYS_MIN.slice(); }, longDateFormat: function (k) { return LONG[k]; },
            ordinal: ordinal, firstDayOfWeek: function () { return 0; }, firstDayOfYear: function () { return 6; }, _abbr: 'en'
        };
    };
    moment.months = function (i) { return i === undefined ? MONTHS.slice() : MONTHS[i]; };
    moment.monthsShort = function (i) { return i === undefined ? MONTHS_SHORT.slice() : MONTHS_SHORT[i]; };
    moment.weekdays = function (i) { return i === undefined || typeof i === 'boolean' ? WEEKDAYS.slice() : WEEKDAYS[i]; };
    moment.weekdaysShort = function (i) { return i === undefined || typeof i === 'boolean' ? WEEKDAYS_SHORT.slice() : WEEKDAYS_SHORT[i]; };
    moment.weekdaysMin = function (i) { return i === undefined || typeof i === 'boolean' ? WEEKDAYS_MIN.slice() : WEEKDAYS_MIN[i]; };
    moment.relativeTimeThreshold = function (k, v) { if (v === undefined) { return THRESH[k] === undefined ? false : THRESH[k]; } if (!(k in THRESH)) { return false; } THRESH[k] = v; return true; };
    moment.relativeTimeRounding = function () { return Math.round; };
    moment.max = function () { var a = Array.isArray(arguments[0]) ? arguments[0] : Array.prototype.slice.call(arguments); return a.reduce(function (x, y) { return toMoment(y)._t > toMoment(x)._t ? toMoment(y) : toMoment(x); }); };
    moment.min = function () { var a = Array.isArray(arguments[0]) ? arguments[0] : Array.prototype.slice.call(arguments); return a.reduce(function (x, y) { return toMoment(y)._t < toMoment(x)._t ? toMoment(y) : toMoment(x); }); };
    moment.fn = moment.prototype = P;
    moment.calendarFormat = function () { return 'sameElse'; };
    return moment;
})

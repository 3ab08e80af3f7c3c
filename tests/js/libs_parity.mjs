// Parity harness for postgate's script libraries (runner/src/script/libs).
//
// Runs each case against the real npm packages that postman-sandbox 4.7.1
// bundles and prints one JSON line per case. The same CASES block (between
// the markers) is evaluated by postgate's libraries with `M` bound to
// `__pg_modules`; diff the two outputs.
//
//   npm install --prefix /tmp/libref crypto-js@3.3.0 lodash@4.17.21 moment@2.30.1 \
//       ajv@6.12.5 tv4@1.3.0 xml2js@0.4.23 csv-parse@1.2.4 lodash3@3.10.2 atob btoa
//   LIBREF=/tmp/libref node tests/js/libs_parity.mjs > expected.txt
import { createRequire } from 'node:module';

const base = (process.env.LIBREF || '/tmp/libref') + '/';
const require = createRequire(base + 'node_modules/');
const r = (id) => require(base + 'node_modules/' + id);
const xml2js = r('xml2js');
const M = {
    'crypto-js': r('crypto-js'), lodash: r('lodash'), moment: r('moment'), ajv: r('ajv'), tv4: r('tv4'),
    xml2js, 'csv-parse/lib/sync': r('csv-parse/lib/sync'), atob: r('atob'), btoa: r('btoa'),
    buffer: { Buffer }, querystring: (await import('node:querystring')).default, path: (await import('node:path')).default,
    util: (await import('node:util')).default, events: (await import('node:events')).default, url: (await import('node:url')).default,
    punycode: r('punycode'), assert: (await import('node:assert')).default, uuid: function () {},
    __legacy: {
        _: r('lodash3').noConflict ? r('lodash3').noConflict() : r('lodash3'),
        xml2Json: function (s) {
            let out = {};
            xml2js.parseString(s, { explicitArray: false, async: false, trim: true, mergeAttrs: false }, (_, res) => { out = res; });
            return out;
        }
    }
};
const out = (name, f) => {
    let v;
    try { v = JSON.stringify(f()); } catch (e) { v = 'THROWS ' + e.name + ': ' + e.message; }
    console.log(name + ' => ' + v);
};
// CASES-BEGIN
var CASES = [
  // crypto-js
  ['md5', () => M['crypto-js'].MD5('The quick brown fox jumps over the lazy dog').toString()],
  ['sha1', () => M['crypto-js'].SHA1('abc').toString()],
  ['sha224', () => M['crypto-js'].SHA224('abc').toString()],
  ['sha256 b64', () => M['crypto-js'].SHA256('abc').toString(M['crypto-js'].enc.Base64)],
  ['sha384', () => M['crypto-js'].SHA384('abc').toString()],
  ['sha512', () => M['crypto-js'].SHA512('abc').toString()],
  ['sha3 default', () => M['crypto-js'].SHA3('abc').toString()],
  ['sha3 256', () => M['crypto-js'].SHA3('abc', { outputLength: 256 }).toString()],
  ['ripemd160', () => M['crypto-js'].RIPEMD160('abc').toString()],
  ['sha256 unicode', () => M['crypto-js'].SHA256('héllo wörld ✓ 😀').toString()],
  ['hmac md5', () => M['crypto-js'].HmacMD5('msg', 'key').toString()],
  ['hmac sha1', () => M['crypto-js'].HmacSHA1('msg', 'key').toString()],
  ['hmac sha256 b64', () => M['crypto-js'].HmacSHA256('GET\n/path\n', 'secret').toString(M['crypto-js'].enc.Base64)],
  ['hmac sha384', () => M['crypto-js'].HmacSHA384('msg', 'key').toString()],
  ['hmac sha512', () => M['crypto-js'].HmacSHA512('msg', 'key').toString()],
  ['hmac sha3', () => M['crypto-js'].HmacSHA3('msg', 'key').toString()],
  ['hmac long key', () => M['crypto-js'].HmacSHA256('msg', 'k'.repeat(100)).toString()],
  ['hmac wa key', () => M['crypto-js'].HmacSHA256('msg', M['crypto-js'].enc.Hex.parse('0102030405')).toString()],
  ['progressive sha256', () => { const h = M['crypto-js'].algo.SHA256.create(); h.update('ab'); h.update('c'); return h.finalize().toString(); }],
  ['progressive hmac', () => { const h = M['crypto-js'].algo.HMAC.create(M['crypto-js'].algo.SHA256, 'key'); h.update('ms'); h.update('g'); return h.finalize().toString(); }],
  ['pbkdf2 default', () => M['crypto-js'].PBKDF2('password', 'salt').toString()],
  ['pbkdf2 sha256', () => M['crypto-js'].PBKDF2('password', 'salt', { keySize: 8, iterations: 1000, hasher: M['crypto-js'].algo.SHA256 }).toString()],
  ['evpkdf', () => M['crypto-js'].EvpKDF('password', 'salt', { keySize: 12 }).toString()],
  ['enc hex parse', () => M['crypto-js'].enc.Hex.parse('48656c6c6f').toString(M['crypto-js'].enc.Utf8)],
  ['enc latin1', () => M['crypto-js'].enc.Latin1.parse('\xff\xfe').toString()],
  ['enc b64 parse', () => M['crypto-js'].enc.Base64.parse('SGVsbG8sIFdvcmxkIQ==').toString(M['crypto-js'].enc.Utf8)],
  ['enc utf16', () => M['crypto-js'].enc.Utf16.parse('hi').toString()],
  ['enc utf16le', () => M['crypto-js'].enc.Utf16LE.stringify(M['crypto-js'].enc.Hex.parse('68006900'))],
  ['wordarray', () => { const w = M['crypto-js'].lib.WordArray.create([0x01020304, 0x05060708], 6); return [w.toString(), w.sigBytes, w.words]; }],
  ['wordarray concat', () => M['crypto-js'].enc.Hex.parse('010203').concat(M['crypto-js'].enc.Hex.parse('0405')).toString()],
  ['wordarray random', () => M['crypto-js'].lib.WordArray.random(16).sigBytes],
  ['aes key iv', () => { const C = M['crypto-js']; const k = C.enc.Utf8.parse('0123456789abcdef'); return C.AES.encrypt('hello world', k, { iv: k }).toString(); }],
  ['aes key iv 256', () => { const C = M['crypto-js']; const k = C.enc.Hex.parse('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'); return C.AES.encrypt('hello world', k, { iv: C.enc.Hex.parse('0f0e0d0c0b0a09080706050403020100') }).ciphertext.toString(); }],
  ['aes ecb', () => { const C = M['crypto-js']; return C.AES.encrypt('hello', C.enc.Utf8.parse('0123456789abcdef'), { mode: C.mode.ECB }).toString(); }],
  ['aes ecb nopad', () => { const C = M['crypto-js']; return C.AES.encrypt(C.enc.Utf8.parse('0123456789abcdef'), C.enc.Utf8.parse('0123456789abcdef'), { mode: C.mode.ECB, padding: C.pad.NoPadding }).toString(); }],
  ['aes ctr', () => { const C = M['crypto-js']; const k = C.enc.Utf8.parse('0123456789abcdef'); return C.AES.encrypt('some longer text for ctr mode!!', k, { iv: k, mode: C.mode.CTR, padding: C.pad.NoPadding }).toString(); }],
  ['aes cfb', () => { const C = M['crypto-js']; const k = C.enc.Utf8.parse('0123456789abcdef'); return C.AES.encrypt('some longer text for cfb mode', k, { iv: k, mode: C.mode.CFB }).toString(); }],
  ['aes ofb', () => { const C = M['crypto-js']; const k = C.enc.Utf8.parse('0123456789abcdef'); return C.AES.encrypt('some longer text for ofb mode', k, { iv: k, mode: C.mode.OFB }).toString(); }],
  ['aes zero pad', () => { const C = M['crypto-js']; const k = C.enc.Utf8.parse('0123456789abcdef'); return C.AES.encrypt('abc', k, { iv: k, padding: C.pad.ZeroPadding }).toString(); }],
  ['aes ansix923', () => { const C = M['crypto-js']; const k = C.enc.Utf8.parse('0123456789abcdef'); return C.AES.encrypt('abc', k, { iv: k, padding: C.pad.AnsiX923 }).toString(); }],
  ['aes iso97971', () => { const C = M['crypto-js']; const k = C.enc.Utf8.parse('0123456789abcdef'); return C.AES.encrypt('abc', k, { iv: k, padding: C.pad.Iso97971 }).toString(); }],
  ['aes decrypt kiv', () => { const C = M['crypto-js']; const k = C.enc.Utf8.parse('0123456789abcdef'); return C.AES.decrypt('MOfLtxzZ0YgS4+5cPylFYw==', k, { iv: k }).toString(C.enc.Utf8); }],
  ['aes passphrase roundtrip', () => { const C = M['crypto-js']; return C.AES.decrypt(C.AES.encrypt('secret msg', 'pass').toString(), 'pass').toString(C.enc.Utf8); }],
  ['aes passphrase decrypt fixed', () => { const C = M['crypto-js']; return C.AES.decrypt('U2FsdGVkX1+0m1ePjqU3WdTJmX5yfWq3Vz4GEY4uRNs=', 'pw').toString(); }],
  ['aes passphrase salt fixed', () => { const C = M['crypto-js']; const ct = C.AES.encrypt('hello', 'pw', { }); return [ct.salt.sigBytes, ct.toString().slice(0, 10)]; }],
  ['des', () => { const C = M['crypto-js']; const k = C.enc.Utf8.parse('12345678'); return C.DES.encrypt('hello des', k, { iv: k }).toString(); }],
  ['tripledes', () => { const C = M['crypto-js']; const k = C.enc.Utf8.parse('123456789012345678901234'); return C.TripleDES.encrypt('hello 3des', k, { iv: C.enc.Utf8.parse('abcdefgh') }).toString(); }],
  ['tripledes ecb decrypt', () => { const C = M['crypto-js']; const k = C.enc.Utf8.parse('123456789012345678901234'); const e = C.TripleDES.encrypt('x', k, { mode: C.mode.ECB }); return C.TripleDES.decrypt(e, k, { mode: C.mode.ECB }).toString(C.enc.Utf8); }],
  ['format hex', () => { const C = M['crypto-js']; const k = C.enc.Utf8.parse('0123456789abcdef'); return C.AES.encrypt('hi', k, { iv: k, format: C.format.Hex }).toString(); }],
  ['malformed utf8', () => M['crypto-js'].enc.Hex.parse('ff').toString(M['crypto-js'].enc.Utf8)],
  // ajv 6 / tv4 (schema, data); each case prints ajv (first error), ajv allErrors, tv4 error, tv4 multiple
  ...[
    [{ type: 'object', required: ['a', 'b-c'], properties: { a: { type: 'string' }, n: { type: 'integer', minimum: 3 } } }, { n: 1 }],
    [{ type: 'object', properties: { a: { type: 'boolean' }, arr: { type: 'array', items: { type: 'number' } } }, additionalProperties: false }, { a: 1, x: 2, arr: [1, 's'], 'we ird': 1 }],
    [{ enum: [1, 2] }, 3],
    [{ type: ['string', 'null'], minLength: 2 }, 5],
    [{ type: 'string', minLength: 3, maxLength: 4, pattern: '^a' }, 'bb'],
    [{ type: 'number', exclusiveMinimum: 5, multipleOf: 2 }, 5],
    [{ type: 'number', maximum: 5 }, 7],
    [{ type: 'array', minItems: 2, uniqueItems: true }, [1]],
    [{ type: 'array', uniqueItems: true }, [1, 2, 1]],
    [{ type: 'array', uniqueItems: true, items: { type: 'number' } }, [1, 2, 1]],
    [{ anyOf: [{ type: 'string' }, { type: 'number', minimum: 10 }] }, 3],
    [{ oneOf: [{ type: 'number' }, { minimum: 0 }] }, 3],
    [{ oneOf: [{ type: 'string' }, { type: 'boolean' }] }, 3],
    [{ not: { type: 'number' } }, 3],
    [{ format: 'email' }, 'nope'],
    [{ format: 'email' }, 'a.b@example.com'],
    [{ type: 'string', format: 'date-time' }, '2020-01-01'],
    [{ type: 'string', format: 'date-time' }, '2020-01-01T10:00:00Z'],
    [{ format: 'uuid' }, '6fa459ea-ee8a-3ca4-894e-db77e160355e'],
    [{ format: 'foo' }, 'x'],
    [{ const: 3 }, 4],
    [{ dependencies: { a: ['b'] } }, { a: 1 }],
    [{ properties: { x: { $ref: '#/definitions/p' } }, definitions: { p: { type: 'integer' } } }, { x: 's' }],
    [{ $schema: 'http://json-schema.org/draft-04/schema#', type: 'object' }, 1],
    [{ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' }, 1],
    [{ type: 'object', maxProperties: 1, minProperties: 3 }, { a: 1, b: 2 }],
    [{ items: [{ type: 'number' }], additionalItems: false }, [1, 2]],
    [{ type: 'integer' }, 1.5],
    [{ properties: { a: { properties: { b: { type: 'string' } } } } }, { a: { b: 1 } }],
    [{ required: ['a', 'b'] }, {}],
    [{ required: ['a'], properties: { a: { type: 'string' } } }, {}],
    [{ properties: { 'a b': { type: 'string' } } }, { 'a b': 1 }],
    [{ type: 'object', additionalProperties: { type: 'string' }, properties: { a: { type: 'number' } } }, { b: 1, a: 'x' }],
    [{ type: 'object', properties: { a: { type: 'number' } }, maxProperties: 0 }, { a: 'x' }],
    [{ allOf: [{ type: 'string' }, { minLength: 5 }] }, 3],
    [{ type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'number' } } } }, [{ id: 1 }, { id: 'x' }, {}]],
    [{ type: 'object', properties: { name: { type: 'string' }, age: { type: 'number', minimum: 0 } }, required: ['name'] }, { name: 'x', age: 3 }],
  ].map(([s, d], i) => ['schema ' + i + ' ' + JSON.stringify(s) + ' ' + JSON.stringify(d), () => {
    const res = [];
    for (const all of [false, true]) {
      try { const ajv = new M.ajv({ allErrors: all, logger: false }); res.push(ajv.validate(s, d), ajv.errors, all ? null : ajv.errorsText()); } catch (e) { res.push('THROWS ' + e.message); }
    }
    const t = M.tv4;
    const ok = t.validate(d, s);
    res.push(ok, t.error && { message: t.error.message, code: t.error.code, params: t.error.params, dataPath: t.error.dataPath, schemaPath: t.error.schemaPath, sub: t.error.subErrors && t.error.subErrors.map((x) => x.message) });
    const m = t.validateMultiple(d, s);
    res.push(m.valid, m.errors.map((e) => [e.code, e.message, e.dataPath, e.schemaPath]));
    return res;
  }]),
  // moment (fixed instants; local time is the host's zone in both runs)
  ['moment format tokens', () => M.moment.utc('2024-03-05T07:08:09.123Z').format('YYYY YY MM M DD D Do HH H hh h mm m ss s SSS A a dddd ddd dd d MMMM MMM Q DDD DDDD w W E e X x Z ZZ [literal] LT LTS L LL LLL LLLL l ll lll llll')],
  ['moment default format', () => [M.moment.utc('2024-03-05T07:08:09Z').format(), M.moment('2024-03-05T07:08:09Z').utcOffset(120).format(), M.moment.utc(0).toISOString(), M.moment.utc(0).toString(), JSON.stringify({ d: M.moment.utc(0) })]],
  ['moment parse iso', () => ['2024-03-05', '2024-03-05T10:20', '2024-03-05T10:20:30.5+02:00', '2024-03-05 10:20:30', '20240305', '2024-W10-2', '2024-065', '2024-02-30', 'not a date'].map((s) => { const m = M.moment.utc(s); return [m.isValid(), m.isValid() ? m.valueOf() : null]; })],
  ['moment parse format', () => [M.moment.utc('05/03/2024 14:30', 'DD/MM/YYYY HH:mm').toISOString(), M.moment.utc('March 5th 2024', 'MMMM Do YYYY').toISOString(), M.moment.utc('2024-03-05', 'YYYY-MM-DD', true).isValid(), M.moment.utc('2024-3-5', 'YYYY-MM-DD', true).isValid(), M.moment.utc('1:05 pm', 'h:mm a').format('HH:mm'), M.moment.utc('1709625600', 'X').toISOString()]],
  ['moment unix', () => [M.moment.unix(1709625600).utc().format(), M.moment.utc(1709625600123).unix(), M.moment.utc(1709625600123).valueOf()]],
  ['moment add subtract', () => { const b = () => M.moment.utc('2024-01-31T10:00:00Z'); return [b().add(1, 'month').format(), b().add(1, 'y').format(), b().subtract(2, 'days').format(), b().add(90, 'minutes').format(), b().add({ days: 1, hours: 2 }).format(), b().add(1, 'Q').format(), b().subtract(1, 'w').format(), b().add('3', 'days').format(), b().add(1.5, 'hours').format(), b().add(M.moment.duration(2, 'hours')).format()]; }],
  ['moment diff', () => { const a = M.moment.utc('2024-03-05T10:00:00Z'), b = M.moment.utc('2023-01-31T12:30:00Z'); return [a.diff(b), a.diff(b, 'days'), a.diff(b, 'months'), a.diff(b, 'months', true), a.diff(b, 'years', true), a.diff(b, 'hours'), a.diff(b, 'weeks'), b.diff(a, 'days'), a.diff(b, 'seconds'), a.diff(b, 'quarters')]; }],
  ['moment startOf endOf', () => { const m = () => M.moment.utc('2024-03-06T10:20:30.400Z'); return ['year', 'quarter', 'month', 'week', 'isoWeek', 'day', 'hour', 'minute', 'second'].map((u) => [m().startOf(u).toISOString(), m().endOf(u).toISOString()]); }],
  ['moment getters', () => { const m = M.moment.utc('2024-03-06T10:20:30.400Z'); return [m.year(), m.month(), m.date(), m.day(), m.hour(), m.minute(), m.second(), m.millisecond(), m.dayOfYear(), m.week(), m.isoWeek(), m.quarter(), m.daysInMonth(), m.isLeapYear(), m.weekday(), m.isoWeekday(), m.get('month')]; }],
  ['moment setters', () => { const m = M.moment.utc('2024-01-31T10:20:30Z'); return [m.clone().month(1).format(), m.clone().date(5).format(), m.clone().hour(25).format(), m.clone().year(2023).format(), m.clone().set('minute', 5).format(), m.clone().set({ month: 3, date: 2 }).format(), m.clone().day(0).format(), m.clone().isoWeekday(7).format()]; }],
  ['moment compare', () => { const a = M.moment.utc('2024-03-05T10:00:00Z'), b = M.moment.utc('2024-03-05T12:00:00Z'); return [a.isBefore(b), a.isAfter(b), a.isSame(b), a.isSame(b, 'day'), a.isBefore(b, 'day'), a.isSameOrBefore(b), a.isBetween('2024-03-01', '2024-03-10'), a.isBetween(a, b), a.isBetween(a, b, null, '[]'), M.moment.max(a, b) === b, M.moment.isMoment(a), M.moment.isMoment(new Date())]; }],
  ['moment relative', () => { const a = M.moment.utc('2024-03-05T10:00:00Z'); return [a.from(M.moment.utc('2024-03-05T10:00:30Z')), a.from(M.moment.utc('2024-03-05T10:05:00Z')), a.from(M.moment.utc('2024-03-05T12:00:00Z')), a.from(M.moment.utc('2024-03-08T10:00:00Z')), a.from(M.moment.utc('2024-06-08T10:00:00Z')), a.from(M.moment.utc('2026-03-08T10:00:00Z')), a.to(M.moment.utc('2024-03-06T10:00:00Z')), a.from(M.moment.utc('2024-03-05T11:00:00Z'), true)]; }],
  ['moment duration', () => { const d = M.moment.duration(90061001); return [d.asHours(), d.hours(), d.days(), d.minutes(), d.seconds(), d.milliseconds(), d.humanize(), M.moment.duration(2, 'days').asMilliseconds(), M.moment.duration('PT1H30M').asMinutes(), M.moment.duration('01:30:00').asSeconds(), M.moment.duration(1, 'months').asDays(), M.moment.duration({ hours: 3, minutes: 30 }).toISOString(), M.moment.duration(-1, 'minutes').humanize(true)]; }],
  ['moment utc local', () => { const m = M.moment.utc('2024-03-05T10:00:00Z'); return [m.isUTC(), m.clone().local().isLocal(), m.utcOffset(), M.moment.parseZone('2024-03-05T10:00:00+05:30').format(), M.moment.parseZone('2024-03-05T10:00:00+05:30').utcOffset(), M.moment('2024-03-05T10:00:00Z').utc().format('HH:mm')]; }],
  ['moment invalid', () => { const m = M.moment.utc('2024-13-45'); return [m.isValid(), m.format(), m.toISOString(), String(m.valueOf()), M.moment.invalid().isValid()]; }],
  ['moment arrays objects', () => [M.moment.utc([2024, 2, 5, 10]).toISOString(), M.moment.utc({ year: 2024, month: 2, day: 5, hour: 1 }).toISOString(), M.moment.utc(new Date(86400000)).toISOString(), M.moment.utc([2024, 1, 30]).isValid()]],
  ['moment calendar', () => { const now = M.moment.utc('2024-03-05T10:00:00Z'); return ['2024-03-05T15:00:00Z', '2024-03-06T15:00:00Z', '2024-03-04T09:00:00Z', '2024-03-08T09:00:00Z', '2024-03-01T09:00:00Z', '2024-04-01T09:00:00Z'].map((s) => M.moment.utc(s).calendar(now)); }],
  ['moment local format', () => M.moment(1709625600000).format('YYYY-MM-DD HH:mm:ss Z')],
  // xml2js and the legacy xml2Json
  ...[
    ['<a>x</b>'], ['<a>x'], ['<a b=1/>'], ['<a>&foo;</a>'], ['<a/>trail'], ['junk<a/>'],
    ['<a><b>1</b><b>2</b><c x="1">t</c> <d>  </d><e/></a>'],
    ['<a><b>1</b><b>2</b><c x="1">t</c> <d>  </d><e/></a>', { explicitArray: false, trim: true }],
    ['<?xml version="1.0"?><!-- c --><a>x<![CDATA[<y>]]>z &amp; &#65;&#x42;</a>'],
    ['<a><![CDATA[  ]]></a>'], ['<a x="1" y="2">hi<b/>there</a>', { mergeAttrs: true }], ['<a x="1">  </a>'],
    ['<s:Env xmlns:s="u"><s:Body><m:R xmlns:m="v">1</m:R></s:Body></s:Env>', { tagNameProcessors: [M.xml2js.processors.stripPrefix], explicitArray: false }],
    ['<a><n>12</n><f>1.5</f><b>true</b></a>', { valueProcessors: [M.xml2js.processors.parseNumbers, M.xml2js.processors.parseBooleans], explicitArray: false }],
    ['<a>1</a>', { explicitRoot: false }], ['<a>\r\nx\r\n</a>'], ['<a/>', { emptyTag: null }], ['<A><B>1</B></A>', { normalizeTags: true }],
    ['<a>  x  y  </a>', { normalize: true }], ['<a><b>1</b></a>', { explicitCharkey: true }], ['<a x="&lt;&#65;"/>'], ['   '],
    ['<a x="1"><b y="2">t</b></a>', { attrkey: 'attr', charkey: 'text' }], ['<a x="1"><b>t</b></a>', { ignoreAttrs: true }],
    ['<root><item id="1"><name>A</name></item><item id="2"><name>B</name></item></root>'],
  ].map(([x, o], i) => ['xml2js ' + i + ' ' + JSON.stringify(x) + ' ' + JSON.stringify(o || {}).replace(/"tagNameProcessors":\[null\]/, 'tnp').slice(0, 60), () => {
    const res = [];
    M.xml2js.parseString(x, o || {}, (e, r) => res.push(e ? 'ERR ' + e.message : r));
    return res;
  }]),
  ['xml2Json', () => [M.__legacy.xml2Json('<a><b x="1">t</b><c>  u  </c><c>v</c></a>'), M.__legacy.xml2Json('<a>'), M.__legacy.xml2Json('')]],
  ['xml2js builder', () => [new M.xml2js.Builder().buildObject({ root: { a: '1', b: ['x', 'y'], $: { id: 1 }, c: { _: 't', $: { k: 'v' } }, e: '' } }), new M.xml2js.Builder().buildObject({ a: 1, b: 2 }), new M.xml2js.Builder({ headless: true, renderOpts: { pretty: false } }).buildObject({ r: { a: '<&>', b: { c: 'd' } } })]],
  ['xml2js parser class', () => { const out = []; new M.xml2js.Parser({ explicitArray: false }).parseString('<a><b>1</b></a>', (e, r) => out.push(r)); return out; }],
  // node shims
  ['buffer basics', () => { const B = M.buffer.Buffer; const b = B.from('héllo ✓', 'utf8'); return [b.length, b.toString('hex'), b.toString('base64'), b.toString('latin1'), B.from('aGVsbG8=', 'base64').toString(), B.from('68656c6c6f', 'hex').toString(), B.from([104, 105, 256 + 33]).toString(), B.byteLength('✓'), B.isBuffer(b), B.isBuffer('x'), B.concat([B.from('a'), B.from('bc')]).toString(), B.alloc(3).toString('hex'), B.alloc(4, 'ab').toString(), b.slice(0, 2).toString('hex'), JSON.stringify(B.from('hi')), B.from('hi').equals(B.from('hi')), B.from('a-_b', 'base64url').toString('hex'), B.from('\xff\xfe', 'latin1').toString('hex')]; }],
  ['buffer read write', () => { const b = M.buffer.Buffer.alloc(8); b.writeUInt32BE(0xdeadbeef, 0); b.writeInt16LE(-2, 4); return [b.toString('hex'), b.readUInt32BE(0), b.readInt16LE(4), b.readUInt8(1), b.indexOf('ad'), b.includes(0xef)]; }],
  ['buffer base64 lenient', () => [M.buffer.Buffer.from('aGVs bG8', 'base64').toString(), M.buffer.Buffer.from('aGVsbG8=garbage', 'base64').toString()]],
  ['atob btoa', () => [M.btoa('user:pass'), M.atob('dXNlcjpwYXNz'), M.btoa('\xff\xfe'), M.atob('/w==').charCodeAt(0)]],
  ['querystring', () => [M.querystring.stringify({ a: 1, b: ['x', 'y'], c: 'sp ace&', d: null, e: true }), JSON.stringify(M.querystring.parse('a=1&b=x&b=y&c=sp+ace%26&d')), M.querystring.escape('a b&c'), M.querystring.unescape('a%20b'), M.querystring.stringify({ a: 1 }, ';', ':')]],
  ['util format', () => [M.util.format('%s is %d years and %j', 'Bob', 42, { a: 1 }), M.util.format('a', 'b', 1), M.util.format('%s', 'x', 'extra'), M.util.format('100%%'), M.util.inspect({ a: 1, b: 'x', c: [1, 2] }), M.util.inspect('str'), M.util.isArray([]), M.util.isString('')]],
  ['events', () => { const E = M.events; const e = new E(); const seen = []; e.on('x', (a) => seen.push('on' + a)); e.once('x', (a) => seen.push('once' + a)); e.emit('x', 1); e.emit('x', 2); return [seen, e.listenerCount('x'), typeof E.EventEmitter, e.emit('nothing')]; }],
  ['path', () => [M.path.join('/a/b', '../c', './d.txt'), M.path.basename('/a/b/c.txt'), M.path.basename('/a/b/c.txt', '.txt'), M.path.extname('x/y.tar.gz'), M.path.dirname('/a/b/c'), M.path.normalize('a//b/../c/'), M.path.isAbsolute('/x'), M.path.resolve('/a', 'b', '../c'), M.path.relative('/a/b/c', '/a/d'), M.path.sep]],
  ['assert', () => { const a = M.assert; const res = []; for (const f of [() => a.equal(1, '1'), () => a.strictEqual(1, 2), () => a.deepEqual({ a: [1] }, { a: [1] }), () => a.ok(0, 'custom msg'), () => a.notStrictEqual(1, 1), () => a.throws(() => { throw new TypeError('x'); }, TypeError)]) { try { f(); res.push('ok'); } catch (e) { res.push(e.name + ':' + e.message.split('\n')[0]); } } return res; }],
  ['url parse', () => ['https://user:pw@Example.com:8080/p/a/t/h?query=string&a=1#hash', 'http://localhost/x', '/relative/path?x=1', 'example.com/x', 'mailto:me@example.com'].map((u) => { const p = M.url.parse(u); return [p.protocol, p.slashes, p.auth, p.host, p.port, p.hostname, p.hash, p.search, p.query, p.pathname, p.path, p.href]; })],
  ['url parse query', () => JSON.stringify(M.url.parse('http://a.com/p?x=1&y=2&y=3', true).query)],
  ['url format resolve', () => [M.url.format({ protocol: 'https', hostname: 'example.com', pathname: '/some/path', query: { page: 1, format: 'json' } }), M.url.resolve('http://example.com/one/two', '../three'), M.url.resolve('http://example.com/one', '/two'), M.url.resolve('/one/two/three', 'four')]],
  ['URL class', () => { const u = new M.url.URL('https://user:pw@Example.com:443/a/./b/../c?x=1&y=two words#frag'); u.searchParams.append('z', 'a&b'); return [u.href, u.origin, u.host, u.port, u.pathname, u.search, u.hash, u.searchParams.get('y'), u.username, new M.url.URL('/x?y', 'http://h.com/a/b').href, new M.url.URLSearchParams({ a: 1, b: 'c d' }).toString()]; }],
  ['punycode', () => [M.punycode.encode('mañana'), M.punycode.decode('maana-pta'), M.punycode.toASCII('mañana.com'), M.punycode.toUnicode('xn--maana-pta.com')]],
  // csv-parse, uuid
  ['csv', () => { const p = M['csv-parse/lib/sync']; const t = (s, o) => { try { return p(s, o); } catch (e) { return 'ERR ' + e.message; } }; return [t('a,b\n1,2\n\n3,4\n'), t('a,b\n1,2\n3\n'), t('a,b\n1,2\n3\n', { relax_column_count: true }), t('a,b\n1,2\n', { columns: true }), t('a;b\n"x;""y";2\n', { delimiter: ';' }), t('a,b\r\n 1 , 2 \r\n', { trim: true }), t('a,b\n1,2.5\n', { auto_parse: true }), t('a,"b\nc",d\n'), t('a,b"c,d\n'), t('#x\na,b\n', { comment: '#' }), t(''), t('a,b\n1,2\n', { columns: ['x', 'y'] }), t(' a,b\n\n', { skip_empty_lines: true }), t('"a","b"\n"1","2"', { columns: true }), t('a,b\n1\n', { columns: true })]; }],
  // lodash 4
  ['_.get', () => M.lodash.get({ a: [{ b: { c: 3 } }] }, 'a[0].b.c')],
  ['_.get default', () => M.lodash.get({ a: 1 }, 'x.y', 'def')],
  ['_.set', () => M.lodash.set({}, 'a[0].b', 5)],
  ['_.has', () => [M.lodash.has({ a: { b: 1 } }, 'a.b'), M.lodash.has({ a: 1 }, 'b')]],
  ['_.isEqual', () => [M.lodash.isEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), M.lodash.isEqual([1], ['1'])]],
  ['_.isEmpty', () => [M.lodash.isEmpty({}), M.lodash.isEmpty([]), M.lodash.isEmpty(''), M.lodash.isEmpty(0), M.lodash.isEmpty('a'), M.lodash.isEmpty({ a: 1 }), M.lodash.isEmpty(null)]],
  ['_.pick omit', () => [M.lodash.pick({ a: 1, b: 2, c: 3 }, ['a', 'c']), M.lodash.omit({ a: 1, b: 2, c: 3 }, 'b')]],
  ['_.merge', () => M.lodash.merge({ a: [{ b: 2 }, { d: 4 }] }, { a: [{ c: 3 }, { e: 5 }] })],
  ['_.cloneDeep', () => { const o = { a: { b: [1, 2] } }; const c = M.lodash.cloneDeep(o); c.a.b.push(3); return [o, c]; }],
  ['_.map shorthand', () => [M.lodash.map([{ a: 1 }, { a: 2 }], 'a'), M.lodash.map({ x: 1, y: 2 }, (v, k) => k + v)]],
  ['_.filter matches', () => M.lodash.filter([{ a: 1, b: 2 }, { a: 2 }], { a: 1 })],
  ['_.find', () => [M.lodash.find([{ a: 1 }, { a: 2 }], ['a', 2]), M.lodash.findIndex([1, 2, 3], (x) => x > 1)]],
  ['_.some every', () => [M.lodash.some([1, 2], (x) => x > 1), M.lodash.every([1, 2], Boolean)]],
  ['_.reduce', () => M.lodash.reduce({ a: 1, b: 2 }, (acc, v, k) => acc + k + v, '')],
  ['_.includes', () => [M.lodash.includes([1, 2, NaN], NaN), M.lodash.includes('abc', 'b'), M.lodash.includes({ a: 1 }, 1)]],
  ['_.uniq', () => [M.lodash.uniq([2, 1, 2, '2']), M.lodash.uniqBy([2.1, 1.2, 2.3], Math.floor)]],
  ['_.sortBy orderBy', () => [M.lodash.sortBy([{ n: 'b', a: 2 }, { n: 'a', a: 2 }, { n: 'c', a: 1 }], ['a', 'n']), M.lodash.orderBy([{ a: 1 }, { a: 3 }, { a: 2 }], ['a'], ['desc'])]],
  ['_.groupBy keyBy countBy', () => [M.lodash.groupBy([6.1, 4.2, 6.3], Math.floor), M.lodash.keyBy([{ id: 'a' }, { id: 'b' }], 'id'), M.lodash.countBy(['one', 'two', 'three'], 'length')]],
  ['_.flatten', () => [M.lodash.flatten([1, [2, [3, [4]]]]), M.lodash.flattenDeep([1, [2, [3, [4]]]])]],
  ['_.chunk compact', () => [M.lodash.chunk([1, 2, 3, 4, 5], 2), M.lodash.compact([0, 1, false, 2, '', 3])]],
  ['_.difference etc', () => [M.lodash.difference([2, 1], [2, 3]), M.lodash.intersection([2, 1], [2, 3]), M.lodash.union([2], [1, 2]), M.lodash.zip(['a', 'b'], [1, 2], [true])]],
  ['_.range', () => [M.lodash.range(4), M.lodash.range(1, 5), M.lodash.range(0, 20, 5), M.lodash.range(0, -4, -1), M.lodash.range(0)]],
  ['_.times', () => M.lodash.times(3, String)],
  ['_.size first last', () => [M.lodash.size({ a: 1, b: 2 }), M.lodash.size('abc'), M.lodash.first([1, 2]), M.lodash.last([1, 2]), M.lodash.tail([1, 2, 3]), M.lodash.take([1, 2, 3], 2)]],
  ['_.sum max min mean', () => [M.lodash.sum([4, 2, 8]), M.lodash.sumBy([{ n: 4 }, { n: 2 }], 'n'), M.lodash.max([4, 2, 8]), M.lodash.min([]), M.lodash.maxBy([{ n: 1 }, { n: 2 }], 'n'), M.lodash.mean([4, 2, 8, 6])]],
  ['_ case funcs', () => ['Foo Bar', '--foo-bar--', '__FOO_BAR__', 'fooBar', 'XMLHttpRequest', 'déjà vu'].map((s) => [M.lodash.camelCase(s), M.lodash.snakeCase(s), M.lodash.kebabCase(s), M.lodash.startCase(s)])],
  ['_ string funcs', () => [M.lodash.capitalize('FRED'), M.lodash.upperFirst('fred'), M.lodash.lowerFirst('Fred'), M.lodash.trim('  abc  '), M.lodash.trim('-_-abc-_-', '_-'), M.lodash.pad('abc', 8, '_-'), M.lodash.padStart('5', 3, '0'), M.lodash.padEnd('abc', 6), M.lodash.repeat('ab', 3)]],
  ['_ string funcs 2', () => [M.lodash.startsWith('abc', 'b', 1), M.lodash.endsWith('abc', 'b', 2), M.lodash.toLower('ABC'), M.lodash.toUpper('abc'), M.lodash.escape('<a href="x">&\'</a>'), M.lodash.unescape('&lt;b&gt;&amp;&#39;'), M.lodash.truncate('hi-diddly-ho there, neighborino', { length: 24, separator: ' ' })]],
  ['_.template', () => [M.lodash.template('hello <%= user %>!')({ user: 'fred' }), M.lodash.template('<%- value %>')({ value: '<script>' }), M.lodash.template('<% _.forEach(users, function(u) { %><li><%- u %></li><% }); %>')({ users: ['a', 'b'] }), M.lodash.template('hi ${ name }')({ name: 'x' })]],
  ['_ object funcs', () => [M.lodash.mapValues({ a: 1, b: 2 }, (v) => v * 2), M.lodash.mapKeys({ a: 1 }, (v, k) => k + v), M.lodash.toPairs({ a: 1, b: 2 }), M.lodash.fromPairs([['a', 1]]), M.lodash.invert({ a: 1, b: 2 }), M.lodash.defaults({ a: 1 }, { a: 3, b: 2 }), M.lodash.assign({ a: 0 }, { a: 1 }, { b: 2 })]],
  ['_ isMatch matches property', () => [M.lodash.isMatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } }), M.lodash.filter([{ a: { b: 1 } }, { a: { b: 2 } }], M.lodash.matches({ a: { b: 2 } })), M.lodash.map([{ a: { b: 1 } }], M.lodash.property('a.b'))]],
  ['_ types', () => [M.lodash.isArray([]), M.lodash.isObject(() => 1), M.lodash.isString(''), M.lodash.isNumber(NaN), M.lodash.isFunction(class {}), M.lodash.isNil(undefined), M.lodash.isPlainObject(Object.create(null)), M.lodash.isPlainObject([]), M.lodash.isInteger(1.0), M.lodash.isNaN(NaN)]],
  ['_ chain', () => [M.lodash.chain([1, 2, 3]).map((x) => x * 2).filter((x) => x > 2).value(), M.lodash([1, 2, 3]).map((x) => x + 1).sum(), M.lodash([3, 1]).sortBy().first(), M.lodash({ a: 1 }).keys().value()]],
  ['_ uniqueId', () => typeof M.lodash.uniqueId('x')],
  ['_ each break', () => { const seen = []; M.lodash.each([1, 2, 3], (v) => { seen.push(v); return v < 2; }); return seen; }],
  ['_ parseInt toNumber', () => [M.lodash.parseInt('08'), M.lodash.parseInt('0x1f'), M.lodash.toNumber('3.2'), M.lodash.toInteger('3.7'), M.lodash.toString(null), M.lodash.toString([1, [2]])]],
  ['_ round', () => [M.lodash.round(4.006, 2), M.lodash.floor(4060, -2), M.lodash.ceil(6.004, 2), M.lodash.clamp(10, -5, 5), M.lodash.inRange(3, 2, 4)]],
  ['_ words', () => [M.lodash.words('fred, barney, & pebbles'), M.lodash.words('camelCaseHTTPRequest2xx')]],
  ['_ xor without zipObject', () => [M.lodash.xor([2, 1], [2, 3]), M.lodash.without([2, 1, 2, 3], 1, 2), M.lodash.zipObject(['a', 'b'], [1, 2])]],
  ['_ get weird paths', () => [M.lodash.get({ 'a.b': 1 }, 'a.b'), M.lodash.get({ a: { 'b-c': 2 } }, 'a["b-c"]'), M.lodash.get([[1, 2]], '[0][1]'), M.lodash.get({ a: null }, 'a.b', 'd')]],
  // lodash 3 (legacy `_`)
  ['_3 pluck where', () => [M.__legacy._.pluck([{ a: 1 }, { a: 2 }], 'a'), M.__legacy._.where([{ a: 1, b: 1 }, { a: 2 }], { a: 1 }), M.__legacy._.findWhere([{ a: 1 }, { a: 2 }], { a: 2 })]],
  ['_3 contains max', () => [M.__legacy._.contains([1, 2], 2), M.__legacy._.max([{ n: 1 }, { n: 3 }], 'n'), M.__legacy._.max([]), M.__legacy._.capitalize('fRED'), M.__legacy._.first([1, 2, 3], 2), M.__legacy._.rest([1, 2, 3])]],
  ['_3 uniq pairs object', () => [M.__legacy._.uniq([1, 2, 1]), M.__legacy._.pairs({ a: 1 }), M.__legacy._.object(['a', 'b'], [1, 2]), M.__legacy._.indexBy([{ id: 'x' }], 'id'), M.__legacy._.sortByOrder([{ a: 1 }, { a: 2 }], ['a'], [false])]],
  ['_3 isArray each', () => { const out = []; M.__legacy._.each({ a: 1 }, (v, k) => out.push(k + v)); return [M.__legacy._.isArray([]), out, M.__legacy._.parseInt('42'), M.__legacy._.keys({ a: 1 })]; }],
];
// CASES-END
for (const [name, f] of CASES) { out(name, f); }

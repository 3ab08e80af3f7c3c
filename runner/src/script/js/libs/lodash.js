// A lodash-4-compatible subset for postgate (require('lodash')), plus a
// lodash-3 flavour for the legacy `_` global (lodash 3 names and argument
// orders layered on the same functions). Written for postgate.
(function (N, M) {
    'use strict';
    var hasOwn = Object.prototype.hasOwnProperty, toStr = Object.prototype.toString;
    var MAX_SAFE = 9007199254740991;
    var idCounter = 0;

    function make(v3) {
        var _ = function (value) {
            if (value instanceof Wrapper) { return value; }
            return new Wrapper(value, false);
        };

        // ---------- type checks
        function isObject(v) { var t = typeof v; return v != null && (t === 'object' || t === 'function'); }
        function isObjectLike(v) { return v != null && typeof v === 'object'; }
        function isFunction(v) { return typeof v === 'function'; }
        function isLength(v) { return typeof v === 'number' && v > -1 && v % 1 === 0 && v <= MAX_SAFE; }
        function isArrayLike(v) { return v != null && typeof v !== 'function' && isLength(v.length); }
        function tag(v) { return toStr.call(v); }
        function isString(v) { return typeof v === 'string' || (isObjectLike(v) && tag(v) === '[object String]'); }
        function isNumber(v) { return typeof v === 'number' || (isObjectLike(v) && tag(v) === '[object Number]'); }
        function isBoolean(v) { return v === true || v === false || (isObjectLike(v) && tag(v) === '[object Boolean]'); }
        function isPlainObject(v) {
            if (!isObjectLike(v) || tag(v) !== '[object Object]') { return false; }
            var p = Object.getPrototypeOf(v);
            if (p === null) { return true; }
            var C = hasOwn.call(p, 'constructor') && p.constructor;
            return typeof C === 'function' && C instanceof C && Function.prototype.toString.call(C) === Function.prototype.toString.call(Object);
        }
        function isArguments(v) { return isObjectLike(v) && tag(v) === '[object Arguments]'; }
        function isTypedArray(v) { return ArrayBuffer.isView(v) && !(v instanceof DataView); }

        // ---------- paths and iteratees
        function toKey(k) { return typeof k === 'symbol' ? k : (Object.is(k, -0) ? '-0' : String(k)); }
        var pathCache = new Map();
        function stringToPath(s) {
            var hit = pathCache.get(s);
            if (hit) { return hit.slice(); }
            if (pathCache.size >= 500) { pathCache.clear(); }
            var out = parsePath(s);
            pathCache.set(s, out);
            return out.slice();
        }
        function parsePath(s) {
            var out = [];
            if (s.charCodeAt(0) === 46) { out.push(''); }
            s.replace(/[^.[\]]+|\[(?:([^"'][^[]*)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g, function (m, num, quote, sub) {
                out.push(quote ? sub.replace(/\\(\\)?/g, '$1') : (num !== undefined ? num.trim() : m));
            });
            return out;
        }
        function isKey(v, obj) {
            if (Array.isArray(v)) { return false; }
            var t = typeof v;
            if (t === 'number' || t === 'symbol' || t === 'boolean' || v == null) { return true; }
            return /^\w*$/.test(v) || !/\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/.test(v) || (obj != null && v in Object(obj));
        }
        function castPath(v, obj) { return Array.isArray(v) ? v : (isKey(v, obj) ? [v] : stringToPath(String(v))); }
        function get(obj, path, def) {
            var p = castPath(path, obj), i = 0, n = p.length;
            while (obj != null && i < n) { obj = obj[toKey(p[i++])]; }
            var r = (i && i === n) ? obj : undefined;
            return r === undefined ? def : r;
        }
        function has(obj, path) {
            var p = castPath(path, obj);
            for (var i = 0; i < p.length; i++) {
                var k = toKey(p[i]);
                if (obj == null || !hasOwn.call(obj, k)) { return false; }
                obj = obj[k];
            }
            return p.length > 0;
        }
        function hasIn(obj, path) {
            var p = castPath(path, obj);
            for (var i = 0; i < p.length; i++) {
                var k = toKey(p[i]);
                if (obj == null || !(k in Object(obj))) { return false; }
                obj = obj[k];
            }
            return p.length > 0;
        }
        function set(obj, path, value) {
            if (!isObject(obj)) { return obj; }
            var p = castPath(path, obj), cur = obj;
            for (var i = 0; i < p.length; i++) {
                var k = toKey(p[i]);
                if (k === '__proto__' || k === 'constructor' || k === 'prototype') { return obj; }
                if (i === p.length - 1) { cur[k] = value; } else {
                    var next = cur[k];
                    if (!isObject(next)) { next = /^(?:0|[1-9]\d*)$/.test(String(p[i + 1])) ? [] : {}; cur[k] = next; }
                    cur = next;
                }
            }
            return obj;
        }
        function unset(obj, path) {
            var p = castPath(path, obj), parent = p.length > 1 ? get(obj, p.slice(0, -1)) : obj;
            if (parent == null) { return true; }
            return delete parent[toKey(p[p.length - 1])];
        }
        function property(path) { return function (o) { return get(o, path); }; }
        function matches(src) {
            src = cloneDeep(src);
            return function (o) { return isMatch(o, src); };
        }
        function matchesProperty(path, srcValue) {
            srcValue = cloneDeep(srcValue);
            return function (o) { var v = get(o, path); return (v === undefined && !hasIn(o, path)) ? false : baseIsMatchValue(v, srcValue); };
        }
        function baseIsMatchValue(v, src) { return isObject(src) ? isMatch(v, src) : isEqual(v, src); }
        function isMatch(obj, src) {
            if (obj === src) { return true; }
            var ks = keys(src);
            if (obj == null) { return !ks.length; }
            obj = Object(obj);
            for (var i = 0; i < ks.length; i++) {
                var k = ks[i], sv = src[k];
                if (!(k in obj)) { return false; }
                if (isObject(sv) && isObject(obj[k])) {
                    if (Array.isArray(sv)) {
                        if (!Array.isArray(obj[k])) { return false; }
                        for (var j = 0; j < sv.length; j++) {
                            var ok = obj[k].some(function (x) { return baseIsMatchValue(x, sv[j]); });
                            if (!ok) { return false; }
                        }
                    } else if (!isMatch(obj[k], sv)) { return false; }
                } else if (!isEqual(obj[k], sv)) { return false; }
            }
            return true;
        }
        function identity(v) { return v; }
        function iteratee(f) {
            if (typeof f === 'function') { return f; }
            if (f == null) { return identity; }
            if (typeof f === 'object') { return Array.isArray(f) ? matchesProperty(f[0], f[1]) : matches(f); }
            return property(f);
        }

        // ---------- collections
        function keys(o) {
            if (o == null) { return []; }
            if (isArrayLike(o) || typeof o === 'string') {
                var out = [], n = o.length;
                for (var i = 0; i < n; i++) { out.push(String(i)); }
                if (!Array.isArray(o) && typeof o !== 'string') {
                    for (var k in o) { if (hasOwn.call(o, k) && !/^(?:0|[1-9]\d*)$/.test(k) && k !== 'length') { out.push(k); } }
                }
                return out;
            }
            return Object.keys(Object(o));
        }
        function keysIn(o) { var out = []; if (o == null) { return out; } for (var k in Object(o)) { out.push(k); } return out; }
        function values(o) { return keys(o).map(function (k) { return o[k]; }); }
        function valuesIn(o) { return keysIn(o).map(function (k) { return o[k]; }); }
        function each(c, f) {
            if (c == null) { return c; }
            if (isArrayLike(c) || typeof c === 'string') {
                for (var i = 0, n = c.length; i < n; i++) { if (f(c[i], i, c) === false) { break; } }
            } else {
                var ks = Object.keys(Object(c));
                for (var j = 0; j < ks.length; j++) { if (f(c[ks[j]], ks[j], c) === false) { break; } }
            }
            return c;
        }
        function eachRight(c, f) {
            if (c == null) { return c; }
            if (isArrayLike(c)) { for (var i = c.length - 1; i >= 0; i--) { if (f(c[i], i, c) === false) { break; } } }
            else { var ks = Object.keys(Object(c)); for (var j = ks.length - 1; j >= 0; j--) { if (f(c[ks[j]], ks[j], c) === false) { break; } } }
            return c;
        }
        function forEach(c, f) { f = typeof f === 'function' ? f : identity; return each(c, f); }
        function map(c, f) { f = iteratee(f); var out = []; each(c, function (v, k, o) { out.push(f(v, k, o)); }); return out; }
        function filter(c, f) { f = iteratee(f); var out = []; each(c, function (v, k, o) { if (f(v, k, o)) { out.push(v); } }); return out; }
        function reject(c, f) { f = iteratee(f); return filter(c, function (v, k, o) { return !f(v, k, o); }); }
        function find(c, f, from) {
            f = iteratee(f);
            if (isArrayLike(c)) { var i = findIndex(c, f, from); return i < 0 ? undefined : c[i]; }
            var r; each(c, function (v, k, o) { if (f(v, k, o)) { r = v; return false; } }); return r;
        }
        function findLast(c, f) {
            f = iteratee(f);
            if (isArrayLike(c)) { var i = findLastIndex(c, f); return i < 0 ? undefined : c[i]; }
            var r; eachRight(c, function (v, k, o) { if (f(v, k, o)) { r = v; return false; } }); return r;
        }
        function toIntegerFrom(from, n) { from = from == null ? 0 : toInteger(from); return from < 0 ? Math.max(n + from, 0) : from; }
        function findIndex(a, f, from) {
            if (a == null) { return -1; }
            f = iteratee(f);
            for (var i = toIntegerFrom(from, a.length); i < a.length; i++) { if (f(a[i], i, a)) { return i; } }
            return -1;
        }
        function findLastIndex(a, f, from) {
            if (a == null) { return -1; }
            f = iteratee(f);
            var i = from === undefined ? a.length - 1 : Math.min(toIntegerFrom(from, a.length), a.length - 1);
            for (; i >= 0; i--) { if (f(a[i], i, a)) { return i; } }
            return -1;
        }
        function findKey(o, f) { f = iteratee(f); var r; each(o, function (v, k, obj) { if (f(v, k, obj)) { r = k; return false; } }); return r; }
        function findLastKey(o, f) { f = iteratee(f); var r; eachRight(o, function (v, k, obj) { if (f(v, k, obj)) { r = k; return false; } }); return r; }
        function some(c, f) { f = iteratee(f); var r = false; each(c, function (v, k, o) { if (f(v, k, o)) { r = true; return false; } }); return r; }
        function every(c, f) { f = iteratee(f); var r = true; each(c, function (v, k, o) { if (!f(v, k, o)) { r = false; return false; } }); return r; }
        function reduce(c, f, acc) {
            var init = arguments.length < 3;
            each(c, function (v, k, o) { if (init) { acc = v; init = false; } else { acc = f(acc, v, k, o); } });
            return acc;
        }
        function reduceRight(c, f, acc) {
            var init = arguments.length < 3;
            eachRight(c, function (v, k, o) { if (init) { acc = v; init = false; } else { acc = f(acc, v, k, o); } });
            return acc;
        }
        function sameValueZero(a, b) { return a === b || (a !== a && b !== b); }
        function indexOf(a, v, from) {
            if (a == null) { return -1; }
            for (var i = toIntegerFrom(from, a.length); i < a.length; i++) { if (sameValueZero(a[i], v)) { return i; } }
            return -1;
        }
        function lastIndexOf(a, v, from) {
            if (a == null) { return -1; }
            var i = from === undefined ? a.length - 1 : toIntegerFrom(from, a.length);
            for (; i >= 0; i--) { if (sameValueZero(a[i], v)) { return i; } }
            return -1;
        }
        function includes(c, v, from) {
            if (typeof c === 'string') { return c.indexOf(v, from ? toInteger(from) : 0) > -1; }
            var arr = isArrayLike(c) ? c : values(c);
            return indexOf(arr, v, from) > -1;
        }
        function size(c) {
            if (c == null) { return 0; }
            if (isArrayLike(c) || typeof c === 'string') { return c.length; }
            if (c instanceof Map || c instanceof Set) { return c.size; }
            return Object.keys(c).length;
        }
        function groupInto(c, f, add) { f = iteratee(f); var out = {}; each(c, function (v) { add(out, f(v), v); }); return out; }
        function groupBy(c, f) { return groupInto(c, f, function (o, k, v) { if (hasOwn.call(o, k)) { o[k].push(v); } else { o[k] = [v]; } }); }
        function keyBy(c, f) { return groupInto(c, f, function (o, k, v) { o[k] = v; }); }
        function countBy(c, f) { return groupInto(c, f, function (o, k) { o[k] = hasOwn.call(o, k) ? o[k] + 1 : 1; }); }
        function partition(c, f) { f = iteratee(f); var a = [], b = []; each(c, function (v) { (f(v) ? a : b).push(v); }); return [a, b]; }
        function compareAsc(a, b) {
            if (a !== b) {
                var aU = a === undefined, aN = a === null, aNaN = a !== a, bU = b === undefined, bN = b === null, bNaN = b !== b;
                if ((!bN && !bNaN && !aN && a > b) || aNaN || aU) { return (aU && bU) ? 0 : 1; }
                if ((!aN && !aNaN && !bN && a < b) || bNaN || bU) { return -1; }
                if (aN && !bN) { return 1; }
                if (bN && !aN) { return -1; }
            }
            return 0;
        }
        function orderBy(c, fs, orders) {
            if (c == null) { return []; }
            fs = fs == null ? [identity] : (Array.isArray(fs) ? (fs.length ? fs : [identity]) : [fs]);
            fs = fs.map(function (f) { return Array.isArray(f) && f.length !== 2 ? property(f) : iteratee(f); });
            orders = orders == null ? [] : (Array.isArray(orders) ? orders : [orders]);
            var items = [];
            each(c, function (v) { items.push({ v: v, c: fs.map(function (f) { return f(v); }), i: items.length }); });
            items.sort(function (x, y) {
                for (var i = 0; i < fs.length; i++) {
                    var r = compareAsc(x.c[i], y.c[i]);
                    if (r) { var o = orders[i]; return (o === 'desc' || o === false) ? -r : r; }
                }
                return x.i - y.i;
            });
            return items.map(function (it) { return it.v; });
        }
        function sortBy(c) {
            var fs = flattenDepth(Array.prototype.slice.call(arguments, 1), 1);
            return orderBy(c, fs.length ? fs : [identity]);
        }
        function flatMap(c, f) { return flattenDepth(map(c, f), 1); }
        function invokeMap(c, path) {
            var args = Array.prototype.slice.call(arguments, 2);
            return map(c, function (v) { var fn = typeof path === 'function' ? path : get(v, path); return fn == null ? undefined : fn.apply(v, args); });
        }
        function randomInt(lo, hi) { return lo + Math.floor(Math.random() * (hi - lo + 1)); }
        function sample(c) { var a = isArrayLike(c) ? c : values(c); return a.length ? a[randomInt(0, a.length - 1)] : undefined; }
        function shuffle(c) {
            var a = (isArrayLike(c) ? Array.prototype.slice.call(c) : values(c));
            for (var i = a.length - 1; i > 0; i--) { var j = randomInt(0, i), t = a[i]; a[i] = a[j]; a[j] = t; }
            return a;
        }
        function sampleSize(c, n) { n = n === undefined ? 1 : toInteger(n); return shuffle(c).slice(0, Math.max(0, n)); }

        // ---------- arrays
        function arr(a) { return a == null ? [] : Array.prototype.slice.call(a); }
        function chunk(a, n) { n = n === undefined ? 1 : Math.max(toInteger(n), 0); a = arr(a); var out = []; if (!n) { return out; } for (var i = 0; i < a.length; i += n) { out.push(a.slice(i, i + n)); } return out; }
        function compact(a) { return arr(a).filter(Boolean); }
        function concat(a) { var out = Array.isArray(a) ? a.slice() : [a]; for (var i = 1; i < arguments.length; i++) { var v = arguments[i]; if (Array.isArray(v)) { out.push.apply(out, v); } else { out.push(v); } } return out; }
        function flattenDepth(a, d) {
            var out = [];
            (function rec(x, depth) {
                for (var i = 0; i < x.length; i++) {
                    var v = x[i];
                    if (depth > 0 && (Array.isArray(v) || isArguments(v))) { rec(v, depth - 1); } else { out.push(v); }
                }
            })(arr(a), d === undefined ? 1 : toInteger(d));
            return out;
        }
        function flatten(a) { return flattenDepth(a, 1); }
        function flattenDeep(a) { return flattenDepth(a, Infinity); }
        function lastArg(args) { return args[args.length - 1]; }
        function isIterArg(v) { return !(Array.isArray(v) || isArrayLike(v) && typeof v !== 'function' && typeof v !== 'string'); }
        function baseDifference(a, others, f, cmp) {
            f = f ? iteratee(f) : identity;
            var ex = flatten(others).map(f);
            return arr(a).filter(function (v) { var fv = f(v); return !ex.some(function (e) { return cmp ? cmp(v, e) : sameValueZero(fv, e); }); });
        }
        function difference(a) { return baseDifference(a, Array.prototype.slice.call(arguments, 1).filter(isArrayLike)); }
        function differenceBy(a) {
            var rest = Array.prototype.slice.call(arguments, 1), f = lastArg(rest);
            if (isIterArg(f) && rest.length > 0) { rest.pop(); } else { f = undefined; }
            return baseDifference(a, rest, f);
        }
        function differenceWith(a) {
            var rest = Array.prototype.slice.call(arguments, 1), cmp = rest.pop();
            var ex = flatten(rest);
            return arr(a).filter(function (v) { return !ex.some(function (e) { return cmp(v, e); }); });
        }
        function uniqBase(a, f, cmp) {
            var out = [], seen = [];
            f = f ? iteratee(f) : identity;
            arr(a).forEach(function (v) {
                var k = f(v);
                var dup = cmp ? out.some(function (o) { return cmp(v, o); }) : seen.some(function (s) { return sameValueZero(s, k); });
                if (!dup) { seen.push(k); out.push(v); }
            });
            return out;
        }
        function uniq(a) { return uniqBase(a); }
        function uniqBy(a, f) { return uniqBase(a, f); }
        function uniqWith(a, cmp) { return uniqBase(a, null, cmp); }
        function union() { return uniq(flatten(Array.prototype.slice.call(arguments).filter(isArrayLike))); }
        function unionBy() {
            var args = Array.prototype.slice.call(arguments), f = lastArg(args);
            if (isIterArg(f)) { args.pop(); } else { f = undefined; }
            return uniqBase(flatten(args), f);
        }
        function intersectionBase(arrays, f) {
            f = f ? iteratee(f) : identity;
            if (!arrays.length) { return []; }
            var rest = arrays.slice(1).map(function (x) { return arr(x).map(f); });
            return uniqBase(arrays[0], f).filter(function (v) { var fv = f(v); return rest.every(function (r) { return r.some(function (x) { return sameValueZero(x, fv); }); }); });
        }
        function intersection() { return intersectionBase(Array.prototype.slice.call(arguments).filter(isArrayLike)); }
        function intersectionBy() {
            var args = Array.prototype.slice.call(arguments), f = lastArg(args);
            if (isIterArg(f)) { args.pop(); } else { f = undefined; }
            return intersectionBase(args, f);
        }
        function xor() {
            var arrays = Array.prototype.slice.call(arguments).filter(isArrayLike).map(uniq), out = [];
            arrays.forEach(function (a, i) {
                a.forEach(function (v) { if (!arrays.some(function (b, j) { return j !== i && indexOf(b, v) > -1; })) { out.push(v); } });
            });
            return out;
        }
        function without(a) { var ex = Array.prototype.slice.call(arguments, 1); return arr(a).filter(function (v) { return indexOf(ex, v) < 0; }); }
        function pullAll(a, vs) { for (var i = a.length - 1; i >= 0; i--) { if (indexOf(vs, a[i]) > -1) { a.splice(i, 1); } } return a; }
        function pull(a) { return pullAll(a, Array.prototype.slice.call(arguments, 1)); }
        function pullAt(a) {
            var idx = flatten(Array.prototype.slice.call(arguments, 1)), out = idx.map(function (i) { return a[i]; });
            idx.slice().sort(function (x, y) { return y - x; }).forEach(function (i) { a.splice(i, 1); });
            return out;
        }
        function remove(a, f) {
            f = iteratee(f); var out = [], idx = [];
            for (var i = 0; i < a.length; i++) { if (f(a[i], i, a)) { out.push(a[i]); idx.push(i); } }
            for (var j = idx.length - 1; j >= 0; j--) { a.splice(idx[j], 1); }
            return out;
        }
        function head(a) { return a != null && a.length ? a[0] : undefined; }
        function last(a) { var n = a == null ? 0 : a.length; return n ? a[n - 1] : undefined; }
        function nth(a, n) { n = toInteger(n); a = arr(a); return a[n < 0 ? a.length + n : n]; }
        function tail(a) { return arr(a).slice(1); }
        function initial(a) { return arr(a).slice(0, -1); }
        function take(a, n) { n = n === undefined ? 1 : toInteger(n); return arr(a).slice(0, Math.max(n, 0)); }
        function takeRight(a, n) { n = n === undefined ? 1 : toInteger(n); a = arr(a); return n <= 0 ? [] : a.slice(Math.max(a.length - n, 0)); }
        function drop(a, n) { n = n === undefined ? 1 : toInteger(n); return arr(a).slice(Math.max(n, 0)); }
        function dropRight(a, n) { n = n === undefined ? 1 : toInteger(n); a = arr(a); return a.slice(0, Math.max(a.length - Math.max(n, 0), 0)); }
        function takeWhile(a, f) { f = iteratee(f); a = arr(a); var i = 0; while (i < a.length && f(a[i], i, a)) { i++; } return a.slice(0, i); }
        function dropWhile(a, f) { f = iteratee(f); a = arr(a); var i = 0; while (i < a.length && f(a[i], i, a)) { i++; } return a.slice(i); }
        function takeRightWhile(a, f) { f = iteratee(f); a = arr(a); var i = a.length; while (i > 0 && f(a[i - 1], i - 1, a)) { i--; } return a.slice(i); }
        function dropRightWhile(a, f) { f = iteratee(f); a = arr(a); var i = a.length; while (i > 0 && f(a[i - 1], i - 1, a)) { i--; } return a.slice(0, i); }
        function fill(a, v, s, e) {
            var n = a == null ? 0 : a.length; s = s == null ? 0 : toInteger(s); e = e === undefined ? n : toInteger(e);
            if (s < 0) { s = Math.max(n + s, 0); } if (e < 0) { e += n; }
            for (var i = s; i < Math.min(e, n); i++) { a[i] = v; }
            return a;
        }
        function zip() { return unzip(Array.prototype.slice.call(arguments)); }
        function unzip(arrays) {
            arrays = arr(arrays).filter(isArrayLike);
            var n = Math.max.apply(null, [0].concat(arrays.map(function (x) { return x.length; }))), out = [];
            for (var i = 0; i < n; i++) { out.push(arrays.map(function (x) { return x[i]; })); }
            return out;
        }
        function zipWith() {
            var args = Array.prototype.slice.call(arguments), f = typeof lastArg(args) === 'function' ? args.pop() : null;
            var z = unzip(args);
            return f ? z.map(function (g) { return f.apply(undefined, g); }) : z;
        }
        function zipObject(ks, vs) { var out = {}; arr(ks).forEach(function (k, i) { out[k] = vs ? vs[i] : undefined; }); return out; }
        function zipObjectDeep(ks, vs) { var out = {}; arr(ks).forEach(function (k, i) { set(out, k, vs ? vs[i] : undefined); }); return out; }
        function fromPairs(ps) { var out = {}; arr(ps).forEach(function (p) { out[p[0]] = p[1]; }); return out; }
        function toPairs(o) { if (o instanceof Map) { return Array.from(o.entries()); } return keys(o).map(function (k) { return [k, o[k]]; }); }
        function toPairsIn(o) { return keysIn(o).map(function (k) { return [k, o[k]]; }); }
        function join(a, sep) { return arr(a).join(sep === undefined ? ',' : sep); }
        function reverse(a) { return a == null ? a : a.reverse(); }
        function slice(a, s, e) { return arr(a).slice(s, e); }
        function sortedIndex(a, v) { a = arr(a); var lo = 0, hi = a.length; while (lo < hi) { var m = (lo + hi) >>> 1; if (compareAsc(a[m], v) < 0) { lo = m + 1; } else { hi = m; } } return lo; }
        function sortedUniq(a) { return uniq(a); }
        function range(start, end, step) {
            if (end === undefined) { end = start; start = 0; }
            start = toFinite(start); end = toFinite(end);
            step = step === undefined ? (start < end ? 1 : -1) : toFinite(step);
            var n = Math.max(Math.ceil((end - start) / (step || 1)), 0), out = new Array(n);
            for (var i = 0; i < n; i++) { out[i] = start; start += step; }
            return out;
        }
        function rangeRight() { return range.apply(null, arguments).reverse(); }

        // ---------- lang
        function toNumber(v) {
            if (typeof v === 'number') { return v; }
            if (typeof v === 'symbol') { return NaN; }
            if (isObject(v)) { var o = typeof v.valueOf === 'function' ? v.valueOf() : v; v = isObject(o) ? (o + '') : o; }
            if (typeof v !== 'string') { return v === 0 ? v : +v; }
            v = v.trim();
            if (/^0b[01]+$/i.test(v)) { return parseInt(v.slice(2), 2); }
            if (/^0o[0-7]+$/i.test(v)) { return parseInt(v.slice(2), 8); }
            if (/^[-+]0x[0-9a-f]+$/i.test(v)) { return NaN; }
            return +v;
        }
        function toFinite(v) {
            if (!v) { return v === 0 ? v : 0; }
            v = toNumber(v);
            if (v === Infinity || v === -Infinity) { return (v < 0 ? -1 : 1) * Number.MAX_VALUE; }
            return v === v ? v : 0;
        }
        function toInteger(v) { var r = toFinite(v), rem = r % 1; return r === r ? (rem ? r - rem : r) : 0; }
        function toSafeInteger(v) { return Math.min(Math.max(toInteger(v), -MAX_SAFE), MAX_SAFE); }
        function toString(v) {
            if (v == null) { return ''; }
            if (typeof v === 'string') { return v; }
            if (Array.isArray(v)) { return v.map(function (x) { return x == null ? x : toString(x); }) + ''; }
            if (typeof v === 'symbol') { return v.toString(); }
            var r = v + '';
            return (r === '0' && 1 / v === -Infinity) ? '-0' : r;
        }
        function toArray(v) {
            if (!v) { return []; }
            if (typeof v === 'string') { return Array.from(v); }
            if (isArrayLike(v)) { return Array.prototype.slice.call(v); }
            if (v instanceof Map || v instanceof Set) { return Array.from(v.values ? v.values() : v); }
            return values(v);
        }
        function castArray() { if (!arguments.length) { return []; } var v = arguments[0]; return Array.isArray(v) ? v : [v]; }
        function isEmpty(v) {
            if (v == null) { return true; }
            if (isArrayLike(v) && (Array.isArray(v) || typeof v === 'string' || isArguments(v) || isTypedArray(v) || typeof v.splice === 'function')) { return !v.length; }
            if (v instanceof Map || v instanceof Set) { return !v.size; }
            for (var k in v) { if (hasOwn.call(v, k)) { return false; } }
            return true;
        }
        function isEqual(a, b) { return eqDeep(a, b, [], []); }
        function eqDeep(a, b, sa, sb) {
            if (a === b || (a !== a && b !== b)) { return true; }
            if (a == null || b == null || (!isObjectLike(a) && !isObjectLike(b))) { return false; }
            var ta = tag(a), tb = tag(b);
            if (ta !== tb) { return false; }
            switch (ta) {
                case '[object Number]': case '[object String]': case '[object Boolean]': case '[object Date]':
                    return sameValueZero(+a === +a ? (ta === '[object String]' ? String(a) : +a) : String(a), ta === '[object String]' ? String(b) : (+b === +b ? +b : String(b)));
                case '[object RegExp]': return String(a) === String(b);
                case '[object Error]': return a.name === b.name && a.message === b.message;
            }
            for (var s = 0; s < sa.length; s++) { if (sa[s] === a) { return sb[s] === b; } }
            sa.push(a); sb.push(b);
            var r = true;
            if (ta === '[object Array]' || isTypedArray(a)) {
                if (a.length !== b.length) { r = false; } else {
                    for (var i = 0; i < a.length; i++) { if (!eqDeep(a[i], b[i], sa, sb)) { r = false; break; } }
                }
            } else if (a instanceof Map || a instanceof Set) {
                if (a.size !== b.size) { r = false; } else {
                    var av = Array.from(a.entries ? a.entries() : a), bv = Array.from(b.entries ? b.entries() : b);
                    r = eqDeep(av, bv, sa, sb);
                }
            } else {
                var ka = Object.keys(a), kb = Object.keys(b);
                if (ka.length !== kb.length) { r = false; } else {
                    for (var j = 0; j < ka.length; j++) {
                        if (!hasOwn.call(b, ka[j]) || !eqDeep(a[ka[j]], b[ka[j]], sa, sb)) { r = false; break; }
                    }
                    if (r && ta === '[object Object]') {
                        var ca = a.constructor, cb = b.constructor;
                        if (ca !== cb && ('constructor' in a) && ('constructor' in b) &&
                            !(typeof ca === 'function' && ca instanceof ca && typeof cb === 'function' && cb instanceof cb)) { r = false; }
                    }
                }
            }
            sa.pop(); sb.pop();
            return r;
        }
        function isEqualWith(a, b, cust) {
            var r = cust ? cust(a, b) : undefined;
            return r === undefined ? isEqual(a, b) : !!r;
        }
        function cloneBase(v, deep, stack) {
            if (!isObject(v) || typeof v === 'function') { return v; }
            stack = stack || new Map();
            if (stack.has(v)) { return stack.get(v); }
            var out, t = tag(v);
            if (Array.isArray(v)) { out = new Array(v.length); }
            else if (t === '[object Date]') { return new Date(+v); }
            else if (t === '[object RegExp]') { out = new RegExp(v.source, v.flags); out.lastIndex = v.lastIndex; return out; }
            else if (v instanceof Map) { out = new Map(); stack.set(v, out); v.forEach(function (x, k) { out.set(k, deep ? cloneBase(x, deep, stack) : x); }); return out; }
            else if (v instanceof Set) { out = new Set(); stack.set(v, out); v.forEach(function (x) { out.add(deep ? cloneBase(x, deep, stack) : x); }); return out; }
            else if (isTypedArray(v)) { return v.slice(); }
            else if (t === '[object Error]' || t === '[object WeakMap]') { return {}; }
            else if (t === '[object Number]' || t === '[object String]' || t === '[object Boolean]') { return Object(v.valueOf()); }
            else { out = Object.create(Object.getPrototypeOf(v)); }
            stack.set(v, out);
            Object.keys(v).forEach(function (k) { out[k] = deep ? cloneBase(v[k], deep, stack) : v[k]; });
            return out;
        }
        function clone(v) { return cloneBase(v, false); }
        function cloneDeep(v) { return cloneBase(v, true); }
        function cloneDeepWith(v, cust) { var r = cust ? cust(v) : undefined; return r === undefined ? cloneDeep(v) : r; }
        function eq(a, b) { return sameValueZero(a, b); }
        function isNil(v) { return v == null; }
        function isNaNf(v) { return isNumber(v) && v != +v; }
        function isInteger(v) { return typeof v === 'number' && v === toInteger(v); }
        function isError(v) { return isObjectLike(v) && (tag(v) === '[object Error]' || (typeof v.message === 'string' && typeof v.name === 'string' && !isPlainObject(v))); }

        // ---------- objects
        function assignBase(own, target, srcs, cust) {
            target = Object(target);
            for (var i = 0; i < srcs.length; i++) {
                var s = srcs[i];
                if (s == null) { continue; }
                var ks = own ? keys(s) : keysIn(s);
                for (var j = 0; j < ks.length; j++) {
                    var k = ks[j], nv = cust ? cust(target[k], s[k], k, target, s) : undefined;
                    target[k] = nv === undefined ? s[k] : nv;
                }
            }
            return target;
        }
        function assign(t) { return assignBase(true, t, Array.prototype.slice.call(arguments, 1)); }
        function assignIn(t) { return assignBase(false, t, Array.prototype.slice.call(arguments, 1)); }
        function assignWith(t) { var a = Array.prototype.slice.call(arguments, 1), c = typeof lastArg(a) === 'function' ? a.pop() : null; return assignBase(true, t, a, c); }
        function defaults(t) {
            t = Object(t);
            for (var i = 1; i < arguments.length; i++) {
                var s = arguments[i];
                if (s == null) { continue; }
                for (var k in s) {
                    var v = t[k];
                    if (v === undefined || (sameValueZero(v, Object.prototype[k]) && !hasOwn.call(t, k))) { t[k] = s[k]; }
                }
            }
            return t;
        }
        function defaultsDeep(t) {
            t = Object(t);
            for (var i = 1; i < arguments.length; i++) {
                var s = arguments[i];
                if (s == null) { continue; }
                Object.keys(s).forEach(function (k) {
                    if (t[k] === undefined) { t[k] = cloneDeep(s[k]); }
                    else if (isPlainObject(t[k]) && isPlainObject(s[k])) { defaultsDeep(t[k], s[k]); }
                });
            }
            return t;
        }
        function mergeBase(t, s, cust, stack) {
            if (t === s) { return; }
            var ks = isArrayLike(s) ? keys(s) : keysIn(s);
            ks.forEach(function (k) {
                if (k === '__proto__' || (k === 'constructor' && typeof t[k] === 'function')) { return; }
                var sv = s[k], tv = t[k];
                var nv = cust ? cust(tv, sv, k, t, s, stack) : undefined;
                if (nv !== undefined) { t[k] = nv; return; }
                if (isObject(sv) && typeof sv !== 'function' && (Array.isArray(sv) || isPlainObject(sv) || isTypedArray(sv) || isArguments(sv))) {
                    if (stack.has(sv)) { t[k] = stack.get(sv); return; }
                    var base;
                    if (Array.isArray(sv)) { base = Array.isArray(tv) ? tv : (isArrayLike(tv) && isObjectLike(tv) ? arr(tv) : []); }
                    else if (isTypedArray(sv)) { base = isTypedArray(tv) ? tv : sv.slice(); }
                    else if (isArguments(sv)) { base = isPlainObject(tv) ? tv : {}; }
                    else { base = (isPlainObject(tv) || (isObject(tv) && typeof tv !== 'function')) ? tv : {}; }
                    stack.set(sv, base);
                    mergeBase(base, sv, cust, stack);
                    t[k] = base;
                } else if (sv !== undefined || !(k in t)) {
                    t[k] = sv;
                }
            });
        }
        function merge(t) {
            t = Object(t);
            for (var i = 1; i < arguments.length; i++) { if (arguments[i] != null) { mergeBase(t, arguments[i], null, new Map()); } }
            return t;
        }
        function mergeWith(t) {
            var a = Array.prototype.slice.call(arguments, 1), c = typeof lastArg(a) === 'function' ? a.pop() : null;
            t = Object(t);
            a.forEach(function (s) { if (s != null) { mergeBase(t, s, c, new Map()); } });
            return t;
        }
        function pick(o) {
            var paths = flattenDeep(Array.prototype.slice.call(arguments, 1)), out = {};
            if (o == null) { return out; }
            paths.forEach(function (p) { if (hasIn(o, p)) { set(out, p, get(o, p)); } });
            return out;
        }
        function pickBy(o, f) { f = iteratee(f); var out = {}; if (o == null) { return out; } keysIn(o).forEach(function (k) { if (f(o[k], k)) { out[k] = o[k]; } }); return out; }
        function omit(o) {
            var paths = flattenDeep(Array.prototype.slice.call(arguments, 1)), out = {};
            if (o == null) { return out; }
            keysIn(o).forEach(function (k) { out[k] = o[k]; });
            var deep = false;
            paths.forEach(function (p) { if (castPath(p, o).length > 1) { deep = true; } });
            if (deep) { out = cloneDeep(out); }
            paths.forEach(function (p) { unset(out, p); });
            return out;
        }
        function omitBy(o, f) { f = iteratee(f); return pickBy(o, function (v, k) { return !f(v, k); }); }
        function mapValues(o, f) { f = iteratee(f); var out = {}; if (o == null) { return out; } Object.keys(Object(o)).forEach(function (k) { out[k] = f(o[k], k, o); }); return out; }
        function mapKeys(o, f) { f = iteratee(f); var out = {}; if (o == null) { return out; } Object.keys(Object(o)).forEach(function (k) { out[f(o[k], k, o)] = o[k]; }); return out; }
        function invert(o) { var out = {}; keys(o).forEach(function (k) { var v = o[k]; out[v != null && typeof v.toString !== 'function' ? toStr.call(v) : v] = k; }); return out; }
        function invertBy(o, f) { f = iteratee(f); var out = {}; keys(o).forEach(function (k) { var v = f(o[k]); (hasOwn.call(out, v) ? out[v] : (out[v] = [])).push(k); }); return out; }
        function forIn(o, f) { f = typeof f === 'function' ? f : identity; for (var k in Object(o)) { if (f(o[k], k, o) === false) { break; } } return o; }
        function forOwn(o, f) { f = typeof f === 'function' ? f : identity; if (o == null) { return o; } var ks = keys(o); for (var i = 0; i < ks.length; i++) { if (f(o[ks[i]], ks[i], o) === false) { break; } } return o; }
        function result(o, path, def) {
            var p = castPath(path, o), i = -1, n = p.length;
            if (!n) { n = 1; o = undefined; }
            while (++i < n) {
                var v = o == null ? undefined : o[toKey(p[i])];
                if (v === undefined) { i = n; v = def; }
                o = typeof v === 'function' ? v.call(o) : v;
            }
            return o;
        }
        function update(o, path, f) { return set(o, path, f(get(o, path))); }
        function at(o) { return flattenDeep(Array.prototype.slice.call(arguments, 1)).map(function (p) { return get(o, p); }); }
        function transform(o, f, acc) {
            var isArr = Array.isArray(o);
            if (acc === undefined) { acc = isArr ? [] : (isObject(o) ? Object.create(Object.getPrototypeOf(o)) : {}); }
            each(o, function (v, k, obj) { return f(acc, v, k, obj); });
            return acc;
        }
        function functions(o) { return o == null ? [] : keys(o).filter(function (k) { return typeof o[k] === 'function'; }); }
        function create(proto, props) { var o = Object.create(proto); return props ? assign(o, props) : o; }

        // ---------- math
        function baseExtremum(a, f, better) {
            var r, rc;
            arr(a).forEach(function (v) { var c = f(v); if (c != null && c === c && typeof c !== 'symbol' && (rc === undefined ? (c === c) : better(c, rc))) { r = v; rc = c; } });
            return r;
        }
        function max(a) { return baseExtremum(a, identity, function (x, y) { return x > y; }); }
        function min(a) { return baseExtremum(a, identity, function (x, y) { return x < y; }); }
        function maxBy(a, f) { return baseExtremum(a, iteratee(f), function (x, y) { return x > y; }); }
        function minBy(a, f) { return baseExtremum(a, iteratee(f), function (x, y) { return x < y; }); }
        function sumBy(a, f) {
            f = iteratee(f); var r, list = arr(a);
            for (var i = 0; i < list.length; i++) { var c = f(list[i]); if (c !== undefined) { r = r === undefined ? c : r + c; } }
            return r === undefined ? 0 : r;
        }
        function sum(a) { return sumBy(a, identity); }
        function meanBy(a, f) { var n = a == null ? 0 : a.length; return n ? sumBy(a, f) / n : NaN; }
        function mean(a) { return meanBy(a, identity); }
        function rounder(fn) {
            return function (n, p) {
                n = toNumber(n); p = p == null ? 0 : Math.min(toInteger(p), 292);
                if (!p) { return Math[fn](n); }
                var pair = (toString(n) + 'e').split('e'), v = Math[fn](pair[0] + 'e' + (+pair[1] + p));
                pair = (toString(v) + 'e').split('e');
                return +(pair[0] + 'e' + (+pair[1] - p));
            };
        }
        function clamp(n, lo, hi) { if (hi === undefined) { hi = lo; lo = undefined; } n = toNumber(n); if (hi !== undefined) { hi = toNumber(hi); n = n <= hi ? n : hi; } if (lo !== undefined) { lo = toNumber(lo); n = n >= lo ? n : lo; } return n; }
        function inRange(n, s, e) { if (e === undefined) { e = s; s = 0; } s = toFinite(s); e = toFinite(e); n = toNumber(n); return n >= Math.min(s, e) && n < Math.max(s, e); }
        function random(lo, hi, floating) {
            if (floating === undefined) {
                if (typeof hi === 'boolean') { floating = hi; hi = undefined; } else if (typeof lo === 'boolean') { floating = lo; lo = undefined; }
            }
            if (lo === undefined && hi === undefined) { lo = 0; hi = 1; } else {
                lo = toFinite(lo);
                if (hi === undefined) { hi = lo; lo = 0; } else { hi = toFinite(hi); }
            }
            if (lo > hi) { var t = lo; lo = hi; hi = t; }
            if (floating || lo % 1 || hi % 1) {
                var r = Math.random();
                return Math.min(lo + r * (hi - lo + parseFloat('1e-' + ((r + '').length - 1))), hi);
            }
            return lo + Math.floor(Math.random() * (hi - lo + 1));
        }

        // ---------- strings
        var reAsciiWord = /[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+/g;
        var reUnicodeWord = /[A-Z\xc0-\xd6\xd8-\xde]?[a-z\xdf-\xf6\xf8-\xff]+(?:['\u2019](?:d|ll|m|re|s|t|ve))?(?=[\xac\xb1\xd7\xf7\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\u2000-\u206f \t\x0b\f\xa0\ufeff\n\r\u2028\u2029\u1680\u180e\u2000-\u200a\u202f\u205f\u3000]|[A-Z\xc0-\xd6\xd8-\xde]|$)|(?:[A-Z\xc0-\xd6\xd8-\xde]|[^\ud800-\udfff\xac\xb1\xd7\xf7\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\u2000-\u206f \t\x0b\f\xa0\ufeff\n\r\u2028\u2029\u1680\u180e\u2000-\u200a\u202f\u205f\u3000\d+\u2700-\u27bfa-z\xdf-\xf6\xf8-\xffA-Z\xc0-\xd6\xd8-\xde])+(?:['\u2019](?:D|LL|M|RE|S|T|VE))?(?=[\xac\xb1\xd7\xf7\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\u2000-\u206f \t\x0b\f\xa0\ufeff\n\r\u2028\u2029\u1680\u180e\u2000-\u200a\u202f\u205f\u3000]|[A-Z\xc0-\xd6\xd8-\xde](?:[a-z\xdf-\xf6\xf8-\xff]|[^\ud800-\udfff\xac\xb1\xd7\xf7\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\u2000-\u206f \t\x0b\f\xa0\ufeff\n\r\u2028\u2029\u1680\u180e\u2000-\u200a\u202f\u205f\u3000\d+\u2700-\u27bfa-z\xdf-\xf6\xf8-\xffA-Z\xc0-\xd6\xd8-\xde])|$)|[A-Z\xc0-\xd6\xd8-\xde]?(?:[a-z\xdf-\xf6\xf8-\xff]|[^\ud800-\udfff\xac\xb1\xd7\xf7\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\u2000-\u206f \t\x0b\f\xa0\ufeff\n\r\u2028\u2029\u1680\u180e\u2000-\u200a\u202f\u205f\u3000\d+\u2700-\u27bfa-z\xdf-\xf6\xf8-\xffA-Z\xc0-\xd6\xd8-\xde])+(?:['\u2019](?:d|ll|m|re|s|t|ve))?|[A-Z\xc0-\xd6\xd8-\xde]+(?:['\u2019](?:D|LL|M|RE|S|T|VE))?|\d*(?:1ST|2ND|3RD|(?![123])\dTH)(?=\b|[a-z_])|\d*(?:1st|2nd|3rd|(?![123])\dth)(?=\b|[A-Z_])|\d+|[\u2700-\u27bf]/g;
        var reHasUnicodeWord = /[a-z][A-Z]|[A-Z]{2}[a-z]|[0-9][a-zA-Z]|[a-zA-Z][0-9]|[^a-zA-Z0-9 ]/;
        function words(s, pattern) {
            s = toString(s);
            if (pattern === undefined) { return s.match(reHasUnicodeWord.test(s) ? reUnicodeWord : reAsciiWord) || []; }
            return s.match(pattern) || [];
        }
        var deburrMap = { '\xc0': 'A', '\xc1': 'A', '\xc2': 'A', '\xc3': 'A', '\xc4': 'A', '\xc5': 'A', '\xe0': 'a', '\xe1': 'a', '\xe2': 'a', '\xe3': 'a', '\xe4': 'a', '\xe5': 'a', '\xc7': 'C', '\xe7': 'c', '\xc8': 'E', '\xc9': 'E', '\xca': 'E', '\xcb': 'E', '\xe8': 'e', '\xe9': 'e', '\xea': 'e', '\xeb': 'e', '\xcc': 'I', '\xcd': 'I', '\xce': 'I', '\xcf': 'I', '\xec': 'i', '\xed': 'i', '\xee': 'i', '\xef': 'i', '\xd1': 'N', '\xf1': 'n', '\xd2': 'O', '\xd3': 'O', '\xd4': 'O', '\xd5': 'O', '\xd6': 'O', '\xd8': 'O', '\xf2': 'o', '\xf3': 'o', '\xf4': 'o', '\xf5': 'o', '\xf6': 'o', '\xf8': 'o', '\xd9': 'U', '\xda': 'U', '\xdb': 'U', '\xdc': 'U', '\xf9': 'u', '\xfa': 'u', '\xfb': 'u', '\xfc': 'u', '\xdd': 'Y', '\xfd': 'y', '\xff': 'y', '\xc6': 'Ae', '\xe6': 'ae', '\xde': 'Th', '\xfe': 'th', '\xdf': 'ss' };
        function deburr(s) { return toString(s).replace(/[\xc0-\xd6\xd8-\xf6\xf8-\xff]/g, function (c) { return deburrMap[c] || c; }).replace(/[\u0300-\u036f\ufe20-\ufe2f\u20d0-\u20ff]/g, ''); }
        function compounder(f) { return function (s) { return words(deburr(s).replace(/['\u2019]/g, '')).reduce(function (acc, w, i) { return f(acc, w, i); }, ''); }; }
        function upperFirst(s) { s = toString(s); return s ? s.charAt(0).toUpperCase() + s.slice(1) : s; }
        function lowerFirst(s) { s = toString(s); return s ? s.charAt(0).toLowerCase() + s.slice(1) : s; }
        function capitalize(s) { return upperFirst(toString(s).toLowerCase()); }
        var camelCase = compounder(function (acc, w, i) { w = w.toLowerCase(); return acc + (i ? capitalize(w) : w); });
        var kebabCase = compounder(function (acc, w, i) { return acc + (i ? '-' : '') + w.toLowerCase(); });
        var snakeCase = compounder(function (acc, w, i) { return acc + (i ? '_' : '') + w.toLowerCase(); });
        var lowerCase = compounder(function (acc, w, i) { return acc + (i ? ' ' : '') + w.toLowerCase(); });
        var upperCase = compounder(function (acc, w, i) { return acc + (i ? ' ' : '') + w.toUpperCase(); });
        var startCase = compounder(function (acc, w, i) { return acc + (i ? ' ' : '') + upperFirst(w); });
        function charsRe(chars) { return '[' + chars.replace(/[\\\]^-]/g, '\\$&') + ']'; }
        function trim(s, chars) { s = toString(s); if (chars === undefined) { return s.trim(); } var c = charsRe(toString(chars)); return s.replace(new RegExp('^' + c + '+|' + c + '+$', 'g'), ''); }
        function trimStart(s, chars) { s = toString(s); if (chars === undefined) { return s.replace(/^\s+/, ''); } return s.replace(new RegExp('^' + charsRe(toString(chars)) + '+'), ''); }
        function trimEnd(s, chars) { s = toString(s); if (chars === undefined) { return s.replace(/\s+$/, ''); } return s.replace(new RegExp(charsRe(toString(chars)) + '+$'), ''); }
        function createPadding(len, chars) { chars = chars === undefined ? ' ' : toString(chars); if (!chars || len <= 0) { return ''; } var r = chars.repeat(Math.ceil(len / chars.length)); return r.slice(0, len); }
        function pad(s, n, chars) { s = toString(s); n = toInteger(n); var l = s.length; if (!n || l >= n) { return s; } var mid = (n - l) / 2; return createPadding(Math.floor(mid), chars) + s + createPadding(Math.ceil(mid), chars); }
        function padStart(s, n, chars) { s = toString(s); n = toInteger(n); return s.length < n ? createPadding(n - s.length, chars) + s : s; }
        function padEnd(s, n, chars) { s = toString(s); n = toInteger(n); return s.length < n ? s + createPadding(n - s.length, chars) : s; }
        function repeat(s, n) { s = toString(s); n = n === undefined ? 1 : toInteger(n); return n < 1 ? '' : s.repeat(n); }
        function startsWith(s, t, p) { s = toString(s); p = p == null ? 0 : clamp(toInteger(p), 0, s.length); return s.slice(p, p + toString(t).length) === toString(t); }
        function endsWith(s, t, p) { s = toString(s); t = toString(t); var n = s.length; p = p === undefined ? n : clamp(toInteger(p), 0, n); var e = p - t.length; return e >= 0 && s.slice(e, p) === t; }
        var htmlEsc = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
        var htmlUnesc = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
        function escape(s) { return toString(s).replace(/[&<>"']/g, function (c) { return htmlEsc[c]; }); }
        function unescape(s) { return toString(s).replace(/&(?:amp|lt|gt|quot|#39);/g, function (c) { return htmlUnesc[c]; }); }
        function escapeRegExp(s) { return toString(s).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'); }
        function parseIntL(s, radix) { if (radix == null) { radix = 0; } else if (radix) { radix = +radix; } return parseInt(toString(s).replace(/^\s+/, ''), radix || 0); }
        function truncate(s, opts) {
            s = toString(s); opts = opts || {};
            var len = opts.length === undefined ? 30 : toInteger(opts.length), omission = opts.omission === undefined ? '...' : toString(opts.omission), sep = opts.separator;
            if (len >= s.length) { return s; }
            var end = len - omission.length;
            if (end < 1) { return omission; }
            var r = s.slice(0, end);
            if (sep === undefined) { return r + omission; }
            if (sep instanceof RegExp) {
                var g = new RegExp(sep.source, (sep.flags.indexOf('g') < 0 ? sep.flags + 'g' : sep.flags)), m, last;
                while ((m = g.exec(r))) { last = m.index; if (!m[0]) { g.lastIndex++; } }
                if (last !== undefined) { r = r.slice(0, last); }
            } else {
                var i = r.lastIndexOf(toString(sep));
                if (i > -1) { r = r.slice(0, i); }
            }
            return r + omission;
        }
        function replace(s, p, r) { return toString(s).replace(p, r); }
        function split(s, sep, limit) { return toString(s).split(sep, limit); }
        var templateSettings = { escape: /<%-([\s\S]+?)%>/g, evaluate: /<%([\s\S]+?)%>/g, interpolate: /<%=([\s\S]+?)%>/g, variable: '', imports: {} };
        function template(str, opts) {
            str = toString(str);
            var s = assign({}, templateSettings, opts || {});
            var re = new RegExp([(s.escape || /$^/).source, (s.interpolate || /$^/).source, (s.interpolate === templateSettings.interpolate ? /\$\{([^\\}]*(?:\\.[^\\}]*)*)\}/ : /$^/).source, (s.evaluate || /$^/).source].join('|') + '|$', 'g');
            var src = "__p += '", idx = 0;
            str.replace(re, function (m, esc, interp, es6, evaluate, offset) {
                src += str.slice(idx, offset).replace(/['\n\r\u2028\u2029\\]/g, function (c) { return '\\' + ({ "'": "'", '\n': 'n', '\r': 'r', '\u2028': 'u2028', '\u2029': 'u2029', '\\': '\\' })[c]; });
                if (esc) { src += "' +\n__e(" + esc + ") +\n'"; }
                if (interp || es6) { src += "' +\n((__t = (" + (interp || es6) + ")) == null ? '' : __t) +\n'"; }
                if (evaluate) { src += "';\n" + evaluate + ";\n__p += '"; }
                idx = offset + m.length;
                return m;
            });
            src += "';\n";
            if (!s.variable) { src = 'with (obj) {\n' + src + '}\n'; }
            src = 'function(' + (s.variable || 'obj') + ') {\nobj || (obj = {});\nvar __t, __p = \'\', __e = _.escape;\n' + src + 'return __p\n}';
            var importKeys = keys(s.imports), importVals = importKeys.map(function (k) { return s.imports[k]; });
            // `with` needs sloppy mode, hence Function rather than the strict code here.
            var fn = Function.apply(null, ['_'].concat(importKeys, ['return ' + src])).apply(undefined, [_].concat(importVals));
            fn.source = src;
            return fn;
        }

        // ---------- functions
        function once(f) { var done = false, r; return function () { if (!done) { done = true; r = f.apply(this, arguments); f = undefined; } return r; }; }
        function before(n, f) { var r; return function () { if (--n > 0) { r = f.apply(this, arguments); } if (n <= 1) { f = undefined; } return r; }; }
        function after(n, f) { n = toInteger(n); return function () { if (--n < 1) { return f.apply(this, arguments); } }; }
        function negate(f) { return function () { return !f.apply(this, arguments); }; }
        function memoize(f, resolver) {
            var m = function () { var k = resolver ? resolver.apply(this, arguments) : arguments[0], c = m.cache; if (c.has(k)) { return c.get(k); } var r = f.apply(this, arguments); c.set(k, r); return r; };
            m.cache = new Map();
            return m;
        }
        function partial(f) { var bound = Array.prototype.slice.call(arguments, 1); return function () { return f.apply(this, bound.concat(Array.prototype.slice.call(arguments))); }; }
        function partialRight(f) { var bound = Array.prototype.slice.call(arguments, 1); return function () { return f.apply(this, Array.prototype.slice.call(arguments).concat(bound)); }; }
        function bind(f, thisArg) { var bound = Array.prototype.slice.call(arguments, 2); return function () { return f.apply(thisArg, bound.concat(Array.prototype.slice.call(arguments))); }; }
        function ary(f, n) { n = n === undefined ? f.length : n; return function () { return f.apply(this, Array.prototype.slice.call(arguments, 0, n)); }; }
        function unary(f) { return ary(f, 1); }
        function flip(f) { return function () { return f.apply(this, Array.prototype.slice.call(arguments).reverse()); }; }
        function rest(f, start) { start = start === undefined ? f.length - 1 : toInteger(start); return function () { var a = Array.prototype.slice.call(arguments, 0, start); a.push(Array.prototype.slice.call(arguments, start)); return f.apply(this, a); }; }
        function spread(f) { return function (a) { return f.apply(this, a); }; }
        function curry(f, n) {
            n = n === undefined ? f.length : n;
            return function curried() { var a = Array.prototype.slice.call(arguments); if (a.length >= n) { return f.apply(this, a); } return function () { return curried.apply(this, a.concat(Array.prototype.slice.call(arguments))); }; };
        }
        function flow() { var fs = flatten(arguments); return function () { var r = fs.length ? fs[0].apply(this, arguments) : arguments[0]; for (var i = 1; i < fs.length; i++) { r = fs[i].call(this, r); } return r; }; }
        function flowRight() { return flow.apply(null, flatten(arguments).reverse()); }
        function wrap(v, w) { return partial(w, v); }
        function timer(name) { var t = globalThis[name]; if (typeof t !== 'function') { throw new TypeError(name + ' is not available'); } return t; }
        function delay(f, wait) { var a = Array.prototype.slice.call(arguments, 2); return timer('setTimeout')(function () { f.apply(undefined, a); }, toNumber(wait) || 0); }
        function defer(f) { var a = Array.prototype.slice.call(arguments, 1); return timer('setTimeout')(function () { f.apply(undefined, a); }, 1); }
        function debounce(f, wait, opts) {
            var t, lastArgs, lastThis, res; wait = toNumber(wait) || 0; opts = opts || {};
            function d() {
                lastArgs = arguments; lastThis = this;
                if (t !== undefined) { timer('clearTimeout')(t); } else if (opts.leading) { res = f.apply(lastThis, lastArgs); }
                t = timer('setTimeout')(function () { t = undefined; if (opts.trailing !== false) { res = f.apply(lastThis, lastArgs); } }, wait);
                return res;
            }
            d.cancel = function () { if (t !== undefined) { timer('clearTimeout')(t); } t = undefined; };
            d.flush = function () { if (t !== undefined) { d.cancel(); res = f.apply(lastThis, lastArgs); } return res; };
            return d;
        }
        function throttle(f, wait, opts) { opts = opts || {}; return debounce(f, wait, { leading: opts.leading !== false, trailing: opts.trailing !== false }); }
        function attempt(f) { try { return f.apply(undefined, Array.prototype.slice.call(arguments, 1)); } catch (e) { return isError(e) ? e : new Error(e); } }
        function times(n, f) { n = toInteger(n); f = typeof f === 'function' ? f : identity; var out = []; for (var i = 0; i < n; i++) { out.push(f(i)); } return out; }
        function uniqueId(prefix) { return toString(prefix) + (++idCounter); }
        function constant(v) { return function () { return v; }; }
        function noop() {}
        function nthArg(n) { n = toInteger(n); return function () { return nth(arguments, n); }; }
        function defaultTo(v, d) { return (v == null || v !== v) ? d : v; }
        function propertyOf(o) { return function (p) { return get(o, p); }; }
        function mixin(obj, src) {
            if (src === undefined) { src = obj; obj = _; }
            functions(src).forEach(function (k) { obj[k] = src[k]; });
            return obj;
        }
        function conforms(src) { return function (o) { return keys(src).every(function (k) { return o != null && src[k](o[k]); }); }; }
        function cond(pairs) { return function () { for (var i = 0; i < pairs.length; i++) { if (pairs[i][0].apply(this, arguments)) { return pairs[i][1].apply(this, arguments); } } }; }
        function over(fs) { fs = flatten(arguments); return function () { var a = arguments, t = this; return fs.map(function (f) { return iteratee(f).apply(t, a); }); }; }
        function overEvery() { var fs = flatten(arguments); return function () { var a = arguments, t = this; return fs.every(function (f) { return iteratee(f).apply(t, a); }); }; }
        function overSome() { var fs = flatten(arguments); return function () { var a = arguments, t = this; return fs.some(function (f) { return iteratee(f).apply(t, a); }); }; }
        function toPath(v) { return Array.isArray(v) ? v.map(toKey) : stringToPath(toString(v)); }

        var api = {
            // lang
            isArray: Array.isArray, isObject: isObject, isObjectLike: isObjectLike, isFunction: isFunction, isString: isString,
            isNumber: isNumber, isBoolean: isBoolean, isPlainObject: isPlainObject, isArguments: isArguments, isArrayLike: isArrayLike,
            isArrayLikeObject: function (v) { return isObjectLike(v) && isArrayLike(v); },
            isLength: isLength, isNil: isNil, isNull: function (v) { return v === null; }, isUndefined: function (v) { return v === undefined; },
            isNaN: isNaNf, isFinite: function (v) { return typeof v === 'number' && isFinite(v); }, isInteger: isInteger,
            isSafeInteger: function (v) { return isInteger(v) && Math.abs(v) <= MAX_SAFE; },
            isDate: function (v) { return isObjectLike(v) && tag(v) === '[object Date]'; },
            isRegExp: function (v) { return isObjectLike(v) && tag(v) === '[object RegExp]'; },
            isError: isError, isMap: function (v) { return v instanceof Map; }, isSet: function (v) { return v instanceof Set; },
            isWeakMap: function (v) { return v instanceof WeakMap; }, isWeakSet: function (v) { return v instanceof WeakSet; },
            isSymbol: function (v) { return typeof v === 'symbol'; }, isTypedArray: isTypedArray,
            isArrayBuffer: function (v) { return v instanceof ArrayBuffer; }, isBuffer: function (v) { return !!(v && v.constructor && typeof v.constructor.isBuffer === 'function' && v.constructor.isBuffer(v)); },
            isElement: function () { return false; }, isNative: function (v) { return typeof v === 'function' && /\{\s*\[native code\]\s*\}/.test(Function.prototype.toString.call(v)); },
            isEmpty: isEmpty, isEqual: isEqual, isEqualWith: isEqualWith, isMatch: isMatch, isMatchWith: function (o, s, c) { return c ? isMatch(o, s) : isMatch(o, s); },
            eq: eq, gt: function (a, b) { return a > b; }, gte: function (a, b) { return a >= b; }, lt: function (a, b) { return a < b; }, lte: function (a, b) { return a <= b; },
            clone: clone, cloneDeep: cloneDeep, cloneWith: function (v, c) { var r = c ? c(v) : undefined; return r === undefined ? clone(v) : r; }, cloneDeepWith: cloneDeepWith,
            castArray: castArray, toArray: toArray, toNumber: toNumber, toInteger: toInteger, toFinite: toFinite, toSafeInteger: toSafeInteger,
            toLength: function (v) { return v ? clamp(toInteger(v), 0, 4294967295) : 0; }, toString: toString,
            toPlainObject: function (v) { var o = {}; for (var k in Object(v)) { o[k] = v[k]; } return o; },
            conformsTo: function (o, s) { return conforms(s)(o); },
            // collection
            each: forEach, forEach: forEach, eachRight: eachRight, forEachRight: eachRight, map: map, filter: filter, reject: reject,
            find: find, findLast: findLast, findIndex: findIndex, findLastIndex: findLastIndex, findKey: findKey, findLastKey: findLastKey,
            some: some, every: every, reduce: reduce, reduceRight: reduceRight, includes: includes, size: size, groupBy: groupBy,
            keyBy: keyBy, countBy: countBy, partition: partition, sortBy: sortBy, orderBy: orderBy, flatMap: flatMap,
            flatMapDeep: function (c, f) { return flattenDeep(map(c, f)); }, flatMapDepth: function (c, f, d) { return flattenDepth(map(c, f), d === undefined ? 1 : d); },
            invokeMap: invokeMap, sample: sample, sampleSize: sampleSize, shuffle: shuffle,
            // array
            chunk: chunk, compact: compact, concat: concat, difference: difference, differenceBy: differenceBy, differenceWith: differenceWith,
            drop: drop, dropRight: dropRight, dropWhile: dropWhile, dropRightWhile: dropRightWhile, fill: fill, first: head, head: head,
            flatten: flatten, flattenDeep: flattenDeep, flattenDepth: flattenDepth, fromPairs: fromPairs, indexOf: indexOf, lastIndexOf: lastIndexOf,
            initial: initial, intersection: intersection, intersectionBy: intersectionBy, join: join, last: last, nth: nth, pull: pull,
            pullAll: pullAll, pullAt: pullAt, remove: remove, reverse: reverse, slice: slice, sortedIndex: sortedIndex, sortedUniq: sortedUniq,
            tail: tail, take: take, takeRight: takeRight, takeWhile: takeWhile, takeRightWhile: takeRightWhile, union: union, unionBy: unionBy,
            uniq: uniq, uniqBy: uniqBy, uniqWith: uniqWith, unzip: unzip, without: without, xor: xor, zip: zip, zipWith: zipWith,
            zipObject: zipObject, zipObjectDeep: zipObjectDeep,
            // object
            assign: assign, assignIn: assignIn, extend: assignIn, assignWith: assignWith, at: at, create: create, defaults: defaults,
            defaultsDeep: defaultsDeep, entries: toPairs, toPairs: toPairs, entriesIn: toPairsIn, toPairsIn: toPairsIn, forIn: forIn,
            forOwn: forOwn, functions: functions, get: get, has: has, hasIn: hasIn, invert: invert, invertBy: invertBy, invoke: function (o, p) { var f = get(o, p), parent = castPath(p, o).length > 1 ? get(o, castPath(p, o).slice(0, -1)) : o; return f == null ? undefined : f.apply(parent, Array.prototype.slice.call(arguments, 2)); },
            keys: keys, keysIn: keysIn, mapKeys: mapKeys, mapValues: mapValues, merge: merge, mergeWith: mergeWith, omit: omit,
            omitBy: omitBy, pick: pick, pickBy: pickBy, result: result, set: set, setWith: function (o, p, v) { return set(o, p, v); },
            unset: unset, update: update, values: values, valuesIn: valuesIn, transform: transform,
            // math & number
            add: function (a, b) { return a + b; }, subtract: function (a, b) { return a - b; }, multiply: function (a, b) { return a * b; },
            divide: function (a, b) { return a / b; }, ceil: rounder('ceil'), floor: rounder('floor'), round: rounder('round'),
            max: max, maxBy: maxBy, min: min, minBy: minBy, mean: mean, meanBy: meanBy, sum: sum, sumBy: sumBy,
            clamp: clamp, inRange: inRange, random: random,
            // string
            camelCase: camelCase, capitalize: capitalize, deburr: deburr, endsWith: endsWith, escape: escape, escapeRegExp: escapeRegExp,
            kebabCase: kebabCase, lowerCase: lowerCase, lowerFirst: lowerFirst, pad: pad, padEnd: padEnd, padStart: padStart,
            parseInt: parseIntL, repeat: repeat, replace: replace, snakeCase: snakeCase, split: split, startCase: startCase,
            startsWith: startsWith, template: template, templateSettings: templateSettings, toLower: function (s) { return toString(s).toLowerCase(); },
            toUpper: function (s) { return toString(s).toUpperCase(); }, trim: trim, trimEnd: trimEnd, trimStart: trimStart,
            truncate: truncate, unescape: unescape, upperCase: upperCase, upperFirst: upperFirst, words: words,
            // function
            after: after, ary: ary, before: before, bind: bind, curry: curry, debounce: debounce, defer: defer, delay: delay, flip: flip,
            memoize: memoize, negate: negate, once: once, partial: partial, partialRight: partialRight, rest: rest, spread: spread,
            throttle: throttle, unary: unary, wrap: wrap, flow: flow, flowRight: flowRight,
            // util
            attempt: attempt, conforms: conforms, cond: cond, constant: constant, defaultTo: defaultTo, identity: identity, iteratee: iteratee,
            matches: matches, matchesProperty: matchesProperty, mixin: mixin, noop: noop, nthArg: nthArg, over: over, overEvery: overEvery,
            overSome: overSome, property: property, propertyOf: propertyOf, range: range, rangeRight: rangeRight,
            stubArray: function () { return []; }, stubFalse: function () { return false; }, stubObject: function () { return {}; },
            stubString: function () { return ''; }, stubTrue: function () { return true; }, times: times, toPath: toPath, uniqueId: uniqueId,
            now: function () { return Date.now(); }, noConflict: function () { return _; },
            chain: function (v) { var w = _(v); w.__chain__ = true; return w; },
            tap: function (v, f) { f(v); return v; }, thru: function (v, f) { return f(v); },
            VERSION: '4.17.21'
        };

        if (v3) {
            // lodash 3 names and behaviours for the legacy `_` global
            var v3api = {
                VERSION: '3.10.2',
                pluck: function (c, path) { return map(c, property(path)); },
                where: function (c, src) { return filter(c, matches(src)); },
                findWhere: function (c, src) { return find(c, matches(src)); },
                contains: includes, include: includes, indexBy: keyBy, pairs: toPairs, object: function (ks, vs) {
                    if (vs === undefined && Array.isArray(ks) && ks.every(Array.isArray)) { return fromPairs(ks); }
                    return zipObject(ks, vs);
                },
                zipObject: function (ks, vs) { return v3api.object(ks, vs); },
                rest: tail, trunc: function (s, o) { return typeof o === 'number' ? truncate(s, { length: o }) : truncate(s, o); },
                padLeft: padStart, padRight: padEnd, any: some, all: every, collect: map, detect: find, select: filter,
                foldl: reduce, inject: reduce, foldr: reduceRight, methods: functions, callback: iteratee, createCallback: iteratee,
                sortByOrder: function (c, fs, orders) { return orderBy(c, fs, orders); },
                sortByAll: function (c) { return sortBy.apply(null, arguments); },
                capitalize: function (s) { return upperFirst(toString(s)); },
                max: function (c, f) { var r = f === undefined ? max(isArrayLike(c) ? c : values(c)) : maxBy(isArrayLike(c) ? c : values(c), f); return r === undefined ? -Infinity : r; },
                min: function (c, f) { var r = f === undefined ? min(isArrayLike(c) ? c : values(c)) : minBy(isArrayLike(c) ? c : values(c), f); return r === undefined ? Infinity : r; },
                sum: function (c, f) { return sumBy(isArrayLike(c) ? c : values(c), f); },
                uniq: function (a, isSorted, f) { if (typeof isSorted !== 'boolean' && isSorted != null) { f = isSorted; } return f ? uniqBy(a, f) : uniq(a); },
                unique: function (a, isSorted, f) { return v3api.uniq(a, isSorted, f); },
                flatten: function (a, deep) { return deep ? flattenDeep(a) : flatten(a); },
                isFinite: function (v) { return typeof v === 'number' && isFinite(v); },
                includes: function (c, v, from) { return includes(c, v, from); }
            };
            assign(api, v3api);
        }

        // ---------- wrapper (`_(value)`, `_.chain(value)`)
        function Wrapper(v, chain) { this.__wrapped__ = v; this.__chain__ = !!chain; }
        var valueMethods = /^(?:is[A-Z]|to[A-Z]|every|some|find|includes|contains|reduce|sum|mean|max|min|first|head|last|nth|join|size|get|has|result|indexOf|lastIndexOf|isEqual|camelCase|capitalize|escape|kebabCase|pad|repeat|snakeCase|startCase|trim|upperFirst|lowerFirst|parseInt|random|sample|identity|noConflict|template|words|clamp|inRange|add|subtract|multiply|divide|ceil|floor|round|eq|gt|lt|uniqueId|endsWith|startsWith|truncate|unescape|deburr|lowerCase|upperCase|findKey|findLastKey|findIndex|findLastIndex|reduceRight|sortedIndex|pluck$)/;
        Wrapper.prototype.value = Wrapper.prototype.valueOf = Wrapper.prototype.toJSON = Wrapper.prototype.run = function () { return this.__wrapped__; };
        Wrapper.prototype.toString = function () { return toString(this.__wrapped__); };
        Wrapper.prototype.chain = function () { this.__chain__ = true; return this; };
        Wrapper.prototype.commit = function () { return new Wrapper(this.__wrapped__, this.__chain__); };
        Wrapper.prototype[Symbol.iterator] = function () { return toArray(this.__wrapped__)[Symbol.iterator](); };
        Wrapper.prototype.tap = function (f) { f(this.__wrapped__); return this; };
        Wrapper.prototype.thru = function (f) { return new Wrapper(f(this.__wrapped__), this.__chain__); };
        Wrapper.prototype.plant = function (v) { return new Wrapper(v, this.__chain__); };
        ['pop', 'push', 'shift', 'sort', 'splice', 'unshift'].forEach(function (m) {
            Wrapper.prototype[m] = function () {
                var a = this.__wrapped__, r = Array.prototype[m].apply(a, arguments);
                return (m === 'pop' || m === 'shift') && !this.__chain__ ? r : new Wrapper(m === 'push' || m === 'unshift' || m === 'sort' ? a : r, this.__chain__);
            };
        });
        function addWrapperMethod(name, fn) {
            Wrapper.prototype[name] = function () {
                var args = [this.__wrapped__].concat(Array.prototype.slice.call(arguments));
                var r = fn.apply(_, args);
                if (!this.__chain__ && valueMethods.test(name)) { return r; }
                return new Wrapper(r, this.__chain__);
            };
        }
        Object.keys(api).forEach(function (k) {
            _[k] = api[k];
            if (typeof api[k] === 'function' && !(k in Wrapper.prototype) && k !== 'chain' && k !== 'mixin') { addWrapperMethod(k, api[k]); }
        });
        _.mixin = function (obj, src, opts) {
            if (src === undefined || (src && !functions(src).length && typeof obj === 'object')) { opts = src; src = obj; obj = _; }
            functions(src).forEach(function (k) {
                obj[k] = src[k];
                if (obj === _) { addWrapperMethod(k, src[k]); }
            });
            return obj;
        };
        _.prototype = Wrapper.prototype;
        return _;
    }

    var v3;
    return {
        lodash: make(false),
        // built on first use of the legacy `_`
        get lodash3() { return v3 || (v3 = make(true)); }
    };
})

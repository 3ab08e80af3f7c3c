// inspect.js: console argument rendering. Newman's sandbox sends console
// arguments through teleport-javascript (functions become '[Function: f]'
// strings, errors plain {type, name, message} objects, class instances plain
// objects, toJSON honoured), and its CLI prints each argument with Node's
// util.inspect({depth: 25, maxArrayLength: 100, colors: false,
// breakLength: 44 when stdout has no width}). This file does both steps.

const INSPECT_DEPTH = 25;
const INSPECT_MAX_ARRAY = 100;
const INSPECT_BREAK = 44;
const INSPECT_COMPACT = 3;

// --- step 1: what survives the trip out of the sandbox -------------------

function isTypedArray(v) {
    return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

function teleport(value, seen) {
    if (value === null || value === undefined) { return value; }
    const t = typeof value;
    if (t === 'function') {
        const ctor = value.constructor && value.constructor.name ? value.constructor.name : 'Function';
        return value.name ? '[' + ctor + ': ' + value.name + ']' : '[' + ctor + ']';
    }
    if (t !== 'object') { return t === 'number' && Object.is(value, -0) ? 0 : value; }
    if (seen.has(value)) { return seen.get(value); }
    if (value instanceof Date || value instanceof RegExp) { return value; }
    if (isTypedArray(value)) { return value; }
    if (value instanceof WeakMap) { return '[WeakMap]'; }
    if (value instanceof WeakSet) { return '[WeakSet]'; }
    if (value instanceof ArrayBuffer) { return '[ArrayBuffer { byteLength: ' + value.byteLength + ' }]'; }
    if (value instanceof Number || value instanceof String || value instanceof Boolean) { return value.valueOf(); }
    if (value instanceof Error) {
        const out = { type: 'Error', name: value.name, message: value.message };
        seen.set(value, out);
        return out;
    }
    if (value instanceof Map) {
        const out = new Map();
        seen.set(value, out);
        for (const [k, v] of value) { out.set(teleport(k, seen), teleport(v, seen)); }
        return out;
    }
    if (value instanceof Set) {
        const out = new Set();
        seen.set(value, out);
        for (const v of value) { out.add(teleport(v, seen)); }
        return out;
    }
    if (!Array.isArray(value) && isFunction(value.toJSON)) {
        let json;
        try { json = value.toJSON(); } catch (_) { json = undefined; }
        if (json !== value) { return teleport(json, seen); }
    }
    if (Array.isArray(value)) {
        const out = new Array(value.length);
        seen.set(value, out);
        for (let i = 0; i < value.length; i++) { out[i] = teleport(value[i], seen); }
        return out;
    }
    const out = {};
    seen.set(value, out);
    for (const k of Object.keys(value)) {
        let v;
        try { v = value[k]; } catch (_) { v = undefined; }
        out[k] = teleport(v, seen);
    }
    return out;
}

// --- step 2: Node's util.inspect (colors off) ----------------------------

const META = [
    '\\x00', '\\x01', '\\x02', '\\x03', '\\x04', '\\x05', '\\x06', '\\x07',
    '\\b', '\\t', '\\n', '\\x0B', '\\f', '\\r', '\\x0E', '\\x0F',
    '\\x10', '\\x11', '\\x12', '\\x13', '\\x14', '\\x15', '\\x16', '\\x17',
    '\\x18', '\\x19', '\\x1A', '\\x1B', '\\x1C', '\\x1D', '\\x1E', '\\x1F'
];

function escapeChar(code, quote) {
    if (code === quote) { return '\\' + String.fromCharCode(code); }
    if (code === 92) { return '\\\\'; }
    if (code < 32) { return META[code]; }
    if (code >= 0x7F && code <= 0x9F) { return '\\x' + code.toString(16).toUpperCase(); }
    return '\\u' + code.toString(16).toUpperCase().padStart(4, '0');
}

function strEscape(str) {
    let quote = 39; // '
    if (str.indexOf('\'') !== -1) {
        if (str.indexOf('"') === -1) { quote = 34; }
        else if (str.indexOf('`') === -1 && str.indexOf('${') === -1) { quote = 96; }
    }
    let out = '';
    let last = 0;
    for (let i = 0; i < str.length; i++) {
        const c = str.charCodeAt(i);
        let esc = null;
        if (c === quote || c === 92 || c < 32 || (c > 126 && c < 160)) { esc = escapeChar(c, quote); }
        else if (c >= 0xD800 && c <= 0xDFFF) {
            if (c <= 0xDBFF && i + 1 < str.length) {
                const next = str.charCodeAt(i + 1);
                if (next >= 0xDC00 && next <= 0xDFFF) { i++; continue; }
            }
            esc = escapeChar(c, quote);
        }
        if (esc !== null) {
            out += str.slice(last, i) + esc;
            last = i + 1;
        }
    }
    out += str.slice(last);
    const q = String.fromCharCode(quote);
    return q + out + q;
}

const IDENT_KEY = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

function formatPrimitive(value, ctx) {
    switch (typeof value) {
        case 'string': {
            if (value.length > 16 && value.length > ctx.breakLength - ctx.indentationLvl - 4) {
                const lines = value.split(/(?<=\n)/);
                if (lines.length > 1) {
                    return lines.map(strEscape).join(' +\n' + ' '.repeat(ctx.indentationLvl + 2));
                }
            }
            return strEscape(value);
        }
        case 'number': return Object.is(value, -0) ? '-0' : String(value);
        case 'bigint': return String(value) + 'n';
        case 'boolean': return String(value);
        case 'undefined': return 'undefined';
        case 'symbol': return value.toString();
        default: return String(value);
    }
}

function formatValue(ctx, value, recurseTimes) {
    if (value === null) { return 'null'; }
    if (typeof value !== 'object' && typeof value !== 'function') { return formatPrimitive(value, ctx); }
    if (ctx.seen.indexOf(value) !== -1) {
        let index = 1;
        if (ctx.circular === undefined) {
            ctx.circular = new Map();
            ctx.circular.set(value, index);
        }
        else {
            index = ctx.circular.get(value);
            if (index === undefined) {
                index = ctx.circular.size + 1;
                ctx.circular.set(value, index);
            }
        }
        return '[Circular *' + index + ']';
    }
    return formatRaw(ctx, value, recurseTimes);
}

function formatRaw(ctx, value, recurseTimes) {
    let keys;
    let braces;
    let formatter = null;
    let extrasArray = false;
    let base = '';
    if (typeof value === 'function') {
        const name = value.name ? ': ' + value.name : ' (anonymous)';
        base = '[Function' + name + ']';
        keys = Object.keys(value);
        if (keys.length === 0) { return base; }
        braces = ['{', '}'];
    }
    else if (Array.isArray(value)) {
        keys = Object.keys(value).filter((k) => !/^(0|[1-9][0-9]*)$/.test(k));
        braces = ['[', ']'];
        if (value.length === 0 && keys.length === 0) { return '[]'; }
        extrasArray = true;
        formatter = formatArray;
    }
    else if (value instanceof Set) {
        keys = Object.keys(value);
        const prefix = 'Set(' + value.size + ') ';
        if (value.size === 0 && keys.length === 0) { return prefix + '{}'; }
        braces = [prefix + '{', '}'];
        formatter = formatSet;
    }
    else if (value instanceof Map) {
        keys = Object.keys(value);
        const prefix = 'Map(' + value.size + ') ';
        if (value.size === 0 && keys.length === 0) { return prefix + '{}'; }
        braces = [prefix + '{', '}'];
        formatter = formatMap;
    }
    else if (isTypedArray(value)) {
        keys = [];
        const isBuffer = G.Buffer && isFunction(G.Buffer.isBuffer) && G.Buffer.isBuffer(value);
        if (isBuffer) {
            let hex = '';
            const max = Math.min(value.length, 50);
            for (let i = 0; i < max; i++) { hex += ' ' + (value[i] < 16 ? '0' : '') + value[i].toString(16); }
            value.length > 50 && (hex += ' ... ' + (value.length - 50) + ' more byte' + (value.length - 50 > 1 ? 's' : ''));
            return '<Buffer' + hex + '>';
        }
        const prefix = value.constructor.name + '(' + value.length + ') ';
        if (value.length === 0) { return prefix + '[]'; }
        braces = [prefix + '[', ']'];
        extrasArray = true;
        formatter = formatArray;
    }
    else {
        keys = Object.keys(value);
        if (value instanceof Date) {
            base = isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
            if (keys.length === 0) { return base; }
        }
        else if (value instanceof RegExp) {
            base = RegExp.prototype.toString.call(value);
            if (keys.length === 0) { return base; }
        }
        braces = ['{', '}'];
        if (!base && keys.length === 0) { return '{}'; }
    }

    if (recurseTimes > ctx.depth) {
        return Array.isArray(value) ? '[Array]' : '[Object]';
    }
    recurseTimes += 1;
    ctx.seen.push(value);
    ctx.currentDepth = recurseTimes;
    const output = formatter ? formatter(ctx, value, recurseTimes) : [];
    for (const key of keys) {
        output.push(formatProperty(ctx, value, recurseTimes, key, extrasArray));
    }
    if (ctx.circular !== undefined) {
        const index = ctx.circular.get(value);
        if (index !== undefined) {
            const reference = '<ref *' + index + '>';
            base = base === '' ? reference : reference + ' ' + base;
        }
    }
    ctx.seen.pop();
    return reduceToSingleString(ctx, output, base, braces, extrasArray, recurseTimes, value);
}

function formatArray(ctx, value, recurseTimes) {
    const len = Math.min(INSPECT_MAX_ARRAY, value.length);
    const remaining = value.length - len;
    const output = [];
    for (let i = 0; i < len; i++) {
        output.push(formatProperty(ctx, value, recurseTimes, i, true));
    }
    remaining > 0 && output.push('... ' + remaining + ' more item' + (remaining > 1 ? 's' : ''));
    return output;
}

function formatSet(ctx, value, recurseTimes) {
    const output = [];
    ctx.indentationLvl += 2;
    for (const v of value) { output.push(formatValue(ctx, v, recurseTimes)); }
    ctx.indentationLvl -= 2;
    return output;
}

function formatMap(ctx, value, recurseTimes) {
    const output = [];
    ctx.indentationLvl += 2;
    for (const [k, v] of value) {
        output.push(formatValue(ctx, k, recurseTimes) + ' => ' + formatValue(ctx, v, recurseTimes));
    }
    ctx.indentationLvl -= 2;
    return output;
}

function formatProperty(ctx, value, recurseTimes, key, inArray) {
    let str;
    const desc = Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
    if (desc.value !== undefined) {
        ctx.indentationLvl += 2;
        str = formatValue(ctx, desc.value, recurseTimes);
        ctx.indentationLvl -= 2;
    }
    else if (desc.get !== undefined) {
        str = desc.set !== undefined ? '[Getter/Setter]' : '[Getter]';
    }
    else if (desc.set !== undefined) { str = '[Setter]'; }
    else { str = 'undefined'; }
    if (inArray) { return str; }
    let name;
    if (typeof key === 'symbol') { name = '[' + key.toString() + ']'; }
    else if (key === '__proto__') { name = '[\'__proto__\']'; }
    else if (desc.enumerable === false) { name = '[' + key + ']'; }
    else if (IDENT_KEY.test(key)) { name = key; }
    else { name = strEscape(key); }
    return name + ': ' + str;
}

function groupArrayElements(ctx, output, value) {
    let totalLength = 0;
    let maxLength = 0;
    let outputLength = output.length;
    if (INSPECT_MAX_ARRAY < output.length) { outputLength--; }
    const separatorSpace = 2;
    const dataLen = new Array(outputLength);
    for (let i = 0; i < outputLength; i++) {
        const len = output[i].length;
        dataLen[i] = len;
        totalLength += len + separatorSpace;
        maxLength < len && (maxLength = len);
    }
    const actualMax = maxLength + separatorSpace;
    if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
        (totalLength / actualMax > 5 || maxLength <= 6)) {
        const averageBias = Math.sqrt(actualMax - totalLength / output.length);
        const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
        const columns = Math.min(
            Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
            Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
            INSPECT_COMPACT * 4,
            15
        );
        if (columns <= 1) { return output; }
        const tmp = [];
        const maxLineLength = [];
        for (let i = 0; i < columns; i++) {
            let lineLength = 0;
            for (let j = i; j < output.length; j += columns) {
                dataLen[j] > lineLength && (lineLength = dataLen[j]);
            }
            maxLineLength.push(lineLength + separatorSpace);
        }
        let padStart = true;
        if (value !== undefined) {
            for (let i = 0; i < output.length; i++) {
                if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') { padStart = false; break; }
            }
        }
        for (let i = 0; i < outputLength; i += columns) {
            const max = Math.min(i + columns, outputLength);
            let str = '';
            let j = i;
            for (; j < max - 1; j++) {
                const cell = output[j] + ', ';
                str += padStart ? cell.padStart(maxLineLength[j - i], ' ') : cell.padEnd(maxLineLength[j - i], ' ');
            }
            if (padStart) { str += output[j].padStart(maxLineLength[j - i] - separatorSpace, ' '); }
            else { str += output[j]; }
            tmp.push(str);
        }
        INSPECT_MAX_ARRAY < output.length && tmp.push(output[outputLength]);
        output = tmp;
    }
    return output;
}

function isBelowBreakLength(ctx, output, start, base) {
    let total = output.length + start;
    if (total + output.length > ctx.breakLength) { return false; }
    for (let i = 0; i < output.length; i++) {
        total += output[i].length;
        if (total > ctx.breakLength) { return false; }
    }
    return base === '' || base.indexOf('\n') === -1;
}

function reduceToSingleString(ctx, output, base, braces, extrasArray, recurseTimes, value) {
    const entries = output.length;
    if (extrasArray && entries > 6) { output = groupArrayElements(ctx, output, value); }
    if (ctx.currentDepth - recurseTimes < INSPECT_COMPACT && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
            const joined = output.join(', ');
            if (joined.indexOf('\n') === -1) {
                return (base ? base + ' ' : '') + braces[0] + ' ' + joined + ' ' + braces[1];
            }
        }
    }
    const indentation = '\n' + ' '.repeat(ctx.indentationLvl);
    return (base ? base + ' ' : '') + braces[0] + indentation + '  ' +
        output.join(',' + indentation + '  ') + indentation + braces[1];
}

function inspectValue(value) {
    const ctx = {
        depth: INSPECT_DEPTH,
        breakLength: INSPECT_BREAK,
        indentationLvl: 0,
        currentDepth: 0,
        seen: [],
        circular: undefined
    };
    return formatValue(ctx, value, 0);
}

// One console argument as the user sees it in Newman's CLI.
function renderConsoleArg(value) {
    try {
        return inspectValue(teleport(value, new Map()));
    }
    catch (e) {
        try { return String(value); } catch (_) { return '[object]'; }
    }
}

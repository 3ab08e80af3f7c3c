// require.js: `require(name)` for scripts. Built-in modules come from the
// native libraries (`globalThis.__pg_modules`) plus the few the pm prelude
// provides itself; anything else is loaded as CommonJS from the configured
// module directories, through a native reader that refuses paths outside
// them. Unknown names fail like Node: `Cannot find module 'x'`.

const INDIRECT_EVAL = eval;
const BUILTIN_EXTRA = {};

function builtinModules() {
    return G.__pg_modules || {};
}

function moduleNotFound(name) {
    const err = new Error('Cannot find module \'' + name + '\'');
    err.code = 'MODULE_NOT_FOUND';
    return err;
}

function normalizePath(path) {
    const abs = path.charCodeAt(0) === 47;
    const out = [];
    for (const seg of path.split('/')) {
        if (seg === '' || seg === '.') { continue; }
        if (seg === '..') { out.pop(); continue; }
        out.push(seg);
    }
    return (abs ? '/' : '') + out.join('/');
}

function dirname(path) {
    const i = path.lastIndexOf('/');
    return i <= 0 ? '/' : path.slice(0, i);
}

// Loaded CommonJS modules by absolute path (per worker, like Node's cache).
const MODULE_CACHE = new Map();

function tryFile(path) {
    if (native.modStat(path) === 1) { return path; }
    for (const ext of ['.js', '.json', '.cjs']) {
        if (native.modStat(path + ext) === 1) { return path + ext; }
    }
    return null;
}

function tryDirectory(path) {
    if (native.modStat(path) !== 2) { return null; }
    const pkgText = native.modRead(path + '/package.json');
    if (pkgText !== undefined) {
        let pkg;
        try { pkg = NATIVE_JSON_PARSE(pkgText); } catch (_) { pkg = null; }
        if (pkg && isString(pkg.main) && pkg.main) {
            const main = normalizePath(path + '/' + pkg.main);
            const found = tryFile(main) || tryFile(main + '/index');
            if (found) { return found; }
        }
    }
    return tryFile(path + '/index');
}

function resolveModule(name, fromDir) {
    if (name.startsWith('./') || name.startsWith('../') || name === '.' || name === '..' || name.startsWith('/')) {
        if (fromDir === null && !name.startsWith('/')) { return null; }
        const base = name.startsWith('/') ? normalizePath(name) : normalizePath(fromDir + '/' + name);
        return tryFile(base) || tryDirectory(base);
    }
    const dirs = [];
    if (fromDir !== null) {
        // node_modules folders above the requiring file, then the roots
        let d = fromDir;
        for (;;) {
            if (!d.endsWith('/node_modules')) { dirs.push(d + '/node_modules'); }
            const up = dirname(d);
            if (up === d) { break; }
            d = up;
        }
    }
    for (const root of MODULE_DIRS) { dirs.push(root); }
    for (const d of dirs) {
        const base = normalizePath(d + '/' + name);
        const found = tryFile(base) || tryDirectory(base);
        if (found) { return found; }
    }
    return null;
}

function loadModule(path) {
    if (MODULE_CACHE.has(path)) { return MODULE_CACHE.get(path).exports; }
    const source = native.modRead(path);
    if (source === undefined) { throw moduleNotFound(path); }
    const module = { exports: {}, id: path, filename: path, loaded: false };
    MODULE_CACHE.set(path, module);
    try {
        if (path.endsWith('.json')) {
            module.exports = liquidParse(source);
        }
        else {
            const wrapper = INDIRECT_EVAL('(function (exports, require, module, __filename, __dirname) {' +
                source.replace(/^#!.*/, '') + '\n})');
            const dir = dirname(path);
            wrapper.call(module.exports, module.exports, makeRequire(dir), module, path, dir);
        }
    }
    catch (e) {
        MODULE_CACHE.delete(path);
        throw e;
    }
    module.loaded = true;
    return module.exports;
}

function makeRequire(fromDir) {
    return function require(name) {
        if (typeof name !== 'string') {
            throw new TypeError('The "id" argument must be of type string. Received ' + typeof name);
        }
        if (hasOwn.call(BUILTIN_EXTRA, name)) { return BUILTIN_EXTRA[name]; }
        const builtins = builtinModules();
        if (name.slice(0, 2) !== '__' && hasOwn.call(builtins, name)) { return builtins[name]; }
        if (MODULE_DIRS.length) {
            const path = resolveModule(name, fromDir);
            if (path) { return loadModule(path); }
        }
        throw moduleNotFound(name);
    };
}

const SCRIPT_REQUIRE = makeRequire(null);
defineGlobalFn('require', SCRIPT_REQUIRE);

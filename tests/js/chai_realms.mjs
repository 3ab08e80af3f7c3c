// Loading the two implementations under test into fresh node `vm` realms, and running a case.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');

// ---------------------------------------------------------------- realm A: real chai
export function findChai() {
  const candidates = [path.join(root, 'node_modules', 'chai'), '/tmp/chairef/node_modules/chai'];
  for (const c of candidates) {
    if (fs.existsSync(path.join(c, 'package.json'))) return c;
  }
  throw new Error('real chai not found: run `npm install` at the repository root (chai@4.4.1)');
}

export function loadRealChai() {
  const chaiDir = findChai();
  const version = JSON.parse(fs.readFileSync(path.join(chaiDir, 'package.json'), 'utf8')).version;
  const ctx = vm.createContext({ console });
  const nodeRequire = createRequire(path.join(chaiDir, 'index.js'));
  const cache = new Map();
  const load = (file) => {
    if (cache.has(file)) return cache.get(file).exports;
    const module = { exports: {} };
    cache.set(file, module);
    const src = fs.readFileSync(file, 'utf8');
    const fn = vm.runInContext('(function (exports, require, module, __filename, __dirname) {' + src + '\n})', ctx, { filename: file });
    fn.call(module.exports, module.exports, makeRequire(path.dirname(file)), module, file, path.dirname(file));
    return module.exports;
  };
  const makeRequire = (dir) => (id) => {
    // node core modules are not available inside the Postman sandbox bundle either
    if (!id.startsWith('.') && !id.startsWith('/') && !fs.existsSync(path.join(root, 'node_modules', id)) &&
        !fs.existsSync(path.join(path.dirname(chaiDir), id))) {
      throw new Error("Cannot find module '" + id + "'");
    }
    const resolved = createRequire(path.join(dir, 'x.js')).resolve(id);
    return load(resolved);
  };
  void nodeRequire;
  const chai = load(path.join(chaiDir, 'index.js'));
  ctx.__chai = chai;
  return { ctx, chai, version };
}

// ---------------------------------------------------------------- realm B: postgate
export function loadOurs() {
  const ctx = vm.createContext({});
  for (const f of ['chai.js', 'chai_postman.js']) {
    const file = path.join(root, 'runner', 'src', 'script', 'js', f);
    vm.runInContext(fs.readFileSync(file, 'utf8'), ctx, { filename: file });
  }
  vm.runInContext(FAKE_SDK, ctx, { filename: 'fake-sdk.js' });
  ctx.__chai = ctx.__pg_chai;
  return { ctx, chai: ctx.__pg_chai };
}

// A stand-in for the response/request objects other parts of postgate build (marker: __pg_kind).
export const FAKE_SDK = String.raw`
globalThis.__mkHeaders = function (list) {
  list = list || [];
  const find = (k) => { let hit; for (const h of list) if (h.key.toLowerCase() === String(k).toLowerCase()) hit = h; return hit; };
  return {
    get: (k) => { const h = find(k); return h ? h.value : undefined; },
    one: (k) => find(k),
    has: (k, v) => { const h = find(k); return !!h && (v === undefined || h.value === v); },
    toObject: () => { const o = {}; for (const h of list) o[h.key] = h.value; return o; },
    all: () => list.slice(),
    each: (fn) => list.forEach(fn)
  };
};
globalThis.__mkRes = function (o) {
  o = o || {};
  const res = {
    code: o.code === undefined ? 200 : o.code,
    status: o.status === undefined ? 'OK' : o.status,
    headers: __mkHeaders(o.headers),
    responseTime: o.responseTime === undefined ? 120 : o.responseTime,
    responseSize: o.body === undefined ? 0 : o.body.length,
    text() { return o.body === undefined ? '' : o.body; },
    json() {
      try { return JSON.parse(this.text()); }
      catch (e) {
        const err = new Error(o.jsonError || "Unexpected token 'x' at 1:1\nxyz\n^");
        err.name = 'JSONError';
        throw err;
      }
    },
    reason() { return this.status; },
    details() { return { code: this.code, name: this.status, detail: '' }; },
    size() { return { body: o.body === undefined ? 0 : o.body.length, header: o.headerSize || 0 }; }
  };
  Object.defineProperty(res, '__pg_kind', { value: 'response' });
  return res;
};
globalThis.__mkReq = function (o) {
  o = o || {};
  const req = { url: { toString: () => 'https://example.com/' }, method: 'GET', headers: __mkHeaders(o.headers) };
  Object.defineProperty(req, '__pg_kind', { value: 'request' });
  return req;
};
`;

// ---------------------------------------------------------------- running a case
export const RUNNER = `(function (__code) {
  const chai = __chai;
  const expect = chai.expect;
  let fn;
  try { fn = new Function('expect', 'chai', __code); }
  catch (e) { return { ok: false, name: 'SyntaxErrorInCase', message: String(e && e.message) }; }
  try {
    const v = fn(expect, chai);
    return { ok: true, value: v === undefined ? undefined : (typeof v === 'string' ? v : chai.util.inspect(v)) };
  } catch (e) {
    const r = { ok: false, name: e && e.name, message: e && e.message };
    if (e && e.name === 'AssertionError') {
      r.showDiff = e.showDiff;
      r.operator = e.operator;
      r.hasActual = 'actual' in e;
      r.hasExpected = 'expected' in e;
      try { r.actual = chai.util.inspect(e.actual); } catch (x) { r.actual = '<inspect threw ' + x.message + '>'; }
      try { r.expected = chai.util.inspect(e.expected); } catch (x) { r.expected = '<inspect threw ' + x.message + '>'; }
      r.instanceofError = e instanceof Error;
      r.stackHead = typeof e.stack === 'string' && e.stack.indexOf('AssertionError: ' + e.message) === 0;
    }
    return r;
  }
})`;

export function runIn(realm, code) {
  const runner = realm.runner || (realm.runner = vm.runInContext(RUNNER, realm.ctx));
  return runner(code);
}


#!/usr/bin/env node
// postgate's chai.js + chai_postman.js against the real postman-sandbox 4.7.1 (the sandbox that
// Newman 6.2 runs: its bundle carries chai 4.4.1, chai-postman 2.0.1, sugar.js, lodash, ajv).
//
//   node tests/js/chai_sandbox_check.mjs [--verbose] [filter]
//
// Needs node_modules/postman-sandbox (installed with the dev dependency on newman). Every corpus
// case runs inside a `pm.test` of one sandbox execution; chai-postman cases get real
// postman-collection Response/Request objects (built with `require('postman-collection')` in the
// sandbox) where postgate gets its stand-ins. Cases whose message renders the response object
// itself, or that need postgate's schema hook, are skipped (listed with --verbose).
import path from 'node:path';
import { createRequire } from 'node:module';
import { cases, postmanCases } from './chai_corpus.mjs';
import { loadOurs, runIn, root } from './chai_realms.mjs';

const verbose = process.argv.includes('--verbose');
const filter = process.argv.slice(2).find((a) => !a.startsWith('--'));
const req = createRequire(path.join(root, 'package.json'));
let Sandbox;
try {
  Sandbox = req('postman-sandbox');
} catch (e) {
  console.log('postman-sandbox is not installed (npm install at the repository root); nothing checked');
  console.log('0 passed, 0 failed');
  process.exit(0);
}

// the same helpers as chai_realms.mjs's FAKE_SDK, on postman-collection objects
const SDK_PRELUDE = `
const __sdk = require('postman-collection');
function __mkRes(o) {
  o = o || {};
  return new __sdk.Response({ code: o.code === undefined ? 200 : o.code, status: o.status === undefined ? 'OK' : o.status,
    header: o.headers || [], body: o.body === undefined ? '' : o.body, responseTime: o.responseTime === undefined ? 120 : o.responseTime });
}
function __mkReq(o) {
  o = o || {};
  return new __sdk.Request({ url: 'https://example.com/', method: 'GET', header: o.headers || [] });
}
`;

// chai-postman cases that cannot be replayed as is on postman-collection objects
const SKIP = [
  /__pg_schema_validate/, // postgate's schema hook (ajv runs natively in postgate)
  /headerSize/, // the stand-in's size() is not postman-collection's
  /to\.have\.property\("code", 201\)/, // renders the response object itself
  /jsonError/,
  /\b\d+n\b/, // BigInt actual/expected values cannot cross the sandbox bridge (JSON)
  /globalThis/ // not defined in the sandbox's scope (uniscope)
];

const selected = cases.concat(postmanCases.map((c) => c.code))
  .filter((code) => !filter || code.includes(filter));
const skipped = selected.filter((code) => SKIP.some((re) => re.test(code)));
const run = selected.filter((code) => !skipped.includes(code));

let script = SDK_PRELUDE;
run.forEach((code, i) => {
  script += `pm.test(${JSON.stringify('case-' + i)}, function () {
  const __v = new Function('expect', 'chai', '__mkRes', '__mkReq', ${JSON.stringify(code)})(pm.expect, require('chai'), __mkRes, __mkReq);
  if (__v !== undefined) {
    const e = new Error(typeof __v === 'string' ? __v : require('chai').util.inspect(__v));
    e.name = '__VALUE__';
    throw e;
  }
});
`;
});

const results = new Map();
await new Promise((resolve, reject) => {
  Sandbox.createContext({}, (err, ctx) => {
    if (err) return reject(err);
    ctx.on('execution.assertion', (cursor, assertions) => {
      for (const a of assertions) results.set(a.name, a);
    });
    ctx.execute(script, { timeout: 60000 }, (err) => {
      ctx.dispose();
      if (err) return reject(err);
      resolve();
    });
  });
});

const ours = loadOurs();
let passed = 0;
let failed = 0;
run.forEach((code, i) => {
  const a = results.get('case-' + i);
  let sandbox;
  if (!a) sandbox = { ok: false, name: 'NO_RESULT' };
  else if (a.passed) sandbox = { ok: true };
  else if (a.error && a.error.name === '__VALUE__') sandbox = { ok: true, value: a.error.message };
  else sandbox = { ok: false, name: a.error && a.error.name, message: a.error && a.error.message };
  const mine = runIn(ours, code);
  const diffs = ['ok', 'name', 'message', 'value'].filter((k) => sandbox[k] !== mine[k]);
  if (diffs.length === 0) {
    passed++;
    if (verbose) console.log('ok   ' + code);
  } else {
    failed++;
    console.log('MISMATCH (' + diffs.join(', ') + '): ' + code + '\n  sandbox:  ' + JSON.stringify(sandbox) + '\n  postgate: ' +
      JSON.stringify({ ok: mine.ok, name: mine.name, message: mine.message, value: mine.value }));
  }
});
if (verbose) skipped.forEach((code) => console.log('skipped: ' + code));
console.log(`(postman-sandbox ${req('postman-sandbox/package.json').version}; ${run.length} cases, ${skipped.length} skipped)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

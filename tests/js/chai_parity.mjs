#!/usr/bin/env node
// Parity harness: postgate's chai.js + chai_postman.js against the real chai 4.4.1.
//
//   node tests/js/chai_parity.mjs [--verbose] [filter]
//
// Every case is a snippet of JavaScript run twice, each time in a fresh realm of its own:
//   realm A: the real chai 4.4.1 from node_modules (loaded with a tiny CommonJS loader, so that
//            values created by the snippet and chai's intrinsics share one realm, as in Postman);
//   realm B: runner/src/script/js/chai.js + chai_postman.js (plain scripts, `__pg_chai`).
// Both must agree on: passed/failed, error name, error message and, for AssertionErrors,
// showDiff / operator / the rendering of `actual` and `expected`.
// chai-postman is not installed on its own; its cases (POSTMAN in chai_corpus.mjs) run in realm B
// only and are checked against messages derived by hand from chai-postman 2.0.1's lib/index.js.
// chai_sandbox_check.mjs replays the whole corpus, chai-postman included, in the real
// postman-sandbox 4.7.1 (Newman's), which confirms those hand-derived messages.
import vm from 'node:vm';
import { cases, postmanCases, isolatedCases, knownDivergences } from './chai_corpus.mjs';
import { loadRealChai, loadOurs, runIn, RUNNER, FAKE_SDK } from './chai_realms.mjs';
const verbose = process.argv.includes('--verbose');
const filter = process.argv.slice(2).find((a) => !a.startsWith('--'));

// ---------------------------------------------------------------- run
const ours = loadOurs();
if (process.argv.includes('--dump')) {
  // cases + postgate's results under node, for cross-checking the same scripts in another engine
  // (see qjs_crosscheck.py)
  const out = { runner: RUNNER, fakeSdk: FAKE_SDK, cases: [] };
  for (const code of cases.concat(postmanCases.map((c) => c.code))) out.cases.push({ code, result: runIn(ours, code) });
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}
const real = loadRealChai();
let passed = 0;
let failed = 0;
const show = (r) => JSON.stringify(r);

function compare(code) {
  const a = runIn(real, code);
  const b = runIn(ours, code);
  const diffs = [];
  for (const k of ['ok', 'name', 'message', 'value', 'showDiff', 'operator', 'hasActual', 'hasExpected', 'actual', 'expected', 'instanceofError']) {
    if (a[k] !== b[k]) diffs.push(k);
  }
  if (b.ok === false && b.name === 'AssertionError' && !b.stackHead) diffs.push('stack');
  return { a, b, diffs };
}

for (const code of cases) {
  if (filter && !code.includes(filter)) continue;
  const { a, b, diffs } = compare(code);
  if (diffs.length === 0) {
    passed++;
    if (verbose) console.log('ok   ' + code + '\n       ' + show(a));
  } else {
    failed++;
    console.log('MISMATCH (' + diffs.join(', ') + '): ' + code + '\n  chai:     ' + show(a) + '\n  postgate: ' + show(b));
  }
}

for (const code of isolatedCases) {
  if (filter && !code.includes(filter)) continue;
  const a = runIn(loadRealChai(), code);
  const b = runIn(loadOurs(), code);
  const diffs = ['ok', 'name', 'message', 'value', 'showDiff', 'operator', 'actual', 'expected'].filter((k) => a[k] !== b[k]);
  if (diffs.length === 0) {
    passed++;
    if (verbose) console.log('ok   ' + code + '\n       ' + show(a));
  } else {
    failed++;
    console.log('MISMATCH (' + diffs.join(', ') + '): ' + code + '\n  chai:     ' + show(a) + '\n  postgate: ' + show(b));
  }
}

for (const code of knownDivergences) {
  if (filter && !code.includes(filter)) continue;
  const a = runIn(loadRealChai(), code);
  const b = runIn(loadOurs(), code);
  const agree = a.ok === b.ok && a.message === b.message;
  if (verbose || agree) {
    console.log('known divergence' + (agree ? ' (now agrees)' : '') + ': ' + code + '\n  chai:     ' + show(a) + '\n  postgate: ' + show(b));
  }
}

for (const { code, postman } of postmanCases) {
  if (filter && !code.includes(filter)) continue;
  const b = runIn(ours, code);
  let ok;
  if (postman === 'pass') ok = b.ok === true;
  else ok = b.ok === false && b.name === postman.name && b.message === postman.message;
  if (ok) {
    passed++;
    if (verbose) console.log('ok   POSTMAN ' + code);
  } else {
    failed++;
    console.log('MISMATCH POSTMAN: ' + code + '\n  expected: ' + show(postman) + '\n  postgate: ' + show(b));
  }
}

// prototype order drives "Did you mean" suggestions: compare the core assertion names, in order
{
  const realNames = vm.runInContext('Object.getOwnPropertyNames(__chai.Assertion.prototype)', real.ctx)
    .filter((n) => !['constructor', 'assert', '_obj', '__methods'].includes(n));
  const ourNames = vm.runInContext('Object.getOwnPropertyNames(__chai.Assertion.prototype)', ours.ctx)
    .filter((n) => !['constructor', 'assert', '_obj', '__methods'].includes(n)).slice(0, realNames.length);
  if (JSON.stringify(realNames) === JSON.stringify(ourNames)) passed++;
  else {
    failed++;
    console.log('MISMATCH prototype order\n  chai:     ' + realNames.join(',') + '\n  postgate: ' + ourNames.join(','));
  }
}

console.log(`(real chai ${real.version}; ${cases.length} parity cases, ${isolatedCases.length} plugin-API cases, ${postmanCases.length} chai-postman cases)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

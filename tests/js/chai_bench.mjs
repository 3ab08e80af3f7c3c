#!/usr/bin/env node
// Micro-benchmark of postgate's chai.js (and, for reference, the real chai 4.4.1) in node.
//
//   node tests/js/chai_bench.mjs            # ns per assertion for common Postman assertions
//   node tests/js/chai_bench.mjs --emit     # print a plain ES2020 script that runs the same
//                                           # benchmark in any engine (e.g. QuickJS), after
//                                           # chai.js + chai_postman.js have been evaluated
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

export const BENCH = String.raw`
(function () {
  const chai = globalThis.__pg_chai || globalThis.__chai;
  const expect = chai.expect;
  const res = {
    code: 200, status: 'OK', responseTime: 120,
    headers: { has: function () { return true; }, get: function () { return 'application/json'; }, one: function () { return { value: 'application/json' }; } },
    reason: function () { return 'OK'; }, details: function () { return { code: 200 }; },
    text: function () { return '{"a":1}'; }, json: function () { return { a: 1 }; }
  };
  Object.defineProperty(res, '__pg_kind', { value: 'response' });
  const json = { id: 7, name: 'x', items: [1, 2, 3], nested: { a: 1, b: [1, 2] } };
  const same = { id: 7, name: 'x', items: [1, 2, 3], nested: { a: 1, b: [1, 2] } };
  const cases = [
    ['expect(200).to.equal(200)', function () { expect(200).to.equal(200); }],
    ['expect(x).to.be.a("string")', function () { expect('abc').to.be.a('string'); }],
    ['expect(obj).to.have.property("id")', function () { expect(json).to.have.property('id'); }],
    ['expect(arr).to.include(2)', function () { expect(json.items).to.include(2); }],
    ['expect(arr).to.have.lengthOf(3)', function () { expect(json.items).to.have.lengthOf(3); }],
    ['expect(n).to.be.below(500)', function () { expect(120).to.be.below(500); }],
    ['expect(obj).to.eql(same)', function () { expect(json).to.eql(same); }],
    ['expect(x).to.not.be.empty', function () { expect('abc').to.not.be.empty; }],
    ['expect(code).to.be.oneOf([200,201])', function () { expect(200).to.be.oneOf([200, 201]); }],
    ['res.to.have.status(200)', function () { expect(res).to.have.status(200); }],
    ['res.to.be.ok', function () { expect(res).to.be.ok; }],
    ['res.to.have.header("Content-Type")', function () { expect(res).to.have.header('Content-Type'); }],
    ['failing equal (throw + catch)', function () { try { expect(200).to.equal(201); } catch (e) { return e.message; } }]
  ];
  const out = [];
  const now = typeof performance !== 'undefined' ? function () { return performance.now(); } : function () { return Date.now(); };
  for (let c = 0; c < cases.length; c++) {
    if (globalThis.__skipPostman && cases[c][0].indexOf('res.') === 0) continue;
    const fn = cases[c][1];
    let n = c === cases.length - 1 ? 2000 : 20000;
    for (let i = 0; i < 200; i++) fn();
    const t0 = now();
    for (let i = 0; i < n; i++) fn();
    const dt = now() - t0;
    out.push(cases[c][0] + ': ' + (dt * 1000 / n).toFixed(3) + ' us');
  }
  return out.join('\n');
})()
`;

if (process.argv.includes('--emit')) {
  process.stdout.write(BENCH);
  process.exit(0);
}

const ours = vm.createContext({ performance });
for (const f of ['chai.js', 'chai_postman.js']) {
  vm.runInContext(fs.readFileSync(path.join(root, 'runner/src/script/js', f), 'utf8'), ours);
}
console.log('postgate chai.js (node ' + process.version + ')');
console.log(vm.runInContext(BENCH, ours));

try {
  const req = createRequire(path.join(root, 'package.json'));
  const realChai = req('chai');
  const ctx = vm.createContext({ performance, __chai: realChai, __skipPostman: true });
  const text = vm.runInContext(BENCH, ctx);
  console.log('\nreal chai 4.4.1 (node, for reference; chai-postman cases skipped)');
  console.log(text);
} catch (e) {
  console.log('(real chai not available: ' + e.message + ')');
}

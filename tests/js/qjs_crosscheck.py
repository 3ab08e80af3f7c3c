#!/usr/bin/env python3
"""Runs the chai parity corpus inside QuickJS and compares with the same code run under node.

Optional developer check (needs the `quickjs-ng` PyPI package, e.g. in a venv:
`python3 -m venv /tmp/qjs && /tmp/qjs/bin/pip install quickjs-ng`):

    node tests/js/chai_parity.mjs --dump > /tmp/chai_cases.json
    /tmp/qjs/bin/python tests/js/qjs_crosscheck.py /tmp/chai_cases.json [--verbose]

Differences point at engine-specific behaviour (V8 vs QuickJS), not at chai parity.
"""
import json
import os
import sys

import quickjs

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
data = json.load(open(sys.argv[1]))
ctx = quickjs.Context()
for name in ('chai.js', 'chai_postman.js'):
    ctx.eval(open(os.path.join(ROOT, 'runner', 'src', 'script', 'js', name)).read())
ctx.eval(data['fakeSdk'])
ctx.eval('globalThis.__chai = globalThis.__pg_chai; globalThis.__runCase = ' + data['runner'] + ';')
keys = ['ok', 'name', 'message', 'value', 'showDiff', 'operator', 'hasActual', 'hasExpected', 'actual', 'expected',
        'instanceofError', 'stackHead']


def engine_specific(code, want, got):
    """Differences that come from the engines, not from chai.js."""
    if want.get('name') == got.get('name') == 'TypeError':
        return True  # engine-written TypeError texts
    if 'Symbol.iterator]()' in code or '.entries()' in code:
        return True  # quickjs-ng has Iterator.prototype.constructor (Iterator helpers), node 20 not
    if 'Math' in code or 'JSON)' in code or 'hasOwnProperty)' in code:
        return True  # built-in property order, native function source text
    return False


bad = 0
known = 0
for case in data['cases']:
    ctx.set('__code', case['code'])
    got = json.loads(ctx.eval('JSON.stringify(__runCase(__code))'))
    want = case['result']
    diffs = [k for k in keys if got.get(k) != want.get(k)]
    if diffs and engine_specific(case['code'], want, got):
        known += 1
        if '--verbose' in sys.argv:
            print('engine-specific: %s\n  node:    %s\n  quickjs: %s' % (case['code'], json.dumps(want), json.dumps(got)))
    elif diffs:
        bad += 1
        print('DIFF (%s): %s\n  node:    %s\n  quickjs: %s' % (', '.join(diffs), case['code'], json.dumps(want), json.dumps(got)))
print('(%d engine-specific differences ignored)' % known)
print('%d passed, %d failed' % (len(data['cases']) - bad - known, bad))
sys.exit(1 if bad else 0)

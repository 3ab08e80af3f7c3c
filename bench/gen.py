#!/usr/bin/env python3
"""Writes the benchmark workloads (collections) into bench/workloads/.

w0  1 GET, no scripts (start-up)
w1  1000 GET /get?i=N, a 3-assertion test script each
w2  200 GET /sleep-ms/50, 2 assertions each
w3  300 POST /post with a templated JSON body, a pre-request script and 3 richer tests
plain  1000 GET /get?i=N, no scripts
big  N GET /get?i=N with one assertion each (for memory at scale; N from argv)
loop100  100 GET /get?i=N with one assertion each, run with -n for many executions
"""
import json, os, sys

SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "workloads")


def ev(listen, lines):
    return {"listen": listen, "script": {"type": "text/javascript", "exec": lines}}


def coll(name, items, events=None):
    c = {"info": {"name": name, "schema": SCHEMA}, "item": items}
    if events:
        c["event"] = events
    return c


W1_TEST = [
    "pm.test('status is 200', function () { pm.response.to.have.status(200); });",
    "pm.test('json content type', function () { pm.expect(pm.response.headers.get('Content-Type')).to.include('application/json'); });",
    "pm.test('echoes the index', function () { pm.expect(pm.response.json().args).to.have.property('i'); });",
]
W2_TEST = [
    "pm.test('status is 200', function () { pm.response.to.have.status(200); });",
    "pm.test('has args', function () { pm.expect(pm.response.json()).to.have.property('args'); });",
]
W3_PRE = [
    "pm.variables.set('orderId', 'ord-' + pm.info.iteration + '-' + Math.floor(Math.random() * 1e6));",
    "pm.variables.set('qty', 1 + Math.floor(Math.random() * 9));",
]
W3_TEST = [
    "const body = pm.response.json();",
    "pm.test('status is 200', function () { pm.response.to.have.status(200); });",
    "pm.test('order echoed', function () {",
    "    pm.expect(body.json).to.be.an('object');",
    "    pm.expect(body.json.orderId).to.equal(pm.variables.get('orderId'));",
    "    pm.expect(body.json.items).to.have.lengthOf(2);",
    "});",
    "pm.test('quantities are numbers', function () {",
    "    body.json.items.forEach(function (it) { pm.expect(it.qty).to.be.a('number').and.to.be.above(0); });",
    "    pm.expect(body.headers).to.have.property('content-type', 'application/json');",
    "});",
]


def get(i, url, test=None):
    it = {"name": f"request {i}", "request": {"method": "GET", "url": url}}
    if test:
        it["event"] = [ev("test", test)]
    return it


def write(name, c):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name + ".postman_collection.json"), "w") as f:
        json.dump(c, f)


def main():
    write("w0", coll("w0 start-up", [get(0, "{{baseUrl}}/get")]))
    write("w1", coll("w1 1000 checked GETs", [get(i, "{{baseUrl}}/get?i=" + str(i), W1_TEST) for i in range(1000)]))
    write("w2", coll("w2 200 slow GETs", [get(i, "{{baseUrl}}/sleep-ms/50?i=" + str(i), W2_TEST) for i in range(200)]))
    body = '{"orderId": "{{orderId}}", "items": [{"sku": "a-{{qty}}", "qty": {{qty}}}, {"sku": "b", "qty": 1}]}'
    w3 = []
    for i in range(300):
        w3.append({
            "name": f"order {i}",
            "request": {"method": "POST", "url": "{{baseUrl}}/post",
                        "header": [{"key": "Content-Type", "value": "application/json"}],
                        "body": {"mode": "raw", "raw": body, "options": {"raw": {"language": "json"}}}},
            "event": [ev("prerequest", W3_PRE), ev("test", W3_TEST)],
        })
    write("w3", coll("w3 300 templated POSTs", w3))
    write("plain", coll("1000 plain GETs", [get(i, "{{baseUrl}}/get?i=" + str(i)) for i in range(1000)]))
    one = ["pm.test('ok', function () { pm.response.to.have.status(200); });"]
    write("loop100", coll("100 GETs", [get(i, "{{baseUrl}}/get?i=" + str(i), one) for i in range(100)]))
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    if n:
        write("big", coll(f"{n} GETs", [get(i, "{{baseUrl}}/get?i=" + str(i), one) for i in range(n)]))


if __name__ == "__main__":
    main()

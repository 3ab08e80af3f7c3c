/*
 * postgate: Postman's response/request assertions (`pm.response.to.have.status(200)` ...).
 *
 * Behaviour and failure messages follow chai-postman 2.0.1 (lib/index.js) as wired up by
 * postman-sandbox 4.7.1 (`chai.use(require('chai-postman')(sdk, _, Ajv))`). Independent
 * implementation; evaluated after chai.js, registers itself with `__pg_chai.use`.
 *
 * Postman objects are recognised by a non-enumerable marker `__pg_kind` ('response' | 'request').
 * JSON schema validation is delegated to `globalThis.__pg_schema_validate(schema, data, options)`
 * which returns `{ valid, errors: [ajv 6 style errors] }`.
 */
'use strict';
(function () {
  const chai = globalThis.__pg_chai;
  const FIRST_LINE = /(.*?)\n.*/g;

  const STATUS_CLASSES = [['info', 1], ['success', 2], ['redirection', 3], ['clientError', 4], ['serverError', 5]];
  const STATUS_REASONS = [
    ['accepted', 202, 'Accepted'],
    ['withoutContent', 204, 'No Content'],
    ['badRequest', 400, 'Bad Request'],
    ['unauthorised', 401, 'Unauthorised'],
    ['unauthorized', 401, 'Unauthorized'],
    ['forbidden', 403, 'Forbidden'],
    ['notFound', 404, 'Not Found'],
    ['notAcceptable', 406, 'Acceptable'],
    ['rateLimited', 429, 'Too Many Requests']
  ];

  function isResponse(v) { return v !== null && v !== undefined && v.__pg_kind === 'response'; }
  function isRequest(v) { return v !== null && v !== undefined && v.__pg_kind === 'request'; }
  function kindOf(v) { return isRequest(v) ? 'request' : isResponse(v) ? 'response' : undefined; }

  // lodash 4: isNumber / isString / isPlainObject
  function isNumber(v) { return typeof v === 'number' || (typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Number]'); }
  function isString(v) { return typeof v === 'string' || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.prototype.toString.call(v) === '[object String]'); }
  function isPlainObject(v) {
    if (typeof v !== 'object' || v === null || Object.prototype.toString.call(v) !== '[object Object]') return false;
    const proto = Object.getPrototypeOf(v);
    if (proto === null) return true;
    const Ctor = Object.prototype.hasOwnProperty.call(proto, 'constructor') && proto.constructor;
    return typeof Ctor === 'function' && Ctor instanceof Ctor && Function.prototype.toString.call(Ctor) === Function.prototype.toString.call(Object);
  }

  // lodash 4 isEqual for the values chai-postman compares (JSON data, strings, numbers)
  const eqStackA = [];
  const eqStackB = [];
  function isEqual(a, b) {
    if (a === b) return true;
    if (a === null || b === null || a === undefined || b === undefined ||
      (typeof a !== 'object' && typeof b !== 'object' && typeof a !== 'function' && typeof b !== 'function')) {
      return a !== a && b !== b; // eslint-disable-line no-self-compare
    }
    const ta = Object.prototype.toString.call(a);
    const tb = Object.prototype.toString.call(b);
    if (ta !== tb) return false;
    switch (ta) {
      case '[object Number]': return +a === +b || (+a !== +a && +b !== +b);
      case '[object Boolean]': case '[object Date]': return +a === +b;
      case '[object String]': case '[object RegExp]': return String(a) === String(b);
      case '[object Function]': return false;
      default: break;
    }
    if (typeof a !== 'object' || typeof b !== 'object') return false;
    for (let i = eqStackA.length - 1; i >= 0; i--) {
      if (eqStackA[i] === a) return eqStackB[i] === b;
    }
    eqStackA.push(a);
    eqStackB.push(b);
    let result = true;
    try {
      if (Array.isArray(a)) {
        if (a.length !== b.length) result = false;
        for (let i = 0; result && i < a.length; i++) result = isEqual(a[i], b[i]);
      } else if (ta === '[object Map]' || ta === '[object Set]') {
        if (a.size !== b.size) result = false;
        else {
          const av = Array.from(a);
          const bv = Array.from(b);
          for (let i = 0; result && i < av.length; i++) {
            result = bv.some(function (x) { return isEqual(av[i], x); });
          }
        }
      } else {
        const ka = Object.keys(a);
        const kb = Object.keys(b);
        if (ka.length !== kb.length) result = false;
        for (let i = 0; result && i < ka.length; i++) {
          const k = ka[i];
          result = Object.prototype.hasOwnProperty.call(b, k) && isEqual(a[k], b[k]);
        }
        if (result) {
          const ca = a.constructor;
          const cb = b.constructor;
          if (ca !== cb && 'constructor' in a && 'constructor' in b &&
            !(typeof ca === 'function' && ca instanceof ca && typeof cb === 'function' && cb instanceof cb)) {
            result = false;
          }
        }
      }
    } finally {
      eqStackA.pop();
      eqStackB.pop();
    }
    return result;
  }

  // lodash 4 path handling for `_.has(obj, path)` / `_.get(obj, path)`
  const RE_DEEP_PROP = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/;
  const RE_PLAIN_PROP = /^\w*$/;
  const RE_PROP_NAME = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g;
  const RE_ESCAPE_CHAR = /\\(\\)?/g;
  const RE_UINT = /^(?:0|[1-9]\d*)$/;

  function isKey(value, object) {
    if (Array.isArray(value)) return false;
    const type = typeof value;
    if (type === 'number' || type === 'symbol' || type === 'boolean' || value == null) return true; // eslint-disable-line eqeqeq
    return RE_PLAIN_PROP.test(value) || !RE_DEEP_PROP.test(value) || (object != null && value in Object(object)); // eslint-disable-line eqeqeq
  }
  function stringToPath(string) {
    const result = [];
    if (string.charCodeAt(0) === 46) result.push('');
    string.replace(RE_PROP_NAME, function (match, number, quote, subString) {
      result.push(quote ? subString.replace(RE_ESCAPE_CHAR, '$1') : (number || match));
    });
    return result;
  }
  function castPath(value, object) {
    if (Array.isArray(value)) return value;
    return isKey(value, object) ? [value] : stringToPath(String(value));
  }
  function toKey(value) {
    if (typeof value === 'string' || typeof value === 'symbol') return value;
    const result = String(value);
    return (result === '0' && 1 / value === -Infinity) ? '-0' : result;
  }
  function isIndex(value, length) {
    const type = typeof value;
    return !!length && (type === 'number' || (type !== 'symbol' && RE_UINT.test(value))) &&
      (value > -1 && value % 1 === 0 && value < length);
  }
  function lodashHas(object, path) {
    if (object == null) return false; // eslint-disable-line eqeqeq
    path = castPath(path, object);
    let index = -1;
    let length = path.length;
    let result = false;
    let key;
    while (++index < length) {
      key = toKey(path[index]);
      if (!(result = object != null && Object.prototype.hasOwnProperty.call(object, key))) break; // eslint-disable-line eqeqeq
      object = object[key];
    }
    if (result || ++index !== length) return result;
    length = object == null ? 0 : object.length; // eslint-disable-line eqeqeq
    return !!length && typeof length === 'number' && length > -1 && length % 1 === 0 && isIndex(key, length) &&
      (Array.isArray(object) || Object.prototype.toString.call(object) === '[object Arguments]');
  }
  function lodashGet(object, path) {
    if (object == null) return undefined; // eslint-disable-line eqeqeq
    path = castPath(path, object);
    let index = 0;
    const length = path.length;
    while (object != null && index < length) object = object[toKey(path[index++])]; // eslint-disable-line eqeqeq
    return index && index === length ? object : undefined;
  }

  function parseErrorOf(e) {
    if (e && e.name === 'JSONError' && e.message) return String(e.message).replace(FIRST_LINE, '$1');
    return (e && e.name) + ': ' + (e && e.message);
  }

  chai.use(function (chai, util) {
    const Assertion = chai.Assertion;
    const flag = util.flag;
    const fail = util.fail;
    const next = util.next; // the assertion a step hands on (these steps never change `this`)

    // this.assert(expr, msg, negMsg[, expected[, actual]]) without the arguments object
    function check(a, expr, msg, negMsg, expected, actual, hasActual) {
      if (!!expr === ((a._f & 1) !== 0)) fail(a, msg, negMsg, expected, actual, hasActual === true);
    }

    // new Assertion(obj).to.be.postmanResponse
    function requireResponse(obj) {
      if (!isResponse(obj)) new Assertion(obj).to.be.postmanResponse; // eslint-disable-line no-unused-expressions
    }
    // new Assertion(obj).to.have.property(name)
    function requireProp(obj, name) {
      if (obj === null || obj === undefined || !(name in Object(obj))) new Assertion(obj).to.have.property(name);
    }
    // new Assertion(value).to.be.a(type)
    function requireA(value, type) {
      if (typeof value !== type) new Assertion(value).to.be.a(type);
    }

    function responseCode(obj) {
      requireResponse(obj);
      requireProp(obj, 'code');
      requireA(obj.code, 'number');
      return obj.code;
    }

    // the SDK's response.details().code; falls back to `code` when details() is not provided
    function detailsCode(obj) {
      if (typeof obj.details === 'function') return Number(obj.details().code);
      return Number(obj.code);
    }

    util.addCoreProperty('postmanRequest', function () {
      check(this, isRequest(this._obj), 'expecting a postman request object but got #{this}', 'not expecting a postman request object');
      return next(this);
    });

    util.addCoreProperty('postmanResponse', function () {
      check(this, isResponse(this._obj), 'expecting a postman response object but got #{this}', 'not expecting a postman response object');
      return next(this);
    });

    util.addCoreProperty('postmanRequestOrResponse', function () {
      check(this, isResponse(this._obj) || isRequest(this._obj),
        'expecting a postman request or response object but got #{this}', 'not expecting a postman request or response object');
      return next(this);
    });

    util.addCoreMethod('statusCodeClass', function (classCode) {
      const code = responseCode(this._obj);
      check(this, Math.floor(code / 100) === classCode, 'expected response code to be #{exp}XX but found #{act}',
        'expected response code to not be #{exp}XX', classCode, code, true);
      return next(this);
    });

    STATUS_CLASSES.forEach(function (entry) {
      const classCode = entry[1];
      util.addCoreProperty(entry[0], function () {
        const code = responseCode(this._obj);
        check(this, Math.floor(code / 100) === classCode, 'expected response code to be #{exp}XX but found #{act}',
          'expected response code to not be #{exp}XX', classCode, code, true);
        return next(this);
      });
    });

    util.addCoreProperty('error', function () {
      const code = responseCode(this._obj);
      const cls = Math.floor(code / 100);
      check(this, cls === 4 || cls === 5, 'expected response code to be 4XX or 5XX but found #{act}',
        'expected response code to not be 4XX or 5XX', null, code, true);
      return next(this);
    });

    util.addCoreMethod('statusCode', function (code) {
      const actual = responseCode(this._obj);
      check(this, actual === Number(code), 'expected response to have status code #{exp} but got #{act}',
        'expected response to not have status code #{act}', Number(code), actual, true);
      return next(this);
    });

    util.addCoreMethod('statusReason', function (reason) {
      const obj = this._obj;
      requireResponse(obj);
      requireProp(obj, 'reason');
      requireA(obj.reason, 'function');
      reason = String(reason);
      check(this, obj.reason() === reason, 'expected response to have status reason #{exp} but got #{act}',
        'expected response to not have status reason #{act}', reason, obj.reason(), true);
      return next(this);
    });

    function reasonAndCode(a, wantedReason, wantedCode) {
      const obj = a._obj;
      requireProp(obj, 'reason');
      requireA(obj.reason, 'function');
      const actualReason = String(obj.reason()).toUpperCase();
      const actualCode = detailsCode(obj);
      check(a, actualReason === wantedReason, 'expected response to have status reason #{exp} but got #{act}',
        'expected response to not have status reason #{act}', wantedReason, actualReason, true);
      check(a, actualCode === wantedCode, 'expected response to have status code #{exp} but got #{act}',
        'expected response to not have status code #{act}', wantedCode, actualCode, true);
    }

    STATUS_REASONS.forEach(function (entry) {
      const wantedReason = entry[2].toUpperCase();
      const wantedCode = entry[1];
      util.addCoreProperty(entry[0], function () {
        requireResponse(this._obj);
        reasonAndCode(this, wantedReason, wantedCode);
        return next(this);
      });
    });

    // `ok` on a response checks reason + code; on anything else it is chai's truthiness check
    util.addCoreProperty('ok', function () {
      if (!isResponse(this._obj)) {
        check(this, flag(this, 'object'), 'expected #{this} to be truthy', 'expected #{this} to be falsy');
        return next(this);
      }
      reasonAndCode(this, 'OK', 200);
      return next(this);
    });

    util.addCoreMethod('status', function (codeOrReason) {
      const obj = this._obj;
      requireResponse(obj);
      if (isNumber(codeOrReason)) {
        requireProp(obj, 'code');
        requireA(obj.code, 'number');
        check(this, obj.code === Number(codeOrReason), 'expected response to have status code #{exp} but got #{act}',
          'expected response to not have status code #{act}', Number(codeOrReason), obj.code, true);
      } else {
        requireProp(obj, 'reason');
        requireA(obj.reason, 'function');
        check(this, obj.reason() === codeOrReason, 'expected response to have status reason #{exp} but got #{act}',
          'expected response to not have status reason #{act}', codeOrReason, obj.reason(), true);
      }
      return next(this);
    });

    function headerValue(headers, key) {
      if (typeof headers.one === 'function') {
        const h = headers.one(key);
        return h.value;
      }
      return headers.get(key);
    }

    util.addCoreMethod('header', function (headerKey, headerValueWanted) {
      const obj = this._obj;
      if (!isResponse(obj) && !isRequest(obj)) new Assertion(obj).to.be.postmanRequestOrResponse; // eslint-disable-line no-unused-expressions
      requireProp(obj, 'headers');
      const ror = kindOf(obj);
      const has = obj.headers.has(headerKey);
      check(this, has, "expected " + ror + " to have header with key '" + String(headerKey) + "'",
        "expected " + ror + " to not have header with key '" + String(headerKey) + "'", true, has, true);
      if (arguments.length < 2) return next(this);
      const actual = headerValue(obj.headers, headerKey);
      check(this, actual === headerValueWanted,
        "expected '" + String(headerKey) + "' " + ror + ' header to be #{exp} but got #{act}',
        "expected '" + String(headerKey) + "' " + ror + ' header to not be #{act}', headerValueWanted, actual, true);
      return next(this);
    });

    function requireText(obj) {
      requireProp(obj, 'text');
      requireA(obj.text, 'function');
    }
    function requireJson(obj) {
      requireProp(obj, 'json');
      requireA(obj.json, 'function');
    }

    util.addCoreProperty('withBody', function () {
      const obj = this._obj;
      requireResponse(obj);
      requireText(obj);
      const body = obj.text();
      check(this, isString(body) && body.length, 'expected response to have content in body', 'expected response to not have content in body');
      return next(this);
    });

    util.addCoreProperty('json', function () {
      const obj = this._obj;
      requireResponse(obj);
      requireJson(obj);
      let parseError;
      try { obj.json(); } catch (e) { parseError = parseErrorOf(e); }
      check(this, !parseError, 'expected response body to be a valid json but got error ' + parseError,
        'expected response body not to be a valid json');
      return next(this);
    });

    util.addCoreMethod('body', function (content) {
      const obj = this._obj;
      let body;
      requireResponse(obj);
      if (isPlainObject(content)) {
        requireJson(obj);
        try { body = obj.json(); } catch (e) { /* compared as undefined */ }
        check(this, isEqual(body, content), 'expected response body json to equal #{exp} but got #{act}',
          'expected response body json to not equal #{exp} but got #{act}', content, body, true);
        return next(this);
      }
      requireText(obj);
      body = obj.text();
      if (arguments.length === 0) {
        check(this, isString(body) && body.length, 'expected response to have content in body', 'expected response to not have content in body');
        return next(this);
      }
      if (content instanceof RegExp) {
        check(this, content.exec(body) !== null, 'expected response body text to match #{exp} but got #{act}',
          'expected response body text #{act} to not match #{exp}', content, body, true);
        return next(this);
      }
      check(this, isEqual(body, content), 'expected response body to equal #{exp} but got #{act}',
        'expected response body to not equal #{exp}', content, body, true);
      return next(this);
    });

    util.addCoreMethod('jsonBody', function (path, value) {
      const obj = this._obj;
      requireResponse(obj);
      requireJson(obj);
      let json;
      let parseError;
      try { json = obj.json(); } catch (e) { parseError = parseErrorOf(e); }
      if (arguments.length === 0) {
        check(this, !parseError, 'expected response body to be a valid json but got error ' + parseError,
          'expected response body not to be a valid json');
        return next(this);
      }
      if (isString(path)) {
        check(this, lodashHas(json, path), 'expected #{act} in response to contain property #{exp}',
          'expected #{act} in response to not contain property #{exp}', path, json, true);
        if (arguments.length > 1) {
          const at = lodashGet(json, path);
          check(this, isEqual(at, value), 'expected response body json at "' + path + '" to contain #{exp} but got #{act}',
            'expected response body json at "' + path + '" to not contain #{exp} but got #{act}', value, at, true);
        }
      }
      return next(this);
    });

    Assertion.addChainableMethod('responseTime', function (value) {
      const time = flag(this, 'number');
      check(this, isNumber(time), 'expected response to have a valid response time but got #{act}',
        'expected response to not have a valid response time but got #{act}', null, time, true);
      if (arguments.length) {
        check(this, isEqual(time, value), 'expected response to have a valid response time but got #{act}',
          'expected response to not have a valid response time but got #{act}', null, time, true);
      }
    }, function () {
      const obj = this._obj;
      requireResponse(obj);
      requireProp(obj, 'responseTime');
      flag(this, 'number', obj.responseTime);
      this._obj = lodashGet(obj, 'responseTime');
    });

    Assertion.addChainableMethod('responseSize', function (value) {
      const size = flag(this, 'number');
      check(this, isNumber(size), 'expected response to have a valid response size but got #{act}',
        'expected response to not have a valid response size but got #{act}', null, size, true);
      if (arguments.length) {
        // chai-postman swaps expected and actual in this message
        check(this, isEqual(size, value), 'expected response size to equal #{act} but got #{exp}',
          'expected response size to not equal #{act} but got #{exp}', value, size, true);
      }
    }, function () {
      const obj = this._obj;
      requireResponse(obj);
      let total;
      if (obj !== null && obj !== undefined && typeof obj.size === 'function') {
        const size = obj.size();
        total = (size.header || 0) + (size.body || 0);
      } else {
        requireProp(obj, 'size');
        requireA(obj.size, 'function');
      }
      flag(this, 'number', total);
      this._obj = total;
    });

    util.addCoreMethod('jsonSchema', function (schema, options) {
      util.requireType(schema, 'object');
      const obj = this._obj;
      const opts = Object.assign({ allErrors: true, logger: false }, options);
      let data;
      if (isResponse(obj) || (isRequest(obj) && typeof obj.json === 'function')) data = obj.json();
      else data = obj;
      const validate = globalThis.__pg_schema_validate;
      if (typeof validate !== 'function') throw Error('jsonSchema validation is unavailable');
      const result = validate(schema, data, opts) || {};
      const errors = result.errors && result.errors.length ? result.errors : null;
      const valid = !!result.valid;
      let text = 'No errors';
      if (errors) {
        text = '';
        for (let i = 0; i < errors.length; i++) {
          const e = errors[i];
          if (e) text += 'data' + (e.dataPath === undefined ? '' : e.dataPath) + ' ' + e.message + ', ';
        }
        text = text.slice(0, -2);
      }
      check(this, valid && !errors, 'expected data to satisfy schema but found following errors: \n' + text,
        'expected data to not satisfy schema', true, valid, true);
      return next(this);
    });
  });
})();

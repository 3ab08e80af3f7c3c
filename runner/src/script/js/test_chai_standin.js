// Unit tests only: a tiny stand-in for `globalThis.__pg_chai` while the real
// chai files are empty placeholders. Does nothing once chai is loaded.
(function () {
    if (globalThis.__pg_chai && typeof globalThis.__pg_chai.expect === 'function') { return; }
    function AssertionError(message) {
        this.message = message;
        this.stack = '';
    }
    AssertionError.prototype = Object.create(Error.prototype);
    AssertionError.prototype.name = 'AssertionError';
    AssertionError.prototype.constructor = AssertionError;
    function show(v) { return typeof v === 'string' ? '\'' + v + '\'' : String(v); }
    function Assertion(obj) { this._obj = obj; this._not = false; }
    const chains = ['to', 'be', 'been', 'is', 'that', 'which', 'and', 'has', 'have', 'with', 'at', 'of', 'same'];
    for (const c of chains) { Object.defineProperty(Assertion.prototype, c, { get() { return this; } }); }
    Object.defineProperty(Assertion.prototype, 'not', { get() { this._not = !this._not; return this; } });
    Assertion.prototype.assert = function (ok, msg, notMsg) {
        if (this._not ? ok : !ok) { throw new AssertionError(this._not ? notMsg : msg); }
        return this;
    };
    Assertion.prototype.equal = function (v) {
        return this.assert(this._obj === v, 'expected ' + show(this._obj) + ' to equal ' + show(v),
            'expected ' + show(this._obj) + ' to not equal ' + show(v));
    };
    Assertion.prototype.eql = function (v) {
        return this.assert(JSON.stringify(this._obj) === JSON.stringify(v),
            'expected ' + JSON.stringify(this._obj) + ' to deeply equal ' + JSON.stringify(v),
            'expected ' + JSON.stringify(this._obj) + ' to not deeply equal ' + JSON.stringify(v));
    };
    Assertion.prototype.include = function (v) {
        return this.assert(this._obj.indexOf(v) !== -1, 'expected ' + show(this._obj) + ' to include ' + show(v),
            'expected ' + show(this._obj) + ' to not include ' + show(v));
    };
    Assertion.prototype.above = function (v) {
        return this.assert(this._obj > v, 'expected ' + show(this._obj) + ' to be above ' + show(v),
            'expected ' + show(this._obj) + ' to be at most ' + show(v));
    };
    Assertion.prototype.status = function (code) {
        const got = this._obj.code;
        return this.assert(got === code, 'expected response to have status code ' + code + ' but got ' + got,
            'expected response to not have status code ' + code);
    };
    Assertion.prototype.header = function (key) {
        return this.assert(this._obj.headers.has(key), 'expected response to have header with key \'' + key + '\'',
            'expected response to not have header with key \'' + key + '\'');
    };
    Object.defineProperty(Assertion.prototype, 'true', {
        get() { return this.assert(this._obj === true, 'expected ' + show(this._obj) + ' to be true', 'expected true to be false'); }
    });
    globalThis.__pg_chai = {
        expect: function (v) { return new Assertion(v); },
        AssertionError: AssertionError,
        Assertion: Assertion,
        use: function () {},
        config: {},
        util: { inspect: show, objDisplay: show }
    };
}());

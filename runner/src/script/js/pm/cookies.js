// cookies.js: pm.cookies (the cookies the jar holds for the request URL) and
// pm.cookies.jar(), whose calls go to the run's cookie jar through the host
// and answer through callbacks after the synchronous body, as in Newman.

function jarUrl(url) {
    if (url instanceof Url) { return url; }
    if (url && typeof url === 'string') { return new Url(url); }
    return null;
}

function jarCall(op, args, callback, convert) {
    enqueue(function () {
        const res = NATIVE_JSON_PARSE(native.jar(op, NATIVE_JSON_STRINGIFY(args)));
        if (!isFunction(callback)) { return; }
        if (res.error !== undefined && res.error !== null) {
            callback(new Error(res.error));
            return;
        }
        callback(null, convert ? convert(res.result) : res.result);
    });
}

function toCookie(c) {
    return c ? new Cookie(c) : c;
}

class PostmanCookieJar {
    get(url, name, callback) {
        url = jarUrl(url);
        if (!url) { throw new TypeError('CookieJar.get() requires a valid url'); }
        if (typeof callback !== 'function') { throw new TypeError('CookieJar.get() requires a callback function'); }
        if (typeof name !== 'string') { throw new TypeError('CookieJar.get() requires cookie name to be a string'); }
        jarCall('get', { url: url.toString(true), name: name }, callback, (v) => (v === undefined ? null : v));
    }

    getAll(url, options, callback) {
        url = jarUrl(url);
        if (!url) { throw new TypeError('CookieJar.getAll() requires a valid url'); }
        if (typeof options === 'function' && !callback) { callback = options; options = {}; }
        if (typeof callback !== 'function') { throw new TypeError('CookieJar.getAll() requires a callback function'); }
        if (typeof options !== 'object') { throw new TypeError('CookieJar.getAll() requires options to be an object'); }
        const args = {
            url: url.toString(true),
            http: has(options, 'http') ? Boolean(options.http) : true
        };
        has(options, 'secure') && (args.secure = Boolean(options.secure));
        jarCall('getAll', args, callback, (list) => new CookieList(null, list || []));
    }

    set(url, name, value, callback) {
        url = jarUrl(url);
        if (!url) { throw new TypeError('CookieJar.set() requires a valid url'); }
        if (typeof value === 'function' && !callback) { callback = value; value = null; }
        let cookie;
        if (name && value) { cookie = { name: name, value: value }; }
        else if (name && typeof name === 'object') {
            cookie = toJSONValue(name instanceof Cookie ? name : new Cookie(name));
        }
        else if (typeof name === 'string') { cookie = name; }
        else { throw new TypeError('CookieJar.set() requires a valid set cookie arguments'); }
        jarCall('set', { url: url.toString(true), cookie: cookie }, callback, toCookie);
    }

    unset(url, name, callback) {
        url = jarUrl(url);
        if (!url) { throw new TypeError('CookieJar.unset() requires a valid url'); }
        if (typeof name !== 'string') { throw new TypeError('CookieJar.unset() requires cookie name to be a string'); }
        jarCall('unset', { url: url.toString(true), name: name }, callback, () => undefined);
    }

    clear(url, callback) {
        url = jarUrl(url);
        if (!url) { throw new TypeError('CookieJar.clear() requires a valid url'); }
        jarCall('clear', { url: url.toString(true) }, callback, () => undefined);
    }
}

function makeCookieList(records) {
    const list = new CookieList(null, records || []);
    list.jar = function () { return new PostmanCookieJar(); };
    Object.defineProperty(list, 'jar', { enumerable: false });
    return list;
}

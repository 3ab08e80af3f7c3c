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

// A cookie record from the host's jar as Newman's sandbox hands it out
// (tough-cookie fields mapped onto the SDK Cookie: no expiry is null, no
// Max-Age is 0).
function toCookie(c) {
    if (!c) { return c; }
    return new Cookie({
        name: c.name,
        value: c.value,
        expires: c.expires === undefined ? null : c.expires,
        maxAge: c.maxAge === undefined ? null : c.maxAge,
        domain: c.domain,
        path: c.path,
        secure: c.secure,
        httpOnly: c.httpOnly,
        hostOnly: c.hostOnly,
        extensions: c.extensions
    });
}

class PostmanCookieJar {
    get(url, name, callback) {
        url = jarUrl(url);
        if (!url) { throw new TypeError('CookieJar.get() requires a valid url'); }
        if (typeof callback !== 'function') { throw new TypeError('CookieJar.get() requires a callback function'); }
        if (typeof name !== 'string') { throw new TypeError('CookieJar.get() requires cookie name to be a string'); }
        // the value as the SDK Cookie's valueOf() gives it: decoded once
        jarCall('get', { url: url.toString(true), name: name }, callback,
            (v) => (v === undefined || v === null ? null : new Cookie({ name: name, value: v }).valueOf()));
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
        jarCall('getAll', args, callback, (list) => new CookieList(null, (list || []).map(toCookie)));
    }

    set(url, name, value, callback) {
        url = jarUrl(url);
        if (!url) { throw new TypeError('CookieJar.set() requires a valid url'); }
        if (typeof value === 'function' && !callback) { callback = value; value = null; }
        let cookie;
        if (name && value) { cookie = { name: name, value: value }; }
        else if (name && typeof name === 'object') {
            // the fields as given, as Newman hands them to its jar (values
            // are not re-encoded)
            const expires = name.expires instanceof Date ? name.expires.toISOString() : name.expires;
            cookie = {
                name: name.name || name.key,
                value: name.value,
                expires: expires,
                domain: name.domain,
                path: name.path,
                secure: name.secure,
                httpOnly: name.httpOnly
            };
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
    const list = new CookieList(null, (records || []).map(toCookie));
    list.jar = function () { return new PostmanCookieJar(); };
    Object.defineProperty(list, 'jar', { enumerable: false });
    return list;
}

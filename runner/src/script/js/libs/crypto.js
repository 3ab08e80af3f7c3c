// crypto-js 3.3.0's API for postgate. Data lives in WordArrays
// ({ words: big-endian int32[], sigBytes }) as in crypto-js; hashing, HMAC,
// key derivation and ciphers run natively (__pg_native).
(function (N, M) {
    'use strict';
    var C = {};
    var hasOwn = Object.prototype.hasOwnProperty;

    // --- object model: prototype chains with extend/create/init/mixIn/clone
    var Base = {
        extend: function (overrides) {
            var sub = Object.create(this);
            if (overrides) { sub.mixIn(overrides); }
            if (!hasOwn.call(sub, 'init') || this.init === sub.init) {
                sub.init = function () { sub.$super.init.apply(this, arguments); };
            }
            sub.init.prototype = sub;
            sub.$super = this;
            return sub;
        },
        create: function () {
            var inst = this.extend();
            inst.init.apply(inst, arguments);
            return inst;
        },
        init: function () {},
        mixIn: function (props) {
            for (var k in props) { if (hasOwn.call(props, k)) { this[k] = props[k]; } }
            if (hasOwn.call(props, 'toString')) { this.toString = props.toString; }
        },
        clone: function () { return this.init.prototype.extend(this); }
    };

    function isWA(x) { return x !== null && typeof x === 'object' && Array.isArray(x.words) && typeof x.sigBytes === 'number'; }

    function bytesOf(wa) {
        var n = wa.sigBytes > 0 ? Math.floor(wa.sigBytes) : 0, w = wa.words, out = new Uint8Array(n);
        for (var i = 0; i < n; i++) { out[i] = (w[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff; }
        return out;
    }
    function fromBytes(b) {
        var n = b.length, words = new Array((n + 3) >>> 2).fill(0);
        for (var i = 0; i < n; i++) { words[i >>> 2] |= b[i] << (24 - (i % 4) * 8); }
        return WordArray.create(words, n);
    }
    function checkText(s) {
        var ok = typeof s.isWellFormed === 'function' ? s.isWellFormed()
            : !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
        if (!ok) { throw new URIError('URI malformed'); }
        return s;
    }
    // What the natives take: a (UTF-8) string or bytes. Messages that are
    // neither a string nor a WordArray hash as empty (crypto-js gives
    // garbage for them).
    function input(x) {
        if (typeof x === 'string') { return checkText(x); }
        if (isWA(x)) { return bytesOf(x); }
        return new Uint8Array(0);
    }
    function keyInput(k) {
        if (typeof k === 'string') { return checkText(k); }
        if (k === undefined || k === null) { throw new TypeError("Cannot read properties of " + k + " (reading 'sigBytes')"); }
        return isWA(k) ? bytesOf(k) : new Uint8Array(0);
    }

    var WordArray = Base.extend({
        init: function (words, sigBytes) {
            if (words instanceof ArrayBuffer || ArrayBuffer.isView(words)) {
                var b = words instanceof ArrayBuffer ? new Uint8Array(words)
                    : new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
                var wa = fromBytes(b);
                this.words = wa.words; this.sigBytes = wa.sigBytes;
                return;
            }
            words = this.words = words || [];
            this.sigBytes = sigBytes !== undefined ? sigBytes : words.length * 4;
        },
        toString: function (encoder) { return (encoder || Hex).stringify(this); },
        concat: function (other) {
            var tw = this.words, ow = other.words, ts = this.sigBytes, os = other.sigBytes, i;
            this.clamp();
            if (ts % 4) {
                for (i = 0; i < os; i++) {
                    var b = (ow[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff;
                    tw[(ts + i) >>> 2] |= b << (24 - ((ts + i) % 4) * 8);
                }
            } else {
                for (i = 0; i < os; i += 4) { tw[(ts + i) >>> 2] = ow[i >>> 2]; }
            }
            this.sigBytes += os;
            return this;
        },
        clamp: function () {
            var w = this.words, s = this.sigBytes;
            w[s >>> 2] &= 0xffffffff << (32 - (s % 4) * 8);
            w.length = Math.ceil(s / 4);
        },
        clone: function () {
            var c = Base.clone.call(this);
            c.words = this.words.slice(0);
            return c;
        },
        random: function (n) { return fromBytes(N.random(n >>> 0)); }
    });

    // --- encoders
    var Hex = {
        stringify: function (wa) {
            var b = bytesOf(wa), s = '';
            for (var i = 0; i < b.length; i++) { s += (b[i] < 16 ? '0' : '') + b[i].toString(16); }
            return s;
        },
        parse: function (str) {
            var n = str.length, words = [];
            for (var i = 0; i < n; i += 2) { words[i >>> 3] |= parseInt(str.substr(i, 2), 16) << (24 - (i % 8) * 4); }
            return WordArray.create(words, n / 2);
        }
    };
    var Latin1 = {
        stringify: function (wa) {
            var b = bytesOf(wa), parts = [];
            for (var i = 0; i < b.length; i += 8192) { parts.push(String.fromCharCode.apply(null, b.subarray(i, i + 8192))); }
            return parts.join('');
        },
        parse: function (str) {
            var n = str.length, words = [];
            for (var i = 0; i < n; i++) { words[i >>> 2] |= (str.charCodeAt(i) & 0xff) << (24 - (i % 4) * 8); }
            return WordArray.create(words, n);
        }
    };
    var Utf8 = {
        stringify: function (wa) { return N.utf8Decode(bytesOf(wa), true); },
        parse: function (str) { return fromBytes(N.utf8Encode(checkText(String(str)))); }
    };
    function utf16(le) {
        function sw(c) { return le ? ((c << 8) & 0xff00) | ((c >>> 8) & 0xff) : c; }
        return {
            stringify: function (wa) {
                var b = bytesOf(wa), s = '';
                for (var i = 0; i + 1 < b.length; i += 2) { s += String.fromCharCode(sw((b[i] << 8) | b[i + 1])); }
                return s;
            },
            parse: function (str) {
                var n = str.length, words = [];
                for (var i = 0; i < n; i++) { words[i >>> 1] |= sw(str.charCodeAt(i)) << (16 - (i % 2) * 16); }
                return WordArray.create(words, n * 2);
            }
        };
    }
    function b64(map) {
        var rev = {};
        for (var i = 0; i < 64; i++) { rev[map.charCodeAt(i)] = i; }
        return {
            _map: map,
            stringify: function (wa) {
                var s = N.b64Encode(bytesOf(wa), false);
                if (map.charAt(62) === '-') { s = s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''); }
                return s;
            },
            parse: function (str) {
                var len = str.length, pad = map.charAt(64);
                if (pad) { var p = str.indexOf(pad); if (p !== -1) { len = p; } }
                var words = [], nBytes = 0;
                for (var j = 0; j < len; j++) {
                    if (j % 4) {
                        var b1 = rev[str.charCodeAt(j - 1)] << ((j % 4) * 2);
                        var b2 = rev[str.charCodeAt(j)] >>> (6 - (j % 4) * 2);
                        words[nBytes >>> 2] |= (b1 | b2) << (24 - (nBytes % 4) * 8);
                        nBytes++;
                    }
                }
                return WordArray.create(words, nBytes);
            }
        };
    }
    var Base64 = b64('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=');
    var Base64url = b64('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');

    C.lib = { Base: Base, WordArray: WordArray };
    C.enc = { Hex: Hex, Latin1: Latin1, Utf8: Utf8, Utf16: utf16(false), Utf16BE: utf16(false), Utf16LE: utf16(true), Base64: Base64, Base64url: Base64url };

    // --- hashers (progressive API buffers and hashes at finalize)
    var Hasher = Base.extend({
        cfg: Base.extend(),
        init: function (cfg) { this.cfg = this.cfg.extend(cfg); this.reset(); },
        reset: function () { this._data = WordArray.create(); },
        update: function (m) { this._data.concat(typeof m === 'string' ? Utf8.parse(m) : (isWA(m) ? m : WordArray.create())); return this; },
        finalize: function (m) { if (m !== undefined) { this.update(m); } var h = fromBytes(N.digest(this._alg(), bytesOf(this._data))); this.reset(); return h; },
        _alg: function () { return this._name; }
    });
    C.algo = {};
    function defHash(name, alg, blockWords, extra) {
        var H = Hasher.extend(Object.assign({ _name: alg, blockSize: blockWords }, extra || {}));
        C.algo[name] = H;
        C[name] = function (message, cfg) {
            var h = H.create(cfg);
            return fromBytes(N.digest(h._alg(), input(message)));
        };
        C['Hmac' + name] = function (message, key) {
            var h = H.create();
            return fromBytes(N.hmac(h._alg(), keyInput(key), input(message)));
        };
    }
    defHash('MD5', 'md5', 16);
    defHash('SHA1', 'sha1', 16);
    defHash('SHA256', 'sha256', 16);
    defHash('SHA224', 'sha224', 16);
    defHash('SHA512', 'sha512', 32);
    defHash('SHA384', 'sha384', 32);
    defHash('SHA3', 'keccak512', 18, {
        cfg: Base.extend({ outputLength: 512 }),
        _alg: function () { return 'keccak' + this.cfg.outputLength; }
    });
    defHash('RIPEMD160', 'ripemd160', 16);

    function hasherAlg(h) {
        if (!h) { return null; }
        return typeof h._alg === 'function' ? h._alg.call(h) : null;
    }

    C.algo.HMAC = Base.extend({
        init: function (hasher, key) {
            this._hasher = hasher.create();
            this._key = typeof key === 'string' ? Utf8.parse(key) : key;
            this.reset();
        },
        reset: function () { this._data = WordArray.create(); },
        update: function (m) { this._data.concat(typeof m === 'string' ? Utf8.parse(m) : m); return this; },
        finalize: function (m) {
            if (m !== undefined) { this.update(m); }
            var out = fromBytes(N.hmac(this._hasher._alg(), keyInput(this._key), bytesOf(this._data)));
            this.reset();
            return out;
        }
    });

    function kdf(nativeFn, defHasher) {
        return Base.extend({
            cfg: Base.extend({ keySize: 128 / 32, hasher: defHasher, iterations: 1 }),
            init: function (cfg) { this.cfg = this.cfg.extend(cfg); },
            compute: function (password, salt) {
                var cfg = this.cfg;
                var alg = hasherAlg(cfg.hasher) || (defHasher === C.algo.SHA1 ? 'sha1' : 'md5');
                return fromBytes(N[nativeFn](alg, keyInput(password), keyInput(salt), Math.max(0, Math.floor(cfg.keySize * 4)), Math.max(1, cfg.iterations | 0)));
            }
        });
    }
    C.algo.PBKDF2 = kdf('pbkdf2', C.algo.SHA1);
    C.algo.EvpKDF = kdf('evpkdf', C.algo.MD5);
    C.PBKDF2 = function (password, salt, cfg) { return C.algo.PBKDF2.create(cfg).compute(password, salt); };
    C.EvpKDF = function (password, salt, cfg) { return C.algo.EvpKDF.create(cfg).compute(password, salt); };

    // --- ciphers
    function named(n, extra) { return Object.assign({ _pgName: n }, extra || {}); }
    C.mode = {
        CBC: named('cbc'), ECB: named('ecb'), CFB: named('cfb'), OFB: named('ofb'), CTR: named('ctr')
    };
    function padding(n, blockPad) {
        return named(n, {
            pad: function (data, blockSize) {
                var bs = blockSize * 4, len = data.sigBytes, p;
                if (n === 'zero') { p = (bs - (len % bs)) % bs; data.concat(WordArray.create(new Array(Math.ceil(p / 4)).fill(0), p)); return; }
                if (n === 'none') { return; }
                if (n === 'iso97971') { data.concat(WordArray.create([0x80000000], 1)); C.pad.ZeroPadding.pad(data, blockSize); return; }
                p = bs - (len % bs);
                var bytes = new Uint8Array(p);
                if (n === 'pkcs7') { bytes.fill(p); } else if (n === 'iso10126') { bytes.set(N.random(p)); }
                bytes[p - 1] = p;
                data.concat(fromBytes(bytes));
            },
            unpad: function (data) {
                if (n === 'none') { return; }
                var b = bytesOf(data), i;
                if (n === 'zero' || n === 'iso97971') {
                    i = b.length - 1;
                    while (i >= 0 && b[i] === 0) { i--; }
                    data.sigBytes = i + 1 - (n === 'iso97971' ? 1 : 0);
                    return;
                }
                data.sigBytes -= b.length ? b[b.length - 1] : 0;
            }
        });
    }
    C.pad = {
        Pkcs7: padding('pkcs7'), AnsiX923: padding('ansix923'), Iso10126: padding('iso10126'),
        Iso97971: padding('iso97971'), ZeroPadding: padding('zero'), NoPadding: padding('none')
    };

    var CipherParams = Base.extend({
        init: function (p) { this.mixIn(p); },
        toString: function (formatter) { return (formatter || this.formatter).stringify(this); }
    });
    var SALTED = [0x53616c74, 0x65645f5f];
    var OpenSSLFormat = {
        stringify: function (cp) {
            var ct = cp.ciphertext, salt = cp.salt;
            var wa = salt ? WordArray.create(SALTED.slice(0)).concat(salt).concat(ct) : ct;
            return wa.toString(Base64);
        },
        parse: function (str) {
            var ct = Base64.parse(str), w = ct.words, salt;
            if (w[0] === SALTED[0] && w[1] === SALTED[1]) {
                salt = WordArray.create(w.slice(2, 4));
                w.splice(0, 4);
                ct.sigBytes -= 16;
            }
            return CipherParams.create({ ciphertext: ct, salt: salt });
        }
    };
    C.format = {
        OpenSSL: OpenSSLFormat,
        Hex: {
            stringify: function (cp) { return cp.ciphertext.toString(Hex); },
            parse: function (s) { return CipherParams.create({ ciphertext: Hex.parse(s) }); }
        }
    };
    C.lib.CipherParams = CipherParams;

    var OpenSSLKdf = {
        execute: function (password, keySize, ivSize, salt) {
            if (!salt) { salt = WordArray.random(8); }
            var key = C.algo.EvpKDF.create({ keySize: keySize + ivSize }).compute(password, salt);
            var iv = WordArray.create(key.words.slice(keySize), ivSize * 4);
            key.sigBytes = keySize * 4;
            return CipherParams.create({ key: key, iv: iv, salt: salt });
        }
    };
    C.kdf = { OpenSSL: OpenSSLKdf };

    function runCipher(cipher, encrypt, key, cfg, data) {
        var mode = (cfg.mode && cfg.mode._pgName) || 'cbc';
        var pad = (cfg.padding && cfg.padding._pgName) || 'pkcs7';
        var iv = null;
        if (mode !== 'ecb') {
            if (!isWA(cfg.iv)) { throw new TypeError("Cannot read properties of undefined (reading '0')"); }
            iv = bytesOf(cfg.iv);
        }
        if (!isWA(key)) { throw new TypeError("Cannot read properties of undefined (reading 'words')"); }
        var k = bytesOf(key);
        if (cipher._pgName === 'aes' && k.length !== 16 && k.length !== 24 && k.length !== 32) {
            throw new TypeError("Cannot read properties of undefined (reading '0')");
        }
        return fromBytes(N.cipher(cipher._pgName, encrypt, mode, pad, k, iv, isWA(data) ? bytesOf(data) : input(data)));
    }

    var Cipher = Base.extend({
        cfg: Base.extend(),
        createEncryptor: function (key, cfg) { return this.create(1, key, cfg); },
        createDecryptor: function (key, cfg) { return this.create(2, key, cfg); },
        init: function (xform, key, cfg) {
            this.cfg = this.cfg.extend(cfg);
            this._xform = xform; this._key = key; this.reset();
        },
        reset: function () { this._data = WordArray.create(); },
        process: function (d) { this._data.concat(typeof d === 'string' ? Utf8.parse(d) : d); return WordArray.create(); },
        finalize: function (d) {
            if (d !== undefined) { this.process(d); }
            var out = runCipher(this, this._xform === 1, this._key, this.cfg, this._data);
            this.reset();
            return out;
        }
    });
    var SerializableCipher = Base.extend({
        cfg: Base.extend({ format: OpenSSLFormat }),
        encrypt: function (cipher, message, key, cfg) {
            cfg = this.cfg.extend(cfg);
            var ct = runCipher(cipher, true, key, cfg, message);
            return CipherParams.create({
                ciphertext: ct, key: key, iv: cfg.iv, algorithm: cipher, mode: cfg.mode || C.mode.CBC,
                padding: cfg.padding || C.pad.Pkcs7, blockSize: cipher.blockSize, formatter: cfg.format
            });
        },
        decrypt: function (cipher, ciphertext, key, cfg) {
            cfg = this.cfg.extend(cfg);
            ciphertext = this._parse(ciphertext, cfg.format);
            return runCipher(cipher, false, key, cfg, ciphertext.ciphertext);
        },
        _parse: function (ct, format) { return typeof ct === 'string' ? format.parse(ct, this) : ct; }
    });
    var PasswordBasedCipher = SerializableCipher.extend({
        cfg: SerializableCipher.cfg.extend({ kdf: OpenSSLKdf }),
        encrypt: function (cipher, message, password, cfg) {
            cfg = this.cfg.extend(cfg);
            var d = cfg.kdf.execute(password, cipher.keySize, cipher.ivSize);
            cfg.iv = d.iv;
            var ct = SerializableCipher.encrypt.call(this, cipher, message, d.key, cfg);
            ct.mixIn(d);
            return ct;
        },
        decrypt: function (cipher, ciphertext, password, cfg) {
            cfg = this.cfg.extend(cfg);
            ciphertext = this._parse(ciphertext, cfg.format);
            var d = cfg.kdf.execute(password, cipher.keySize, cipher.ivSize, ciphertext.salt);
            cfg.iv = d.iv;
            return SerializableCipher.decrypt.call(this, cipher, ciphertext, d.key, cfg);
        }
    });
    C.lib.Cipher = Cipher;
    C.lib.SerializableCipher = SerializableCipher;
    C.lib.PasswordBasedCipher = PasswordBasedCipher;

    function defCipher(name, id, keyWords, blockWords) {
        var alg = Cipher.extend({ _pgName: id, keySize: keyWords, ivSize: blockWords, blockSize: blockWords });
        C.algo[name] = alg;
        C[name] = {
            encrypt: function (message, key, cfg) {
                return (typeof key === 'string' ? PasswordBasedCipher : SerializableCipher).encrypt(alg, message, key, cfg);
            },
            decrypt: function (ciphertext, key, cfg) {
                return (typeof key === 'string' ? PasswordBasedCipher : SerializableCipher).decrypt(alg, ciphertext, key, cfg);
            }
        };
    }
    defCipher('AES', 'aes', 8, 4);
    defCipher('DES', 'des', 2, 2);
    defCipher('TripleDES', 'tripledes', 6, 2);

    return C;
})

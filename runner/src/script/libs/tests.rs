//! Unit tests for the script libraries: a bare QuickJS context with
//! `install` + `PRELUDE`, then JS snippets checked against known values
//! (RFC/NIST vectors, and outputs of the real npm packages recorded in
//! `parity_expected.rs`).

use rquickjs::{Context, Ctx, Runtime};

fn with_ctx<R>(f: impl FnOnce(&Ctx<'_>) -> R) -> R {
    let rt = Runtime::new().unwrap();
    let ctx = Context::full(&rt).unwrap();
    ctx.with(|ctx| {
        super::install(&ctx).unwrap();
        ctx.eval::<(), _>(super::PRELUDE).unwrap();
        f(&ctx)
    })
}

fn run(ctx: &Ctx<'_>, src: &str) -> String {
    match ctx.eval::<rquickjs::Coerced<String>, _>(src) {
        Ok(s) => s.0,
        Err(rquickjs::Error::Exception) => {
            let e = ctx.catch();
            let o = e.as_object();
            let name = o
                .and_then(|o| o.get::<_, String>("name").ok())
                .unwrap_or_default();
            let msg = o
                .and_then(|o| o.get::<_, String>("message").ok())
                .unwrap_or_default();
            format!("THROWN {name}: {msg}")
        }
        Err(e) => format!("ERR {e}"),
    }
}

fn eval(src: &str) -> String {
    with_ctx(|ctx| run(ctx, src))
}

#[test]
fn module_table_is_lazy_and_cached() {
    with_ctx(|ctx| {
        let keys = run(ctx, "Object.keys(__pg_modules).join(',')");
        for m in [
            "crypto-js",
            "lodash",
            "moment",
            "uuid",
            "ajv",
            "tv4",
            "xml2js",
            "atob",
            "btoa",
            "buffer",
            "querystring",
            "url",
            "util",
            "events",
            "path",
            "assert",
            "csv-parse/lib/sync",
            "__legacy",
        ] {
            assert!(keys.split(',').any(|k| k == m), "{m} missing from {keys}");
        }
        // nothing is built until asked for
        assert_eq!(
            run(
                ctx,
                "typeof Object.getOwnPropertyDescriptor(__pg_modules, 'lodash').get"
            ),
            "function"
        );
        assert_eq!(
            run(ctx, "__pg_modules.lodash === __pg_modules.lodash"),
            "true"
        );
        assert_eq!(
            run(
                ctx,
                "typeof Object.getOwnPropertyDescriptor(__pg_modules, 'lodash').get"
            ),
            "undefined"
        );
        assert_eq!(
            run(ctx, "Object.keys(globalThis).indexOf('__pg_native')"),
            "-1"
        );
        let legacy = run(ctx, "var L = __pg_modules.__legacy; [typeof L.xml2Json, typeof L.atob, typeof L.btoa, L._.VERSION].join()");
        assert_eq!(legacy, "function,function,function,3.10.2");
    });
}

#[test]
fn hash_vectors() {
    // RFC 1321, FIPS 180-2 / NIST examples, Keccak team (crypto-js SHA3 = Keccak-512).
    let cases = [
        ("CryptoJS.MD5('').toString()", "d41d8cd98f00b204e9800998ecf8427e"),
        ("CryptoJS.MD5('abc').toString()", "900150983cd24fb0d6963f7d28e17f72"),
        ("CryptoJS.SHA1('abc').toString()", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("CryptoJS.SHA256('abc').toString()", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("CryptoJS.SHA256('').toString(CryptoJS.enc.Base64)", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="),
        ("CryptoJS.SHA224('abc').toString()", "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"),
        ("CryptoJS.SHA384('abc').toString().slice(0, 32)", "cb00753f45a35e8bb5a03d699ac65007"),
        ("CryptoJS.SHA512('abc').toString().slice(0, 32)", "ddaf35a193617abacc417349ae204131"),
        ("CryptoJS.SHA3('', { outputLength: 256 }).toString()", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        ("CryptoJS.RIPEMD160('abc').toString()", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"),
        // RFC 4231 test case 2
        ("CryptoJS.HmacSHA256('what do ya want for nothing?', 'Jefe').toString()", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        // RFC 2202 test case 2
        ("CryptoJS.HmacMD5('what do ya want for nothing?', 'Jefe').toString()", "750c783e6ab0b503eaa86e310a5db738"),
        // RFC 6070: PBKDF2-HMAC-SHA1, 1 and 2 iterations, 20 bytes
        ("CryptoJS.PBKDF2('password', 'salt', { keySize: 5 }).toString()", "0c60c80f961f0e71f3a9b524af6012062fe037a6"),
        ("CryptoJS.PBKDF2('password', 'salt', { keySize: 5, iterations: 2 }).toString()", "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"),
        // FIPS-197 appendix C.1 (AES-128)
        ("var k = CryptoJS.enc.Hex.parse('000102030405060708090a0b0c0d0e0f'); CryptoJS.AES.encrypt(CryptoJS.enc.Hex.parse('00112233445566778899aabbccddeeff'), k, { mode: CryptoJS.mode.ECB, padding: CryptoJS.pad.NoPadding }).ciphertext.toString()", "69c4e0d86a7b0430d8cdb78070b4c55a"),
        // FIPS-197 appendix C.3 (AES-256), decrypt direction
        ("var k = CryptoJS.enc.Hex.parse('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'); CryptoJS.AES.decrypt({ ciphertext: CryptoJS.enc.Hex.parse('8ea2b7ca516745bfeafc49904b496089') }, k, { mode: CryptoJS.mode.ECB, padding: CryptoJS.pad.NoPadding }).toString()", "00112233445566778899aabbccddeeff"),
    ];
    with_ctx(|ctx| {
        run(ctx, "var CryptoJS = __pg_modules['crypto-js']; 0");
        for (src, want) in cases {
            assert_eq!(run(ctx, src), want, "{src}");
        }
    });
}

#[test]
fn crypto_js_edge_cases() {
    with_ctx(|ctx| {
        run(ctx, "var C = __pg_modules['crypto-js']; 0");
        // crypto-js 3.3.0: a lone surrogate fails in encodeURIComponent
        assert_eq!(
            run(ctx, "C.SHA256('\\ud800').toString()"),
            "THROWN URIError: URI malformed"
        );
        assert_eq!(
            run(ctx, "C.HmacSHA256('m', undefined)"),
            "THROWN TypeError: Cannot read properties of undefined (reading 'sigBytes')"
        );
        assert_eq!(
            run(
                ctx,
                "C.AES.encrypt('x', C.enc.Utf8.parse('0123456789abcdef')).toString()"
            ),
            "THROWN TypeError: Cannot read properties of undefined (reading '0')"
        );
        // A wrong key gives bytes that depend on the random salt: as in
        // crypto-js, they are dropped by the padding check (empty text),
        // are not UTF-8 (an error), or decode to a few stray characters;
        // never the plain text, which the right key gives back.
        assert_eq!(
            run(
                ctx,
                "C.AES.decrypt(C.AES.encrypt('hello', 'k1').toString(), 'k1').toString(C.enc.Utf8)"
            ),
            "hello"
        );
        for _ in 0..20 {
            let out = run(
                ctx,
                "C.AES.decrypt(C.AES.encrypt('hello', 'k1').toString(), 'k2').toString(C.enc.Utf8)",
            );
            assert!(
                out != "hello" && (out.len() < 16 || out == "THROWN Error: Malformed UTF-8 data"),
                "wrong-key decryption gave {out:?}"
            );
        }
        assert_eq!(
            run(
                ctx,
                "C.lib.WordArray.create(new Uint8Array([1, 2, 3])).toString()"
            ),
            "010203"
        );
        assert_eq!(
            run(ctx, "C.SHA256(C.lib.WordArray.random(1000)).sigBytes"),
            "32"
        );
    });
}

#[test]
fn natives_reject_bad_arguments() {
    with_ctx(|ctx| {
        let n = "__pg_native";
        for src in [
            format!("{n}.digest()"),
            format!("{n}.digest('sha256', 42)"),
            format!("{n}.digest('nope', 'x')"),
            format!("{n}.hmac('sha1', {{}}, 'x')"),
            format!("{n}.pbkdf2('sha1', 'p', 's', -1, 1)"),
            format!("{n}.pbkdf2('sha1', 'p', 's', 16, 1e12)"),
            format!("{n}.cipher('aes', true, 'cbc', 'pkcs7', 'short', 'iv', 'x')"),
            format!("{n}.cipher('aes', true, 'xyz', 'pkcs7', '0123456789abcdef', null, 'x')"),
            format!("{n}.cipher('aes', true, 'cbc', 'pkcs7', '0123456789abcdef', null, 'x')"),
            format!("{n}.random(1.5)"),
            format!("{n}.b64Decode(null)"),
            format!("{n}.xmlParse(5)"),
            format!("{n}.schemaValidate('{{}}', 'not json', 'ajv')"),
            format!("{n}.schemaValidate('{{}}', '1', 'other')"),
            format!("{n}.csvParse(undefined)"),
            format!("{n}.load('nope')"),
        ] {
            let got = run(ctx, &src);
            assert!(
                got.starts_with("THROWN TypeError") || got.starts_with("THROWN RangeError"),
                "{src} gave {got}"
            );
        }
    });
}

#[test]
fn schema_validate_helper() {
    let out = eval(
        "var r = __pg_schema_validate({ type: 'object', required: ['a'], properties: { b: { type: 'string' } } }, { b: 1 }, { allErrors: true }); \
         JSON.stringify([r.valid, r.errors.map(function (e) { return e.dataPath + '|' + e.message; }), r.text, __pg_schema_validate({ type: 'number' }, 1)])",
    );
    assert_eq!(
        out,
        r#"[false,["|should have required property 'a'",".b|should be string"],"data should have required property 'a', data.b should be string",{"valid":true,"errors":[],"text":"No errors"}]"#
    );
    // ajv refuses draft-04 schemas unless the meta-schema was added
    assert_eq!(
        eval("__pg_schema_validate({ $schema: 'http://json-schema.org/draft-04/schema#' }, 1)"),
        "THROWN Error: no schema with key or ref \"http://json-schema.org/draft-04/schema#\""
    );
}

#[test]
fn buffer_and_legacy_helpers() {
    with_ctx(|ctx| {
        run(
            ctx,
            "var B = __pg_modules.buffer.Buffer, L = __pg_modules.__legacy; 0",
        );
        assert_eq!(
            run(ctx, "B.from('user:pass').toString('base64')"),
            "dXNlcjpwYXNz"
        );
        assert_eq!(
            run(ctx, "B.from('a\\ud800b').toString('hex')"),
            "61efbfbd62"
        );
        assert_eq!(run(ctx, "B.from([0xff, 0x41]).toString()"), "\u{fffd}A");
        assert_eq!(run(ctx, "B.from('abc').slice(1) instanceof B"), "true");
        assert_eq!(run(ctx, "L.btoa('hi') + L.atob('aGk=')"), "aGk=hi");
        assert_eq!(
            run(
                ctx,
                "JSON.stringify(L.xml2Json('<r><a k=\"v\"> x </a></r>'))"
            ),
            r#"{"r":{"a":{"_":"x","$":{"k":"v"}}}}"#
        );
        assert_eq!(run(ctx, "String(L.xml2Json('<r>'))"), "undefined");
        assert_eq!(run(ctx, "/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(__pg_modules.uuid.v4()) && typeof __pg_modules.uuid()"), "string");
    });
}

/// Every case of tests/js/libs_parity.mjs against what the real packages
/// answered in node.
#[test]
fn parity_with_npm_packages() {
    let harness = include_str!("../../../../tests/js/libs_parity.mjs");
    let start = harness.find("// CASES-BEGIN").expect("CASES-BEGIN marker");
    let end = harness.find("// CASES-END").expect("CASES-END marker");
    let cases = &harness[start..end];
    let src = format!(
        "var M = __pg_modules; {cases}\n\
         var __out = {{}}; CASES.forEach(function (c) {{ var v; try {{ v = JSON.stringify(c[1]()); }} catch (e) {{ v = 'THROWS ' + e.name + ': ' + e.message; }} __out[c[0]] = v; }}); JSON.stringify(__out)"
    );
    let got = eval(&src);
    let got: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&got).unwrap_or_else(|_| panic!("harness failed: {got}"));
    let mut failures = Vec::new();
    for (name, want) in super::parity_expected::EXPECTED {
        let have = got
            .get(*name)
            .and_then(|v| v.as_str())
            .unwrap_or("<missing>");
        if have != *want {
            failures.push(format!("{name}\n   want {want}\n   have {have}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        super::parity_expected::EXPECTED.len(),
        failures.join("\n")
    );
}

#[test]
fn ajv_format_expressions_compile() {
    super::schema::all_formats_compile();
    let out = eval(
        "var A = new (__pg_modules.ajv)(); ['date', 'time', 'uri', 'uri-reference', 'uri-template', 'url', 'hostname', 'ipv4', 'ipv6', 'regex', 'json-pointer', 'relative-json-pointer'].map(function (f) { return A.validate({ format: f }, 'x'); }).join()",
    );
    assert_eq!(
        out,
        "false,false,false,true,true,false,true,false,false,true,false,false"
    );
}

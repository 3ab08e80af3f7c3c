//! Expected outputs of the CASES in tests/js/libs_parity.mjs, recorded from
//! node 20 running the real packages postman-sandbox 4.7.1 bundles: crypto-js 3.3.0,
//! lodash 4.17.21 (and lodash3 3.10.x for the legacy `_`), moment 2.30.1, ajv 6.12.5,
//! tv4 1.3.0, xml2js 0.4.23, csv-parse 1.2.4, atob 2.1.2, btoa 1.2.1, punycode,
//! and node's own buffer/querystring/util/events/path/assert/url.
//! Regenerate with `LIBREF=/tmp/libref node tests/js/libs_parity.mjs`.

pub(super) const EXPECTED: &[(&str, &str)] = &[
    (r###"md5"###, r###""9e107d9d372bb6826bd81d3542a419d6""###),
    (
        r###"sha1"###,
        r###""a9993e364706816aba3e25717850c26c9cd0d89d""###,
    ),
    (
        r###"sha224"###,
        r###""23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7""###,
    ),
    (
        r###"sha256 b64"###,
        r###""ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=""###,
    ),
    (
        r###"sha384"###,
        r###""cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7""###,
    ),
    (
        r###"sha512"###,
        r###""ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f""###,
    ),
    (
        r###"sha3 default"###,
        r###""18587dc2ea106b9a1563e32b3312421ca164c7f1f07bc922a9c83d77cea3a1e5d0c69910739025372dc14ac9642629379540c17e2a65b19d77aa511a9d00bb96""###,
    ),
    (
        r###"sha3 256"###,
        r###""4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45""###,
    ),
    (
        r###"ripemd160"###,
        r###""8eb208f7e05d987a9b044a8e98c6b087f15a0bfc""###,
    ),
    (
        r###"sha256 unicode"###,
        r###""23e0a0c5e66366c058e29407717008da83f9004340e71ff074bb24bd4b80eb2a""###,
    ),
    (
        r###"hmac md5"###,
        r###""18e3548c59ad40dd03907b7aeee71d67""###,
    ),
    (
        r###"hmac sha1"###,
        r###""102900b72b7bf1031eec76b4804b66052376896b""###,
    ),
    (
        r###"hmac sha256 b64"###,
        r###""HDNxJBq1lhi7p3Abacn0wshvKU4ZtlOEjDS1COm1QOg=""###,
    ),
    (
        r###"hmac sha384"###,
        r###""3bba95ff38376a129225ec5430dd3aff6ac7b7acdb829a4af35f33f8c6ddbbf9d85fb31f8b20316db93aedd08a816cfa""###,
    ),
    (
        r###"hmac sha512"###,
        r###""1e4b55b925ccc28ed90d9d18fc2393fcbe164c0d84e67e173cc5aa486b7afc106633c66bdc309076f5f8d9fdbbb62456f894f2c23377fbcc12f4ab2940eb6d70""###,
    ),
    (
        r###"hmac sha3"###,
        r###""94a98ffb3db455c3a3704374433124118d39b7f3fca5ea8d9ffae8b5b2ed59489029c1a58b977bd37583108d30c8eb3fb71962bfb2e331e5f557ecc51fe6b78a""###,
    ),
    (
        r###"hmac long key"###,
        r###""bd56a1782c2830e8abc6ed866a57a1230661e650b84c62f7ee3accc5fa5af491""###,
    ),
    (
        r###"hmac wa key"###,
        r###""818272b940bf6c55ab38f86130dffc975908b1733561527fbad3fd6b8657cee7""###,
    ),
    (
        r###"progressive sha256"###,
        r###""ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad""###,
    ),
    (
        r###"progressive hmac"###,
        r###""2d93cbc1be167bcb1637a4a23cbff01a7878f0c50ee833954ea5221bb1b8c628""###,
    ),
    (
        r###"pbkdf2 default"###,
        r###""0c60c80f961f0e71f3a9b524af601206""###,
    ),
    (
        r###"pbkdf2 sha256"###,
        r###""632c2812e46d4604102ba7618e9d6d7d2f8128f6266b4a03264d2a0460b7dcb3""###,
    ),
    (
        r###"evpkdf"###,
        r###""b305cadbb3bce54f3aa59c64fec00deafbd28d83f3c683b3302442f40407b2b2efba1c755e618abba331e856a46b9245""###,
    ),
    (r###"enc hex parse"###, r###""Hello""###),
    (r###"enc latin1"###, r###""fffe""###),
    (r###"enc b64 parse"###, r###""Hello, World!""###),
    (r###"enc utf16"###, r###""00680069""###),
    (r###"enc utf16le"###, r###""hi""###),
    (
        r###"wordarray"###,
        r###"["010203040506",6,[16909060,84281096]]"###,
    ),
    (r###"wordarray concat"###, r###""0102030405""###),
    (r###"wordarray random"###, r###"16"###),
    (r###"aes key iv"###, r###""wem0Upqsl5MBD0Z39jWO/g==""###),
    (
        r###"aes key iv 256"###,
        r###""7e9a97128ef0b4a45935313b08430fda""###,
    ),
    (r###"aes ecb"###, r###""Z0x+8454yr2c7JwSWCOmOQ==""###),
    (r###"aes ecb nopad"###, r###""cnJ+iB7c/QEApxhoeQm1ZQ==""###),
    (
        r###"aes ctr"###,
        r###""AR0T7T6wkm9nwmpIDWzNEdGrpGJdKerjFsghMnkvYg==""###,
    ),
    (
        r###"aes cfb"###,
        r###""AR0T7T6wkm9nwmpIDWzNEdsYIzFKOSljyhKCGl1Z87A=""###,
    ),
    (
        r###"aes ofb"###,
        r###""AR0T7T6wkm9nwmpIDWzNEUQTvTed+ZKKiHzhBUX4sd8=""###,
    ),
    (r###"aes zero pad"###, r###""uloj0DPWIwtOuvT4+n46Xw==""###),
    (r###"aes ansix923"###, r###""07zdBdWXmS5mBYkAHqrXPg==""###),
    (r###"aes iso97971"###, r###""8XSayDOd500Owq/0j+syrg==""###),
    (r###"aes decrypt kiv"###, r###""hello""###),
    (r###"aes passphrase roundtrip"###, r###""secret msg""###),
    (r###"aes passphrase decrypt fixed"###, r###""""###),
    (
        r###"aes passphrase salt fixed"###,
        r###"[8,"U2FsdGVkX1"]"###,
    ),
    (r###"des"###, r###""EQY3YDRM8Pi8k2HylUzLjg==""###),
    (r###"tripledes"###, r###""UIFe/3RueSF8qLlQetechQ==""###),
    (r###"tripledes ecb decrypt"###, r###""x""###),
    (
        r###"format hex"###,
        r###""8177acf5e22572f77561fd0115ca5a94""###,
    ),
    (
        r###"malformed utf8"###,
        r###"THROWS Error: Malformed UTF-8 data"###,
    ),
    (
        r###"schema 0 {"type":"object","required":["a","b-c"],"properties":{"a":{"type":"string"},"n":{"type":"integer","minimum":3}}} {"n":1}"###,
        r###"[false,[{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":"['b-c']"},"message":"should have required property '['b-c']'"}],"data should have required property '['b-c']'",false,[{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":"b-c"},"message":"should have required property 'b-c'"},{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":"a"},"message":"should have required property 'a'"},{"keyword":"minimum","dataPath":".n","schemaPath":"#/properties/n/minimum","params":{"comparison":">=","limit":3,"exclusive":false},"message":"should be >= 3"}],null,false,{"message":"Missing required property: a","code":302,"params":{"key":"a"},"dataPath":"","schemaPath":"/required/0","sub":null},false,[[302,"Missing required property: a","","/required/0"],[302,"Missing required property: b-c","","/required/1"],[101,"Value 1 is less than minimum 3","/n","/properties/n/minimum"]]]"###,
    ),
    (
        r###"schema 1 {"type":"object","properties":{"a":{"type":"boolean"},"arr":{"type":"array","items":{"type":"number"}}},"additionalProperties":false} {"a":1,"x":2,"arr":[1,"s"],"we ird":1}"###,
        r###"[false,[{"keyword":"additionalProperties","dataPath":"","schemaPath":"#/additionalProperties","params":{"additionalProperty":"x"},"message":"should NOT have additional properties"}],"data should NOT have additional properties",false,[{"keyword":"additionalProperties","dataPath":"","schemaPath":"#/additionalProperties","params":{"additionalProperty":"x"},"message":"should NOT have additional properties"},{"keyword":"additionalProperties","dataPath":"","schemaPath":"#/additionalProperties","params":{"additionalProperty":"we ird"},"message":"should NOT have additional properties"},{"keyword":"type","dataPath":".a","schemaPath":"#/properties/a/type","params":{"type":"boolean"},"message":"should be boolean"},{"keyword":"type","dataPath":".arr[1]","schemaPath":"#/properties/arr/items/type","params":{"type":"number"},"message":"should be number"}],null,false,{"message":"Invalid type: number (expected boolean)","code":0,"params":{"type":"number","expected":"boolean"},"dataPath":"/a","schemaPath":"/properties/a/type","sub":null},false,[[0,"Invalid type: number (expected boolean)","/a","/properties/a/type"],[303,"Additional properties not allowed","/x","/additionalProperties"],[0,"Invalid type: string (expected number)","/arr/1","/properties/arr/items/type"],[303,"Additional properties not allowed","/we ird","/additionalProperties"]]]"###,
    ),
    (
        r###"schema 2 {"enum":[1,2]} 3"###,
        r###"[false,[{"keyword":"enum","dataPath":"","schemaPath":"#/enum","params":{"allowedValues":[1,2]},"message":"should be equal to one of the allowed values"}],"data should be equal to one of the allowed values",false,[{"keyword":"enum","dataPath":"","schemaPath":"#/enum","params":{"allowedValues":[1,2]},"message":"should be equal to one of the allowed values"}],null,false,{"message":"No enum match for: 3","code":1,"params":{"value":"3"},"dataPath":"","schemaPath":"/type","sub":null},false,[[1,"No enum match for: 3","","/type"]]]"###,
    ),
    (
        r###"schema 3 {"type":["string","null"],"minLength":2} 5"###,
        r###"[false,[{"keyword":"type","dataPath":"","schemaPath":"#/type","params":{"type":"string,null"},"message":"should be string,null"}],"data should be string,null",false,[{"keyword":"type","dataPath":"","schemaPath":"#/type","params":{"type":"string,null"},"message":"should be string,null"}],null,false,{"message":"Invalid type: number (expected string/null)","code":0,"params":{"type":"number","expected":"string/null"},"dataPath":"","schemaPath":"/type","sub":null},false,[[0,"Invalid type: number (expected string/null)","","/type"]]]"###,
    ),
    (
        r###"schema 4 {"type":"string","minLength":3,"maxLength":4,"pattern":"^a"} "bb""###,
        r###"[false,[{"keyword":"minLength","dataPath":"","schemaPath":"#/minLength","params":{"limit":3},"message":"should NOT be shorter than 3 characters"}],"data should NOT be shorter than 3 characters",false,[{"keyword":"minLength","dataPath":"","schemaPath":"#/minLength","params":{"limit":3},"message":"should NOT be shorter than 3 characters"},{"keyword":"pattern","dataPath":"","schemaPath":"#/pattern","params":{"pattern":"^a"},"message":"should match pattern \"^a\""}],null,false,{"message":"String is too short (2 chars), minimum 3","code":200,"params":{"length":2,"minimum":3},"dataPath":"","schemaPath":"/minLength","sub":null},false,[[200,"String is too short (2 chars), minimum 3","","/minLength"]]]"###,
    ),
    (
        r###"schema 5 {"type":"number","exclusiveMinimum":5,"multipleOf":2} 5"###,
        r###"[false,[{"keyword":"exclusiveMinimum","dataPath":"","schemaPath":"#/exclusiveMinimum","params":{"comparison":">","limit":5,"exclusive":true},"message":"should be > 5"}],"data should be > 5",false,[{"keyword":"exclusiveMinimum","dataPath":"","schemaPath":"#/exclusiveMinimum","params":{"comparison":">","limit":5,"exclusive":true},"message":"should be > 5"},{"keyword":"multipleOf","dataPath":"","schemaPath":"#/multipleOf","params":{"multipleOf":2},"message":"should be multiple of 2"}],null,false,{"message":"Value 5 is not a multiple of 2","code":100,"params":{"value":5,"multipleOf":2},"dataPath":"","schemaPath":"","sub":null},false,[[100,"Value 5 is not a multiple of 2","",""]]]"###,
    ),
    (
        r###"schema 6 {"type":"number","maximum":5} 7"###,
        r###"[false,[{"keyword":"maximum","dataPath":"","schemaPath":"#/maximum","params":{"comparison":"<=","limit":5,"exclusive":false},"message":"should be <= 5"}],"data should be <= 5",false,[{"keyword":"maximum","dataPath":"","schemaPath":"#/maximum","params":{"comparison":"<=","limit":5,"exclusive":false},"message":"should be <= 5"}],null,false,{"message":"Value 7 is greater than maximum 5","code":103,"params":{"value":7,"maximum":5},"dataPath":"","schemaPath":"/maximum","sub":null},false,[[103,"Value 7 is greater than maximum 5","","/maximum"]]]"###,
    ),
    (
        r###"schema 7 {"type":"array","minItems":2,"uniqueItems":true} [1]"###,
        r###"[false,[{"keyword":"minItems","dataPath":"","schemaPath":"#/minItems","params":{"limit":2},"message":"should NOT have fewer than 2 items"}],"data should NOT have fewer than 2 items",false,[{"keyword":"minItems","dataPath":"","schemaPath":"#/minItems","params":{"limit":2},"message":"should NOT have fewer than 2 items"}],null,false,{"message":"Array is too short (1), minimum 2","code":400,"params":{"length":1,"minimum":2},"dataPath":"","schemaPath":"/minItems","sub":null},false,[[400,"Array is too short (1), minimum 2","","/minItems"]]]"###,
    ),
    (
        r###"schema 8 {"type":"array","uniqueItems":true} [1,2,1]"###,
        r###"[false,[{"keyword":"uniqueItems","dataPath":"","schemaPath":"#/uniqueItems","params":{"i":2,"j":0},"message":"should NOT have duplicate items (items ## 0 and 2 are identical)"}],"data should NOT have duplicate items (items ## 0 and 2 are identical)",false,[{"keyword":"uniqueItems","dataPath":"","schemaPath":"#/uniqueItems","params":{"i":2,"j":0},"message":"should NOT have duplicate items (items ## 0 and 2 are identical)"}],null,false,{"message":"Array items are not unique (indices 0 and 2)","code":402,"params":{"match1":0,"match2":2},"dataPath":"","schemaPath":"/uniqueItems","sub":null},false,[[402,"Array items are not unique (indices 0 and 2)","","/uniqueItems"]]]"###,
    ),
    (
        r###"schema 9 {"type":"array","uniqueItems":true,"items":{"type":"number"}} [1,2,1]"###,
        r###"[false,[{"keyword":"uniqueItems","dataPath":"","schemaPath":"#/uniqueItems","params":{"i":0,"j":2},"message":"should NOT have duplicate items (items ## 2 and 0 are identical)"}],"data should NOT have duplicate items (items ## 2 and 0 are identical)",false,[{"keyword":"uniqueItems","dataPath":"","schemaPath":"#/uniqueItems","params":{"i":0,"j":2},"message":"should NOT have duplicate items (items ## 2 and 0 are identical)"}],null,false,{"message":"Array items are not unique (indices 0 and 2)","code":402,"params":{"match1":0,"match2":2},"dataPath":"","schemaPath":"/uniqueItems","sub":null},false,[[402,"Array items are not unique (indices 0 and 2)","","/uniqueItems"]]]"###,
    ),
    (
        r###"schema 10 {"anyOf":[{"type":"string"},{"type":"number","minimum":10}]} 3"###,
        r###"[false,[{"keyword":"type","dataPath":"","schemaPath":"#/anyOf/0/type","params":{"type":"string"},"message":"should be string"},{"keyword":"minimum","dataPath":"","schemaPath":"#/anyOf/1/minimum","params":{"comparison":">=","limit":10,"exclusive":false},"message":"should be >= 10"},{"keyword":"anyOf","dataPath":"","schemaPath":"#/anyOf","params":{},"message":"should match some schema in anyOf"}],"data should be string, data should be >= 10, data should match some schema in anyOf",false,[{"keyword":"type","dataPath":"","schemaPath":"#/anyOf/0/type","params":{"type":"string"},"message":"should be string"},{"keyword":"minimum","dataPath":"","schemaPath":"#/anyOf/1/minimum","params":{"comparison":">=","limit":10,"exclusive":false},"message":"should be >= 10"},{"keyword":"anyOf","dataPath":"","schemaPath":"#/anyOf","params":{},"message":"should match some schema in anyOf"}],null,false,{"message":"Data does not match any schemas from \"anyOf\"","code":10,"params":{},"dataPath":"","schemaPath":"/anyOf","sub":["Invalid type: number (expected string)","Value 3 is less than minimum 10"]},false,[[10,"Data does not match any schemas from \"anyOf\"","","/anyOf"]]]"###,
    ),
    (
        r###"schema 11 {"oneOf":[{"type":"number"},{"minimum":0}]} 3"###,
        r###"[false,[{"keyword":"oneOf","dataPath":"","schemaPath":"#/oneOf","params":{"passingSchemas":[0,1]},"message":"should match exactly one schema in oneOf"}],"data should match exactly one schema in oneOf",false,[{"keyword":"oneOf","dataPath":"","schemaPath":"#/oneOf","params":{"passingSchemas":[0,1]},"message":"should match exactly one schema in oneOf"}],null,false,{"message":"Data is valid against more than one schema from \"oneOf\": indices 0 and 1","code":12,"params":{"index1":0,"index2":1},"dataPath":"","schemaPath":"/oneOf","sub":null},false,[[12,"Data is valid against more than one schema from \"oneOf\": indices 0 and 1","","/oneOf"]]]"###,
    ),
    (
        r###"schema 12 {"oneOf":[{"type":"string"},{"type":"boolean"}]} 3"###,
        r###"[false,[{"keyword":"type","dataPath":"","schemaPath":"#/oneOf/0/type","params":{"type":"string"},"message":"should be string"},{"keyword":"type","dataPath":"","schemaPath":"#/oneOf/1/type","params":{"type":"boolean"},"message":"should be boolean"},{"keyword":"oneOf","dataPath":"","schemaPath":"#/oneOf","params":{"passingSchemas":null},"message":"should match exactly one schema in oneOf"}],"data should be string, data should be boolean, data should match exactly one schema in oneOf",false,[{"keyword":"type","dataPath":"","schemaPath":"#/oneOf/0/type","params":{"type":"string"},"message":"should be string"},{"keyword":"type","dataPath":"","schemaPath":"#/oneOf/1/type","params":{"type":"boolean"},"message":"should be boolean"},{"keyword":"oneOf","dataPath":"","schemaPath":"#/oneOf","params":{"passingSchemas":null},"message":"should match exactly one schema in oneOf"}],null,false,{"message":"Data does not match any schemas from \"oneOf\"","code":11,"params":{},"dataPath":"","schemaPath":"/oneOf","sub":["Invalid type: number (expected string)","Invalid type: number (expected boolean)"]},false,[[11,"Data does not match any schemas from \"oneOf\"","","/oneOf"]]]"###,
    ),
    (
        r###"schema 13 {"not":{"type":"number"}} 3"###,
        r###"[false,[{"keyword":"not","dataPath":"","schemaPath":"#/not","params":{},"message":"should NOT be valid"}],"data should NOT be valid",false,[{"keyword":"not","dataPath":"","schemaPath":"#/not","params":{},"message":"should NOT be valid"}],null,false,{"message":"Data matches schema from \"not\"","code":13,"params":{},"dataPath":"","schemaPath":"/not","sub":null},false,[[13,"Data matches schema from \"not\"","","/not"]]]"###,
    ),
    (
        r###"schema 14 {"format":"email"} "nope""###,
        r###"[false,[{"keyword":"format","dataPath":"","schemaPath":"#/format","params":{"format":"email"},"message":"should match format \"email\""}],"data should match format \"email\"",false,[{"keyword":"format","dataPath":"","schemaPath":"#/format","params":{"format":"email"},"message":"should match format \"email\""}],null,true,null,true,[]]"###,
    ),
    (
        r###"schema 15 {"format":"email"} "a.b@example.com""###,
        r###"[true,null,"No errors",true,null,null,true,null,true,[]]"###,
    ),
    (
        r###"schema 16 {"type":"string","format":"date-time"} "2020-01-01""###,
        r###"[false,[{"keyword":"format","dataPath":"","schemaPath":"#/format","params":{"format":"date-time"},"message":"should match format \"date-time\""}],"data should match format \"date-time\"",false,[{"keyword":"format","dataPath":"","schemaPath":"#/format","params":{"format":"date-time"},"message":"should match format \"date-time\""}],null,true,null,true,[]]"###,
    ),
    (
        r###"schema 17 {"type":"string","format":"date-time"} "2020-01-01T10:00:00Z""###,
        r###"[true,null,"No errors",true,null,null,true,null,true,[]]"###,
    ),
    (
        r###"schema 18 {"format":"uuid"} "6fa459ea-ee8a-3ca4-894e-db77e160355e""###,
        r###"[true,null,"No errors",true,null,null,true,null,true,[]]"###,
    ),
    (
        r###"schema 19 {"format":"foo"} "x""###,
        r###"["THROWS unknown format \"foo\" is used in schema at path \"#\"","THROWS unknown format \"foo\" is used in schema at path \"#\"",true,null,true,[]]"###,
    ),
    (
        r###"schema 20 {"const":3} 4"###,
        r###"[false,[{"keyword":"const","dataPath":"","schemaPath":"#/const","params":{"allowedValue":3},"message":"should be equal to constant"}],"data should be equal to constant",false,[{"keyword":"const","dataPath":"","schemaPath":"#/const","params":{"allowedValue":3},"message":"should be equal to constant"}],null,true,null,true,[]]"###,
    ),
    (
        r###"schema 21 {"dependencies":{"a":["b"]}} {"a":1}"###,
        r###"[false,[{"keyword":"dependencies","dataPath":"","schemaPath":"#/dependencies","params":{"property":"a","missingProperty":".b","depsCount":1,"deps":"b"},"message":"should have property b when property a is present"}],"data should have property b when property a is present",false,[{"keyword":"dependencies","dataPath":"","schemaPath":"#/dependencies","params":{"property":"a","missingProperty":"b","depsCount":1,"deps":"b"},"message":"should have property b when property a is present"}],null,false,{"message":"Dependency failed - key must exist: b (due to key: a)","code":304,"params":{"key":"a","missing":"b"},"dataPath":"","schemaPath":"/dependencies/a/0","sub":null},false,[[304,"Dependency failed - key must exist: b (due to key: a)","","/dependencies/a/0"]]]"###,
    ),
    (
        r###"schema 22 {"properties":{"x":{"$ref":"#/definitions/p"}},"definitions":{"p":{"type":"integer"}}} {"x":"s"}"###,
        r###"[false,[{"keyword":"type","dataPath":".x","schemaPath":"#/definitions/p/type","params":{"type":"integer"},"message":"should be integer"}],"data.x should be integer",false,[{"keyword":"type","dataPath":".x","schemaPath":"#/definitions/p/type","params":{"type":"integer"},"message":"should be integer"}],null,false,{"message":"Invalid type: string (expected integer)","code":0,"params":{"type":"string","expected":"integer"},"dataPath":"/x","schemaPath":"/properties/x/type","sub":null},false,[[0,"Invalid type: string (expected integer)","/x","/properties/x/type"]]]"###,
    ),
    (
        r###"schema 23 {"$schema":"http://json-schema.org/draft-04/schema#","type":"object"} 1"###,
        r###"["THROWS no schema with key or ref \"http://json-schema.org/draft-04/schema#\"","THROWS no schema with key or ref \"http://json-schema.org/draft-04/schema#\"",false,{"message":"Invalid type: number (expected object)","code":0,"params":{"type":"number","expected":"object"},"dataPath":"","schemaPath":"/type","sub":null},false,[[0,"Invalid type: number (expected object)","","/type"]]]"###,
    ),
    (
        r###"schema 24 {"$schema":"http://json-schema.org/draft-07/schema#","type":"object"} 1"###,
        r###"[false,[{"keyword":"type","dataPath":"","schemaPath":"#/type","params":{"type":"object"},"message":"should be object"}],"data should be object",false,[{"keyword":"type","dataPath":"","schemaPath":"#/type","params":{"type":"object"},"message":"should be object"}],null,false,{"message":"Invalid type: number (expected object)","code":0,"params":{"type":"number","expected":"object"},"dataPath":"","schemaPath":"/type","sub":null},false,[[0,"Invalid type: number (expected object)","","/type"]]]"###,
    ),
    (
        r###"schema 25 {"type":"object","maxProperties":1,"minProperties":3} {"a":1,"b":2}"###,
        r###"[false,[{"keyword":"maxProperties","dataPath":"","schemaPath":"#/maxProperties","params":{"limit":1},"message":"should NOT have more than 1 properties"}],"data should NOT have more than 1 properties",false,[{"keyword":"maxProperties","dataPath":"","schemaPath":"#/maxProperties","params":{"limit":1},"message":"should NOT have more than 1 properties"},{"keyword":"minProperties","dataPath":"","schemaPath":"#/minProperties","params":{"limit":3},"message":"should NOT have fewer than 3 properties"}],null,false,{"message":"Too few properties defined (2), minimum 3","code":300,"params":{"propertyCount":2,"minimum":3},"dataPath":"","schemaPath":"/minProperties","sub":null},false,[[300,"Too few properties defined (2), minimum 3","","/minProperties"],[301,"Too many properties defined (2), maximum 1","","/maxProperties"]]]"###,
    ),
    (
        r###"schema 26 {"items":[{"type":"number"}],"additionalItems":false} [1,2]"###,
        r###"[false,[{"keyword":"additionalItems","dataPath":"","schemaPath":"#/additionalItems","params":{"limit":1},"message":"should NOT have more than 1 items"}],"data should NOT have more than 1 items",false,[{"keyword":"additionalItems","dataPath":"","schemaPath":"#/additionalItems","params":{"limit":1},"message":"should NOT have more than 1 items"}],null,false,{"message":"Additional items not allowed","code":403,"params":{},"dataPath":"/1","schemaPath":"/additionalItems","sub":null},false,[[403,"Additional items not allowed","/1","/additionalItems"]]]"###,
    ),
    (
        r###"schema 27 {"type":"integer"} 1.5"###,
        r###"[false,[{"keyword":"type","dataPath":"","schemaPath":"#/type","params":{"type":"integer"},"message":"should be integer"}],"data should be integer",false,[{"keyword":"type","dataPath":"","schemaPath":"#/type","params":{"type":"integer"},"message":"should be integer"}],null,false,{"message":"Invalid type: number (expected integer)","code":0,"params":{"type":"number","expected":"integer"},"dataPath":"","schemaPath":"/type","sub":null},false,[[0,"Invalid type: number (expected integer)","","/type"]]]"###,
    ),
    (
        r###"schema 28 {"properties":{"a":{"properties":{"b":{"type":"string"}}}}} {"a":{"b":1}}"###,
        r###"[false,[{"keyword":"type","dataPath":".a.b","schemaPath":"#/properties/a/properties/b/type","params":{"type":"string"},"message":"should be string"}],"data.a.b should be string",false,[{"keyword":"type","dataPath":".a.b","schemaPath":"#/properties/a/properties/b/type","params":{"type":"string"},"message":"should be string"}],null,false,{"message":"Invalid type: number (expected string)","code":0,"params":{"type":"number","expected":"string"},"dataPath":"/a/b","schemaPath":"/properties/a/properties/b/type","sub":null},false,[[0,"Invalid type: number (expected string)","/a/b","/properties/a/properties/b/type"]]]"###,
    ),
    (
        r###"schema 29 {"required":["a","b"]} {}"###,
        r###"[false,[{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":".a"},"message":"should have required property '.a'"}],"data should have required property '.a'",false,[{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":"a"},"message":"should have required property 'a'"},{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":"b"},"message":"should have required property 'b'"}],null,false,{"message":"Missing required property: a","code":302,"params":{"key":"a"},"dataPath":"","schemaPath":"/required/0","sub":null},false,[[302,"Missing required property: a","","/required/0"],[302,"Missing required property: b","","/required/1"]]]"###,
    ),
    (
        r###"schema 30 {"required":["a"],"properties":{"a":{"type":"string"}}} {}"###,
        r###"[false,[{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":"a"},"message":"should have required property 'a'"}],"data should have required property 'a'",false,[{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":"a"},"message":"should have required property 'a'"}],null,false,{"message":"Missing required property: a","code":302,"params":{"key":"a"},"dataPath":"","schemaPath":"/required/0","sub":null},false,[[302,"Missing required property: a","","/required/0"]]]"###,
    ),
    (
        r###"schema 31 {"properties":{"a b":{"type":"string"}}} {"a b":1}"###,
        r###"[false,[{"keyword":"type","dataPath":"['a b']","schemaPath":"#/properties/a%20b/type","params":{"type":"string"},"message":"should be string"}],"data['a b'] should be string",false,[{"keyword":"type","dataPath":"['a b']","schemaPath":"#/properties/a%20b/type","params":{"type":"string"},"message":"should be string"}],null,false,{"message":"Invalid type: number (expected string)","code":0,"params":{"type":"number","expected":"string"},"dataPath":"/a b","schemaPath":"/properties/a b/type","sub":null},false,[[0,"Invalid type: number (expected string)","/a b","/properties/a b/type"]]]"###,
    ),
    (
        r###"schema 32 {"type":"object","additionalProperties":{"type":"string"},"properties":{"a":{"type":"number"}}} {"b":1,"a":"x"}"###,
        r###"[false,[{"keyword":"type","dataPath":"['b']","schemaPath":"#/additionalProperties/type","params":{"type":"string"},"message":"should be string"}],"data['b'] should be string",false,[{"keyword":"type","dataPath":"['b']","schemaPath":"#/additionalProperties/type","params":{"type":"string"},"message":"should be string"},{"keyword":"type","dataPath":".a","schemaPath":"#/properties/a/type","params":{"type":"number"},"message":"should be number"}],null,false,{"message":"Invalid type: number (expected string)","code":0,"params":{"type":"number","expected":"string"},"dataPath":"/b","schemaPath":"/additionalProperties/type","sub":null},false,[[0,"Invalid type: number (expected string)","/b","/additionalProperties/type"],[0,"Invalid type: string (expected number)","/a","/properties/a/type"]]]"###,
    ),
    (
        r###"schema 33 {"type":"object","properties":{"a":{"type":"number"}},"maxProperties":0} {"a":"x"}"###,
        r###"[false,[{"keyword":"maxProperties","dataPath":"","schemaPath":"#/maxProperties","params":{"limit":0},"message":"should NOT have more than 0 properties"}],"data should NOT have more than 0 properties",false,[{"keyword":"maxProperties","dataPath":"","schemaPath":"#/maxProperties","params":{"limit":0},"message":"should NOT have more than 0 properties"},{"keyword":"type","dataPath":".a","schemaPath":"#/properties/a/type","params":{"type":"number"},"message":"should be number"}],null,false,{"message":"Too many properties defined (1), maximum 0","code":301,"params":{"propertyCount":1,"maximum":0},"dataPath":"","schemaPath":"/maxProperties","sub":null},false,[[301,"Too many properties defined (1), maximum 0","","/maxProperties"],[0,"Invalid type: string (expected number)","/a","/properties/a/type"]]]"###,
    ),
    (
        r###"schema 34 {"allOf":[{"type":"string"},{"minLength":5}]} 3"###,
        r###"[false,[{"keyword":"type","dataPath":"","schemaPath":"#/allOf/0/type","params":{"type":"string"},"message":"should be string"}],"data should be string",false,[{"keyword":"type","dataPath":"","schemaPath":"#/allOf/0/type","params":{"type":"string"},"message":"should be string"}],null,false,{"message":"Invalid type: number (expected string)","code":0,"params":{"type":"number","expected":"string"},"dataPath":"","schemaPath":"/allOf/0/type","sub":null},false,[[0,"Invalid type: number (expected string)","","/allOf/0/type"]]]"###,
    ),
    (
        r###"schema 35 {"type":"array","items":{"type":"object","required":["id"],"properties":{"id":{"type":"number"}}}} [{"id":1},{"id":"x"},{}]"###,
        r###"[false,[{"keyword":"type","dataPath":"[1].id","schemaPath":"#/items/properties/id/type","params":{"type":"number"},"message":"should be number"}],"data[1].id should be number",false,[{"keyword":"type","dataPath":"[1].id","schemaPath":"#/items/properties/id/type","params":{"type":"number"},"message":"should be number"},{"keyword":"required","dataPath":"[2]","schemaPath":"#/items/required","params":{"missingProperty":"id"},"message":"should have required property 'id'"}],null,false,{"message":"Invalid type: string (expected number)","code":0,"params":{"type":"string","expected":"number"},"dataPath":"/1/id","schemaPath":"/items/properties/id/type","sub":null},false,[[0,"Invalid type: string (expected number)","/1/id","/items/properties/id/type"],[302,"Missing required property: id","/2","/items/required/0"]]]"###,
    ),
    (
        r###"schema 36 {"type":"object","properties":{"name":{"type":"string"},"age":{"type":"number","minimum":0}},"required":["name"]} {"name":"x","age":3}"###,
        r###"[true,null,"No errors",true,null,null,true,null,true,[]]"###,
    ),
    (
        r###"moment format tokens"###,
        r###""2024 24 03 3 05 5 5th 07 7 07 7 08 8 09 9 123 AM am Tuesday Tue Tu 2 March Mar 1 65 065 10 10 2 2 1709622489 1709622489123 +00:00 +0000 literal 7:08 AM 7:08:09 AM 03/05/2024 March 5, 2024 March 5, 2024 7:08 AM Tuesday, March 5, 2024 7:08 AM 3/5/2024 Mar 5, 2024 Mar 5, 2024 7:08 AM Tue, Mar 5, 2024 7:08 AM""###,
    ),
    (
        r###"moment default format"###,
        r###"["2024-03-05T07:08:09Z","2024-03-05T09:08:09+02:00","1970-01-01T00:00:00.000Z","Thu Jan 01 1970 00:00:00 GMT+0000","{\"d\":\"1970-01-01T00:00:00.000Z\"}"]"###,
    ),
    (
        r###"moment parse iso"###,
        r###"[[true,1709596800000],[true,1709634000000],[true,1709626830500],[true,1709634030000],[true,1709596800000],[true,1709596800000],[true,1709596800000],[false,null],[false,null]]"###,
    ),
    (
        r###"moment parse format"###,
        r###"["2024-03-05T14:30:00.000Z","2024-03-05T00:00:00.000Z",true,false,"13:05","2024-03-05T08:00:00.000Z"]"###,
    ),
    (
        r###"moment unix"###,
        r###"["2024-03-05T08:00:00Z",1709625600,1709625600123]"###,
    ),
    (
        r###"moment add subtract"###,
        r###"["2024-02-29T10:00:00Z","2025-01-31T10:00:00Z","2024-01-29T10:00:00Z","2024-01-31T11:30:00Z","2024-02-01T12:00:00Z","2024-04-30T10:00:00Z","2024-01-24T10:00:00Z","2024-02-03T10:00:00Z","2024-01-31T11:30:00Z","2024-01-31T12:00:00Z"]"###,
    ),
    (
        r###"moment diff"###,
        r###"[34464600000,398,13,13.157930107526882,1.0964941756272402,9573,56,-398,34464600,4]"###,
    ),
    (
        r###"moment startOf endOf"###,
        r###"[["2024-01-01T00:00:00.000Z","2024-12-31T23:59:59.999Z"],["2024-01-01T00:00:00.000Z","2024-03-31T23:59:59.999Z"],["2024-03-01T00:00:00.000Z","2024-03-31T23:59:59.999Z"],["2024-03-03T00:00:00.000Z","2024-03-09T23:59:59.999Z"],["2024-03-04T00:00:00.000Z","2024-03-10T23:59:59.999Z"],["2024-03-06T00:00:00.000Z","2024-03-06T23:59:59.999Z"],["2024-03-06T10:00:00.000Z","2024-03-06T10:59:59.999Z"],["2024-03-06T10:20:00.000Z","2024-03-06T10:20:59.999Z"],["2024-03-06T10:20:30.000Z","2024-03-06T10:20:30.999Z"]]"###,
    ),
    (
        r###"moment getters"###,
        r###"[2024,2,6,3,10,20,30,400,66,10,10,1,31,true,3,3,2]"###,
    ),
    (
        r###"moment setters"###,
        r###"["2024-02-29T10:20:30Z","2024-01-05T10:20:30Z","2024-02-01T01:20:30Z","2023-01-31T10:20:30Z","2024-01-31T10:05:30Z","2024-04-02T10:20:30Z","2024-01-28T10:20:30Z","2024-02-04T10:20:30Z"]"###,
    ),
    (
        r###"moment compare"###,
        r###"[true,false,false,true,false,true,true,false,true,true,true,false]"###,
    ),
    (
        r###"moment relative"###,
        r###"["a few seconds ago","5 minutes ago","2 hours ago","3 days ago","3 months ago","2 years ago","in a day","an hour"]"###,
    ),
    (
        r###"moment duration"###,
        r###"[25.016944722222224,1,1,1,1,1,"a day",172800000,90,5400,30,"PT3H30M","a minute ago"]"###,
    ),
    (
        r###"moment utc local"###,
        r###"[true,true,0,"2024-03-05T10:00:00+05:30",330,"10:00"]"###,
    ),
    (
        r###"moment invalid"###,
        r###"[false,"Invalid date",null,"NaN",false]"###,
    ),
    (
        r###"moment arrays objects"###,
        r###"["2024-03-05T10:00:00.000Z","2024-03-05T01:00:00.000Z","1970-01-02T00:00:00.000Z",false]"###,
    ),
    (
        r###"moment calendar"###,
        r###"["Today at 3:00 PM","Tomorrow at 3:00 PM","Yesterday at 9:00 AM","Friday at 9:00 AM","Last Friday at 9:00 AM","04/01/2024"]"###,
    ),
    (
        r###"xml2js 0 "<a>x</b>" {}"###,
        r###"["ERR Unexpected close tag\nLine: 0\nColumn: 8\nChar: >"]"###,
    ),
    (
        r###"xml2js 1 "<a>x" {}"###,
        r###"["ERR Unclosed root tag\nLine: 0\nColumn: 4\nChar: "]"###,
    ),
    (
        r###"xml2js 2 "<a b=1/>" {}"###,
        r###"["ERR Unquoted attribute value\nLine: 0\nColumn: 6\nChar: 1"]"###,
    ),
    (
        r###"xml2js 3 "<a>&foo;</a>" {}"###,
        r###"["ERR Invalid character entity\nLine: 0\nColumn: 8\nChar: ;"]"###,
    ),
    (r###"xml2js 4 "<a/>trail" {}"###, r###"[{"a":""}]"###),
    (
        r###"xml2js 5 "junk<a/>" {}"###,
        r###"["ERR Non-whitespace before first tag.\nLine: 0\nColumn: 1\nChar: j"]"###,
    ),
    (
        r###"xml2js 6 "<a><b>1</b><b>2</b><c x=\"1\">t</c> <d>  </d><e/></a>" {}"###,
        r###"[{"a":{"b":["1","2"],"c":[{"_":"t","$":{"x":"1"}}],"d":["  "],"e":[""]}}]"###,
    ),
    (
        r###"xml2js 7 "<a><b>1</b><b>2</b><c x=\"1\">t</c> <d>  </d><e/></a>" {"explicitArray":false,"trim":true}"###,
        r###"[{"a":{"b":["1","2"],"c":{"_":"t","$":{"x":"1"}},"d":"  ","e":""}}]"###,
    ),
    (
        r###"xml2js 8 "<?xml version=\"1.0\"?><!-- c --><a>x<![CDATA[<y>]]>z &amp; &#65;&#x42;</a>" {}"###,
        r###"[{"a":"x<y>z & AB"}]"###,
    ),
    (
        r###"xml2js 9 "<a><![CDATA[  ]]></a>" {}"###,
        r###"[{"a":"  "}]"###,
    ),
    (
        r###"xml2js 10 "<a x=\"1\" y=\"2\">hi<b/>there</a>" {"mergeAttrs":true}"###,
        r###"[{"a":{"_":"hithere","x":["1"],"y":["2"],"b":[""]}}]"###,
    ),
    (
        r###"xml2js 11 "<a x=\"1\">  </a>" {}"###,
        r###"[{"a":{"$":{"x":"1"}}}]"###,
    ),
    (
        r###"xml2js 12 "<s:Env xmlns:s=\"u\"><s:Body><m:R xmlns:m=\"v\">1</m:R></s:Body></s:Env>" {tnp,"explicitArray":false}"###,
        r###"[{"Env":{"$":{"xmlns:s":"u"},"Body":{"R":{"_":"1","$":{"xmlns:m":"v"}}}}}]"###,
    ),
    (
        r###"xml2js 13 "<a><n>12</n><f>1.5</f><b>true</b></a>" {"valueProcessors":[null,null],"explicitArray":false}"###,
        r###"[{"a":{"n":12,"f":1.5,"b":true}}]"###,
    ),
    (
        r###"xml2js 14 "<a>1</a>" {"explicitRoot":false}"###,
        r###"["1"]"###,
    ),
    (
        r###"xml2js 15 "<a>\r\nx\r\n</a>" {}"###,
        r###"[{"a":"\r\nx\r\n"}]"###,
    ),
    (
        r###"xml2js 16 "<a/>" {"emptyTag":null}"###,
        r###"[{"a":null}]"###,
    ),
    (
        r###"xml2js 17 "<A><B>1</B></A>" {"normalizeTags":true}"###,
        r###"[{"a":{"b":["1"]}}]"###,
    ),
    (
        r###"xml2js 18 "<a>  x  y  </a>" {"normalize":true}"###,
        r###"[{"a":"x y"}]"###,
    ),
    (
        r###"xml2js 19 "<a><b>1</b></a>" {"explicitCharkey":true}"###,
        r###"[{"a":{"b":[{"_":"1"}]}}]"###,
    ),
    (
        r###"xml2js 20 "<a x=\"&lt;&#65;\"/>" {}"###,
        r###"[{"a":{"$":{"x":"<A"}}}]"###,
    ),
    (r###"xml2js 21 "   " {}"###, r###"[null]"###),
    (
        r###"xml2js 22 "<a x=\"1\"><b y=\"2\">t</b></a>" {"attrkey":"attr","charkey":"text"}"###,
        r###"[{"a":{"attr":{"x":"1"},"b":[{"text":"t","attr":{"y":"2"}}]}}]"###,
    ),
    (
        r###"xml2js 23 "<a x=\"1\"><b>t</b></a>" {"ignoreAttrs":true}"###,
        r###"[{"a":{"b":["t"]}}]"###,
    ),
    (
        r###"xml2js 24 "<root><item id=\"1\"><name>A</name></item><item id=\"2\"><name>B</name></item></root>" {}"###,
        r###"[{"root":{"item":[{"$":{"id":"1"},"name":["A"]},{"$":{"id":"2"},"name":["B"]}]}}]"###,
    ),
    (
        r###"xml2Json"###,
        r###"[{"a":{"b":{"_":"t","$":{"x":"1"}},"c":["u","v"]}},null,null]"###,
    ),
    (
        r###"xml2js builder"###,
        r###"["<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<root id=\"1\">\n  <a>1</a>\n  <b>x</b>\n  <b>y</b>\n  <c k=\"v\">t</c>\n  <e/>\n</root>","<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<root>\n  <a>1</a>\n  <b>2</b>\n</root>","<r><a>&lt;&amp;&gt;</a><b><c>d</c></b></r>"]"###,
    ),
    (r###"xml2js parser class"###, r###"[{"a":{"b":"1"}}]"###),
    (
        r###"buffer basics"###,
        r###"[10,"68c3a96c6c6f20e29c93","aMOpbGxvIOKckw==","hÃ©llo â","hello","hello","hi!",3,true,false,"abc","000000","abab","68c3","{\"type\":\"Buffer\",\"data\":[104,105]}",true,"6befdb","fffe"]"###,
    ),
    (
        r###"buffer read write"###,
        r###"["deadbeeffeff0000",3735928559,-2,173,-1,true]"###,
    ),
    (r###"buffer base64 lenient"###, r###"["hello","hello"]"###),
    (
        r###"atob btoa"###,
        r###"["dXNlcjpwYXNz","user:pass","//4=",255]"###,
    ),
    (
        r###"querystring"###,
        r###"["a=1&b=x&b=y&c=sp%20ace%26&d=&e=true","{\"a\":\"1\",\"b\":[\"x\",\"y\"],\"c\":\"sp ace&\",\"d\":\"\"}","a%20b%26c","a b","a:1"]"###,
    ),
    (
        r###"util format"###,
        r###"["Bob is 42 years and {\"a\":1}","a b 1","x extra","100%%","{ a: 1, b: 'x', c: [ 1, 2 ] }","'str'",true,true]"###,
    ),
    (
        r###"events"###,
        r###"[["on1","once1","on2"],1,"function",false]"###,
    ),
    (
        r###"path"###,
        r###"["/a/c/d.txt","c.txt","c",".gz","/a/b","a/c/",true,"/a/c","../../d","/"]"###,
    ),
    (
        r###"assert"###,
        r###"["ok","AssertionError:Expected values to be strictly equal:","ok","AssertionError:custom msg","AssertionError:Expected \"actual\" to be strictly unequal to: 1","ok"]"###,
    ),
    (
        r###"url parse"###,
        r###"[["https:",true,"user:pw","example.com:8080","8080","example.com","#hash","?query=string&a=1","query=string&a=1","/p/a/t/h","/p/a/t/h?query=string&a=1","https://user:pw@example.com:8080/p/a/t/h?query=string&a=1#hash"],["http:",true,null,"localhost",null,"localhost",null,null,null,"/x","/x","http://localhost/x"],[null,null,null,null,null,null,null,"?x=1","x=1","/relative/path","/relative/path?x=1","/relative/path?x=1"],[null,null,null,null,null,null,null,null,null,"example.com/x","example.com/x","example.com/x"],["mailto:",null,"me","example.com",null,"example.com",null,null,null,null,null,"mailto:me@example.com"]]"###,
    ),
    (
        r###"url parse query"###,
        r###""{\"x\":\"1\",\"y\":[\"2\",\"3\"]}""###,
    ),
    (
        r###"url format resolve"###,
        r###"["https://example.com/some/path?page=1&format=json","http://example.com/three","http://example.com/two","/one/two/four"]"###,
    ),
    (
        r###"URL class"###,
        r###"["https://user:pw@example.com/a/c?x=1&y=two+words&z=a%26b#frag","https://example.com","example.com","","/a/c","?x=1&y=two+words&z=a%26b","#frag","two words","user","http://h.com/x?y","a=1&b=c+d"]"###,
    ),
    (
        r###"punycode"###,
        r###"["maana-pta","mañana","xn--maana-pta.com","mañana.com"]"###,
    ),
    (
        r###"csv"###,
        r###"[[["a","b"],["1","2"],[""],["3","4"]],"ERR Number of columns is inconsistent on line 3",[["a","b"],["1","2"],["3"]],[{"a":"1","b":"2"}],[["a","b"],["x;\"y","2"]],[["a","b"],["1","2"]],[["a","b"],[1,2.5]],[["a","b\nc","d"]],"ERR Invalid opening quote at line 1",[["a","b"]],[],[{"x":"a","y":"b"},{"x":"1","y":"2"}],[[" a","b"]],[{"a":"1","b":"2"}],"ERR Number of columns on line 2 does not match header"]"###,
    ),
    (r###"_.get"###, r###"3"###),
    (r###"_.get default"###, r###""def""###),
    (r###"_.set"###, r###"{"a":[{"b":5}]}"###),
    (r###"_.has"###, r###"[true,false]"###),
    (r###"_.isEqual"###, r###"[true,false]"###),
    (
        r###"_.isEmpty"###,
        r###"[true,true,true,true,false,false,true]"###,
    ),
    (r###"_.pick omit"###, r###"[{"a":1,"c":3},{"a":1,"c":3}]"###),
    (
        r###"_.merge"###,
        r###"{"a":[{"b":2,"c":3},{"d":4,"e":5}]}"###,
    ),
    (
        r###"_.cloneDeep"###,
        r###"[{"a":{"b":[1,2]}},{"a":{"b":[1,2,3]}}]"###,
    ),
    (r###"_.map shorthand"###, r###"[[1,2],["x1","y2"]]"###),
    (r###"_.filter matches"###, r###"[{"a":1,"b":2}]"###),
    (r###"_.find"###, r###"[{"a":2},1]"###),
    (r###"_.some every"###, r###"[true,true]"###),
    (r###"_.reduce"###, r###""a1b2""###),
    (r###"_.includes"###, r###"[true,true,true]"###),
    (r###"_.uniq"###, r###"[[2,1,"2"],[2.1,1.2]]"###),
    (
        r###"_.sortBy orderBy"###,
        r###"[[{"n":"c","a":1},{"n":"a","a":2},{"n":"b","a":2}],[{"a":3},{"a":2},{"a":1}]]"###,
    ),
    (
        r###"_.groupBy keyBy countBy"###,
        r###"[{"4":[4.2],"6":[6.1,6.3]},{"a":{"id":"a"},"b":{"id":"b"}},{"3":2,"5":1}]"###,
    ),
    (r###"_.flatten"###, r###"[[1,2,[3,[4]]],[1,2,3,4]]"###),
    (
        r###"_.chunk compact"###,
        r###"[[[1,2],[3,4],[5]],[1,2,3]]"###,
    ),
    (
        r###"_.difference etc"###,
        r###"[[1],[2],[2,1],[["a",1,true],["b",2,null]]]"###,
    ),
    (
        r###"_.range"###,
        r###"[[0,1,2,3],[1,2,3,4],[0,5,10,15],[0,-1,-2,-3],[]]"###,
    ),
    (r###"_.times"###, r###"["0","1","2"]"###),
    (r###"_.size first last"###, r###"[2,3,1,2,[2,3],[1,2]]"###),
    (
        r###"_.sum max min mean"###,
        r###"[14,6,8,null,{"n":2},5]"###,
    ),
    (
        r###"_ case funcs"###,
        r###"[["fooBar","foo_bar","foo-bar","Foo Bar"],["fooBar","foo_bar","foo-bar","Foo Bar"],["fooBar","foo_bar","foo-bar","FOO BAR"],["fooBar","foo_bar","foo-bar","Foo Bar"],["xmlHttpRequest","xml_http_request","xml-http-request","XML Http Request"],["dejaVu","deja_vu","deja-vu","Deja Vu"]]"###,
    ),
    (
        r###"_ string funcs"###,
        r###"["Fred","Fred","fred","abc","abc","_-abc_-_","005","abc   ","ababab"]"###,
    ),
    (
        r###"_ string funcs 2"###,
        r###"[true,true,"abc","ABC","&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;","<b>&'","hi-diddly-ho there,..."]"###,
    ),
    (
        r###"_.template"###,
        r###"["hello fred!","&lt;script&gt;","<li>a</li><li>b</li>","hi x"]"###,
    ),
    (
        r###"_ object funcs"###,
        r###"[{"a":2,"b":4},{"a1":1},[["a",1],["b",2]],{"a":1},{"1":"a","2":"b"},{"a":1,"b":2},{"a":1,"b":2}]"###,
    ),
    (
        r###"_ isMatch matches property"###,
        r###"[true,[{"a":{"b":2}}],[1]]"###,
    ),
    (
        r###"_ types"###,
        r###"[true,true,true,true,true,true,true,false,true,true]"###,
    ),
    (r###"_ chain"###, r###"[[4,6],9,1,["a"]]"###),
    (r###"_ uniqueId"###, r###""string""###),
    (r###"_ each break"###, r###"[1,2]"###),
    (r###"_ parseInt toNumber"###, r###"[8,31,3.2,3,"","1,2"]"###),
    (r###"_ round"###, r###"[4.01,4000,6.01,5,true]"###),
    (
        r###"_ words"###,
        r###"[["fred","barney","pebbles"],["camel","Case","HTTP","Request","2","xx"]]"###,
    ),
    (
        r###"_ xor without zipObject"###,
        r###"[[1,3],[3],{"a":1,"b":2}]"###,
    ),
    (r###"_ get weird paths"###, r###"[1,2,2,"d"]"###),
    (
        r###"_3 pluck where"###,
        r###"[[1,2],[{"a":1,"b":1}],{"a":2}]"###,
    ),
    (
        r###"_3 contains max"###,
        r###"[true,{"n":3},null,"FRED",1,[2,3]]"###,
    ),
    (
        r###"_3 uniq pairs object"###,
        r###"[[1,2],[["a",1]],{"a":1,"b":2},{"x":{"id":"x"}},[{"a":2},{"a":1}]]"###,
    ),
    (r###"_3 isArray each"###, r###"[true,["a1"],42,["a"]]"###),
];

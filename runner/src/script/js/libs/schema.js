// ajv 6 and tv4 1.3 APIs for postgate, validated natively (jsonschema crate)
// with errors in each library's shape. Also backs __pg_schema_validate.
(function (N, M) {
    'use strict';

    function json(v) {
        if (v === undefined || typeof v === 'function' || typeof v === 'symbol') { return 'null'; }
        return JSON.stringify(v);
    }
    function run(schema, data, flavour, all) {
        var s = schema === undefined ? {} : schema;
        return JSON.parse(N.schemaValidate(JSON.stringify(s), json(data), flavour, !!all));
    }

    // ---------------- ajv
    function Ajv(opts) {
        if (!(this instanceof Ajv)) { return new Ajv(opts); }
        this._opts = Object.assign({}, opts);
        this._schemas = Object.create(null);
        this.errors = null;
    }
    Ajv.prototype._resolve = function (schemaKeyRef) {
        if (typeof schemaKeyRef === 'string') {
            var s = this._schemas[schemaKeyRef];
            if (!s) { throw new Error('no schema with key or ref "' + schemaKeyRef + '"'); }
            return s;
        }
        return schemaKeyRef;
    };
    Ajv.prototype.validate = function (schemaKeyRef, data) {
        var r = run(this._resolve(schemaKeyRef), data, 'ajv', this._opts.allErrors);
        this.errors = r.valid ? null : r.errors;
        return r.valid;
    };
    Ajv.prototype.compile = function (schema) {
        var self = this;
        schema = this._resolve(schema);
        run(schema, null, 'ajv', false); // throws now for a schema ajv refuses
        var v = function (data) {
            var r = run(schema, data, 'ajv', self._opts.allErrors);
            v.errors = r.valid ? null : r.errors;
            return r.valid;
        };
        v.schema = schema;
        v.errors = null;
        return v;
    };
    Ajv.prototype.addSchema = function (schema, key) {
        var list = Array.isArray(schema) ? schema : [schema];
        for (var i = 0; i < list.length; i++) {
            var k = key || (list[i] && (list[i].$id || list[i].id));
            if (k) { this._schemas[k] = list[i]; }
        }
        return this;
    };
    Ajv.prototype.getSchema = function (key) {
        var s = this._schemas[key];
        return s ? this.compile(s) : undefined;
    };
    Ajv.prototype.removeSchema = function (key) {
        if (key === undefined) { this._schemas = Object.create(null); } else if (typeof key === 'string') { delete this._schemas[key]; }
        return this;
    };
    Ajv.prototype.validateSchema = function (schema) {
        try { run(schema, null, 'ajv', false); this.errors = null; return true; } catch (e) {
            this.errors = [{ keyword: 'schema', dataPath: '', schemaPath: '#', params: {}, message: e.message }];
            return false;
        }
    };
    Ajv.prototype.addMetaSchema = function (schema, key) { return this.addSchema(schema, key); };
    Ajv.prototype.addFormat = function () { return this; };
    Ajv.prototype.addKeyword = function (name) {
        throw new Error('postgate: ajv custom keywords are not supported (addKeyword("' + name + '"))');
    };
    Ajv.prototype.errorsText = function (errors, opts) {
        errors = errors || this.errors;
        if (!errors) { return 'No errors'; }
        opts = opts || {};
        var sep = opts.separator === undefined ? ', ' : opts.separator, dataVar = opts.dataVar === undefined ? 'data' : opts.dataVar;
        var text = '';
        for (var i = 0; i < errors.length; i++) {
            var e = errors[i];
            if (e) { text += dataVar + e.dataPath + ' ' + e.message + sep; }
        }
        return text.slice(0, -sep.length);
    };
    Ajv.ValidationError = function ValidationError(errors) {
        this.message = 'validation failed'; this.errors = errors; this.ajv = this.validation = true;
    };
    Ajv.MissingRefError = function MissingRefError(baseId, ref, message) {
        this.message = message || ("can't resolve reference " + ref + ' from id ' + baseId);
    };

    // ---------------- tv4
    function ValidationError(o) {
        this.message = o.message;
        this.params = o.params;
        this.code = o.code;
        this.dataPath = o.dataPath || '';
        this.schemaPath = o.schemaPath || '';
        this.subErrors = o.subErrors ? o.subErrors.map(function (s) { return new ValidationError(s); }) : null;
        this.stack = new Error(o.message).stack;
    }
    ValidationError.prototype = Object.create(Error.prototype);
    ValidationError.prototype.constructor = ValidationError;
    ValidationError.prototype.name = 'ValidationError';

    var ErrorCodes = {
        INVALID_TYPE: 0, ENUM_MISMATCH: 1, ANY_OF_MISSING: 10, ONE_OF_MISSING: 11, ONE_OF_MULTIPLE: 12, NOT_PASSED: 13,
        NUMBER_MULTIPLE_OF: 100, NUMBER_MINIMUM: 101, NUMBER_MINIMUM_EXCLUSIVE: 102, NUMBER_MAXIMUM: 103,
        NUMBER_MAXIMUM_EXCLUSIVE: 104, NUMBER_NOT_A_NUMBER: 105, STRING_LENGTH_SHORT: 200, STRING_LENGTH_LONG: 201,
        STRING_PATTERN: 202, OBJECT_PROPERTIES_MINIMUM: 300, OBJECT_PROPERTIES_MAXIMUM: 301, OBJECT_REQUIRED: 302,
        OBJECT_ADDITIONAL_PROPERTIES: 303, OBJECT_DEPENDENCY_KEY: 304, ARRAY_LENGTH_SHORT: 400, ARRAY_LENGTH_LONG: 401,
        ARRAY_UNIQUE: 402, ARRAY_ADDITIONAL_ITEMS: 403, FORMAT_CUSTOM: 500, KEYWORD_CUSTOM: 501, CIRCULAR_REFERENCE: 600,
        UNKNOWN_PROPERTY: 1000
    };

    function makeTv4() {
        var schemas = Object.create(null);
        function resolve(schema) {
            if (typeof schema === 'string') { return schemas[schema] || {}; }
            return schema;
        }
        var api = {
            error: null, missing: [], valid: true,
            validate: function (data, schema) {
                var r = run(resolve(schema), data, 'tv4', false);
                api.error = r.valid ? null : new ValidationError(r.errors[0]);
                api.missing = r.missing; api.valid = r.valid;
                return r.valid;
            },
            validateResult: function (data, schema) {
                var r = run(resolve(schema), data, 'tv4', false);
                return { valid: r.valid, error: r.valid ? null : new ValidationError(r.errors[0]), missing: r.missing };
            },
            validateMultiple: function (data, schema) {
                var r = run(resolve(schema), data, 'tv4', true);
                return { valid: r.valid, errors: r.errors.map(function (e) { return new ValidationError(e); }), missing: r.missing };
            },
            addSchema: function (uri, schema) {
                if (typeof uri === 'object') { schema = uri; uri = schema && (schema.id || schema.$id); }
                if (uri) { schemas[uri] = schema; }
                return true;
            },
            getSchema: function (uri) { return schemas[uri]; },
            getSchemaMap: function () { return Object.assign({}, schemas); },
            getSchemaUris: function () { return Object.keys(schemas); },
            getMissingUris: function () { return api.missing.slice(); },
            dropSchemas: function () { schemas = Object.create(null); },
            reset: function () { schemas = Object.create(null); api.error = null; api.missing = []; api.valid = true; },
            freshApi: function () { return makeTv4(); },
            addFormat: function () {},
            defineKeyword: function () {},
            defineError: function () {},
            setErrorReporter: function () {},
            language: function () { return 'en'; },
            addLanguage: function () {},
            normSchema: function (s) { return s; },
            resolveUrl: function (base, href) { return href; },
            errorCodes: ErrorCodes,
            ValidationError: ValidationError
        };
        api.validateAll = api.validateMultiple;
        return api;
    }

    return {
        Ajv: Ajv,
        tv4: makeTv4(),
        validate: function (schema, data, opts) {
            var r = run(schema, data, 'ajv', opts && opts.allErrors);
            var errors = r.valid ? [] : r.errors;
            return { valid: r.valid, errors: errors, text: r.valid ? 'No errors' : Ajv.prototype.errorsText.call({}, errors) };
        }
    };
})

/**
 * The JSON schema of an environment spec (draft 2020-12 subset as ajv 8 understands it).
 * Every object is closed (`additionalProperties: false`) so a typo is an error, not a
 * silently ignored key. Discriminated unions use ajv's `discriminator` keyword so an
 * error names the branch the author meant instead of every branch at once.
 */
const NAME = "^[a-z][a-z0-9-]{0,39}$";
const ENV_VAR = "^[A-Za-z_][A-Za-z0-9_]*$";
const CONFIG_KEY = "^[A-Za-z][A-Za-z0-9_-]*$";
const ENFORCEMENT = { enum: ["advisory", "mandatory", "remediate", "disabled"] };
const ISO_DAY = "^\\d{4}-\\d{2}-\\d{2}$";
/** A policy's level, or `{ level, enforceAfter }`: `if` picks the branch so an error names one mistake, not both shapes. */
const ENFORCEMENT_SETTING = {
    if: { type: "string" },
    then: ENFORCEMENT,
    else: {
        type: "object",
        additionalProperties: false,
        required: ["level"],
        properties: { level: ENFORCEMENT, enforceAfter: { type: "string", pattern: ISO_DAY } },
    },
};
const RELATIVE_PATH = { type: "string", minLength: 1, pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$)).+$" };
/** A waiver file: relative to the spec file (so `..` is allowed), YAML or JSON. */
const WAIVER_FILE = { type: "string", pattern: "^(?!/).+\\.(ya?ml|json)$" } as const;

const tls = {
    type: "object",
    additionalProperties: false,
    properties: {
        caFile: { type: "string", minLength: 1 },
        certFile: { type: "string", minLength: 1 },
        keyFile: { type: "string", minLength: 1 },
    },
    dependentRequired: { certFile: ["keyFile"], keyFile: ["certFile"] },
};

const httpUrl = { type: "string", pattern: "^https?://[^\\s/]+(/.*)?$" };

/** A pack and its settings: `policy` for the pipeline pack, `inspect.policy` for the runtime pack. */
const packSettings = {
    pack: RELATIVE_PATH,
    enforcement: { type: "object", properties: { all: ENFORCEMENT }, additionalProperties: ENFORCEMENT_SETTING },
    config: { type: "object", additionalProperties: { type: "object" } },
    // Waiver files, relative to the spec file: one path or a list.
    waivers: { ...WAIVER_FILE, type: ["string", "array"], minItems: 1, items: WAIVER_FILE },
} as const;

const backend = {
    type: "object",
    required: ["kind"],
    discriminator: { propertyName: "kind" },
    oneOf: [
        {
            additionalProperties: false,
            properties: { kind: { const: "file" }, path: RELATIVE_PATH },
        },
        {
            additionalProperties: false,
            required: ["bucket", "region", "kmsKey"],
            properties: {
                kind: { const: "s3" },
                bucket: { type: "string", pattern: "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$" },
                prefix: { type: "string" },
                // Checked against the partitions' region list (aws-rules.ts), which names a near region.
                region: { type: "string", minLength: 1 },
                kmsKey: { type: "string", minLength: 1 },
            },
        },
        {
            additionalProperties: false,
            required: ["organization"],
            properties: {
                kind: { const: "cloud" },
                organization: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$" },
                url: httpUrl,
            },
        },
    ],
};

const input = {
    type: "object",
    required: ["from"],
    discriminator: { propertyName: "from" },
    oneOf: [
        {
            additionalProperties: false,
            required: ["unit", "output"],
            properties: {
                from: { const: "stack" },
                unit: { type: "string", pattern: NAME },
                output: { type: "string", minLength: 1 },
                secret: { type: "boolean" },
            },
        },
        {
            additionalProperties: false,
            required: ["key"],
            properties: {
                from: { const: "consul" },
                key: { type: "string", minLength: 1, pattern: "^[^/].*[^/]$|^[^/]$" },
                json: { type: "boolean" },
                recurse: { type: "boolean" },
                secret: { type: "boolean" },
            },
        },
        {
            additionalProperties: false,
            required: ["path", "field"],
            properties: {
                from: { const: "vault" },
                path: { type: "string", minLength: 1, pattern: "^[^/].*$" },
                field: { type: "string", minLength: 1 },
                version: { type: "integer", minimum: 1 },
                mount: { type: "string", pattern: "^[^/].*[^/]$|^[^/]$" },
            },
        },
        {
            additionalProperties: false,
            required: ["name"],
            properties: { from: { const: "env" }, name: { type: "string", pattern: ENV_VAR }, secret: { type: "boolean" } },
        },
    ],
};

const ACCOUNT = { type: "string", pattern: "^\\d{12}$" };
/** An IAM role name (the IAM limits: 1–64 characters of `[\w+=,.@-]`). */
const ROLE_NAME = "^[\\w+=,.@-]{1,64}$";
/** An STS session name (2–64 characters of `[\w+=,.@-]`). */
const SESSION_NAME = "^[\\w+=,.@-]{2,64}$";

/** The role assumed in a target account; `required` only where a whole role is declared (the environment's). */
function assumeRole(required: readonly string[]) {
    return {
        type: "object",
        additionalProperties: false,
        required,
        properties: {
            roleName: { type: "string", pattern: ROLE_NAME },
            // An injector input (never another stack's output: the provider needs it before any stack runs).
            externalId: { ...input, oneOf: input.oneOf.slice(1) },
            sessionName: { type: "string", pattern: SESSION_NAME },
            durationSeconds: { type: "integer", minimum: 900, maximum: 43200 },
        },
    };
}

const unit = {
    type: "object",
    additionalProperties: false,
    required: ["path"],
    properties: {
        path: RELATIVE_PATH,
        account: ACCOUNT,
        // `false`: the caller's own credentials (an object's errors stay the object's: no `anyOf` noise).
        assumeRole: { ...assumeRole([]), type: ["object", "boolean"], if: { type: "boolean" }, then: { const: false } },
        dependsOn: { type: "array", uniqueItems: true, items: { type: "string", pattern: NAME } },
        config: { type: "object", propertyNames: { pattern: CONFIG_KEY } },
        inputs: {
            type: "object",
            propertyNames: { pattern: CONFIG_KEY },
            additionalProperties: input,
        },
    },
};

const vault = {
    type: "object",
    additionalProperties: false,
    required: ["address", "auth"],
    properties: {
        address: httpUrl,
        namespace: { type: "string", minLength: 1 },
        mount: { type: "string", pattern: "^[^/].*[^/]$|^[^/]$" },
        tls,
        auth: {
            type: "object",
            required: ["method"],
            discriminator: { propertyName: "method" },
            oneOf: [
                {
                    additionalProperties: false,
                    properties: { method: { const: "token" }, tokenEnv: { type: "string", pattern: ENV_VAR } },
                },
                {
                    additionalProperties: false,
                    properties: {
                        method: { const: "approle" },
                        roleIdEnv: { type: "string", pattern: ENV_VAR },
                        secretIdEnv: { type: "string", pattern: ENV_VAR },
                        mount: { type: "string", minLength: 1 },
                    },
                },
            ],
        },
    },
};

const consul = {
    type: "object",
    additionalProperties: false,
    required: ["address"],
    properties: {
        address: httpUrl,
        tokenEnv: { type: "string", pattern: ENV_VAR },
        datacenter: { type: "string", minLength: 1 },
        tls,
    },
};

export const ENVIRONMENT_SPEC_SCHEMA = {
    $id: "https://edf.local/schemas/environment.json",
    type: "object",
    additionalProperties: false,
    required: ["environment", "units"],
    properties: {
        $schema: { type: "string" },
        environment: { type: "string", pattern: NAME },
        backend,
        region: { type: "string", minLength: 1 },
        account: ACCOUNT,
        assumeRole: assumeRole(["roleName"]),
        // Keys and values are checked against AWS's tag rules (aws-rules.ts): lengths, characters, the `aws:` prefix.
        tags: { type: "object", additionalProperties: { type: "string" } },
        policy: {
            type: "object",
            additionalProperties: false,
            properties: {
                enabled: { type: "boolean" },
                ...packSettings,
                // Environment-wide: the frameworks every report shows and the rules every waiver file obeys (both packs).
                frameworks: { type: "array", uniqueItems: true, items: { type: "string", minLength: 1 } },
                waiverPolicy: {
                    type: "object",
                    additionalProperties: false,
                    properties: { maxDays: { type: "integer", minimum: 1 }, requireApprover: { type: "boolean" } },
                },
            },
        },
        inspect: {
            type: "object",
            additionalProperties: false,
            properties: {
                policy: { type: "object", additionalProperties: false, properties: packSettings },
                registries: {
                    type: "object",
                    propertyNames: { pattern: "^[A-Za-z0-9.-]+(:\\d{1,5})?$" },
                    additionalProperties: {
                        type: "object",
                        additionalProperties: false,
                        properties: {
                            endpoint: httpUrl,
                            auth: {
                                anyOf: [
                                    { enum: ["ecr", "anonymous"] },
                                    {
                                        type: "object",
                                        additionalProperties: false,
                                        required: ["usernameEnv", "passwordEnv"],
                                        properties: {
                                            usernameEnv: { type: "string", pattern: ENV_VAR },
                                            passwordEnv: { type: "string", pattern: ENV_VAR },
                                        },
                                    },
                                ],
                            },
                        },
                    },
                },
                maxImageMegabytes: { type: "integer", minimum: 1, maximum: 1048576 },
            },
        },
        injectors: {
            type: "object",
            additionalProperties: false,
            properties: { vault, consul },
        },
        units: {
            type: "object",
            minProperties: 1,
            propertyNames: { pattern: NAME },
            additionalProperties: unit,
        },
    },
} as const;

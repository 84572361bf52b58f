import * as fs from "fs";
import * as path from "path";
import { EdfError, Problem } from "../errors";
import { readCheckedText } from "../files/read";
import { parseYamlText } from "../files/yaml";
import { lineOfPointer, pointer } from "../spec/yaml-lines";
import type { ConsulRead } from "../inputs/consul";
import { InputError } from "../inputs/types";
import type { VaultField } from "../inputs/vault";

/**
 * The sample file synth reads Vault, Consul and environment-variable inputs from when it
 * does not talk to real servers (`environments/samples/<env>.yaml`). It must say it holds
 * sample values (`sampleValuesOnly: true`): synth never asks for real secrets.
 *
 * ```yaml
 * sampleValuesOnly: true
 * vault:                       # "<mount>/<path>": { field: value }
 *   secret/payments/db: { password: sample-not-a-secret }
 * consul:                      # key: value (text; JSON text for `json: true` inputs)
 *   edf/dev/payments/config: '{"logLevel": "debug"}'
 * env:                         # used when the variable is not set in the environment
 *   PAYMENTS_IMAGE_TAG: "1.4.2"
 * ```
 */
export interface SampleInputs {
    readonly file: string;
    readonly vault: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
    readonly consul: Readonly<Record<string, string>>;
    readonly env: Readonly<Record<string, string>>;
}

/** Where the sample inputs of an environment live by default. */
export function defaultSampleFile(projectRoot: string, environment: string): string {
    return path.join(projectRoot, "environments", "samples", `${environment}.yaml`);
}

const TOP_LEVEL = ["sampleValuesOnly", "vault", "consul", "env"];

/**
 * Reads and checks a sample file; every problem at once, as an `EDF_SPEC_INVALID` naming the
 * file, key and line. Read as every file `edf` reads (automation/files): a regular file within
 * the size limit, no symbolic link out of `projectRoot`, YAML under its limits.
 */
export function loadSampleInputs(file: string, display: string = file, projectRoot: string = process.cwd()): SampleInputs {
    if (!fs.existsSync(file) && !isLink(file)) {
        throw new EdfError("EDF_SPEC_NOT_FOUND", `No sample inputs file at \`${display}\`.`, [
            {
                file: display,
                message: "the file does not exist",
                fix:
                    "create it (see docs/synth.md), pass `--inputs <file>`, or use " +
                    "`--live-inputs` to read the servers in the spec's `injectors`.",
            },
        ]);
    }
    const text = readCheckedText({ file, display, what: "sample inputs file", origin: { kind: "named", projectRoot } });
    const parsed = parseYamlText(text);
    if (parsed.problems.length > 0) {
        throw new EdfError(
            "EDF_SPEC_INVALID",
            `Sample inputs file \`${display}\` is not valid YAML.`,
            parsed.problems.map((p) => ({
                file: display,
                ...(p.line !== undefined ? { line: p.line } : {}),
                message: p.message,
                fix: p.fix,
            })),
        );
    }
    const doc = parsed.data;
    const lineOf = (at: string): number | undefined => {
        const { doc: located, lineCounter } = parsed.located();
        return located ? lineOfPointer(located, lineCounter, at) : undefined;
    };
    const problems: Problem[] = [];
    const problem = (at: string, message: string, fix: string): void => {
        problems.push({ file: display, path: at, line: lineOf(at), message, fix });
    };
    if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
        throw new EdfError("EDF_SPEC_INVALID", `Sample inputs file \`${display}\` must be a mapping.`, [
            {
                file: display,
                message: "the document is not a mapping",
                fix: "write `sampleValuesOnly: true` and the `vault`, `consul`, `env` sections.",
            },
        ]);
    }
    const d = doc as Record<string, unknown>;
    for (const key of Object.keys(d)) {
        if (!TOP_LEVEL.includes(key))
            problem(pointer(key), `unknown key \`${key}\``, `use only ${TOP_LEVEL.map((k) => `\`${k}\``).join(", ")}.`);
    }
    if (d.sampleValuesOnly !== true) {
        problem(
            "/sampleValuesOnly",
            "the file does not declare `sampleValuesOnly: true`",
            "add `sampleValuesOnly: true`: synth only reads files that hold sample values, never real secrets.",
        );
    }
    const mapping = (key: string): Record<string, unknown> => {
        const value = d[key];
        if (value === undefined || value === null) return {};
        if (typeof value !== "object" || Array.isArray(value)) {
            problem(pointer(key), `\`${key}\` must be a mapping`, `write \`${key}:\` followed by indented entries.`);
            return {};
        }
        return value as Record<string, unknown>;
    };
    const vault: Record<string, Record<string, unknown>> = {};
    for (const [secret, fields] of Object.entries(mapping("vault"))) {
        if (!/^[^/]+\/.+/.test(secret))
            problem(
                pointer("vault", secret),
                `\`${secret}\` must be \`<mount>/<path>\``,
                "prefix the secret's path with its KV v2 mount, e.g. `secret/payments/db`.",
            );
        if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
            problem(pointer("vault", secret), "a secret must be a mapping of fields", "write `{ <field>: <sample value> }`.");
            continue;
        }
        vault[secret] = fields as Record<string, unknown>;
    }
    const consul: Record<string, string> = {};
    for (const [key, value] of Object.entries(mapping("consul"))) {
        if (typeof value === "string") consul[key] = value;
        else if (typeof value === "number" || typeof value === "boolean") consul[key] = String(value);
        else
            problem(
                pointer("consul", key),
                "a Consul value must be text (Consul stores bytes)",
                "quote it; write JSON as text for inputs with `json: true`.",
            );
    }
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(mapping("env"))) {
        if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") env[name] = String(value);
        else problem(pointer("env", name), "an environment variable must be text", "quote the value.");
    }
    if (problems.length > 0) {
        throw new EdfError(
            "EDF_SPEC_INVALID",
            `Sample inputs file \`${display}\` is invalid (${problems.length} problem(s)); nothing was synthesized.`,
            problems,
        );
    }
    return { file: display, vault, consul, env };
}

/** Answers Vault reads from the sample file, like the driver's `VaultClient` (KV v2 fields, version 1). */
export class SampleVault {
    constructor(
        private readonly samples: SampleInputs,
        private readonly defaultMount: string,
    ) {}

    async readField(secretPath: string, field: string, version?: number, mount?: string): Promise<VaultField> {
        const kvMount = mount ?? this.defaultMount;
        const key = `${kvMount}/${secretPath}`;
        const secret = this.samples.vault[key];
        if (!secret) {
            throw new InputError(
                `the sample file \`${this.samples.file}\` has no Vault secret \`${key}\``,
                `add \`vault: { ${key}: { ${field}: <sample value> } }\` to it.`,
            );
        }
        if (!(field in secret)) {
            throw new InputError(
                `the sample Vault secret \`${key}\` has no field \`${field}\``,
                `add \`${field}: <sample value>\` under \`vault.${key}\` in \`${this.samples.file}\`.`,
            );
        }
        return { value: secret[field], version: version ?? 1, mount: kvMount };
    }
}

/** Answers Consul reads from the sample file, like the driver's `ConsulClient` (`json`, `recurse`). */
export class SampleConsul {
    constructor(private readonly samples: SampleInputs) {}

    async read(key: string, options: { json?: boolean; recurse?: boolean } = {}): Promise<ConsulRead> {
        const decode = (entryKey: string, text: string): unknown => {
            if (!options.json) return text;
            try {
                return JSON.parse(text) as unknown;
            } catch {
                throw new InputError(
                    `the sample Consul value \`${entryKey}\` is not valid JSON`,
                    `store JSON text under \`consul.${entryKey}\` in \`${this.samples.file}\`, or drop \`json: true\`.`,
                );
            }
        };
        if (options.recurse) {
            const prefix = key.endsWith("/") ? key : `${key}/`;
            const entries = Object.entries(this.samples.consul)
                .filter(([k]) => k.startsWith(prefix))
                .sort(([a], [b]) => (a < b ? -1 : 1));
            if (entries.length === 0) {
                throw new InputError(
                    `the sample file \`${this.samples.file}\` has no Consul keys under \`${prefix}\``,
                    `add keys such as \`consul: { ${prefix}<name>: <value> }\` to it.`,
                );
            }
            return { value: Object.fromEntries(entries.map(([k, v]) => [k.slice(prefix.length), decode(k, v)])), modifyIndex: 1, index: 1 };
        }
        const text = this.samples.consul[key];
        if (text === undefined) {
            throw new InputError(
                `the sample file \`${this.samples.file}\` has no Consul key \`${key}\``,
                `add \`consul: { ${key}: <value> }\` to it.`,
            );
        }
        return { value: decode(key, text), modifyIndex: 1, index: 1 };
    }
}

function isLink(file: string): boolean {
    try {
        return fs.lstatSync(file).isSymbolicLink();
    } catch {
        return false;
    }
}

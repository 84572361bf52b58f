import * as fs from "fs";
import * as path from "path";
import { EdfError, Problem } from "../errors";
import { ConsulClient } from "../inputs/consul";
import { InputSources, resolveUnitInputs, StackOutputs } from "../inputs/resolve";
import type { ResolvedInput } from "../inputs/types";
import { DEFAULT_VAULT_MOUNT, VaultClient } from "../inputs/vault";
import type { Redactor } from "../redact";
import type { InputSpec, LoadedSpec } from "../spec/types";
import { pointer } from "../spec/yaml-lines";
import { shortStackName } from "../backend/backend";
import type { InputOrigin, SynthInput } from "../run/report/model";
import { defaultSampleFile, loadSampleInputs, SampleConsul, SampleInputs, SampleVault } from "./sample-inputs";

export interface SynthInputOptions {
    readonly projectRoot: string;
    /** The sample inputs file. @default - `environments/samples/<env>.yaml` */
    readonly samplesFile?: string;
    /** Read Vault and Consul from the servers in the spec's `injectors` instead of the sample file. @default false */
    readonly live?: boolean;
    readonly env: NodeJS.ProcessEnv;
    readonly redactor: Redactor;
    /** Outputs synthesized so far, by unit (filled as the run goes). */
    readonly synthesized: ReadonlyMap<string, StackOutputs>;
}

/** The inputs of every selected unit: resolved now, and stack inputs resolved once their producer is synthesized. */
export interface SynthInputs {
    readonly source: { readonly kind: "sample" | "live"; readonly file?: string };
    /** Non-stack inputs, by unit. */
    readonly early: ReadonlyMap<string, readonly ResolvedInput[]>;
    /** Resolves a unit's stack inputs from the synthesized outputs of this run. */
    resolveStackInputs(unit: string): Promise<{ resolved: ResolvedInput[]; problems: Problem[] }>;
    /** Where each input of a unit came from, for the report. */
    describe(unit: string, resolved: readonly ResolvedInput[]): SynthInput[];
}

function needsSamples(input: InputSpec, env: NodeJS.ProcessEnv, live: boolean): boolean {
    if (input.from === "vault" || input.from === "consul") return !live;
    return input.from === "env" && env[input.name] === undefined;
}

/**
 * Resolves the inputs of a synth run with the driver's own resolver. Vault and Consul
 * values come from the sample file (clearly sample values) or, with `live`, from the real
 * servers through the driver's injectors; an environment variable that is not set falls back
 * to the sample file's `env`; stack inputs come from the synthesized outputs of this run.
 * Every problem is collected and thrown at once (`EDF_INPUT_UNRESOLVED`); nothing is evaluated.
 */
export async function resolveSynthInputs(
    loaded: LoadedSpec,
    selection: readonly string[],
    options: SynthInputOptions,
): Promise<SynthInputs> {
    const spec = loaded.spec;
    const live = options.live ?? false;
    const problems: Problem[] = [];
    const selected = new Set(selection);
    for (const unit of selection) {
        for (const [name, input] of Object.entries(spec.units[unit]!.inputs ?? {})) {
            if (input.from === "stack" && !selected.has(input.unit)) {
                const at = pointer("units", unit, "inputs", name);
                problems.push({
                    file: loaded.file,
                    path: at,
                    line: loaded.lineOf(at),
                    message: `input \`${name}\` of unit \`${unit}\` reads unit \`${input.unit}\`, which is not part of this synth run`,
                    fix: "add `--with-dependencies` (synth feeds stack inputs from the stacks it synthesizes).",
                });
            }
        }
    }
    const wantsSamples = selection.flatMap((unit) =>
        Object.entries(spec.units[unit]!.inputs ?? {})
            .filter(([, i]) => needsSamples(i, options.env, live))
            .map(([name, i]) => ({ unit, name, input: i })),
    );
    const sampleFile = options.samplesFile ?? defaultSampleFile(options.projectRoot, spec.environment);
    const sampleDisplay = path.relative(options.projectRoot, sampleFile) || sampleFile;
    let samples: SampleInputs | undefined;
    if (wantsSamples.length > 0 && !fs.existsSync(sampleFile) && !isLink(sampleFile)) {
        // Every input that needed the file, with the file named: one error listing them all.
        for (const { unit, name, input } of wantsSamples) {
            const at = pointer("units", unit, "inputs", name);
            const what =
                input.from === "env"
                    ? `environment variable \`${input.name}\` is not set`
                    : `synth reads ${input.from === "vault" ? "Vault" : "Consul"} inputs from sample values`;
            problems.push({
                file: loaded.file,
                path: at,
                line: loaded.lineOf(at),
                message:
                    `input \`${name}\` of unit \`${unit}\` (${input.from}): ${what} and ` +
                    `there is no sample inputs file \`${sampleDisplay}\``,
                fix:
                    `create \`${sampleDisplay}\` with \`sampleValuesOnly: true\` and a ` +
                    `sample value (docs/synth.md)${input.from === "env" ? `, or export \`${input.name}\`` : ", pass `--inputs <file>`, or use `--live-inputs`"}.`,
            });
        }
        throw new EdfError(
            "EDF_INPUT_UNRESOLVED",
            `${problems.length} input(s) of \`${spec.environment}\` could not be resolved; nothing was synthesized.`,
            problems,
        );
    }
    if (wantsSamples.length > 0) {
        samples = loadSampleInputs(sampleFile, sampleDisplay, options.projectRoot);
        for (const secret of Object.values(samples.vault)) {
            for (const value of Object.values(secret)) options.redactor.add(value);
        }
    }
    const env: NodeJS.ProcessEnv = { ...(samples?.env ?? {}), ...options.env };
    const injectors = spec.injectors ?? {};
    const sources: InputSources = {
        env,
        vault: live
            ? injectors.vault && new VaultClient(injectors.vault, options.redactor, options.env)
            : samples && (new SampleVault(samples, injectors.vault?.mount ?? DEFAULT_VAULT_MOUNT) as unknown as VaultClient),
        consul: live
            ? injectors.consul && new ConsulClient(injectors.consul, options.redactor, options.env)
            : samples && (new SampleConsul(samples) as unknown as ConsulClient),
        readStackOutputs: async (unit) => options.synthesized.get(unit),
        stackNameOf: (unit) => shortStackName(spec.environment, unit),
    };
    // The sample clients answer exactly like the driver's (`readField`, `read`); the casts only
    // bridge the classes' private members, which the resolver never touches.
    const resolutions = await Promise.all(selection.map((unit) => resolveUnitInputs(loaded, unit, sources, selected)));
    for (const r of resolutions) {
        for (const p of r.problems) {
            problems.push(samples && !live ? { ...p, fix: `${p.fix ?? ""} (Sample values come from \`${samples.file}\`.)`.trim() } : p);
        }
    }
    if (problems.length > 0) {
        throw new EdfError(
            "EDF_INPUT_UNRESOLVED",
            `${problems.length} input(s) of \`${spec.environment}\` could not be resolved; nothing was synthesized.`,
            problems,
        );
    }
    const early = new Map(selection.map((unit, i) => [unit, resolutions[i]!.resolved]));
    const deferred = new Map(selection.map((unit, i) => [unit, resolutions[i]!.deferred]));
    for (const resolved of early.values()) {
        for (const input of resolved) if (input.secret) options.redactor.add(input.value);
    }
    const originOf = (input: ResolvedInput): InputOrigin => {
        switch (input.provenance.source) {
            case "stack":
                return "synthesized";
            case "env":
                return options.env[input.provenance.key] !== undefined ? "environment" : "sample";
            default:
                return live ? "live" : "sample";
        }
    };
    return {
        source: live ? { kind: "live" } : { kind: "sample", ...(samples ? { file: samples.file } : {}) },
        early,
        async resolveStackInputs(unit) {
            const names = deferred.get(unit) ?? [];
            if (names.length === 0) return { resolved: [], problems: [] };
            const result = await resolveUnitInputs(loaded, unit, sources, new Set(), names);
            for (const input of result.resolved) if (input.secret) options.redactor.add(input.value);
            return { resolved: result.resolved, problems: result.problems };
        },
        describe(_unit, resolved) {
            return [...resolved]
                .sort((a, b) => (a.name < b.name ? -1 : 1))
                .map((r) => ({ name: r.name, ...r.provenance, origin: originOf(r) }));
        },
    };
}

function isLink(file: string): boolean {
    try {
        return fs.lstatSync(file).isSymbolicLink();
    } catch {
        return false;
    }
}

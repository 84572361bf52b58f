import * as fs from "fs";
import * as path from "path";
import type { PolicyDefinition } from "../../policy-packs/lib/model";
import { isWithin, realPathOf } from "../files/paths";
import { FileOrigin, FileReference, readCheckedText } from "../files/read";
import { sdkPackage } from "../loader/sdk-package";

/** The pack every synth, preview and up runs when the spec names none. */
export const DEFAULT_POLICY_PACK = "policy-packs/pipeline";
/** The pack `edf inspect` runs when the spec names none. */
export const DEFAULT_RUNTIME_PACK = "policy-packs/runtime";

/** Where a pack keeps its policy list, the module tests and offline runners import (never the gRPC entry point). */
export const POLICY_LIST_MODULE = "policy-list.ts";

/**
 * The SDK's own pipeline pack: `policy-packs/pipeline` beside this module's floor, as TypeScript
 * in the SDK's repository and compiled in the package (`dist/policy-packs/pipeline`).
 */
export const SDK_PIPELINE_PACK = path.resolve(__dirname, "..", "..", "policy-packs", "pipeline");
/** The SDK's root, under which its packs live (`<root>/policy-packs/<pack>`). */
const SDK_ROOT_OF_PACKS = path.resolve(__dirname, "..", "..");

/** A policy pack folder as one environment uses it. */
export interface PackLocation {
    /** Absolute folder of the pack. */
    readonly dir: string;
    /** The folder as the spec writes it (relative to the project root), for messages. */
    readonly display: string;
    /** Absolute path of its policy list module. */
    readonly policyModule: string;
}

/** The policy list module of a pack folder: `policy-list.ts`, or the compiled `policy-list.js`. */
function policyModuleOf(dir: string): string {
    const source = path.join(dir, POLICY_LIST_MODULE);
    const compiled = source.replace(/\.ts$/, ".js");
    return !fs.existsSync(source) && fs.existsSync(compiled) ? compiled : source;
}

/**
 * The pack folder the spec names (`policy.pack`, `inspect.policy.pack`), resolved under the
 * project root. With none, the project's own default pack (`policy-packs/pipeline`, or
 * `policy-packs/runtime` for `edf inspect`) when it has one, else the SDK's (a consumer's
 * project usually has none of its own).
 */
export function packLocation(packSetting: string | undefined, projectRoot: string, defaultPack = DEFAULT_POLICY_PACK): PackLocation {
    if (packSetting === undefined && !fs.existsSync(path.join(projectRoot, defaultPack))) {
        const sdkPack = path.resolve(SDK_ROOT_OF_PACKS, defaultPack);
        return { dir: sdkPack, display: `${sdkPackage().name}/${defaultPack}`, policyModule: policyModuleOf(sdkPack) };
    }
    const display = packSetting ?? defaultPack;
    const dir = path.resolve(projectRoot, display);
    return { dir, display, policyModule: policyModuleOf(dir) };
}

const loaded = new Map<string, readonly PolicyDefinition[]>();

/** Forgets the policy lists loaded so far (`edf synth --watch`, after a pack's sources changed and were dropped from the require cache). */
export function forgetPolicyLists(): void {
    loaded.clear();
}

/** The policies a pack's policy list module exports (its one exported array of policy definitions). */
export function loadPolicyList(policyModule: string): readonly PolicyDefinition[] {
    let policies = loaded.get(policyModule);
    if (!policies) {
        // A pack is chosen by the spec at run time, so its module path is only known here.
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the spec names the pack at run time
        const exports = require(policyModule) as Record<string, unknown>;
        const lists = Object.values(exports).filter(
            (v): v is PolicyDefinition[] =>
                Array.isArray(v) && v.length > 0 && v.every((p) => typeof p?.id === "string" && typeof p?.kind === "string"),
        );
        if (lists.length !== 1) {
            throw new Error(`\`${policyModule}\` must export exactly one array of policy definitions (it exports ${lists.length}).`);
        }
        policies = lists[0]!;
        loaded.set(policyModule, policies);
    }
    return policies;
}

/**
 * The pack's name as its entry point gives it to `new PolicyPack(...)`, and its package version.
 * Both files are read as every file `edf` reads (automation/files/read.ts): inside the project
 * (`projectRoot`; links judged by where they lead), regular files within the size limit. A
 * refusal points at `reference`, where the spec names the pack. The SDK's own pipeline pack,
 * which a consumer's project without a pack of its own uses, is read where the SDK is installed.
 */
export function packIdentity(
    packDir: string,
    projectRoot: string,
    reference: FileReference | (() => FileReference) = {},
): { name: string; version: string } {
    let name = path.basename(packDir);
    let version = "0.0.0";
    // The SDK's own pack, outside a consumer's project, is part of the SDK like its code: read where the SDK is installed.
    const sdkPackOutside = isSdkPack(packDir) && !isWithin(realPathOf(packDir), realPathOf(projectRoot));
    const origin: FileOrigin = sdkPackOutside ? { kind: "machine" } : { kind: "referenced", base: packDir, projectRoot, reference };
    const read = (file: string, what: string): string => readCheckedText({ file, display: path.relative(projectRoot, file), what, origin });
    const index = [path.join(packDir, "index.ts"), path.join(packDir, "index.js")].find((file) => fs.existsSync(file));
    if (index) {
        // `new PolicyPack("name"` in the source, `new policy_1.PolicyPack("name"` once compiled.
        const match = /new\s+(?:[\w$]+\.)?PolicyPack\(\s*["'`]([^"'`]+)["'`]/.exec(read(index, "policy pack entry point"));
        if (match) name = match[1]!;
    }
    if (fs.existsSync(path.join(packDir, "package.json"))) {
        version = String(
            (JSON.parse(read(path.join(packDir, "package.json"), "policy pack manifest")) as { version?: string }).version ?? version,
        );
    }
    return { name, version };
}

/** Whether `dir` is one of the SDK's own packs (pipeline, runtime), which a project without a pack of its own uses. */
export function isSdkPack(dir: string): boolean {
    return [DEFAULT_POLICY_PACK, DEFAULT_RUNTIME_PACK].some((pack) => dir === path.resolve(SDK_ROOT_OF_PACKS, pack));
}

import * as fs from "fs";
import * as path from "path";
import type { PolicyDefinition } from "../../policy-packs/lib/model";
import type { Problem } from "../errors";
import { readCheckedText } from "../files/read";

/** The pack every synth, preview and up runs when the spec names none. */
export const DEFAULT_POLICY_PACK = "policy-packs/pipeline";

/** Where a pack keeps its policy list, the module tests and offline runners import (never the gRPC entry point). */
export const POLICY_LIST_MODULE = "policy-list.ts";

/** A policy pack folder as one environment uses it. */
export interface PackLocation {
    /** Absolute folder of the pack. */
    readonly dir: string;
    /** The folder as the spec writes it (relative to the project root), for messages. */
    readonly display: string;
    /** Absolute path of its policy list module. */
    readonly policyModule: string;
}

/** The pack folder the spec's `policy.pack` names (or the default), resolved under the project root. */
export function packLocation(packSetting: string | undefined, projectRoot: string): PackLocation {
    const display = packSetting ?? DEFAULT_POLICY_PACK;
    const dir = path.resolve(projectRoot, display);
    return { dir, display, policyModule: path.join(dir, POLICY_LIST_MODULE) };
}

const loaded = new Map<string, readonly PolicyDefinition[]>();

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
 * refusal points at `reference`, where the spec names the pack.
 */
export function packIdentity(
    packDir: string,
    projectRoot: string,
    reference: Omit<Problem, "message" | "fix"> = {},
): { name: string; version: string } {
    let name = path.basename(packDir);
    let version = "0.0.0";
    const read = (file: string, what: string): string =>
        readCheckedText({
            file: path.join(packDir, file),
            display: path.relative(projectRoot, path.join(packDir, file)),
            what,
            origin: { kind: "referenced", base: packDir, projectRoot, reference },
        });
    if (fs.existsSync(path.join(packDir, "index.ts"))) {
        const match = /new\s+PolicyPack\(\s*["'`]([^"'`]+)["'`]/.exec(read("index.ts", "policy pack entry point"));
        if (match) name = match[1]!;
    }
    if (fs.existsSync(path.join(packDir, "package.json"))) {
        version = String((JSON.parse(read("package.json", "policy pack manifest")) as { version?: string }).version ?? version);
    }
    return { name, version };
}

import * as fs from "fs";
import * as path from "path";
import { PolicyInputError } from "../../policy-packs/lib/config";
import { loadWaiverFiles } from "../../policy-packs/lib/waivers";
import { DEFAULT_POLICY_PACK } from "../engine/policy";
import { loadPolicyList, POLICY_LIST_MODULE } from "../synth/inspection";
import type { SemanticProblem } from "./semantics";
import type { EnvironmentSpec } from "./types";
import { pointer } from "./yaml-lines";

const SCHEMA_VALID = /^(?!\/).+\.(ya?ml|json)$/;

/** `policy.waivers` as written (one path or a list), keeping only strings; the schema reports the rest. */
export function listedWaiverFiles(spec: EnvironmentSpec): string[] {
    const listed = (spec?.policy as { waivers?: unknown } | undefined)?.waivers;
    const all = typeof listed === "string" ? [listed] : Array.isArray(listed) ? listed : [];
    return all.filter((f): f is string => typeof f === "string");
}

/**
 * Checks the spec's waiver files with the inspectors library's own loader (the same schema,
 * policy ids and uniqueness rules `edf synth` and the engine pack rely on): each file must
 * exist and be a valid waiver file for the environment's pack. Paths are relative to the
 * spec file's folder.
 */
export function checkWaiverFiles(spec: EnvironmentSpec, specDir: string, projectRoot: string): SemanticProblem[] {
    const listed = (spec?.policy as { waivers?: unknown } | undefined)?.waivers;
    const files = listedWaiverFiles(spec);
    if (files.length === 0) return [];
    const at = (i: number): string => (typeof listed === "string" ? pointer("policy", "waivers") : pointer("policy", "waivers", i));
    const problems: SemanticProblem[] = [];
    const readable: { file: string; index: number }[] = [];
    files.forEach((file, index) => {
        // Paths the schema rejects (absolute, not YAML/JSON) are reported there, once.
        if (!SCHEMA_VALID.test(file)) return;
        const absolute = path.resolve(specDir, file);
        if (!fs.existsSync(absolute) || !fs.statSync(absolute).isFile()) {
            problems.push({
                path: at(index),
                message: `waiver file \`${file}\` does not exist (looked for \`${path.relative(projectRoot, absolute)}\`)`,
                fix: "write the path relative to the spec file's folder, or create the waiver file (format: docs/inspectors.md).",
            });
        } else {
            readable.push({ file: absolute, index });
        }
    });
    if (readable.length === 0) return problems;
    const packPath = typeof spec.policy?.pack === "string" ? spec.policy.pack : DEFAULT_POLICY_PACK;
    const policyModule = path.join(projectRoot, packPath, POLICY_LIST_MODULE);
    if (!fs.existsSync(policyModule)) {
        problems.push({ path: at(readable[0]!.index), message: `policy pack \`${packPath}\` has no \`${POLICY_LIST_MODULE}\`, so its waivers cannot be checked`, fix: `export the pack's policies from \`${packPath}/${POLICY_LIST_MODULE}\`, or remove \`policy.waivers\`.` });
        return problems;
    }
    const policies = loadPolicyList(policyModule);
    for (const { file, index } of readable) {
        try {
            loadWaiverFiles([file], policies);
        } catch (error) {
            if (!(error instanceof PolicyInputError)) throw error;
            for (const message of error.problems) {
                problems.push({
                    path: at(index),
                    message: `invalid waiver file: ${message.split(file).join(path.relative(projectRoot, file))}`,
                    fix: "fix the waiver named (every waiver needs id, policy, selector, reason, owner, ticket, expires; see docs/inspectors.md).",
                });
            }
        }
    }
    if (problems.length === 0 && readable.length > 1) {
        try {
            loadWaiverFiles(readable.map((r) => r.file), policies);
        } catch (error) {
            if (!(error instanceof PolicyInputError)) throw error;
            for (const message of error.problems) problems.push({ path: pointer("policy", "waivers"), message, fix: "give every waiver a unique id across the files." });
        }
    }
    return problems;
}

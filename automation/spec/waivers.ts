import * as fs from "fs";
import * as path from "path";
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
 * Checks that every waiver file the spec lists exists (paths relative to the spec file's
 * folder). What is inside them is the policy module's to judge, against the pack's policies.
 */
export function checkWaiverFiles(
    spec: EnvironmentSpec,
    specDir: string,
    projectRoot: string,
    isFile: (file: string) => boolean = (file) => fs.existsSync(file) && fs.statSync(file).isFile(),
): SemanticProblem[] {
    const listed = (spec?.policy as { waivers?: unknown } | undefined)?.waivers;
    const at = (i: number): string => (typeof listed === "string" ? pointer("policy", "waivers") : pointer("policy", "waivers", i));
    const problems: SemanticProblem[] = [];
    listedWaiverFiles(spec).forEach((file, index) => {
        // Paths the schema rejects (absolute, not YAML/JSON) are reported there, once.
        if (!SCHEMA_VALID.test(file)) return;
        const absolute = path.resolve(specDir, file);
        if (!isFile(absolute)) {
            problems.push({
                path: at(index),
                message: `waiver file \`${file}\` does not exist (looked for \`${path.relative(projectRoot, absolute)}\`)`,
                fix: "write the path relative to the spec file's folder, or create the waiver file (format: docs/inspectors.md).",
            });
        }
    });
    return problems;
}

import * as fs from "fs";
import * as path from "path";
import type { SemanticProblem } from "./semantics";
import type { EnvironmentSpec, PolicySpec } from "./types";
import { pointer } from "./yaml-lines";

const SCHEMA_VALID = /^(?!\/).+\.(ya?ml|json)$/;

/** Where a spec keeps pack settings with waivers: `policy` (the pipeline pack) and `inspect.policy` (the runtime pack). */
export const WAIVER_SECTIONS = [["policy"], ["inspect", "policy"]] as const;
export type WaiverSection = (typeof WAIVER_SECTIONS)[number];

function sectionOf(spec: EnvironmentSpec, section: WaiverSection): { waivers?: unknown } | undefined {
    let node: unknown = spec;
    for (const key of section) node = (node as Record<string, unknown> | undefined)?.[key];
    return node as { waivers?: unknown } | undefined;
}

/** A section's `waivers` as written (one path or a list), keeping only strings; the schema reports the rest. */
export function listedWaiverFiles(spec: EnvironmentSpec, section: WaiverSection = ["policy"]): string[] {
    const listed = sectionOf(spec, section)?.waivers;
    const all = typeof listed === "string" ? [listed] : Array.isArray(listed) ? listed : [];
    return all.filter((f): f is string => typeof f === "string");
}

/**
 * Checks that every waiver file the spec lists exists (paths relative to the spec file's
 * folder). What is inside them is the policy module's to judge, against the pack's policies.
 */
export function checkWaiverFiles(spec: EnvironmentSpec, specDir: string, projectRoot: string): SemanticProblem[] {
    const problems: SemanticProblem[] = [];
    for (const section of WAIVER_SECTIONS) {
        const listed = sectionOf(spec, section)?.waivers;
        const at = (i: number): string => (typeof listed === "string" ? pointer(...section, "waivers") : pointer(...section, "waivers", i));
        listedWaiverFiles(spec, section).forEach((file, index) => {
            // Paths the schema rejects (absolute, not YAML/JSON) are reported there, once.
            if (!SCHEMA_VALID.test(file)) return;
            const absolute = path.resolve(specDir, file);
            if (!fs.existsSync(absolute) || !fs.statSync(absolute).isFile()) {
                problems.push({
                    path: at(index),
                    message: `waiver file \`${file}\` does not exist (looked for \`${path.relative(projectRoot, absolute)}\`)`,
                    fix: "write the path relative to the spec file's folder, or create the waiver file (format: docs/inspectors.md).",
                });
            }
        });
    }
    return problems;
}

/** The spec with every section's waiver files as absolute paths (relative to the spec file's folder). */
export function resolveWaiverFiles(spec: EnvironmentSpec, specDir: string): EnvironmentSpec {
    const absolute = (section: WaiverSection): string[] => listedWaiverFiles(spec, section).map((f) => path.resolve(specDir, f));
    const policy = absolute(["policy"]);
    const inspect = absolute(["inspect", "policy"]);
    let out = spec;
    if (policy.length > 0) out = { ...out, policy: { ...out.policy, waivers: policy } };
    if (inspect.length > 0)
        out = { ...out, inspect: { ...out.inspect, policy: { ...(out.inspect?.policy as PolicySpec), waivers: inspect } } };
    return out;
}

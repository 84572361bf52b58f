import * as fs from "fs";
import * as path from "path";
import { placementOf, referencedFileEscapes } from "../files/paths";
import type { SemanticProblem } from "./semantics";
import type { EnvironmentSpec } from "./types";
import { pointer } from "./yaml-lines";

const SCHEMA_VALID_WAIVER = /^(?!\/).+\.(ya?ml|json)$/;

/** `policy.waivers` as written (one path or a list), keeping only strings; the schema reports the rest. */
export function listedWaiverFiles(spec: EnvironmentSpec): string[] {
    const listed = (spec?.policy as { waivers?: unknown } | undefined)?.waivers;
    const all = typeof listed === "string" ? [listed] : Array.isArray(listed) ? listed : [];
    return all.filter((f): f is string => typeof f === "string");
}

/**
 * Checks every path the spec names by where it really leads (symbolic links followed):
 * waiver files (relative to the spec's folder) must exist as regular files and stay inside the
 * project (a spec outside the project may name files beside it, through no link); the policy
 * pack and a file backend's folder must stay inside the project. Unit paths are checked with
 * their programs (`preflightProblems`). What is inside waiver files is the policy module's to judge.
 */
export function checkSpecPaths(spec: EnvironmentSpec, specDir: string, projectRoot: string): SemanticProblem[] {
    const problems: SemanticProblem[] = [];
    const listed = (spec?.policy as { waivers?: unknown } | undefined)?.waivers;
    const at = (i: number): string => (typeof listed === "string" ? pointer("policy", "waivers") : pointer("policy", "waivers", i));
    listedWaiverFiles(spec).forEach((file, index) => {
        // Paths the schema rejects (absolute, not YAML/JSON) are reported there, once.
        if (!SCHEMA_VALID_WAIVER.test(file)) return;
        const { escapes, real } = referencedFileEscapes(file, specDir, projectRoot);
        if (escapes) {
            problems.push({
                path: at(index),
                message: `waiver file \`${file}\` leads to \`${real}\`, outside the project`,
                fix: "keep waiver files inside the project, with no symbolic link out of it.",
            });
            return;
        }
        const stat = statOf(real);
        if (!stat?.isFile()) {
            problems.push({
                path: at(index),
                message: stat
                    ? `waiver file \`${file}\` is not a regular file (\`${path.relative(projectRoot, real)}\`)`
                    : `waiver file \`${file}\` does not exist (looked for \`${path.relative(projectRoot, real)}\`)`,
                fix: "write the path relative to the spec file's folder, or create the waiver file (format: docs/inspectors.md).",
            });
        }
    });
    const folders: [string, unknown, string][] = [
        [pointer("policy", "pack"), (spec?.policy as { pack?: unknown } | undefined)?.pack, "the policy pack"],
        [pointer("backend", "path"), (spec?.backend as { path?: unknown } | undefined)?.path, "the file backend's folder"],
    ];
    for (const [where, value, what] of folders) {
        if (typeof value !== "string" || value === "" || path.isAbsolute(value)) continue;
        const { real, inside } = placementOf(path.resolve(projectRoot, value), [projectRoot]);
        if (!inside) {
            problems.push({
                path: where,
                message: `${what} \`${value}\` leads to \`${real}\`, outside the project`,
                fix: "name a folder inside the project, with no symbolic link out of it.",
            });
        }
    }
    return problems;
}

function statOf(file: string): fs.Stats | undefined {
    try {
        return fs.statSync(file);
    } catch {
        return undefined;
    }
}

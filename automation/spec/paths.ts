import * as fs from "fs";
import * as path from "path";
import { placementOf, referencedFileEscapes } from "../files/paths";
import type { SemanticProblem } from "./semantics";
import type { EnvironmentSpec } from "./types";
import { listedWaiverFiles, WAIVER_SECTIONS } from "./waivers";
import { pointer } from "./yaml-lines";

const SCHEMA_VALID_WAIVER = /^(?!\/).+\.(ya?ml|json)$/;

/**
 * Checks every path the spec names by where it really leads (symbolic links followed):
 * waiver files of either pack (`policy.waivers`, `inspect.policy.waivers`; relative to the spec's
 * folder) must exist as regular files and stay inside the project (a spec outside the project
 * may name files beside it, through no link); either policy pack and a file backend's folder
 * must stay inside the project. Unit paths are checked with
 * their programs (`preflightProblems`). What is inside waiver files is the policy module's to judge.
 */
export function checkSpecPaths(spec: EnvironmentSpec, specDir: string, projectRoot: string): SemanticProblem[] {
    const problems: SemanticProblem[] = [];
    for (const section of WAIVER_SECTIONS) {
        const listed = sectionOf(spec, section)?.waivers;
        const at = (i: number): string => (typeof listed === "string" ? pointer(...section, "waivers") : pointer(...section, "waivers", i));
        listedWaiverFiles(spec, section).forEach((file, index) => {
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
    }
    const folders: [string, unknown, string][] = [
        [pointer("policy", "pack"), (spec?.policy as { pack?: unknown } | undefined)?.pack, "the policy pack"],
        [pointer("inspect", "policy", "pack"), sectionOf(spec, ["inspect", "policy"])?.pack, "the runtime policy pack"],
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

function sectionOf(spec: EnvironmentSpec, section: readonly string[]): { waivers?: unknown; pack?: unknown } | undefined {
    let node: unknown = spec;
    for (const key of section) node = (node as Record<string, unknown> | undefined)?.[key];
    return typeof node === "object" && node !== null ? (node as { waivers?: unknown; pack?: unknown }) : undefined;
}

function statOf(file: string): fs.Stats | undefined {
    try {
        return fs.statSync(file);
    } catch {
        return undefined;
    }
}

import { writeGenerated, WrittenFile } from "./files";
import { githubWorkflows } from "./github";
import { CiProject, CiProjectOptions, readCiProject } from "./project";
import { SHELL_ENTRY_POINT, shellEntryPoint } from "./shell";

/** The CI systems `edf ci init` writes a pipeline for. */
export const CI_PROVIDERS = ["github", "shell"] as const;
export type CiProvider = (typeof CI_PROVIDERS)[number];

export interface CiInitOptions extends CiProjectOptions {
    readonly provider: CiProvider;
    /** Replace files edited since `edf ci init` wrote them (or not written by it). @default false */
    readonly force?: boolean;
}

/** What `edf ci init` wrote. */
export interface CiInitResult {
    readonly provider: CiProvider;
    readonly project: CiProject;
    readonly files: readonly WrittenFile[];
}

/** The files of a provider's pipeline, by project-relative path (unmarked: {@link writeGenerated} adds the checksum). */
export function pipelineFiles(provider: CiProvider, project: CiProject): Record<string, string> {
    return provider === "github" ? githubWorkflows(project) : { [SHELL_ENTRY_POINT]: shellEntryPoint(project) };
}

/**
 * `edf ci init`: writes the repository's pipeline — GitHub Actions workflows, or a shell entry
 * point any CI system can call — from its environments. Idempotent; a file edited since it was
 * written is kept unless `force` (see {@link writeGenerated}).
 */
export function ciInit(options: CiInitOptions): CiInitResult {
    const project = readCiProject(options);
    const files = writeGenerated(options.projectRoot, pipelineFiles(options.provider, project), options.force ?? false);
    return { provider: options.provider, project, files };
}

import * as fs from "fs";
import * as path from "path";
import type { EnvironmentSettings } from "../../policy-packs/lib/environment-settings";
import { loadSpec } from "../spec/load";
import { resolveEnvironmentPolicy } from "./environment-policy";

/** The environment specs of a project: `environments/*.yaml`. */
export function environmentSpecFiles(projectRoot: string): string[] {
    const dir = path.join(projectRoot, "environments");
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => path.join(dir, f));
}

/**
 * The settings a published pack carries for every environment that uses it: each spec's
 * enforcement, config and waivers exactly as the policy module resolves them (checked the same
 * way: a spec with invalid policy settings stops the bundle). Waiver file locations (file, line) stay out.
 */
export function publishedSettings(projectRoot: string, packDir: string, specFiles: readonly string[] = environmentSpecFiles(projectRoot)) {
    const settings: Record<string, EnvironmentSettings> = {};
    for (const file of specFiles) {
        const policy = resolveEnvironmentPolicy(loadSpec(file, projectRoot), projectRoot);
        if (!policy || path.resolve(policy.pack.dir) !== path.resolve(packDir)) continue;
        settings[policy.environment] = {
            enforcement: policy.enforcement,
            config: policy.config,
            waivers: policy.waivers.map(({ source: _source, line: _line, ...waiver }) => waiver),
        };
    }
    return settings;
}

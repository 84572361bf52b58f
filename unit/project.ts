import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";

/**
 * The project a command or a program works on is the consumer's: the folder holding
 * `Pulumi.yaml` (and `environments/`), never the folder the SDK is installed in. The `edf` CLI
 * finds it upward from the working directory (or takes `--project`) and records it in
 * `EDF_PROJECT_ROOT`, which its program threads, synth workers and CLI processes inherit; a
 * program run by the bare CLI (`pulumi up`) runs with the project root as working directory.
 */
export const PROJECT_FILE = "Pulumi.yaml";

/** The variable that names the project root for everything the driver starts. */
export const PROJECT_ROOT_ENV = "EDF_PROJECT_ROOT";

/** The nearest folder at or above `start` that holds `Pulumi.yaml`, or `undefined`. */
export function findProjectRoot(start: string): string | undefined {
    let dir = path.resolve(start);
    for (;;) {
        if (fs.existsSync(path.join(dir, PROJECT_FILE))) return dir;
        const parent = path.dirname(dir);
        if (parent === dir) return undefined;
        dir = parent;
    }
}

/** The project root in force: `EDF_PROJECT_ROOT`, else the nearest `Pulumi.yaml` at or above the working directory. */
export function projectRoot(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
    const named = env[PROJECT_ROOT_ENV];
    if (named) return path.resolve(named);
    const found = findProjectRoot(cwd);
    if (!found) {
        throw new Error(
            `No Pulumi project here: no \`${PROJECT_FILE}\` in ${cwd} or any folder above it. ` +
                "Run from inside your project, pass `--project <dir>`, or create one with `edf init`.",
        );
    }
    return found;
}

const names = new Map<string, string>();

/**
 * The Pulumi project name (`name` in the project's `Pulumi.yaml`): part of every URN and every
 * stack reference, and the project a synthesized stack stands for. Read once per root.
 */
export function projectName(root: string = projectRoot()): string {
    const known = names.get(root);
    if (known) return known;
    const file = path.join(root, PROJECT_FILE);
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch {
        throw new Error(`No \`${PROJECT_FILE}\` in ${root}: the project root must hold one (create it with \`edf init\`).`);
    }
    const name = (parse(text) as { name?: unknown } | null)?.name;
    if (typeof name !== "string" || !/^[A-Za-z0-9_.-]+$/.test(name)) {
        throw new Error(
            `\`${file}\`: \`name\` must be a Pulumi project name (letters, digits, \`_\`, \`.\`, \`-\`), not ${JSON.stringify(name)}.`,
        );
    }
    names.set(root, name);
    return name;
}

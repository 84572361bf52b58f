import * as fs from "fs";
import * as path from "path";
import { EdfError } from "../errors";

/** Where an executable is on PATH, or undefined. Looks only: starts nothing. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
    for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
        const candidate = path.join(dir, name);
        try {
            fs.accessSync(candidate, fs.constants.X_OK);
            if (fs.statSync(candidate).isFile()) return candidate;
        } catch {
            // Not here.
        }
    }
    return undefined;
}

/** How to get the project's toolchain: the same words in every message that needs it. */
export const TOOLCHAIN_FIX =
    "install the project's toolchain with `npm run toolchain` (scripts/toolchain.sh builds the Pulumi CLI from Go modules " +
    "and caches it), then `source .tools/env.sh` to put it on PATH; or install the Pulumi CLI (≥ 3.181) yourself";

/**
 * The Pulumi CLI a command needs, found before anything else happens: without it the command
 * says so under its own code (`EDF_TOOL_MISSING`, exit 3) with the toolchain command — instead of
 * a raw `spawn pulumi ENOENT` halfway through a run.
 */
export function requirePulumiCli(command: string, env: NodeJS.ProcessEnv = process.env): string {
    const found = findOnPath("pulumi", env);
    if (found) return found;
    throw new EdfError("EDF_TOOL_MISSING", `\`edf ${command}\` needs the Pulumi CLI, and \`pulumi\` is not on PATH; nothing was run.`, [
        { path: "PATH", message: "no `pulumi` executable on PATH", fix: `${TOOLCHAIN_FIX}.` },
    ]);
}

import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PROJECT_ROOT } from "../../../support/toolchain";

/** What a scaffold test needs of the project: sources, specs, the unit-test support; dependencies symlinked. */
const PROJECT_ENTRIES = [
    "package.json",
    "tsconfig.json",
    "Pulumi.yaml",
    "unit",
    "automation",
    "platform",
    "services",
    "policy-packs",
    "environments",
    "test/mocharc.unit.json",
    "test/support/summary-reporter.js",
    "test/support/fixture-roots.ts",
    "test/unit/platform/support",
    "test/unit/services/support",
];

/** A temporary copy of the project, and how to run node in it. */
export interface ProjectCopy {
    readonly root: string;
    /** Runs `node <args>` in the copy, `env` added to this process's; throws on a non-zero exit (with `status` and `stderr`). */
    run(args: string[], env?: Readonly<Record<string, string>>): string;
    /** Type-checks `include` (globs relative to the copy) with the project's compiler options. */
    typeCheck(include: readonly string[]): void;
    /** Runs mocha on `files` in the copy (transpile-only; `typeCheck` covers the types). */
    mocha(files: readonly string[]): string;
    remove(): void;
}

/** Copies the project's sources into a temporary directory (never node_modules or run state). */
export function copyProject(prefix = "edf-scaffold-"): ProjectCopy {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    for (const entry of PROJECT_ENTRIES) {
        fs.cpSync(path.join(PROJECT_ROOT, entry), path.join(root, entry), {
            recursive: true,
            filter: (source) => !/[\\/](node_modules|\.edf)([\\/]|$)/.test(source),
        });
    }
    fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
    const run = (args: string[], env: Readonly<Record<string, string>> = {}) =>
        execFileSync(process.execPath, args, {
            cwd: root,
            encoding: "utf8",
            stdio: ["ignore", "pipe", "pipe"],
            env: { ...process.env, ...env },
        });
    return {
        root,
        run,
        typeCheck(include) {
            fs.writeFileSync(path.join(root, "tsconfig.generated.json"), JSON.stringify({ extends: "./tsconfig.json", include }));
            run([require.resolve("typescript/bin/tsc"), "--noEmit", "-p", "tsconfig.generated.json"]);
        },
        mocha(files) {
            return run([
                require.resolve("mocha/bin/mocha.js"),
                "-r",
                "ts-node/register/transpile-only",
                "--extension",
                "ts",
                "--timeout",
                "120000",
                "--reporter",
                "dot",
                ...files,
            ]);
        },
        remove() {
            fs.rmSync(root, { recursive: true, force: true });
        },
    };
}

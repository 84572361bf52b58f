import * as fs from "fs";
import * as path from "path";
import { Command, Option } from "commander";
import { EdfError, EXIT_CODES } from "../errors";
import type { SelectionOptions } from "../graph/graph";
import { HumanReporter, JsonReporter, Reporter } from "../reporter";
import { findProjectRoot, PROJECT_FILE, PROJECT_ROOT_ENV } from "../../unit/project";

/** What every command gets: the reporter, the project, and the parsed global options. */
export interface CliContext {
    readonly reporter: Reporter;
    readonly projectRoot: string;
    readonly edfHome: string;
    readonly json: boolean;
    readonly debug: boolean;
    /** Sets the process exit code (the highest-severity code wins). */
    exit(code: number): void;
}

/**
 * A command of the `edf` CLI. Each file in `automation/cli/commands/` exports
 * `commands: CliCommand[]`, listed in help order in `automation/cli/registry.ts`.
 */
export interface CliCommand {
    register(program: Command, context: () => CliContext): void;
}

/** The variable that names the environment when `--env` is not given. */
export const ENV_VARIABLE = "EDF_ENV";

/** Adds the options shared by the commands that work on an environment. */
export function environmentOptions(command: Command): Command {
    return command
        .addOption(
            new Option("-e, --env <name|file>", "environment name (environments/<name>.yaml) or spec file")
                .env(ENV_VARIABLE)
                .makeOptionMandatory(),
        )
        .option("--only <units...>", "only these units (space or comma separated)")
        .option("--with-dependencies", "with --only: also the units they depend on (transitively)")
        .option("--with-dependents", "with --only: also the units that depend on them (transitively)");
}

/** The selection options of a command's parsed options. */
export function selectionOf(options: { only?: string[]; withDependencies?: boolean; withDependents?: boolean }): SelectionOptions {
    const only = options.only
        ?.flatMap((u) => u.split(","))
        .map((u) => u.trim())
        .filter(Boolean);
    if ((options.withDependencies || options.withDependents) && !only?.length) {
        throw new EdfError("EDF_USAGE", "`--with-dependencies` and `--with-dependents` need `--only <units...>`.", [
            { path: "--only", message: "no units selected", fix: "add `--only <unit>`." },
        ]);
    }
    return { only, withDependencies: options.withDependencies, withDependents: options.withDependents };
}

/** Parses `--parallel`. */
export function parseParallel(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 64) {
        throw new EdfError("EDF_USAGE", `\`--parallel\` must be a whole number from 1 to 64, not \`${value}\`.`, [
            { path: "--parallel", message: `invalid value \`${value}\``, fix: "pass e.g. `--parallel 8`." },
        ]);
    }
    return n;
}

/**
 * The project the command works on: `--project <dir>`, else the nearest folder at or above the
 * working directory that holds `Pulumi.yaml`. Recorded in `EDF_PROJECT_ROOT`, so the program
 * threads, synth workers and CLI processes the run starts resolve units in the same project.
 */
export function resolveProjectRoot(project: string | undefined, cwd: string = process.cwd()): string {
    const root = project ? path.resolve(project) : findProjectRoot(cwd);
    if (!root || !fs.existsSync(path.join(root, PROJECT_FILE))) {
        const where = project ? `\`--project ${project}\` has no \`${PROJECT_FILE}\`` : `no \`${PROJECT_FILE}\` in ${cwd} or above it`;
        throw new EdfError("EDF_PROJECT_NOT_FOUND", `Not in a Pulumi project: ${where}.`, [
            {
                ...(project ? { path: "--project" } : {}),
                message: `the project root is the folder holding \`${PROJECT_FILE}\` and \`environments/\``,
                fix: "run edf inside your project, pass `--project <dir>`, or create a project with `edf init`.",
            },
        ]);
    }
    process.env[PROJECT_ROOT_ENV] = root;
    return root;
}

/** Builds the context from the program's global options; the project is found when a command first asks for it. */
export function createContext(program: Command, setExit: (code: number) => void): CliContext {
    const globals = program.opts<{ json?: boolean; debug?: boolean; home?: string; project?: string }>();
    const json = Boolean(globals.json);
    const debug = Boolean(globals.debug);
    let root: string | undefined;
    const projectRoot = (): string => (root ??= resolveProjectRoot(globals.project));
    return {
        reporter: json ? new JsonReporter(debug) : new HumanReporter(debug),
        get projectRoot() {
            return projectRoot();
        },
        get edfHome() {
            if (globals.home) return path.resolve(globals.home);
            if (process.env.EDF_HOME) return path.resolve(process.env.EDF_HOME);
            return path.join(projectRoot(), ".edf");
        },
        json,
        debug,
        exit: setExit,
    };
}

export { EXIT_CODES };

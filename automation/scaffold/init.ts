import * as fs from "fs";
import * as path from "path";
import { EdfError, Problem } from "../errors";
import { sdkPackage } from "../loader/sdk-package";
import {
    environmentSpec,
    gitignore,
    InitValues,
    LANDING_ZONE_UNITS,
    landingZoneProgram,
    prodWaivers,
    pulumiYaml,
    rootProgram,
    samples,
    tsconfig,
} from "./init-templates";
import type { ScaffoldFile } from "./scaffold";

/** What `edf init` is asked for. */
export interface InitOptions {
    /** The Pulumi project name. @default - the folder's name, made a valid project name */
    readonly name?: string;
    /** The package the programs import the SDK from. @default - this SDK's package name */
    readonly sdk?: string;
}

/** A Pulumi project name: letters, digits, `_`, `.`, `-`, up to 100 characters. */
const PROJECT_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** The project name `edf init` gives a folder when none is asked for. */
export function defaultProjectName(dir: string): string {
    const name = path
        .basename(path.resolve(dir))
        .replace(/[^A-Za-z0-9_.-]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 100);
    return name || "edf-project";
}

/** Every file `edf init` writes into a project, or an `EDF_USAGE` error. Pure. */
export function planInit(dir: string, options: InitOptions = {}): ScaffoldFile[] {
    const project = options.name ?? defaultProjectName(dir);
    if (!PROJECT_NAME.test(project)) {
        throw new EdfError("EDF_USAGE", `\`--name\` is \`${project}\`: not a Pulumi project name.`, [
            {
                path: "--name",
                message: "letters, digits, `_`, `.` and `-` only, at most 100",
                fix: "pass e.g. `--name payments-platform`.",
            },
        ]);
    }
    const values: InitValues = { project, sdk: options.sdk ?? sdkPackage().name };
    const file = (filePath: string, content: string): ScaffoldFile => ({ path: filePath, content, edits: false });
    return [
        file("Pulumi.yaml", pulumiYaml(values)),
        file("index.ts", rootProgram(values)),
        file("tsconfig.json", tsconfig()),
        file(".gitignore", gitignore()),
        ...LANDING_ZONE_UNITS.map((u) => file(`${u.path}/program.ts`, landingZoneProgram(values, u.path))),
        file("environments/dev.yaml", environmentSpec(values, "dev")),
        file("environments/prod.yaml", environmentSpec(values, "prod")),
        file("environments/waivers/prod.yaml", prodWaivers()),
        file("environments/samples/dev.yaml", samples("dev")),
        file("environments/samples/prod.yaml", samples("prod")),
    ];
}

/**
 * Makes `dir` an EDF project: writes every file of {@link planInit}, or — when any of them
 * exists already — nothing at all, with an `EDF_INIT_EXISTS` error naming each one.
 */
export function initProject(dir: string, options: InitOptions = {}): ScaffoldFile[] {
    const root = path.resolve(dir);
    const files = planInit(root, options);
    const existing = files.filter((f) => fs.existsSync(path.join(root, f.path)));
    if (existing.length > 0) {
        const problems: Problem[] = existing.map((f) => ({
            file: f.path,
            message: "exists already",
            fix: "edf init never overwrites: move it aside, or init another folder (`--project <dir>`).",
        }));
        throw new EdfError(
            "EDF_INIT_EXISTS",
            `Cannot init ${root}: ${existing.length} of its files exist already; nothing was written.`,
            problems,
        );
    }
    for (const f of files) {
        const target = path.join(root, f.path);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, f.content, { flag: "wx" });
    }
    return files;
}

/** The development dependencies a TypeScript project on the SDK needs that `package.json` in `dir` lacks. */
export function missingDevDependencies(dir: string): string[] {
    const manifest = path.join(dir, "package.json");
    let declared: Record<string, unknown> = {};
    if (fs.existsSync(manifest)) {
        const json = JSON.parse(fs.readFileSync(manifest, "utf8")) as Record<string, Record<string, unknown> | undefined>;
        declared = { ...json.dependencies, ...json.devDependencies };
    }
    return ["typescript", "ts-node", "@types/node"].filter((name) => !(name in declared));
}

import * as fs from "fs";
import * as path from "path";
import type { UnitProgram } from "./define";
import { projectRoot } from "./project";

/** Units are folders under these roots of the project (not of the SDK), each with a `program.ts`. */
export const DEFAULT_UNIT_ROOTS: readonly string[] = ["platform", "services"];

/**
 * More unit roots, project-relative and separated like PATH (`:`): how a test suite or an
 * example adds its fixture units (`EDF_UNIT_ROOTS=test/fixtures/units`) without the product
 * naming a test path. The driver's program threads and CLI processes inherit it.
 */
export const UNIT_ROOTS_ENV = "EDF_UNIT_ROOTS";

/** The unit roots in force: the defaults plus those `EDF_UNIT_ROOTS` adds. */
export function unitRoots(env: NodeJS.ProcessEnv = process.env): string[] {
    const extra = (env[UNIT_ROOTS_ENV] ?? "")
        .split(path.delimiter)
        .map((root) => root.trim().replace(/\/+$/, ""))
        .filter(Boolean);
    return [...new Set([...DEFAULT_UNIT_ROOTS, ...extra])];
}

/**
 * Checks a unit id (a project-relative folder such as `platform/network`) and
 * returns the absolute path of its program module. Throws a message naming the
 * unit and the fix.
 */
export function resolveUnitProgramPath(unit: string, root: string = projectRoot(), roots: readonly string[] = unitRoots()): string {
    const normalised = path.posix.normalize(unit.replace(/\\/g, "/"));
    if (path.isAbsolute(unit) || normalised.startsWith("..") || normalised !== unit.replace(/\/+$/, "")) {
        throw new Error(`Unit \`${unit}\` must be a project-relative folder such as \`platform/network\` (no \`..\`, no absolute path).`);
    }
    if (!roots.some((prefix) => normalised === prefix || normalised.startsWith(`${prefix}/`))) {
        throw new Error(
            `Unit \`${unit}\` must live under one of: ${roots.map((r) => `\`${r}/\``).join(", ")} (more roots: \`${UNIT_ROOTS_ENV}\`).`,
        );
    }
    const folder = path.join(root, normalised);
    const stat = statOf(folder);
    if (stat && !stat.isDirectory()) {
        throw new Error(`Unit \`${unit}\` is a file, not a folder: name the unit's folder (the one holding \`program.ts\`).`);
    }
    if (!stat) {
        throw new Error(
            `Unit \`${unit}\` has no program: expected \`${normalised}/program.ts\` under ${root} (the folder does not exist).`,
        );
    }
    // Judged by where it really leads: a unit folder (or its program) that is a symbolic link out
    // of the project would run code from anywhere.
    const realRoot = fs.realpathSync.native(root);
    const outside = (target: string): string | undefined => {
        const real = fs.realpathSync.native(target);
        const relative = path.relative(realRoot, real);
        return relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative) ? real : undefined;
    };
    const leaked = outside(folder);
    if (leaked) {
        throw new Error(
            `Unit \`${unit}\` leads to \`${leaked}\`, outside the project: a unit folder must not be a symbolic link out of it.`,
        );
    }
    for (const candidate of ["program.ts", "program.js"]) {
        const file = path.join(folder, candidate);
        if (fs.existsSync(file)) {
            const leakedProgram = outside(file);
            if (leakedProgram) {
                throw new Error(`Unit \`${unit}\`: \`${candidate}\` leads to \`${leakedProgram}\`, outside the project.`);
            }
            return file;
        }
    }
    throw new Error(`Unit \`${unit}\` has no program: expected \`${normalised}/program.ts\` under ${root}.`);
}

function statOf(file: string): fs.Stats | undefined {
    try {
        return fs.statSync(file);
    } catch {
        return undefined;
    }
}

/** Loads a unit's program (the default export of its `program.ts`). */
export function loadUnitProgram(unit: string, root: string = projectRoot()): UnitProgram {
    const file = resolveUnitProgramPath(unit, root);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the unit's program is chosen by config at run time
    const loaded = require(file) as { default?: unknown };
    if (typeof loaded.default !== "function") {
        throw new Error(`Unit \`${unit}\`: \`${path.relative(root, file)}\` must \`export default defineUnit(...)\`.`);
    }
    return loaded.default as UnitProgram;
}

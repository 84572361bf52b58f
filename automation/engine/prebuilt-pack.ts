import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

/** The driver's TypeScript loader (plain JavaScript: it must load before any TypeScript). */
const TS_LOADER = path.resolve(__dirname, "..", "loader", "ts-cache.js");

/** The folder holding the `node_modules` a pack's own imports resolve from (the nearest one with `@pulumi/policy`). */
function modulesRoot(packDir: string): string | undefined {
    for (let dir = packDir; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "node_modules", "@pulumi", "policy"))) return path.join(dir, "node_modules");
        if (path.dirname(dir) === dir) return undefined;
    }
}

/** Writes `file` only when its content differs, atomically (runs at once may share the cache). */
function writeIfChanged(file: string, content: string): void {
    if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === content) return;
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, file);
}

/**
 * A JavaScript entry for a TypeScript policy pack, so the engine's analyzer loads it without
 * type-checking it again for every stack.
 *
 * Why: the Node analyzer (`@pulumi/pulumi/cmd/run-policy-pack`) runs a pack whose main is a
 * `.ts` file through ts-node with `typeCheck: true` — the pack and everything it imports are
 * type-checked in every stack's analyzer process, seconds of CPU each time for the pipeline
 * pack. Type-checking is `tsc --noEmit`'s job (npm test runs it); here the pack is a folder
 * under `<edfHome>/cache/packs/` whose `index.js` installs the driver's transpile cache
 * (automation/loader/ts-cache.js: transpile-only, cached by content hash) and requires the real
 * `index.ts`. The pack's name, version and policies are the real pack's: its `PulumiPolicy.yaml`
 * is copied and its `package.json` kept but for `main`. Returns the folder to pass as
 * `--policy-pack`; the original pack when it is JavaScript already or its modules cannot be found.
 */
export function prebuiltPack(packDir: string, edfHome: string, projectRoot: string): string {
    const entry = path.join(packDir, "index.ts");
    const modules = modulesRoot(packDir);
    if (!fs.existsSync(entry) || !modules) return packDir;
    const policyYaml = fs.readFileSync(path.join(packDir, "PulumiPolicy.yaml"), "utf8");
    const manifestFile = path.join(packDir, "package.json");
    const manifest = fs.existsSync(manifestFile) ? (JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Record<string, unknown>) : {};
    const key = createHash("sha256")
        .update(packDir)
        .update("\0")
        .update(policyYaml)
        .update("\0")
        .update(JSON.stringify(manifest))
        .digest("hex");
    const dir = path.join(edfHome, "cache", "packs", `${path.basename(packDir)}-${key.slice(0, 16)}`);
    fs.mkdirSync(dir, { recursive: true });
    writeIfChanged(path.join(dir, "PulumiPolicy.yaml"), policyYaml);
    writeIfChanged(path.join(dir, "package.json"), `${JSON.stringify({ ...manifest, main: "index.js" }, null, 2)}\n`);
    writeIfChanged(
        path.join(dir, "index.js"),
        [
            "// Written by edf (automation/engine/prebuilt-pack.ts): the pack, loaded through the driver's transpile cache.",
            '"use strict";',
            `process.env.EDF_TS_CACHE = process.env.EDF_TS_CACHE || ${JSON.stringify(path.join(projectRoot, ".edf", "cache", "ts"))};`,
            `require(${JSON.stringify(TS_LOADER)}).register();`,
            `require(${JSON.stringify(entry)});`,
            "",
        ].join("\n"),
    );
    const link = path.join(dir, "node_modules");
    if (!fs.existsSync(link)) {
        try {
            fs.symlinkSync(modules, link, "dir");
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        }
    }
    return dir;
}

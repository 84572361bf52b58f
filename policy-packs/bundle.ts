// `npm run policy:bundle [-- --out <dir>] [pack...]`: makes each policy pack publishable on its
// own. `pulumi policy publish` uploads only the pack folder, and the packs import ../lib (the
// runtime pack also ../pipeline/support), so each pack is bundled into <out>/<pack>/ with
// everything it reaches. Then: `cd <out>/<pack> && pulumi policy publish <org>`.
import * as fs from "fs";
import * as path from "path";
import { Command } from "commander";
import { bundlePack } from "./tools/bundle/bundle";
import { BundleError } from "./tools/bundle/graph";

const PACKS_DIR = __dirname;
const PROJECT_ROOT = path.dirname(PACKS_DIR);

/** Pack folders: the folders under policy-packs/ that hold a PulumiPolicy.yaml. */
export function packFolders(): string[] {
    return fs
        .readdirSync(PACKS_DIR, { withFileTypes: true })
        .filter((e) => e.isDirectory() && fs.existsSync(path.join(PACKS_DIR, e.name, "PulumiPolicy.yaml")))
        .map((e) => e.name)
        .sort();
}

function main(argv: readonly string[]): number {
    const program = new Command("policy:bundle")
        .description("Bundle each policy pack into a self-contained folder that `pulumi policy publish` can upload.")
        .argument("[packs...]", `packs to bundle (default: all of ${packFolders().join(", ")})`)
        .option("--out <dir>", "folder to write <pack>/ bundles into", path.join(PROJECT_ROOT, "dist", "policy-packs"))
        .exitOverride();
    program.parse([...argv], { from: "user" });
    const known = packFolders();
    const wanted: string[] = program.args.length > 0 ? program.args : known;
    const unknown = wanted.filter((p) => !known.includes(p));
    if (unknown.length > 0) {
        console.error(`Unknown pack ${unknown.map((p) => `\`${p}\``).join(", ")}: choose from ${known.join(", ")}.`);
        return 2;
    }
    const out = path.resolve(program.opts<{ out: string }>().out);
    for (const pack of wanted) {
        const result = bundlePack({ packDir: path.join(PACKS_DIR, pack), outDir: path.join(out, pack), projectRoot: PROJECT_ROOT });
        const deps = Object.entries(result.dependencies)
            .map(([n, v]) => `${n}@${v}`)
            .join(", ");
        console.log(
            `${pack}: ${result.files.length} source files → ${path.relative(process.cwd(), result.outDir) || "."} (dependencies: ${deps})`,
        );
    }
    console.log(`Publish with: cd ${path.relative(process.cwd(), out) || "."}/<pack> && pulumi policy publish <org>`);
    return 0;
}

if (require.main === module) {
    try {
        process.exitCode = main(process.argv.slice(2));
    } catch (e) {
        if (e instanceof BundleError) {
            console.error(`Cannot bundle the policy packs:\n${e.problems.map((p) => `  - ${p}`).join("\n")}`);
            process.exitCode = 1;
        } else if ((e as { code?: string }).code?.startsWith("commander.")) {
            process.exitCode = (e as { exitCode?: number }).exitCode ?? 2;
        } else {
            throw e;
        }
    }
}

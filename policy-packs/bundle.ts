// `npm run policy:bundle [-- --out <dir>] [pack...]`: makes each policy pack publishable on its
// own. `pulumi policy publish` uploads only the pack folder, and the packs import ../lib (the
// runtime pack also ../pipeline/support), so each pack is bundled into <out>/<pack>/ with
// everything it reaches. Then: `cd <out>/<pack> && pulumi policy publish <org>`.
import * as fs from "fs";
import * as path from "path";
import { Command } from "commander";
import { environmentSpecFiles, publishedSettings } from "../automation/policy/published-settings";
import { EdfError, formatProblem } from "../automation/errors";
import { ENVIRONMENTS_FILE } from "./lib/environment-settings";
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
        .option("--out <dir>", "folder to write <pack>/ bundles into", path.join(PROJECT_ROOT, "dist", "bundles"))
        .option("--environments <specs...>", "environment specs whose policy settings the bundle carries (default: environments/*.yaml)")
        .exitOverride();
    program.parse([...argv], { from: "user" });
    const known = packFolders();
    const wanted: string[] = program.args.length > 0 ? program.args : known;
    const unknown = wanted.filter((p) => !known.includes(p));
    if (unknown.length > 0) {
        console.error(`Unknown pack ${unknown.map((p) => `\`${p}\``).join(", ")}: choose from ${known.join(", ")}.`);
        return 2;
    }
    const options = program.opts<{ out: string; environments?: string[] }>();
    const out = path.resolve(options.out);
    const specs = options.environments?.map((f) => path.resolve(f)) ?? environmentSpecFiles(PROJECT_ROOT);
    for (const pack of wanted) {
        const packDir = path.join(PACKS_DIR, pack);
        const result = bundlePack({ packDir, outDir: path.join(out, pack), projectRoot: PROJECT_ROOT });
        // A published pack judges each stack with its environment's settings (lib/pack-entry.ts).
        const settings = publishedSettings(PROJECT_ROOT, packDir, specs);
        fs.writeFileSync(path.join(result.outDir, ENVIRONMENTS_FILE), `${JSON.stringify(settings, null, 2)}\n`);
        const deps = Object.entries(result.dependencies)
            .map(([n, v]) => `${n}@${v}`)
            .join(", ");
        const environments = Object.keys(settings).join(", ") || "none";
        console.log(
            `${pack}: ${result.files.length} source files → ` +
                `${path.relative(process.cwd(), result.outDir) || "."} (dependencies: ` +
                `${deps}; environments: ${environments})`,
        );
    }
    console.log(`Publish with: cd ${path.relative(process.cwd(), out) || "."}/<pack> && pulumi policy publish <org>`);
    return 0;
}

if (require.main === module) {
    try {
        process.exitCode = main(process.argv.slice(2));
    } catch (e) {
        if (e instanceof EdfError) {
            console.error(`Cannot bundle the policy packs: ${e.message}\n${e.problems.map((p) => `  - ${formatProblem(p)}`).join("\n")}`);
            process.exitCode = 1;
        } else if (e instanceof BundleError) {
            console.error(`Cannot bundle the policy packs:\n${e.problems.map((p) => `  - ${p}`).join("\n")}`);
            process.exitCode = 1;
        } else if ((e as { code?: string }).code?.startsWith("commander.")) {
            process.exitCode = (e as { exitCode?: number }).exitCode ?? 2;
        } else {
            throw e;
        }
    }
}

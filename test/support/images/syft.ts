import { execFile } from "child_process";
import { promisify } from "util";
import { toolchain } from "../toolchain";

const run = promisify(execFile);

/** A package as Syft reports it (`syft -o json`, `artifacts[]`). */
export interface SyftPackage {
    readonly name: string;
    readonly version: string;
    readonly type: string;
    readonly purl?: string;
    readonly locations: readonly string[];
}

/** Syft's package types that are OS or language packages (its binary classifier's guesses are neither). */
export const SYFT_COMPARED_TYPES = new Set(["deb", "apk", "rpm", "npm", "python", "go-module", "java-archive"]);

/**
 * Syft's inventory of an image in the test registry, pulled as Syft pulls (its own registry
 * client, `registry:` source, plain HTTP to 127.0.0.1), with a private cache and no update check.
 */
export async function syftPackages(reference: string, env: NodeJS.ProcessEnv = {}): Promise<SyftPackage[]> {
    const { stdout } = await run(toolchain().syft.path, ["scan", `registry:${reference}`, "-o", "json", "-q"], {
        maxBuffer: 256 * 1024 * 1024,
        env: {
            ...process.env,
            SYFT_CHECK_FOR_APP_UPDATE: "false",
            SYFT_REGISTRY_INSECURE_USE_HTTP: "true",
            SYFT_REGISTRY_INSECURE_SKIP_TLS_VERIFY: "true",
            SYFT_PLATFORM: "linux/amd64",
            ...env,
        },
    });
    const doc = JSON.parse(stdout) as {
        artifacts: { name: string; version: string; type: string; purl?: string; locations?: { path: string }[] }[];
    };
    return doc.artifacts.map((a) => ({
        name: a.name,
        version: a.version,
        type: a.type,
        ...(a.purl ? { purl: a.purl } : {}),
        locations: (a.locations ?? []).map((l) => l.path),
    }));
}

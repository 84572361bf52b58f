import * as fs from "fs";
import * as path from "path";

/** The SDK's own package: its folder (the repository, or `node_modules/<name>`) and its package.json. */
export interface SdkPackage {
    readonly dir: string;
    readonly name: string;
    readonly version: string;
}

let found: SdkPackage | undefined;

/** The SDK this module belongs to: the first package.json above it (from `dist/` in the package, from the sources in the repository). */
export function sdkPackage(): SdkPackage {
    if (found) return found;
    for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
        const manifest = path.join(dir, "package.json");
        if (fs.existsSync(manifest)) {
            const { name, version } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string; version?: string };
            found = { dir, name: name ?? "@edf/platform-sdk", version: version ?? "0.0.0" };
            return found;
        }
    }
    throw new Error(`No package.json above ${__dirname}: the SDK is installed incompletely.`);
}

/** Whether `projectRoot` is the SDK's own repository (its sources, not a consumer of the package). */
export function isSdkRepository(projectRoot: string): boolean {
    return (
        fs.existsSync(path.join(projectRoot, "services", "sdk", "index.ts")) && fs.existsSync(path.join(projectRoot, "unit", "define.ts"))
    );
}

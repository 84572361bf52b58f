import { execFileSync } from "child_process";
import * as fs from "fs";
import { findOnPath } from "../engine/tools";
import { sdkPackage } from "../loader/sdk-package";

/** The package that holds the driver (its package.json): the repository, or the installed SDK package (from `dist/`). */
function packageJson(): { name: string; version: string } {
    return sdkPackage();
}

/** The driver's version (package.json `version`). */
export function edfVersion(): string {
    return packageJson().version;
}

function installedVersion(name: string): string | undefined {
    try {
        return (JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }).version;
    } catch {
        return undefined;
    }
}

/** What `edf version` reports: the driver, Node, the Pulumi SDKs it runs on and the Pulumi CLI on PATH. */
export interface VersionReport {
    readonly edf: string;
    readonly package: string;
    readonly node: string;
    readonly "@pulumi/pulumi"?: string;
    readonly "@pulumi/policy"?: string;
    /** The `pulumi` on PATH (`pulumi version`), or null when there is none. */
    readonly pulumiCli: string | null;
}

export function versionReport(env: NodeJS.ProcessEnv = process.env): VersionReport {
    const pkg = packageJson();
    const cli = findOnPath("pulumi", env);
    let pulumiCli: string | null = null;
    if (cli) {
        try {
            pulumiCli = execFileSync(cli, ["version"], {
                encoding: "utf8",
                env: { ...env, PULUMI_SKIP_UPDATE_CHECK: "true" },
                timeout: 20_000,
            }).trim();
        } catch {
            pulumiCli = `${cli} (did not answer \`pulumi version\`)`;
        }
    }
    const sdk = installedVersion("@pulumi/pulumi");
    const policy = installedVersion("@pulumi/policy");
    return {
        edf: pkg.version,
        package: pkg.name,
        node: process.version,
        ...(sdk ? { "@pulumi/pulumi": sdk } : {}),
        ...(policy ? { "@pulumi/policy": policy } : {}),
        pulumiCli,
    };
}

import { SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { T } from "../support/types";

interface Config {
    minimumVersions: Record<string, string[]>;
}

function parts(version: string): number[] {
    return version.split(".").map((p) => Number.parseInt(p, 10));
}

// PostgreSQL before 10 numbered major versions with two parts (9.6); from 10 on with one.
function line(version: number[]): string {
    return version[0] < 10 ? version.slice(0, 2).join(".") : String(version[0]);
}

function lower(a: number[], b: number[]): boolean {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const x = a[i] ?? 0;
        const y = b[i] ?? 0;
        if (x !== y) return x < y;
    }
    return false;
}

/**
 * The version's problem against the first fixed version of each major line: below the fix of its
 * own line, or on a line older than every line listed (out of support). A version that names only
 * the major line (`13`) gets the line's latest minor and passes.
 */
export function versionProblem(version: string, fixed: readonly string[]): string | undefined {
    const v = parts(version);
    if (v.some((n) => Number.isNaN(n)) || fixed.length === 0) return undefined;
    const fixes = fixed.map(parts);
    const own = fixes.find((f) => line(f) === line(v));
    const wholeLine = version.split(".").length <= (v[0] < 10 ? 2 : 1);
    if (own) return !wholeLine && lower(v, own) ? `below ${own.join(".")}` : undefined;
    const oldest = fixes.reduce((a, b) => (lower(b, a) ? b : a));
    return lower(v, oldest) ? `older than every supported line (the oldest allowed is ${oldest.join(".")})` : undefined;
}

const patched: SettingCheck = (args) => {
    const engine = String(args.props.engine ?? "").toLowerCase();
    const fixed = args.getConfig<Config>().minimumVersions[engine];
    const version = args.props.engineVersion;
    if (!fixed) args.notApplicable(`No minimum versions are configured for engine \`${engine}\`.`);
    if (typeof version !== "string" || version === "") return undefined; // unset: the engine's current default version
    const problem = versionProblem(version, fixed);
    return problem
        ? `${subject(args.type, args.name)} must run a patched ${engine} version (\`engineVersion\` ${version} is ${problem}).`
        : undefined;
};

export const rdsEngineVersionPatched = settingPolicy(
    {
        id: "rds-engine-version-patched",
        description: "Checks whether RDS instances and clusters run an engine version with the known security fixes.",
        severity: "high",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Upgrade `engineVersion` to at least the fixed minor of its major line " +
            "(e.g. PostgreSQL 13.3+, 12.7+; Aurora PostgreSQL 11.9+), or give only " +
            "the major version and let minor upgrades apply.",
        configSchema: {
            properties: {
                minimumVersions: {
                    type: "object",
                    additionalProperties: { type: "array", items: { type: "string" } },
                    // AWS-2022-004 (log_fdw local file read) fixes, per major line.
                    default: {
                        postgres: ["9.6.22", "10.17", "11.12", "12.7", "13.3"],
                        "aurora-postgresql": ["10.14", "11.9"],
                    },
                },
            },
        },
        peerChecks: { full: ["CKV_AWS_250", "CKV_AWS_388"] },
    },
    { [T.rdsInstance]: patched, [T.rdsCluster]: patched },
);

import { BaseSettings, readBaseSettings } from "../common/unit-base";
import { ConfigReader, RawConfig } from "../common/unit-config";
import { AccountConfig, accountProblems } from "./accounts";
import {
    DEFAULT_ORGANIZATIONAL_UNITS,
    DEFAULT_ROOT_GUARDRAILS,
    OrganizationalUnitConfig,
    organizationalUnitProblems,
    PlannedUnit,
    planOrganizationalUnits,
} from "./ou-tree";

export const ORGANIZATION_UNIT = "platform/organization";

/** The role the pipeline assumes in each member account, when the config names none. */
export const DEFAULT_DEPLOYMENT_ROLE_NAME = "edf-deployment";
/** The role AWS Organizations creates in every account it creates, which the management account reaches members through. */
export const DEFAULT_BOOTSTRAP_ROLE_NAME = "OrganizationAccountAccessRole";
export const DEFAULT_BREAK_GLASS_ROLE_NAME = "edf-break-glass";
/** One hour: a pipeline job that needs longer asks for it explicitly. */
export const DEFAULT_MAX_SESSION_SECONDS = 3600;
/** The input that carries the deployment roles' external id (a secret the CI system holds). */
export const EXTERNAL_ID_INPUT = "deploymentExternalId";

/** How the pipeline reaches member accounts. */
export interface DeploymentSettings {
    readonly roleName: string;
    /** The only principal the deployment roles trust: the management account's CI role. */
    readonly trustedPrincipalArn: string;
    readonly maxSessionSeconds: number;
    readonly bootstrapRoleName: string;
}

export interface OrganizationSettings {
    readonly base: BaseSettings;
    readonly protect: boolean;
    /** Adopt this organisation (`o-…`) instead of creating one. */
    readonly organizationId?: string;
    readonly homeRegion: string;
    readonly allowedRegions: readonly string[];
    readonly units: readonly PlannedUnit[];
    readonly rootGuardrails: readonly string[];
    readonly accounts: Readonly<Record<string, AccountConfig>>;
    readonly deployment: DeploymentSettings;
    readonly breakGlassRoleName: string;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/**
 * Reads and validates the organization unit's config. Throws a `UnitConfigError` listing every
 * problem — the OU tree, the accounts, the regions, the deployment role — before anything is registered.
 */
export function readOrganizationSettings(config: RawConfig, environment: string): OrganizationSettings {
    const reader = new ConfigReader(config);
    const base = readBaseSettings(reader, environment);
    const protect = reader.boolean("protect") ?? true;

    const organizationId = reader.string("organizationId");
    if (organizationId !== undefined && !/^o-[a-z0-9]{10,32}$/.test(organizationId)) {
        reader.add([
            `\`organizationId\` is \`${organizationId}\`: give the id of the organisation to adopt (\`o-\` and 10–32 letters or digits).`,
        ]);
    }

    const allowedRegions = reader.json("allowedRegions");
    const homeRegion = reader.string("homeRegion") ?? reader.string("region");
    if (
        !Array.isArray(allowedRegions) ||
        allowedRegions.length === 0 ||
        !allowedRegions.every((r) => typeof r === "string" && REGION.test(r))
    ) {
        reader.add([
            '`allowedRegions` must be a non-empty list of region names such as `["eu-west-1", "eu-central-1"]` (the region guardrail).',
        ]);
    } else if (homeRegion !== undefined && !allowedRegions.includes(homeRegion)) {
        reader.add([
            `\`allowedRegions\` does not include the home region \`${homeRegion}\`: the region guardrail would deny the landing zone ` +
                "its own region; add it to the list.",
        ]);
    }
    if (homeRegion === undefined) reader.add(["`homeRegion` is not set and the spec names no `region`: set one of them."]);

    const rawUnits = reader.json("organizationalUnits") ?? DEFAULT_ORGANIZATIONAL_UNITS;
    const rootGuardrails = (reader.json("rootGuardrails") as string[] | undefined) ?? DEFAULT_ROOT_GUARDRAILS;
    const unitIssues = organizationalUnitProblems(rawUnits, rootGuardrails);
    reader.add(unitIssues);
    const ouNames = Array.isArray(rawUnits)
        ? rawUnits.map((u) => (u as { name?: unknown } | null)?.name).filter((n): n is string => typeof n === "string")
        : [];
    const accounts = reader.json("accounts");
    reader.add(accountProblems(accounts, ouNames));

    const deployment = readDeployment(reader);
    const breakGlassRoleName = reader.string("breakGlassRoleName") ?? DEFAULT_BREAK_GLASS_ROLE_NAME;
    if (!ROLE_NAME.test(breakGlassRoleName)) reader.add([`\`breakGlassRoleName\` is \`${breakGlassRoleName}\`: give an IAM role name.`]);

    reader.throwIfInvalid(ORGANIZATION_UNIT);
    return {
        base,
        protect,
        ...(organizationId ? { organizationId } : {}),
        homeRegion: homeRegion!,
        allowedRegions: allowedRegions as string[],
        units: planOrganizationalUnits(rawUnits as OrganizationalUnitConfig[]),
        rootGuardrails,
        accounts: accounts as Record<string, AccountConfig>,
        deployment: deployment!,
        breakGlassRoleName,
    };
}

function readDeployment(reader: ConfigReader): DeploymentSettings | undefined {
    const raw = reader.json("deployment");
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
        reader.add(['`deployment` must be an object such as `{"trustedPrincipalArn": "arn:aws:iam::<management>:role/<ci-role>"}`.']);
        return undefined;
    }
    const d = raw as Record<string, unknown>;
    const problems: string[] = [];
    if (typeof d.trustedPrincipalArn !== "string" || !ROLE_ARN.test(d.trustedPrincipalArn)) {
        problems.push(
            "`deployment.trustedPrincipalArn` must be the ARN of the CI role in the management account " +
                "(the only principal the deployment roles trust).",
        );
    }
    const roleName = d.roleName ?? DEFAULT_DEPLOYMENT_ROLE_NAME;
    if (typeof roleName !== "string" || !ROLE_NAME.test(roleName)) problems.push("`deployment.roleName` must be an IAM role name.");
    const bootstrapRoleName = d.bootstrapRoleName ?? DEFAULT_BOOTSTRAP_ROLE_NAME;
    if (typeof bootstrapRoleName !== "string" || !ROLE_NAME.test(bootstrapRoleName))
        problems.push("`deployment.bootstrapRoleName` must be an IAM role name.");
    const maxSessionSeconds = d.maxSessionSeconds ?? DEFAULT_MAX_SESSION_SECONDS;
    if (!Number.isInteger(maxSessionSeconds) || (maxSessionSeconds as number) < 3600 || (maxSessionSeconds as number) > 43200) {
        problems.push("`deployment.maxSessionSeconds` must be a whole number of seconds from 3600 to 43200 (IAM's limits for a role).");
    }
    const known = ["trustedPrincipalArn", "roleName", "bootstrapRoleName", "maxSessionSeconds"];
    for (const key of Object.keys(d).filter((k) => !known.includes(k)))
        problems.push(`\`deployment.${key}\` is not a setting: use ${known.map((k) => `\`${k}\``).join(", ")}.`);
    reader.add(problems);
    return problems.length > 0
        ? undefined
        : {
              roleName: roleName as string,
              trustedPrincipalArn: d.trustedPrincipalArn as string,
              maxSessionSeconds: maxSessionSeconds as number,
              bootstrapRoleName: bootstrapRoleName as string,
          };
}

/** Every problem with the injected external id (it is a secret: never repeated in a message). */
export function externalIdProblems(value: unknown): string[] {
    if (value === undefined) {
        return [
            `input \`${EXTERNAL_ID_INPUT}\` is missing: inject the deployment roles' external id (e.g. from Vault) as input \`${EXTERNAL_ID_INPUT}\`.`,
        ];
    }
    if (typeof value !== "string" || !/^[\w+=,.@:/-]{2,1224}$/.test(value)) {
        return [`input \`${EXTERNAL_ID_INPUT}\` must be 2–1224 letters, digits or \`+=,.@:/-\` (what STS accepts as an external id).`];
    }
    return [];
}

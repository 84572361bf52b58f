import type { AssumeRoleSpec, EnvironmentSpec, ExternalIdSpec, InputSpec, UnitSpec } from "./types";

/**
 * Where each stack deploys: its AWS account and the role the provider assumes there. The spec
 * names them per environment (`account`, `assumeRole`) and, for a stack in another account of the
 * same estate (the log archive, the audit account), per unit. Pure: the driver's stack config,
 * synth's fake account and `edf graph` all read the target from here.
 */

/** The role a stack's provider assumes, resolved for its account. */
export interface ResolvedAssumeRole {
    readonly roleArn: string;
    readonly sessionName: string;
    readonly durationSeconds: number;
    /** Where the external id comes from; the driver resolves it like an input. @default - none */
    readonly externalId?: ExternalIdSpec;
}

/** A stack's target. */
export interface DeploymentTarget {
    /** The account the stack deploys into; `undefined` when the spec names none. */
    readonly account: string | undefined;
    /** The role assumed there; `undefined`: the caller's own credentials. */
    readonly assumeRole: ResolvedAssumeRole | undefined;
}

/** The session length when the spec gives none: one hour, the IAM default `maxSessionDuration`. */
export const DEFAULT_SESSION_SECONDS = 3600;

/**
 * The name of the input that carries a stack's external id. It cannot collide with an input of
 * the spec (input names never hold a `.`), and it never becomes `edf-input:` config: the driver
 * writes it into the provider's `aws:assumeRoles`.
 */
export const EXTERNAL_ID_INPUT = "assumeRole.externalId";

/** The partition a region belongs to (`aws`, `aws-cn`, `aws-us-gov`). */
export function partitionOfRegion(region: string | undefined): string {
    if (region?.startsWith("cn-")) return "aws-cn";
    if (region?.startsWith("us-gov-")) return "aws-us-gov";
    return "aws";
}

/** The role a unit assumes: the environment's, field by field under the unit's; `false` or none means none. */
export function effectiveAssumeRole(spec: EnvironmentSpec, unit: UnitSpec): Partial<AssumeRoleSpec> | undefined {
    if (unit.assumeRole === false) return undefined;
    if (spec.assumeRole === undefined && unit.assumeRole === undefined) return undefined;
    return { ...(spec.assumeRole ?? {}), ...(unit.assumeRole ?? {}) };
}

/** The target of one unit of the spec. */
export function deploymentTarget(spec: EnvironmentSpec, unitName: string): DeploymentTarget {
    const unit = spec.units[unitName]!;
    const account = unit.account ?? spec.account;
    const role = effectiveAssumeRole(spec, unit);
    if (!role?.roleName || account === undefined) return { account, assumeRole: undefined };
    return {
        account,
        assumeRole: {
            roleArn: `arn:${partitionOfRegion(spec.region)}:iam::${account}:role/${role.roleName}`,
            sessionName: role.sessionName ?? `edf-${spec.environment}-${unitName}`.slice(0, 64),
            durationSeconds: role.durationSeconds ?? DEFAULT_SESSION_SECONDS,
            ...(role.externalId ? { externalId: role.externalId } : {}),
        },
    };
}

/** The units of the spec grouped by target account, in spec order (`undefined` key: no account named). */
export function unitsByAccount(
    spec: EnvironmentSpec,
    units: readonly string[] = Object.keys(spec.units),
): Map<string | undefined, string[]> {
    const out = new Map<string | undefined, string[]>();
    for (const unit of units) {
        const account = deploymentTarget(spec, unit).account;
        out.set(account, [...(out.get(account) ?? []), unit]);
    }
    return out;
}

/**
 * The spec with each stack's external id as one more input of its unit ({@link EXTERNAL_ID_INPUT}),
 * so the injectors resolve it with every other input: up front, from Vault, Consul, the environment
 * or synth's sample file, recorded by provenance, redacted everywhere, never on a command line.
 */
export function withExternalIdInputs(spec: EnvironmentSpec): EnvironmentSpec {
    let changed = false;
    const units: Record<string, UnitSpec> = {};
    for (const [name, unit] of Object.entries(spec.units)) {
        const externalId = deploymentTarget(spec, name).assumeRole?.externalId;
        if (externalId) {
            changed = true;
            const input: InputSpec = externalId.from === "vault" ? externalId : { ...externalId, secret: true };
            units[name] = { ...unit, inputs: { ...(unit.inputs ?? {}), [EXTERNAL_ID_INPUT]: input } };
        } else units[name] = unit;
    }
    return changed ? { ...spec, units } : spec;
}

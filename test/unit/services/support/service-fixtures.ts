import { currentUnitContext, UnitProgram } from "../../../../unit/define";
import { INPUT_CONFIG_NAMESPACE } from "../../../../unit/inputs";
import { validNetworkOutputs, validSecurityOutputs, validSharedServicesOutputs } from "../../platform/support/contract-fixtures";
import { MockRunOptions, MockRunResult, runUnderMocks } from "../../platform/support/mock-run";
import type { ContractPartName, LandingZoneOutputs } from "../../../../platform/contract";
import { landingZoneInputName } from "../../../../services/sdk/landing-zone";

/** A canary: if this text appears in plain text anywhere a test looks, a secret leaked. */
export const CANARY_DB_PASSWORD = "canary-db-password-7f3a9c";
export const CANARY_API_KEY = "canary-processor-key-91bd44";

/** A digest the pipeline would have pushed. */
export const PINNED_DIGEST = `sha256:${"ab12".repeat(16)}`;

/** The three landing-zone parts, valid, for `environment`. */
export function landingZoneFor(environment: string): LandingZoneOutputs {
    const header = { environment };
    return {
        network: validNetworkOutputs(header),
        security: validSecurityOutputs(header),
        sharedServices: validSharedServicesOutputs(header),
    } as unknown as LandingZoneOutputs;
}

/** What a service stack's config looks like once the driver has injected its inputs. */
export interface ServiceStackOptions {
    readonly environment?: string;
    readonly size?: "dev" | "prod";
    /** Landing-zone parts to inject as inputs; `null` injects none (use `landingZoneStacks`). @default - valid parts for the environment */
    readonly landingZone?: Partial<Record<keyof LandingZoneOutputs, unknown>> | null;
    /** Config `edf:landingZone` stacks. @default - none */
    readonly landingZoneStacks?: Record<string, string>;
    /** Extra inputs, by name (JSON values). @default - the example services' inputs */
    readonly inputs?: Record<string, unknown>;
    /** Inputs injected as secrets (Vault, or `secret: true` in the spec). @default - none */
    readonly secretInputs?: readonly string[];
    /** Extra config keys of the `edf` namespace. @default {} */
    readonly config?: Record<string, unknown>;
    /** Config keys of the `edf` namespace to leave unset (e.g. `governance`). @default [] */
    readonly unset?: readonly string[];
}

/** Stack config (fully qualified keys) for a service unit. */
export function serviceStackConfig(options: ServiceStackOptions = {}): Record<string, unknown> {
    const environment = options.environment ?? "dev";
    const size = options.size ?? (environment === "prod" ? "prod" : "dev");
    const config: Record<string, unknown> = {
        "edf:environment": environment,
        "edf:environmentSize": size,
        "edf:governance": { owner: "payments-team", dataClassification: "restricted", pciScope: "in-scope" },
        ...(size === "prod" ? { "edf:image": { digest: PINNED_DIGEST } } : {}),
    };
    const landingZone = options.landingZone === undefined ? landingZoneFor(environment) : options.landingZone;
    if (landingZone !== null) {
        for (const [part, value] of Object.entries(landingZone) as [ContractPartName, unknown][]) {
            if (value !== undefined) {
                config[`${INPUT_CONFIG_NAMESPACE}:${landingZoneInputName(part)}`] = JSON.stringify(value);
            }
        }
    }
    if (options.landingZoneStacks) {
        config["edf:landingZone"] = { stacks: options.landingZoneStacks };
    }
    const inputs = options.inputs ?? {
        "db-password": CANARY_DB_PASSWORD,
        "processor-api-key": CANARY_API_KEY,
        config: { logLevel: "info", settlementCurrency: "EUR" },
    };
    // Inputs are JSON values (unit/inputs.ts): a string input is a JSON string.
    for (const [name, value] of Object.entries(inputs)) {
        config[`${INPUT_CONFIG_NAMESPACE}:${name}`] = JSON.stringify(value);
    }
    for (const [key, value] of Object.entries(options.config ?? {})) {
        config[`edf:${key}`] = value;
    }
    for (const key of options.unset ?? []) {
        delete config[`edf:${key}`];
    }
    return config;
}

/**
 * Runs a service unit's program through synth's evaluator as the stack `<environment>.<unit>`
 * would run; `stackOutputs` answers the stack references of `landingZoneStacks`.
 */
export function runServiceUnit<T extends Record<string, unknown>>(
    unit: string,
    program: UnitProgram<T>,
    options: ServiceStackOptions = {},
    stackOutputs?: MockRunOptions["stackOutputs"],
): Promise<MockRunResult<T>> {
    return runUnderMocks(() => program(currentUnitContext(unit)), {
        environment: options.environment ?? "dev",
        unit,
        config: serviceStackConfig(options),
        secretKeys: (options.secretInputs ?? []).map((name) => `${INPUT_CONFIG_NAMESPACE}:${name}`),
        ...(stackOutputs ? { stackOutputs } : {}),
    });
}

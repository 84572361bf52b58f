import * as pulumi from "@pulumi/pulumi";
import type { ContractPartName, LandingZoneOutputs } from "./contract";
import { ContractError, CONTRACT_FIELDS, parseContractPart } from "./contract-validate";
import { CONTRACT_PART_VERSIONS } from "./contract-version";
import { referenceStack } from "../unit/stacks";

/** Which stack holds each part of the landing zone; name only the parts you consume. */
export interface LandingZoneStacks {
    /** Fully qualified stack of `platform/network`, e.g. `org/edf/dev-network`. @default - not referenced */
    readonly network?: string;
    /** Stack of `platform/security`. @default - not referenced */
    readonly security?: string;
    /** Stack of `platform/shared-services`. @default - not referenced */
    readonly sharedServices?: string;
    /** Stack of `platform/organization` (contract 1.1), usually of the estate's `organization` environment. @default - not referenced */
    readonly organization?: string;
}

/** Options of {@link LandingZoneReference.fromStacks}. */
export interface LandingZoneReferenceOptions {
    /** When set, every part must have been published by this environment. @default - any environment */
    readonly environment?: string;
    /** Contract version this consumer was written against. @default - each part's own version (CONTRACT_PART_VERSIONS) */
    readonly expectedVersion?: string;
    /** Prefix of the `StackReference` resource names (change it to reference two landing zones). @default "landing-zone" */
    readonly namePrefix?: string;
    /** Parent of the `StackReference` resources. @default - the stack */
    readonly parent?: pulumi.Resource;
}

/** Default prefix of the `StackReference` resources a {@link LandingZoneReference} registers. */
export const DEFAULT_REFERENCE_NAME_PREFIX = "landing-zone";

const PART_NAMES = Object.keys(CONTRACT_FIELDS) as ContractPartName[];
// `[org/][project/]stack`, each segment as the Pulumi service allows.
const STACK_NAME = /^([A-Za-z0-9_.-]+\/){0,2}[A-Za-z0-9_.-]+$/;

/**
 * Every problem with a {@link LandingZoneStacks} argument, as messages naming the
 * argument and the fix; empty when valid. Pure.
 */
export function landingZoneStacksProblems(stacks: unknown): string[] {
    if (typeof stacks !== "object" || stacks === null || Array.isArray(stacks)) {
        return ['`stacks` must be an object such as `{ network: "org/edf/dev-network" }`.'];
    }
    const problems: string[] = [];
    const entries = Object.entries(stacks as Record<string, unknown>).filter(([, v]) => v !== undefined);
    for (const [key, value] of entries) {
        if (!PART_NAMES.includes(key as ContractPartName)) {
            problems.push(`\`stacks.${key}\` is not a landing-zone part: use one of ${PART_NAMES.map((p) => `\`${p}\``).join(", ")}.`);
        } else if (typeof value !== "string" || !STACK_NAME.test(value)) {
            problems.push(
                `\`stacks.${key}\` must be a stack name such as \`org/edf/dev-${key === "sharedServices" ? "shared-services" : key}\`.`,
            );
        }
    }
    if (entries.length === 0) {
        problems.push("`stacks` names no stack: give at least one of `network`, `security`, `sharedServices`, `organization`.");
    }
    return problems;
}

/**
 * A typed, validated reference to a deployed landing zone, for service programs.
 *
 * Wraps one `pulumi.StackReference` per named part. Reading a part yields an
 * `Output` of the typed part whose properties lift (`lz.network.vpcId` is an
 * `Output<string>`). The outputs are checked when they resolve: a missing key, a
 * value of the wrong shape, a part from another environment or an incompatible
 * contract version fails the deployment with a {@link ContractError} naming the
 * stack and every bad key — before any resource that depends on them is created.
 */
export class LandingZoneReference {
    private readonly parts = new Map<ContractPartName, pulumi.Output<unknown>>();

    private constructor(
        /** The stacks referenced, by part. */
        readonly stacks: LandingZoneStacks,
        private readonly options: LandingZoneReferenceOptions,
    ) {}

    /**
     * References the landing zone deployed in `stacks`. Throws at once (nothing
     * registered) when `stacks` is malformed.
     *
     * @example
     * const lz = LandingZoneReference.fromStacks({ network: "org/edf/dev-network" }, { environment: "dev" });
     * const subnets = lz.network.privateSubnetIds;
     */
    static fromStacks(stacks: LandingZoneStacks, options: LandingZoneReferenceOptions = {}): LandingZoneReference {
        const problems = landingZoneStacksProblems(stacks);
        if (problems.length > 0) {
            throw new Error(`LandingZoneReference.fromStacks: ${problems.join(" ")}`);
        }
        const reference = new LandingZoneReference({ ...stacks }, options);
        for (const part of PART_NAMES) {
            const stack = stacks[part];
            if (stack !== undefined) {
                reference.parts.set(part, reference.referencePart(part, stack));
            }
        }
        return reference;
    }

    /** The network part (`platform/network`). */
    get network(): pulumi.Output<LandingZoneOutputs["network"]> {
        return this.part("network");
    }

    /** The security part (`platform/security`). */
    get security(): pulumi.Output<LandingZoneOutputs["security"]> {
        return this.part("security");
    }

    /** The shared-services part (`platform/shared-services`). */
    get sharedServices(): pulumi.Output<LandingZoneOutputs["sharedServices"]> {
        return this.part("sharedServices");
    }

    /** The organization part (`platform/organization`). */
    get organization(): pulumi.Output<LandingZoneOutputs["organization"]> {
        return this.part("organization");
    }

    /** A whole part, validated. Throws when `fromStacks` was not given that part's stack. */
    part<P extends ContractPartName>(part: P): pulumi.Output<LandingZoneOutputs[P]> {
        const output = this.parts.get(part);
        if (!output) {
            throw new Error(
                `LandingZoneReference: the \`${part}\` part was not referenced: pass ` +
                    `\`stacks.${part}\` to \`LandingZoneReference.fromStacks\`.`,
            );
        }
        return output as pulumi.Output<LandingZoneOutputs[P]>;
    }

    /** One validated value of a part, e.g. `lz.require("security", "permissionsBoundaryArn")`. */
    require<P extends ContractPartName, K extends keyof LandingZoneOutputs[P] & string>(
        part: P,
        key: K,
    ): pulumi.Output<LandingZoneOutputs[P][K]> {
        return this.part(part).apply((values) => values[key]);
    }

    private referencePart(part: ContractPartName, stack: string): pulumi.Output<unknown> {
        const prefix = this.options.namePrefix ?? DEFAULT_REFERENCE_NAME_PREFIX;
        // The unit runtime's reference: in a preview before the part's stack was ever deployed, its
        // outputs are Pulumi unknowns (and every value read from them), never a failure.
        const ref = referenceStack(`${prefix}-${part}`, stack, this.options.parent ? { parent: this.options.parent } : {});
        const expectedVersion = this.options.expectedVersion ?? CONTRACT_PART_VERSIONS[part];
        const environment = this.options.environment;
        return ref.outputs.apply((outputs) => {
            const parsed = parseContractPart(part, outputs, stack, expectedVersion);
            if (environment !== undefined && parsed.environment !== environment) {
                throw new ContractError(stack, part, [
                    `output \`environment\` is \`${parsed.environment}\` but this consumer runs in \`${environment}\`: ` +
                        `reference the \`${environment}\` landing zone's stack`,
                ]);
            }
            return parsed;
        });
    }
}

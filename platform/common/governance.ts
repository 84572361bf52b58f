/**
 * Governance tags every landing-zone resource carries. The pipeline policy pack
 * checks for these keys, so they are applied by one mechanism ({@link withGovernanceTags})
 * rather than remembered resource by resource.
 */
export const GOVERNANCE_TAG_KEYS = ["owner", "environment", "data-classification", "pci-scope"] as const;

/** Data classifications, least to most sensitive. */
export const DATA_CLASSIFICATIONS = ["public", "internal", "confidential", "restricted"] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

/** PCI DSS scoping categories: in the cardholder-data environment, connected to it, or out of scope. */
export const PCI_SCOPES = ["in-scope", "connected", "out-of-scope"] as const;
export type PciScope = (typeof PCI_SCOPES)[number];

/** The governance config a platform unit reads (config key `edf:governance`). */
export interface GovernanceConfig {
    /** Team accountable for the resources, e.g. `platform-team`. */
    readonly owner: string;
    /** Sensitivity of the data the landing zone handles. @default "confidential" */
    readonly dataClassification?: DataClassification;
    /** PCI DSS scope of the landing zone. @default "in-scope" */
    readonly pciScope?: PciScope;
    /** Extra tags merged under the governance ones (cannot override them). @default {} */
    readonly extraTags?: Readonly<Record<string, string>>;
}

/** The landing zone is the base of the cardholder-data environment: scope it in unless told. */
export const DEFAULT_DATA_CLASSIFICATION: DataClassification = "confidential";
export const DEFAULT_PCI_SCOPE: PciScope = "in-scope";

/** A resource's tags. */
export type Tags = Readonly<Record<string, string>>;

/** Every problem with a governance config, naming the config key and the fix. Pure. */
export function governanceProblems(governance: unknown): string[] {
    if (governance === undefined) {
        return ['`governance` is not set: set config `edf:governance` to `{"owner": "<team>"}` (see docs/landing-zone.md).'];
    }
    if (typeof governance !== "object" || governance === null || Array.isArray(governance)) {
        return ['`governance` must be an object such as `{"owner": "platform-team"}`.'];
    }
    const g = governance as Record<string, unknown>;
    const problems: string[] = [];
    if (typeof g.owner !== "string" || !/^[A-Za-z0-9][A-Za-z0-9 ._:/=+@-]{0,255}$/.test(g.owner)) {
        problems.push("`governance.owner` must name the accountable team (letters, digits, `-_.:/=+@`), e.g. `platform-team`.");
    }
    if (g.dataClassification !== undefined && !DATA_CLASSIFICATIONS.includes(g.dataClassification as DataClassification)) {
        problems.push(`\`governance.dataClassification\` must be one of ${DATA_CLASSIFICATIONS.map((c) => `\`${c}\``).join(", ")}.`);
    }
    if (g.pciScope !== undefined && !PCI_SCOPES.includes(g.pciScope as PciScope)) {
        problems.push(`\`governance.pciScope\` must be one of ${PCI_SCOPES.map((c) => `\`${c}\``).join(", ")}.`);
    }
    if (g.extraTags !== undefined) {
        if (typeof g.extraTags !== "object" || g.extraTags === null || Array.isArray(g.extraTags)) {
            problems.push("`governance.extraTags` must be an object of string values.");
        } else {
            for (const [key, value] of Object.entries(g.extraTags)) {
                if (typeof value !== "string") {
                    problems.push(`\`governance.extraTags.${key}\` must be a string.`);
                }
            }
        }
    }
    return problems;
}

/** The governance tags for `environment`: the four keys always, extra tags beneath them. */
export function governanceTags(governance: GovernanceConfig, environment: string): Tags {
    return {
        ...(governance.extraTags ?? {}),
        owner: governance.owner,
        environment,
        "data-classification": governance.dataClassification ?? DEFAULT_DATA_CLASSIFICATION,
        "pci-scope": governance.pciScope ?? DEFAULT_PCI_SCOPE,
    };
}

/**
 * The tags for one resource: the governance tags plus a `Name` (and any local tags).
 * Local tags never override governance keys: a component cannot untag itself.
 */
export function withGovernanceTags(governance: Tags, name?: string, local: Tags = {}): Record<string, string> {
    return { ...local, ...(name === undefined ? {} : { Name: name }), ...governance };
}

import { GovernanceConfig, governanceProblems, governanceTags, Tags, withGovernanceTags } from "../../platform/common/governance";

export type { GovernanceConfig, Tags };

/**
 * The governance tags of a service's resources: the same four keys the landing zone
 * carries (`owner`, `environment`, `data-classification`, `pci-scope`), built by the
 * platform's helper so the pipeline pack sees one tagging scheme everywhere, plus a
 * `service` tag so cost and findings group by service.
 */
export function serviceTags(governance: GovernanceConfig, environment: string, service: string): Tags {
    return { service, ...governanceTags(governance, environment) };
}

/** Tags of one resource: the service's tags plus its `Name`; local tags never override governance keys. */
export function resourceTags(tags: Tags, name: string): Record<string, string> {
    return withGovernanceTags(tags, name);
}

/** Problems with a service's `governance` argument (the platform's rules). Pure. */
export function serviceGovernanceProblems(governance: unknown): string[] {
    return governanceProblems(governance);
}

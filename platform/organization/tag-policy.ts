import { DATA_CLASSIFICATIONS, PCI_SCOPES } from "../common/governance";

/**
 * The organisation's tag policy for the governance tags (`owner`, `environment`,
 * `data-classification`, `pci-scope`): the keys' capitalisation, and the values the two
 * classifications may take. It reports non-compliant resources in every account
 * (AWS Organizations' tag-policy compliance); it enforces nothing by itself — the pipeline's
 * `resource-required-tags` policy is what refuses an untagged resource. Pure.
 */
export function governanceTagPolicy(): Record<string, unknown> {
    return {
        tags: {
            owner: { tag_key: { "@@assign": "owner" } },
            environment: { tag_key: { "@@assign": "environment" } },
            "data-classification": {
                tag_key: { "@@assign": "data-classification" },
                tag_value: { "@@assign": [...DATA_CLASSIFICATIONS] },
            },
            "pci-scope": { tag_key: { "@@assign": "pci-scope" }, tag_value: { "@@assign": [...PCI_SCOPES] } },
        },
    };
}

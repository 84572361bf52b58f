import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { configuredKeys, describeGrant, NARROWING_CONDITION_KEYS, narrowingKeysSchema, publicGrants } from "../support/resource-policy";
import { T } from "../support/types";

interface Config {
    narrowingConditionKeys: string[];
}

const TYPES = [T.openSearchDomain, T.elasticsearchDomain, T.openSearchDomainPolicy, T.elasticsearchDomainPolicy];

/**
 * A domain's access policy is the only gate of a public endpoint and the first of a VPC one:
 * `*` must be narrowed. Unlike S3, an IP allow-list (`aws:SourceIp`) is OpenSearch's documented
 * way to narrow it, so it counts by default (the world range never does).
 */
export const opensearchDomainAccessPolicyNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "opensearch-domain-access-policy-not-public",
    description: "Checks whether OpenSearch (and Elasticsearch) domain access policies grant access to everyone.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Name the IAM roles allowed to call the domain in `accessPolicies` (or the `DomainPolicy`), or narrow `*` with a fixed " +
        "`aws:SourceIp` range, `aws:SourceVpce` or `aws:PrincipalOrgID` condition; never `Allow` with `NotPrincipal`.",
    configSchema: { properties: { narrowingConditionKeys: narrowingKeysSchema([...NARROWING_CONDITION_KEYS, "aws:SourceIp"]) } },
    resourceTypes: TYPES,
    peerChecks: { partial: ["AwsSolutions-OS3", "AwsSolutions-OS5"] },
    validateResource: forTypes(TYPES, (args, report) => {
        const keys = configuredKeys(args.getConfig<Config>().narrowingConditionKeys);
        for (const g of publicGrants(args.props.accessPolicies, keys))
            report(`The access policy of OpenSearch domain \`${args.name}\` must not be public: ${describeGrant(g)}.`);
    }),
};

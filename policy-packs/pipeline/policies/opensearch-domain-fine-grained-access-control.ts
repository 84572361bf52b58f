import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

const DOMAINS = [T.openSearchDomain, T.elasticsearchDomain];

export const opensearchDomainFineGrainedAccessControl: ResourcePolicyDefinition = {
    kind: "resource",
    id: "opensearch-domain-fine-grained-access-control",
    description: "Checks whether OpenSearch (and Elasticsearch) domains enforce fine-grained access control and refuse anonymous requests.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `advancedSecurityOptions: { enabled: true, anonymousAuthEnabled: " +
        "false, masterUserOptions: { masterUserArn: <an IAM role> } }` " +
        "and map roles to index permissions (fine-grained access control needs encryption at rest, node-to-node encryption and HTTPS).",
    resourceTypes: DOMAINS,
    peerChecks: { full: ["CKV2_AWS_52"], partial: ["AwsSolutions-OS5"] },
    validateResource: forTypes(DOMAINS, (args, report) => {
        const security = args.props.advancedSecurityOptions as { enabled?: unknown; anonymousAuthEnabled?: unknown } | undefined;
        if (security?.enabled !== true) {
            report(
                `OpenSearch domain \`${args.name}\` must enforce fine-grained access control (\`advancedSecurityOptions.enabled: true\`).`,
            );
            return;
        }
        if (security.anonymousAuthEnabled === true)
            report(
                `OpenSearch domain \`${args.name}\` must not accept anonymous requests (\`advancedSecurityOptions.anonymousAuthEnabled\`).`,
            );
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

const DOMAINS = [T.openSearchDomain, T.elasticsearchDomain];

export const opensearchDomainNodeToNodeEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "opensearch-domain-node-to-node-encrypted",
    description: "Checks whether OpenSearch (and Elasticsearch) domains encrypt the traffic between their nodes.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `nodeToNodeEncryption: { enabled: true }` (needs OpenSearch, or Elasticsearch 6.0 or later).",
    resourceTypes: DOMAINS,
    peerChecks: { full: ["AwsSolutions-OS2", "PCI.DSS.321-OpenSearchNodeToNodeEncryption", "CKV_AWS_6"] },
    validateResource: forTypes(DOMAINS, (args, report) => {
        const n2n = args.props.nodeToNodeEncryption as { enabled?: unknown } | undefined;
        if (n2n?.enabled !== true)
            report(`OpenSearch domain \`${args.name}\` must encrypt node-to-node traffic (\`nodeToNodeEncryption.enabled: true\`).`);
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { customerKeyProblem } from "../support/customer-key";
import { T } from "../support/types";

interface Config {
    requireCustomerManagedKey: boolean;
}

const DOMAINS = [T.openSearchDomain, T.elasticsearchDomain];

export const opensearchDomainEncryptedAtRest: ResourcePolicyDefinition = {
    kind: "resource",
    id: "opensearch-domain-encrypted-at-rest",
    description: "Checks whether OpenSearch (and Elasticsearch) domains encrypt data at rest with a customer managed KMS key.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `encryptAtRest: { enabled: true, kmsKeyId: <customer managed key> }` (chosen at creation: replace the domain).",
    configSchema: { properties: { requireCustomerManagedKey: { type: "boolean", default: true } } },
    resourceTypes: DOMAINS,
    peerChecks: { full: ["AwsSolutions-OS8", "PCI.DSS.321-OpenSearchEncryptedAtRest", "CKV_AWS_5", "CKV_AWS_247"] },
    validateResource: forTypes(DOMAINS, (args, report) => {
        const at = args.props.encryptAtRest as { enabled?: unknown; kmsKeyId?: unknown } | undefined;
        if (at?.enabled !== true) {
            report(`OpenSearch domain \`${args.name}\` must encrypt data at rest (\`encryptAtRest.enabled: true\`).`);
            return;
        }
        if (!args.getConfig<Config>().requireCustomerManagedKey) return;
        const problem = customerKeyProblem(at.kmsKeyId, "encryptAtRest.kmsKeyId");
        if (problem) report(`OpenSearch domain \`${args.name}\` must encrypt data at rest with a customer managed KMS key: ${problem}.`);
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

const DOMAINS = [T.openSearchDomain, T.elasticsearchDomain];

/** A domain outside a VPC has a public endpoint that only its access policy guards. */
export const opensearchDomainInVpc: ResourcePolicyDefinition = {
    kind: "resource",
    id: "opensearch-domain-in-vpc",
    description: "Checks whether OpenSearch (and Elasticsearch) domains run inside a VPC behind their own security groups.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `vpcOptions: { subnetIds: <private subnets>, securityGroupIds: [<a security group for the domain>] }` " +
        "(chosen at creation: replace the domain); never rely on the VPC's default security group.",
    resourceTypes: DOMAINS,
    peerChecks: { full: ["AwsSolutions-OS1", "PCI.DSS.321-OpenSearchInVPCOnly", "CKV_AWS_137", "CKV_AWS_248"] },
    validateResource: forTypes(DOMAINS, (args, report) => {
        const vpc = args.props.vpcOptions as { subnetIds?: unknown; securityGroupIds?: unknown } | undefined;
        if (asArray(vpc?.subnetIds as string[]).length === 0) {
            report(`OpenSearch domain \`${args.name}\` must run inside a VPC (\`vpcOptions.subnetIds\`), not on a public endpoint.`);
            return;
        }
        if (asArray(vpc?.securityGroupIds as string[]).length === 0)
            report(
                `OpenSearch domain \`${args.name}\` must name its security groups ` +
                    `(\`vpcOptions.securityGroupIds\`), not fall back to the default one.`,
            );
    }),
};

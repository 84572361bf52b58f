import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { publicGrants } from "../support/public-grants";
import { T } from "../support/types";

const TYPES = [T.ecrRepositoryPolicy, T.ecrRegistryPolicy];

/**
 * A repository or registry policy that allows `*` lets any AWS account pull (or push) images,
 * and with them the code and configuration baked in. Sharing goes to named accounts or to the
 * organisation (`aws:PrincipalOrgID`).
 */
export const ecrRepositoryNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ecr-repository-not-public",
    description:
        "Checks whether ECR repository and registry policies grant access only to named accounts or the organisation, never to anyone.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        'Name the accounts or roles in `Principal`, or keep `Principal: "*"` ' +
        "only with a `Condition` on `aws:PrincipalOrgID` (or `aws:PrincipalAccount`).",
    // The peers weigh conditions differently: cdk-nag none at all, Checkov its own list of narrowing keys.
    peerChecks: { partial: ["CKV_AWS_32", "AwsSolutions-ECR1"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        for (const g of publicGrants(args.props.policy))
            report(
                `${args.type === T.ecrRegistryPolicy ? "Registry" : "Repository"} ` +
                    `policy \`${args.name}\` must not grant ` +
                    `${g.actions.join(", ") || "access"} to anyone (statement ` +
                    `${g.statement}): name the principals or pin them to the organisation.`,
            );
    }),
};

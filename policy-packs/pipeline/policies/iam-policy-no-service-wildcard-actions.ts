import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { DEFAULT_BOUNDARY_ARN_PATTERN, IDENTITY_POLICY_TYPES, identityDocumentsOf } from "../support/iam";
import { isAllow, serviceWildcards } from "../support/policy-document";

interface Config {
    boundaryArnPattern: string;
}

export const iamPolicyNoServiceWildcardActions: ResourcePolicyDefinition = {
    kind: "resource",
    id: "iam-policy-no-service-wildcard-actions",
    description:
        "Checks whether IAM policies name the actions they allow instead of " +
        "granting every action (`*`) or every action of a service (`s3:*`).",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Replace `*` and `<service>:*` in `Action` with the actions the workload calls (e.g. `s3:GetObject`, " +
        "`s3:PutObject`); the permissions boundary (matched by `boundaryArnPattern`) is exempt because it grants " +
        "nothing itself.",
    configSchema: { properties: { boundaryArnPattern: { type: "string", default: DEFAULT_BOUNDARY_ARN_PATTERN } } },
    resourceTypes: IDENTITY_POLICY_TYPES,
    // Partial only because the permissions boundary (`boundaryArnPattern`) is exempt: with the pattern "" this rejects everything the peers
    // do.
    peerChecks: {
        partial: ["CKV_AWS_63", "CKV2_AWS_40", "PCI.DSS.321-IAMPolicyNoStatementsWithFullAccess", "AwsSolutions-IAM5"],
    },
    validateResource: forTypes(IDENTITY_POLICY_TYPES, (args, report) => {
        const { boundaryArnPattern } = args.getConfig<Config>();
        for (const { where, document } of identityDocumentsOf(args.type, args.name, args.props, boundaryArnPattern)) {
            const wildcards = [...new Set(document.statements.filter(isAllow).flatMap(serviceWildcards))];
            if (wildcards.length > 0)
                report(`${where} must name the actions it allows instead of ${wildcards.map((w) => `\`${w}\``).join(", ")}.`);
        }
    }),
};

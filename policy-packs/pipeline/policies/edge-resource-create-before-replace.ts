import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

const TYPES = [T.restApi, T.restApiDeployment, T.acmCertificate];

export const edgeResourceCreateBeforeReplace: ResourcePolicyDefinition = {
    kind: "resource",
    id: "edge-resource-create-before-replace",
    description:
        "Checks whether REST APIs, API deployments and ACM certificates are " +
        "replaced create-before-delete, so live stages and listeners never " +
        "point at " +
        "a deleted resource.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Remove `deleteBeforeReplace: true` from the resource options; Pulumi " +
        "then creates the replacement before deleting the old resource " +
        "(Terraform's `create_before_destroy`).",
    peerChecks: { full: ["CKV_AWS_217", "CKV_AWS_237", "CKV_AWS_233"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        if (args.opts.deleteBeforeReplace === true)
            report(`\`${args.name}\` must be replaced create-before-delete: remove the \`deleteBeforeReplace\` option.`);
    }),
};

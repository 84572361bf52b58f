import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const lambdaPermissionNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "lambda-permission-not-public",
    description: "Checks whether Lambda permissions grant invocation to a named principal rather than to everyone.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `principal` to the service (`s3.amazonaws.com`, " +
        "`events.amazonaws.com`…) or account that invokes the function, never " +
        "`*`; scope service " +
        "principals with `sourceArn`.",
    peerChecks: { full: ["CKV_AWS_301", "PCI.DSS.321-LambdaFunctionPublicAccessProhibited"] },
    resourceTypes: [T.lambdaPermission],
    validateResource: forTypes([T.lambdaPermission], (args, report) => {
        const principal = args.props.principal;
        if (typeof principal === "string" && principal.includes("*"))
            report(`Lambda permission \`${args.name}\` must grant a named principal, not \`${principal}\`.`);
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isPresent } from "../support/present";
import { T } from "../support/types";

/** Service principals end in `.amazonaws.com` (or the China partition's `.amazonaws.com.cn`). */
function isServicePrincipal(principal: string): boolean {
    return /\.amazonaws\.com(\.cn)?$/.test(principal);
}

export const lambdaPermissionSourceScoped: ResourcePolicyDefinition = {
    kind: "resource",
    id: "lambda-permission-source-scoped",
    description: "Checks whether Lambda permissions granted to an AWS service name the source resource or account that may invoke.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `sourceArn` to the ARN of the bucket, rule, topic or API that " +
        "invokes the function (or at least `sourceAccount`), so another " +
        "account's " +
        "resource cannot use the same service to invoke it (confused deputy).",
    peerChecks: { full: ["CKV_AWS_364"], partial: ["aws-lambda-permission-configure-source-arn"] },
    resourceTypes: [T.lambdaPermission],
    validateResource: forTypes([T.lambdaPermission], (args, report) => {
        const principal = args.props.principal;
        if (typeof principal !== "string" || !isServicePrincipal(principal))
            return args.notApplicable("The permission is not granted to an AWS service.");
        if (!isPresent(args.props.sourceArn) && !isPresent(args.props.sourceAccount))
            report(`Lambda permission \`${args.name}\` for \`${principal}\` must set \`sourceArn\` or \`sourceAccount\`.`);
    }),
};

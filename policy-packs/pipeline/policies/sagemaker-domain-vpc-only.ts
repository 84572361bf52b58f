import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

/** With `PublicInternetOnly` (the default) Studio apps reach the internet through SageMaker, bypassing the VPC. */
export const sagemakerDomainVpcOnly: ResourcePolicyDefinition = {
    kind: "resource",
    id: "sagemaker-domain-vpc-only",
    description: "Checks whether SageMaker domains send all Studio traffic through their VPC (VpcOnly network access).",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Set `appNetworkAccessType: "VpcOnly"` with private `subnetIds` and ' +
        "`defaultUserSettings.securityGroups`, and VPC endpoints for SageMaker " +
        "and S3.",
    resourceTypes: [T.sagemakerDomain],
    validateResource: forTypes([T.sagemakerDomain], (args, report) => {
        if (args.props.appNetworkAccessType !== "VpcOnly")
            report(
                `SageMaker domain \`${args.name}\` must send Studio traffic through its VPC only (\`appNetworkAccessType: "VpcOnly"\`).`,
            );
    }),
};

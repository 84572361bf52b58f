import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

export const lambdaFunctionInVpc: ResourcePolicyDefinition = {
    kind: "resource",
    id: "lambda-function-in-vpc",
    description: "Checks whether Lambda functions run attached to a VPC, so their network traffic passes the VPC's controls.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `vpcConfig` with the service's private `subnetIds` and a " +
        "`securityGroupIds` entry whose egress is limited to what the function calls.",
    peerChecks: { full: ["CKV_AWS_117", "PCI.DSS.321-LambdaInsideVPC"] },
    resourceTypes: [T.lambdaFunction],
    validateResource: forTypes([T.lambdaFunction], (args, report) => {
        const vpc = args.props.vpcConfig as { subnetIds?: unknown } | undefined;
        if (!vpc || asArray(vpc.subnetIds as string[]).length === 0)
            report(`Lambda function \`${args.name}\` must run in the VPC: set \`vpcConfig.subnetIds\` to private subnets.`);
    }),
};

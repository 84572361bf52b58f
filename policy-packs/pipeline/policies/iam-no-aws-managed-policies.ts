import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isAwsManagedPolicyArn } from "../support/iam";
import { asArray } from "../support/props";
import { T } from "../support/types";

interface Config {
    allowedPolicyArns: string[];
}

/** Narrow AWS service-role policies that do one job for one service: attaching them is least privilege in practice. */
export const DEFAULT_ALLOWED_AWS_MANAGED_POLICIES = [
    "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole",
    "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
    "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
    "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
];

const TYPES = [T.iamRole, T.iamRolePolicyAttachment, T.iamUserPolicyAttachment, T.iamGroupPolicyAttachment, T.iamPolicyAttachment];

// An ARN without its partition, so an allow-list written for `aws` holds in `aws-us-gov` too.
const withoutPartition = (arn: string) => arn.split(":").slice(2).join(":");

/**
 * AWS managed policies are written for every customer at once, change when AWS changes them, and
 * usually grant more than one workload needs. The few narrow service-role policies a platform
 * relies on are allowed by config.
 */
export const iamNoAwsManagedPolicies: ResourcePolicyDefinition = {
    kind: "resource",
    id: "iam-no-aws-managed-policies",
    description:
        "Checks whether roles, users and groups get their permissions from " +
        "policies the organisation writes rather than from AWS managed policies.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Replace the AWS managed policy with an inline or customer managed policy listing the actions and resources " +
        "needed; narrow service-role policies the platform accepts go in `allowedPolicyArns`.",
    configSchema: {
        properties: { allowedPolicyArns: { type: "array", items: { type: "string" }, default: DEFAULT_ALLOWED_AWS_MANAGED_POLICIES } },
    },
    resourceTypes: TYPES,
    peerChecks: { partial: ["AwsSolutions-IAM4"] },
    validateResource: forTypes(TYPES, (args, report) => {
        const allowed = args.getConfig<Config>().allowedPolicyArns.map(withoutPartition);
        const arns = args.type === T.iamRole ? asArray(args.props.managedPolicyArns as string[]) : [args.props.policyArn];
        for (const arn of arns) {
            if (typeof arn === "string" && isAwsManagedPolicyArn(arn) && !allowed.includes(withoutPartition(arn)))
                report(`\`${args.name}\` must not rely on the AWS managed policy \`${arn}\`: attach a policy that lists what it needs.`);
        }
    }),
};

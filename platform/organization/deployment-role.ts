import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Tags, withGovernanceTags } from "../common/governance";
import { policyDocument, PolicyDocument } from "../security/policy-document";

/**
 * The deployment role's trust policy: only the CI principal, only with the external id. Pure, so the
 * statement can be tested (and linted) without a program run.
 */
export function deploymentTrustPolicy(trustedPrincipalArn: string, externalId: string): PolicyDocument {
    return policyDocument([
        {
            Sid: "PipelineWithExternalId",
            Effect: "Allow",
            Principal: { AWS: trustedPrincipalArn },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "sts:ExternalId": externalId } },
        },
    ]);
}

/**
 * The services EDF's units deploy (the landing zone, the organisation's member stacks, the service
 * SDK's components): what the deployment role may administer, and nothing else — no Organizations,
 * no billing, no account settings beyond the baseline's, no support cases.
 */
export const DEPLOYMENT_SERVICES = [
    "access-analyzer",
    "acm",
    "apigateway",
    "application-autoscaling",
    "backup",
    "cloudtrail",
    "cloudwatch",
    "config",
    "dynamodb",
    "ec2",
    "ecr",
    "ecs",
    "elasticache",
    "elasticloadbalancing",
    "events",
    "guardduty",
    "iam",
    "inspector2",
    "kms",
    "lambda",
    "logs",
    "rds",
    "s3",
    "secretsmanager",
    "securityhub",
    "servicediscovery",
    "sns",
    "sqs",
    "ssm",
    "wafv2",
] as const;

/**
 * What the deployment role deploys with: administration of {@link DEPLOYMENT_SERVICES} in the account,
 * and its own identity. Broad by nature — it builds IAM roles, keys and networks — so it is fenced
 * from outside instead: only the CI principal with the external id can assume it, for at most the
 * session limit, and the `deny-protected-roles-changes` guardrail keeps anyone in the account from
 * rewriting it. Pure.
 */
export function deploymentPermissionsPolicy(): PolicyDocument {
    return policyDocument([
        {
            Sid: "DeployEdfServices",
            Effect: "Allow",
            Action: DEPLOYMENT_SERVICES.map((service) => `${service}:*`),
            Resource: "*",
        },
        { Sid: "KnowOwnIdentity", Effect: "Allow", Action: "sts:GetCallerIdentity", Resource: "*" },
    ]);
}

/** Arguments of {@link DeploymentRole}. */
export interface DeploymentRoleArgs {
    /** The member account's id (the provider is pinned to it). */
    readonly accountId: pulumi.Input<string>;
    /** The role the management account reaches the member through (`OrganizationAccountAccessRole`). */
    readonly bootstrapRoleName: string;
    /** The deployment role's name. */
    readonly roleName: string;
    /** The only principal the role trusts. */
    readonly trustedPrincipalArn: string;
    /** The external id the principal must present (a secret). */
    readonly externalId: pulumi.Output<string>;
    /** `maxSessionDuration` of the role, seconds. */
    readonly maxSessionSeconds: number;
    /** The region the member provider runs in. */
    readonly region: string;
    readonly partition: string;
    /** Governance tags. */
    readonly tags: Tags;
}

/**
 * The pipeline's way into a member account: a role there that trusts only the CI principal named in
 * config, with an external id and a session limit. Created from the management account through the
 * member's bootstrap role, with a provider pinned to that account (it refuses any other).
 */
export class DeploymentRole extends pulumi.ComponentResource {
    readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: DeploymentRoleArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:organization:DeploymentRole", name, {}, opts);
        const provider = new aws.Provider(
            name,
            {
                region: args.region as aws.Region,
                allowedAccountIds: [args.accountId],
                assumeRoles: [
                    {
                        roleArn: pulumi.interpolate`arn:${args.partition}:iam::${args.accountId}:role/${args.bootstrapRoleName}`,
                        sessionName: "edf-organization-bootstrap",
                    },
                ],
            },
            { parent: this },
        );
        const role = new aws.iam.Role(
            name,
            {
                name: args.roleName,
                description: "EDF pipeline deployment role: trusted only by the CI principal, with an external id",
                assumeRolePolicy: args.externalId.apply((id) => JSON.stringify(deploymentTrustPolicy(args.trustedPrincipalArn, id))),
                maxSessionDuration: args.maxSessionSeconds,
                tags: withGovernanceTags(args.tags, args.roleName, { "edf:role": "deployment" }),
            },
            { parent: this, provider },
        );
        const permissions = new aws.iam.Policy(
            name,
            {
                name: args.roleName,
                description: "What the EDF pipeline deploys in this account",
                policy: JSON.stringify(deploymentPermissionsPolicy()),
                tags: withGovernanceTags(args.tags, args.roleName, { "edf:role": "deployment" }),
            },
            { parent: this, provider },
        );
        new aws.iam.RolePolicyAttachment(name, { role: role.name, policyArn: permissions.arn }, { parent: this, provider });
        this.roleArn = role.arn;
        this.registerOutputs({ roleArn: this.roleArn });
    }
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Tags, withGovernanceTags } from "../common/governance";

/** Interface endpoints every landing zone gets: what a Fargate task needs with no NAT at all. */
export const DEFAULT_INTERFACE_ENDPOINTS = ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm", "sts"] as const;

/** Gateway endpoints (free, route-table based). */
export const GATEWAY_ENDPOINTS = ["s3", "dynamodb"] as const;

/** Arguments of {@link VpcEndpoints}. */
export interface VpcEndpointsArgs {
    /** The landing-zone VPC. */
    readonly vpcId: pulumi.Input<string>;
    /** The VPC range: the only source allowed to reach the interface endpoints. */
    readonly vpcCidrBlock: string;
    /** Region, for service names (`com.amazonaws.<region>.<service>`). */
    readonly region: pulumi.Input<string>;
    /** Subnets hosting the interface endpoints (the private tier). */
    readonly subnetIds: pulumi.Input<string>[];
    /** Route tables the gateway endpoints are added to (private and isolated tiers). */
    readonly routeTableIds: pulumi.Input<string>[];
    /** Interface endpoint services. @default DEFAULT_INTERFACE_ENDPOINTS */
    readonly interfaceServices?: readonly string[];
    /** Governance tags for every taggable resource. */
    readonly tags: Tags;
    /** Prefix of physical names and `Name` tags, e.g. `edf-dev`. */
    readonly namePrefix: string;
}

/** Every problem with a list of interface endpoint services. Pure. */
export function interfaceEndpointProblems(services: unknown): string[] {
    if (!Array.isArray(services) || services.some((s) => typeof s !== "string" || !/^[a-z0-9]+([.-][a-z0-9]+)*$/.test(s))) {
        return ['`interfaceEndpoints` must be a list of AWS service names such as `["ecr.api", "logs"]`.'];
    }
    const duplicates = services.filter((s, i) => services.indexOf(s) !== i);
    const gateways = services.filter((s) => (GATEWAY_ENDPOINTS as readonly string[]).includes(s));
    return [
        ...duplicates.map((d) => `\`interfaceEndpoints\` lists \`${d}\` twice: list each service once.`),
        ...gateways.map(
            (g) => `\`interfaceEndpoints\` lists \`${g}\`, which the landing zone already reaches through a gateway endpoint: remove it.`,
        ),
    ];
}

/**
 * Gateway endpoints (S3, DynamoDB) on the private and isolated route tables, and
 * interface endpoints in the private subnets behind a security group that accepts
 * only HTTPS from inside the VPC and sends nothing out.
 */
export class VpcEndpoints extends pulumi.ComponentResource {
    readonly securityGroupId: pulumi.Output<string>;

    constructor(name: string, args: VpcEndpointsArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:network:Endpoints", name, {}, opts);
        const parent = { parent: this };
        const serviceName = (service: string) => pulumi.interpolate`com.amazonaws.${args.region}.${service}`;

        const group = new aws.ec2.SecurityGroup(
            `${name}-interface`,
            {
                vpcId: args.vpcId,
                description: "Interface VPC endpoints: HTTPS from inside the VPC only",
                ingress: [
                    { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [args.vpcCidrBlock], description: "HTTPS from the VPC" },
                ],
                // An empty list removes the default allow-all egress rule: endpoints never initiate.
                egress: [],
                tags: withGovernanceTags(args.tags, `${args.namePrefix}-endpoints`),
            },
            parent,
        );
        this.securityGroupId = group.id;

        for (const service of GATEWAY_ENDPOINTS) {
            new aws.ec2.VpcEndpoint(
                `${name}-${service}`,
                {
                    vpcId: args.vpcId,
                    serviceName: serviceName(service),
                    vpcEndpointType: "Gateway",
                    routeTableIds: args.routeTableIds,
                    tags: withGovernanceTags(args.tags, `${args.namePrefix}-${service}`),
                },
                parent,
            );
        }

        for (const service of args.interfaceServices ?? DEFAULT_INTERFACE_ENDPOINTS) {
            new aws.ec2.VpcEndpoint(
                `${name}-${service.replace(/\./g, "-")}`,
                {
                    vpcId: args.vpcId,
                    serviceName: serviceName(service),
                    vpcEndpointType: "Interface",
                    privateDnsEnabled: true,
                    subnetIds: args.subnetIds,
                    securityGroupIds: [group.id],
                    tags: withGovernanceTags(args.tags, `${args.namePrefix}-${service}`),
                },
                parent,
            );
        }

        this.registerOutputs({ securityGroupId: this.securityGroupId });
    }
}

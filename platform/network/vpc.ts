import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { NatStrategy } from "../contract";
import { Tags, withGovernanceTags } from "../common/governance";
import type { SubnetPlan } from "./cidr";

/** Arguments of {@link LandingZoneVpc}. */
export interface LandingZoneVpcArgs {
    /** The VPC's IPv4 range. */
    readonly cidrBlock: string;
    /** Availability zones, in subnet order. */
    readonly azs: readonly string[];
    /** Subnet CIDRs per tier, one per AZ (see `planSubnets`); an empty public tier means no internet gateway. */
    readonly subnets: SubnetPlan;
    /** How private subnets reach the internet. @default "perAz" */
    readonly natStrategy?: NatStrategy;
    /** Governance tags for every resource. */
    readonly tags: Tags;
    /** Prefix of the `Name` tags, e.g. `edf-dev`. */
    readonly namePrefix: string;
    /** Protect the VPC against deletion and replacement (everything lives in it). @default true */
    readonly protect?: boolean;
}

/** @default NAT strategy when none is given: resilient to the loss of an AZ. */
export const DEFAULT_NAT_STRATEGY: NatStrategy = "perAz";

/**
 * The landing-zone VPC: public, private and isolated subnet tiers over the AZs, an
 * internet gateway for the public tier, NAT for the private tier, route tables per
 * tier, and the default security group stripped of every rule.
 *
 * Routing: public → internet gateway; private (one table per AZ, so a per-AZ NAT
 * keeps traffic in its AZ) → NAT; isolated → nothing outside the VPC.
 */
export class LandingZoneVpc extends pulumi.ComponentResource {
    readonly vpcId: pulumi.Output<string>;
    readonly publicSubnetIds: pulumi.Output<string>[];
    readonly privateSubnetIds: pulumi.Output<string>[];
    readonly isolatedSubnetIds: pulumi.Output<string>[];
    readonly privateRouteTableIds: pulumi.Output<string>[];
    readonly isolatedRouteTableIds: pulumi.Output<string>[];
    readonly natGatewayIds: pulumi.Output<string>[];

    constructor(name: string, args: LandingZoneVpcArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:network:Vpc", name, {}, opts);
        const natStrategy = args.natStrategy ?? DEFAULT_NAT_STRATEGY;
        const tag = (suffix: string) => withGovernanceTags(args.tags, `${args.namePrefix}-${suffix}`);
        const parent = { parent: this };

        const vpc = new aws.ec2.Vpc(
            name,
            {
                cidrBlock: args.cidrBlock,
                enableDnsHostnames: true, // interface endpoints' private DNS needs both
                enableDnsSupport: true,
                tags: tag("vpc"),
            },
            { parent: this, protect: args.protect ?? true },
        );
        this.vpcId = vpc.id;

        // With no `ingress`/`egress` given, the provider removes every rule of the
        // default group, so nothing can accidentally rely on it.
        new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, { vpcId: vpc.id, tags: tag("default-closed") }, parent);

        const subnet = (tier: string, az: string, index: number, cidrBlock: string) =>
            new aws.ec2.Subnet(
                `${name}-${tier}-${index}`,
                {
                    vpcId: vpc.id,
                    availabilityZone: az,
                    cidrBlock,
                    // Nothing gets a public IP by default; load balancers and NAT bring their own.
                    mapPublicIpOnLaunch: false,
                    tags: withGovernanceTags(args.tags, `${args.namePrefix}-${tier}-${az}`, { "edf:tier": tier }),
                },
                parent,
            );
        const publicSubnets = args.subnets.public.map((cidr, i) => subnet("public", args.azs[i], i, cidr));
        const privateSubnets = args.subnets.private.map((cidr, i) => subnet("private", args.azs[i], i, cidr));
        const isolatedSubnets = args.subnets.isolated.map((cidr, i) => subnet("isolated", args.azs[i], i, cidr));
        this.publicSubnetIds = publicSubnets.map((s) => s.id);
        this.privateSubnetIds = privateSubnets.map((s) => s.id);
        this.isolatedSubnetIds = isolatedSubnets.map((s) => s.id);

        const associate = (tableName: string, tableId: pulumi.Input<string>, subnets: aws.ec2.Subnet[]) =>
            subnets.forEach(
                (s, i) => new aws.ec2.RouteTableAssociation(`${tableName}-${i}`, { routeTableId: tableId, subnetId: s.id }, parent),
            );

        this.natGatewayIds = [];
        if (publicSubnets.length > 0) {
            const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id, tags: tag("igw") }, parent);
            const publicTable = new aws.ec2.RouteTable(`${name}-public`, { vpcId: vpc.id, tags: tag("public") }, parent);
            new aws.ec2.Route(
                `${name}-public-default`,
                {
                    routeTableId: publicTable.id,
                    destinationCidrBlock: "0.0.0.0/0",
                    gatewayId: igw.id,
                },
                parent,
            );
            associate(`${name}-public`, publicTable.id, publicSubnets);

            const natCount = natStrategy === "perAz" ? args.azs.length : natStrategy === "single" ? 1 : 0;
            for (let i = 0; i < natCount; i++) {
                const eip = new aws.ec2.Eip(`${name}-nat-${i}`, { domain: "vpc", tags: tag(`nat-${args.azs[i]}`) }, parent);
                const nat = new aws.ec2.NatGateway(
                    `${name}-nat-${i}`,
                    {
                        allocationId: eip.id,
                        subnetId: publicSubnets[i].id,
                        tags: tag(`nat-${args.azs[i]}`),
                    },
                    { parent: this, dependsOn: [igw] },
                );
                this.natGatewayIds.push(nat.id);
            }
        }

        const privateTables = privateSubnets.map((s, i) => {
            const table = new aws.ec2.RouteTable(`${name}-private-${i}`, { vpcId: vpc.id, tags: tag(`private-${args.azs[i]}`) }, parent);
            new aws.ec2.RouteTableAssociation(`${name}-private-${i}`, { routeTableId: table.id, subnetId: s.id }, parent);
            if (this.natGatewayIds.length > 0) {
                new aws.ec2.Route(
                    `${name}-private-${i}-default`,
                    {
                        routeTableId: table.id,
                        destinationCidrBlock: "0.0.0.0/0",
                        // perAz: the NAT of the same AZ; single: the one NAT.
                        natGatewayId: this.natGatewayIds[Math.min(i, this.natGatewayIds.length - 1)],
                    },
                    parent,
                );
            }
            return table;
        });
        this.privateRouteTableIds = privateTables.map((t) => t.id);

        const isolatedTable = new aws.ec2.RouteTable(`${name}-isolated`, { vpcId: vpc.id, tags: tag("isolated") }, parent);
        associate(`${name}-isolated`, isolatedTable.id, isolatedSubnets);
        this.isolatedRouteTableIds = [isolatedTable.id];

        this.registerOutputs({
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnetIds,
            privateSubnetIds: this.privateSubnetIds,
            isolatedSubnetIds: this.isolatedSubnetIds,
        });
    }
}

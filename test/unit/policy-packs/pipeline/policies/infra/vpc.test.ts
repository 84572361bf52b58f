import { securityGroupAttached } from "../../../../../../policy-packs/pipeline/policies/security-group-attached";
import { securityGroupNoUnrestrictedEgress } from "../../../../../../policy-packs/pipeline/policies/security-group-no-unrestricted-egress";
import { securityGroupRulesDescribed } from "../../../../../../policy-packs/pipeline/policies/security-group-rules-described";
import { vpcConnectionsRequireAcceptance } from "../../../../../../policy-packs/pipeline/policies/vpc-connections-require-acceptance";
import { vpcDefaultRoutesSanctioned } from "../../../../../../policy-packs/pipeline/policies/vpc-default-routes-sanctioned";
import { vpcDefaultVpcNotUsed } from "../../../../../../policy-packs/pipeline/policies/vpc-default-vpc-not-used";
import { vpcEipAttached } from "../../../../../../policy-packs/pipeline/policies/vpc-eip-attached";
import { vpcNaclNoInternetAdminPorts } from "../../../../../../policy-packs/pipeline/policies/vpc-nacl-no-internet-admin-ports";
import { vpcNetworkAclAttached } from "../../../../../../policy-packs/pipeline/policies/vpc-network-acl-attached";
import { describePolicy } from "../../../support/policy-cases";
import { change, rec, UNKNOWN, without } from "./records";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const NACL = "aws:ec2/networkAcl:NetworkAcl";
const NACL_RULE = "aws:ec2/networkAclRule:NetworkAclRule";
const entry = (ruleNo: number, action: string, protocol: string, from: number, to: number, cidrBlock = "0.0.0.0/0") => ({
    ruleNo,
    action,
    protocol,
    fromPort: from,
    toPort: to,
    cidrBlock,
});

/** A public-tier NACL: HTTPS and return traffic from the internet (RDP denied first), SSH from the VPC only. */
const publicAcl = () =>
    rec(NACL, "public", {
        vpcId: "vpc-1",
        subnetIds: ["subnet-pub"],
        ingress: [
            entry(90, "deny", "tcp", 3389, 3389),
            entry(100, "allow", "tcp", 443, 443),
            entry(110, "allow", "tcp", 1024, 65535),
            entry(120, "allow", "tcp", 22, 22, "10.0.0.0/16"),
        ],
        egress: [entry(100, "allow", "-1", 0, 0)],
    });

describe("infra: VPC", () => {
    describePolicy(vpcNaclNoInternetAdminPorts, {
        compliant: () => [
            publicAcl(),
            rec(NACL_RULE, "https", {
                networkAclId: "acl-1",
                ruleNumber: 100,
                egress: false,
                protocol: "tcp",
                ruleAction: "allow",
                cidrBlock: "0.0.0.0/0",
                fromPort: 443,
                toPort: 443,
            }),
            // Egress entries never admit traffic.
            rec(NACL_RULE, "out", {
                networkAclId: "acl-1",
                ruleNumber: 100,
                egress: true,
                protocol: "-1",
                ruleAction: "allow",
                cidrBlock: "0.0.0.0/0",
            }),
            // An earlier internet deny shadows a later allow.
            rec(NACL, "shadowed", { vpcId: "vpc-1", ingress: [entry(200, "allow", "tcp", 0, 65535), entry(90, "deny", "tcp", 0, 65535)] }),
        ],
        nonCompliant: [
            {
                name: "RDP open to the internet inline",
                resources: () => change([publicAcl()], "public", (p) => ({ ...p, ingress: [entry(100, "allow", "tcp", 3389, 3389)] })),
                expect: /Network ACL `public` must not allow internet ingress on port 3389 \(rule 100\)/,
            },
            {
                name: "all traffic from ::/0",
                resources: () =>
                    change([publicAcl()], "public", (p) => ({
                        ...p,
                        ingress: [{ ruleNo: 50, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlock: "::/0" }],
                    })),
                expect: /must not allow all traffic from the internet \(rule 50, protocol -1\)/,
            },
            {
                name: "a separate rule opening FTP",
                resources: () => [
                    rec(NACL_RULE, "ftp", {
                        networkAclId: "acl-1",
                        ruleNumber: 10,
                        protocol: "tcp",
                        ruleAction: "allow",
                        cidrBlock: "0.0.0.0/0",
                        fromPort: 20,
                        toPort: 21,
                    }),
                ],
                expect: /Network ACL `ftp` must not allow internet ingress on ports 20, 21/,
            },
            {
                name: "a deny that comes after the allow",
                resources: () =>
                    change([publicAcl()], "public", (p) => ({
                        ...p,
                        ingress: [entry(100, "allow", "tcp", 22, 22), entry(110, "deny", "tcp", 22, 22)],
                    })),
                expect: /port 22 \(rule 100\)/,
            },
        ],
        notApplicable: [{ name: "security groups", resources: () => [rec(SG, "app", { ingress: [] })] }],
        unknown: [
            { name: "the entries are unknown", resources: () => [change([publicAcl()], "public", (p) => ({ ...p, ingress: UNKNOWN }))[0]] },
        ],
    });

    describePolicy(vpcNetworkAclAttached, {
        compliant: () => {
            const acl = rec(NACL, "private", { vpcId: "vpc-1" });
            return [
                publicAcl(),
                acl,
                rec(
                    "aws:ec2/networkAclAssociation:NetworkAclAssociation",
                    "private-a",
                    { networkAclId: "acl-2", subnetId: "subnet-a" },
                    { networkAclId: acl },
                ),
            ];
        },
        nonCompliant: [
            {
                name: "an ACL attached to nothing",
                resources: () => [rec(NACL, "orphan", { vpcId: "vpc-1" })],
                expect: /Network ACL `orphan` must be attached to a subnet/,
            },
        ],
        notApplicable: [{ name: "stacks without network ACLs", resources: () => [rec(SG, "app", {})] }],
    });

    const group = (props: Record<string, unknown> = {}) =>
        rec(SG, "app", {
            description: "App tasks: HTTPS from the ALB, HTTPS out",
            ingress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, securityGroups: ["sg-alb"], description: "From the ALB" }],
            egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "HTTPS to AWS APIs" }],
            ...props,
        });
    const egressRule = (props: Record<string, unknown> = {}) =>
        rec("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "out", {
            securityGroupId: "sg-1",
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrIpv4: "0.0.0.0/0",
            description: "HTTPS out",
            ...props,
        });

    describePolicy(securityGroupRulesDescribed, {
        compliant: () => [group(), egressRule()],
        nonCompliant: [
            {
                name: "a group with the provider's default description",
                resources: () => [group({ description: "Managed by Pulumi" })],
                expect: /Security group `app` must have a `description` of its purpose/,
            },
            {
                name: "a one-letter description",
                resources: () => [group({ description: "x" })],
                expect: /Security group `app` must have a `description` of its purpose/,
            },
            {
                name: "an undescribed inline egress rule",
                resources: () => [group({ egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] })],
                expect: /must describe its egress rule #0/,
            },
            {
                name: "an undescribed separate rule",
                resources: () => [egressRule({ description: undefined })],
                expect: /Security group rule `out` must have a `description`/,
            },
        ],
        notApplicable: [{ name: "network ACLs", resources: () => [publicAcl()] }],
        unknown: [{ name: "the description is unknown", resources: () => [group({ description: UNKNOWN })] }],
    });

    describePolicy(securityGroupAttached, {
        compliant: () => {
            const sg = group();
            return [
                sg,
                rec(
                    "aws:ecs/service:Service",
                    "app",
                    { networkConfiguration: { securityGroups: [UNKNOWN], subnets: ["subnet-1"] } },
                    { networkConfiguration: sg },
                ),
                { ...group({ tags: { "edf:shared": "true" } }), name: "shared", urn: sg.urn.replace(/app$/, "shared") },
            ];
        },
        nonCompliant: [
            {
                name: "a group nothing uses",
                resources: () => [group()],
                expect: /Security group `app` must be attached to a resource of the stack/,
            },
            {
                name: "a group named only by its own rules",
                resources: () => {
                    const sg = group();
                    return [
                        sg,
                        rec(
                            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
                            "out",
                            { securityGroupId: UNKNOWN, ipProtocol: "tcp" },
                            { securityGroupId: sg },
                        ),
                    ];
                },
                expect: /must be attached/,
            },
        ],
        notApplicable: [{ name: "stacks without security groups", resources: () => [publicAcl()] }],
    });

    describePolicy(securityGroupNoUnrestrictedEgress, {
        compliant: () => [group(), egressRule()],
        nonCompliant: [
            {
                name: "the provider's old all-traffic egress",
                resources: () => [
                    group({ egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], description: "all" }] }),
                ],
                expect: /Security group `app` must not allow all outbound traffic to the internet \(egress rule #0\)/,
            },
            {
                name: "a separate rule sending every TCP port to ::/0",
                resources: () => [egressRule({ cidrIpv4: undefined, cidrIpv6: "::/0", fromPort: 0, toPort: 65535 })],
                expect: /Security group rule `out` must not allow all outbound traffic/,
            },
            {
                name: "a legacy egress SecurityGroupRule of protocol -1",
                resources: () => [
                    rec("aws:ec2/securityGroupRule:SecurityGroupRule", "legacy", {
                        type: "egress",
                        protocol: "-1",
                        fromPort: 0,
                        toPort: 0,
                        cidrBlocks: ["0.0.0.0/0"],
                        securityGroupId: "sg-1",
                    }),
                ],
                expect: /Security group rule `legacy`/,
            },
        ],
        notApplicable: [
            {
                name: "ingress rules",
                resources: () => [
                    rec("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "in", { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" }),
                ],
            },
        ],
        unknown: [{ name: "the egress rules are unknown", resources: () => [group({ egress: UNKNOWN })] }],
    });

    describePolicy(vpcDefaultVpcNotUsed, {
        compliant: () => [
            // A subnet id that is another resource's output is still a subnet.
            rec("aws:ec2/instance:Instance", "app", { subnetId: UNKNOWN }),
            rec("aws:elasticbeanstalk/environment:Environment", "web", {
                application: "web",
                settings: [{ namespace: "aws:ec2:vpc", name: "VPCId", value: "vpc-1" }],
            }),
        ],
        nonCompliant: [
            {
                name: "an adopted default VPC",
                resources: () => [rec("aws:ec2/defaultVpc:DefaultVpc", "default", {})],
                expect: /`default` must not adopt the account's default VPC/,
            },
            {
                name: "an adopted default subnet",
                resources: () => [rec("aws:ec2/defaultSubnet:DefaultSubnet", "a", { availabilityZone: "eu-west-1a" })],
                expect: /default subnet/,
            },
            {
                name: "an instance without a subnet",
                resources: () => [rec("aws:ec2/instance:Instance", "app", { ami: "ami-1" })],
                expect: /EC2 instance `app` must be launched into a subnet/,
            },
            {
                name: "a Beanstalk environment without a VPC",
                resources: () => [rec("aws:elasticbeanstalk/environment:Environment", "web", { application: "web", settings: [] })],
                expect: /Beanstalk environment `web` must run in a VPC of its own/,
            },
        ],
        notApplicable: [
            {
                name: "a Beanstalk environment configured by a saved template",
                resources: () => [rec("aws:elasticbeanstalk/environment:Environment", "web", { application: "web", templateName: "base" })],
            },
            { name: "VPCs", resources: () => [rec("aws:ec2/vpc:Vpc", "main", { cidrBlock: "10.0.0.0/16" })] },
        ],
        unknown: [
            {
                name: "the Beanstalk settings are unknown",
                resources: () => [rec("aws:elasticbeanstalk/environment:Environment", "web", { application: "web", settings: UNKNOWN })],
            },
        ],
    });

    describePolicy(vpcConnectionsRequireAcceptance, {
        compliant: () => [
            rec("aws:ec2/vpcEndpointService:VpcEndpointService", "api", { acceptanceRequired: true, networkLoadBalancerArns: ["arn:nlb"] }),
            rec("aws:ec2transitgateway/transitGateway:TransitGateway", "hub", { autoAcceptSharedAttachments: "disable" }),
        ],
        nonCompliant: [
            {
                name: "an endpoint service accepting everyone",
                resources: () => [rec("aws:ec2/vpcEndpointService:VpcEndpointService", "api", { acceptanceRequired: false })],
                expect: /VPC endpoint service `api` must require acceptance/,
            },
            {
                name: "a transit gateway auto-accepting shared attachments",
                resources: () => [
                    rec("aws:ec2transitgateway/transitGateway:TransitGateway", "hub", { autoAcceptSharedAttachments: "enable" }),
                ],
                expect: /Transit gateway `hub` must not accept shared attachments automatically/,
            },
        ],
        notApplicable: [
            { name: "VPC endpoints", resources: () => [rec("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", { vpcEndpointType: "Gateway" })] },
        ],
        unknown: [
            {
                name: "acceptance is unknown",
                resources: () => [rec("aws:ec2/vpcEndpointService:VpcEndpointService", "api", { acceptanceRequired: UNKNOWN })],
            },
        ],
    });

    const network = () => {
        const igw = rec("aws:ec2/internetGateway:InternetGateway", "igw", { vpcId: "vpc-1" });
        const pub = rec("aws:ec2/subnet:Subnet", "public-a", { vpcId: "vpc-1", tags: { "edf:tier": "public" } });
        const priv = rec("aws:ec2/subnet:Subnet", "private-a", { vpcId: "vpc-1", tags: { "edf:tier": "private" } });
        const pubRt = rec("aws:ec2/routeTable:RouteTable", "public-rt", { vpcId: "vpc-1" });
        const privRt = rec("aws:ec2/routeTable:RouteTable", "private-rt", { vpcId: "vpc-1" });
        const nat = rec("aws:ec2/natGateway:NatGateway", "nat", { allocationId: UNKNOWN, subnetId: UNKNOWN }, { subnetId: pub });
        return [
            igw,
            pub,
            priv,
            pubRt,
            privRt,
            nat,
            rec(
                "aws:ec2/route:Route",
                "public-default",
                { routeTableId: UNKNOWN, destinationCidrBlock: "0.0.0.0/0", gatewayId: UNKNOWN },
                { routeTableId: pubRt, gatewayId: igw },
            ),
            rec(
                "aws:ec2/route:Route",
                "private-default",
                { routeTableId: UNKNOWN, destinationCidrBlock: "0.0.0.0/0", natGatewayId: UNKNOWN },
                { routeTableId: privRt, natGatewayId: nat },
            ),
            rec(
                "aws:ec2/routeTableAssociation:RouteTableAssociation",
                "public-a",
                { routeTableId: UNKNOWN, subnetId: UNKNOWN },
                { routeTableId: pubRt, subnetId: pub },
            ),
            rec(
                "aws:ec2/routeTableAssociation:RouteTableAssociation",
                "private-a",
                { routeTableId: UNKNOWN, subnetId: UNKNOWN },
                { routeTableId: privRt, subnetId: priv },
            ),
        ];
    };
    describePolicy(vpcDefaultRoutesSanctioned, {
        compliant: network,
        nonCompliant: [
            {
                name: "a private route table with an internet-gateway route inline",
                resources: () =>
                    change(network(), "private-rt", (p) => ({ ...p, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-0abc" }] })),
                expect: /Route table `private-rt` sends 0\.0\.0\.0\/0 to the internet gateway from route table `private-rt`, which is not of the public tier/,
            },
            {
                name: "a default route through a peering connection",
                resources: () => [
                    ...network(),
                    rec("aws:ec2/route:Route", "to-peer", {
                        routeTableId: "rtb-1",
                        destinationIpv6CidrBlock: "::/0",
                        vpcPeeringConnectionId: "pcx-1",
                    }),
                ],
                expect: /Route `to-peer` must not send ::\/0 through a VPC peering connection/,
            },
            {
                name: "a NAT instance as the default route",
                resources: () => [
                    ...network(),
                    rec("aws:ec2/route:Route", "nat-instance", {
                        routeTableId: "rtb-1",
                        destinationCidrBlock: "0.0.0.0/0",
                        networkInterfaceId: "eni-1",
                    }),
                ],
                expect: /must not send 0\.0\.0\.0\/0 to an instance's network interface: use a NAT gateway/,
            },
            {
                name: "an internet route whose table is in another stack",
                resources: () => [
                    rec("aws:ec2/route:Route", "lost", {
                        routeTableId: "rtb-elsewhere",
                        destinationCidrBlock: "0.0.0.0/0",
                        gatewayId: "igw-1",
                    }),
                ],
                expect: /from a route table this stack does not declare/,
            },
        ],
        notApplicable: [
            { name: "stacks without default routes", resources: () => without(without(network(), "public-default"), "private-default") },
        ],
    });

    describePolicy(vpcEipAttached, {
        compliant: () => {
            const eip = rec("aws:ec2/eip:Eip", "nat", { domain: "vpc" });
            const used = rec("aws:ec2/eip:Eip", "bastion", { domain: "vpc", instance: UNKNOWN });
            return [
                eip,
                used,
                rec("aws:ec2/natGateway:NatGateway", "nat", { allocationId: UNKNOWN, subnetId: "subnet-1" }, { allocationId: eip }),
            ];
        },
        nonCompliant: [
            {
                name: "an address used by nothing",
                resources: () => [rec("aws:ec2/eip:Eip", "spare", { domain: "vpc" })],
                expect: /Elastic IP `spare` must be attached/,
            },
        ],
        notApplicable: [{ name: "stacks without Elastic IPs", resources: () => [rec("aws:ec2/vpc:Vpc", "main", {})] }],
    });
});

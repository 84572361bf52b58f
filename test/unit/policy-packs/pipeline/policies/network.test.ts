import { ecsServiceNoPublicIp } from "../../../../../policy-packs/pipeline/policies/ecs-service-no-public-ip";
import { ecsServicePrivateSubnets } from "../../../../../policy-packs/pipeline/policies/ecs-service-private-subnets";
import { securityGroupInternetIngressWebOnly } from "../../../../../policy-packs/pipeline/policies/security-group-internet-ingress-web-only";
import { securityGroupNoAdminPortsOpen } from "../../../../../policy-packs/pipeline/policies/security-group-no-admin-ports-open";
import { subnetNoPublicIpOutsidePublicTier } from "../../../../../policy-packs/pipeline/policies/subnet-no-public-ip-outside-public-tier";
import { vpcDefaultSecurityGroupClosed } from "../../../../../policy-packs/pipeline/policies/vpc-default-security-group-closed";
import { vpcFlowLogsEnabled } from "../../../../../policy-packs/pipeline/policies/vpc-flow-logs-enabled";
import { changeProps, changeRecord, compliantEstate, urnOf, withoutResources } from "../../../../fixtures/policy/estate";
import { describePolicy } from "../../support/policy-cases";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const LEGACY_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const world = (port: number, protocol = "tcp") => [{ fromPort: port, toPort: port, protocol, cidrBlocks: ["0.0.0.0/0"] }];
const only =
    (...types: string[]) =>
    () =>
        compliantEstate().filter((r) => types.includes(r.type));

describe("network policies", () => {
    describePolicy(securityGroupNoAdminPortsOpen, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "SSH open to the world inline",
                resources: () => changeProps(compliantEstate(), SG, "app-sg", (p) => ({ ...p, ingress: world(22) })),
                expect: /must not allow 0\.0\.0\.0\/0 or ::\/0 on port 22/,
            },
            {
                name: "all traffic (protocol -1) from ::/0 exposing RDP",
                resources: () =>
                    changeProps(compliantEstate(), SG, "app-sg", (p) => ({
                        ...p,
                        ingress: [{ fromPort: 0, toPort: 0, protocol: "-1", ipv6CidrBlocks: ["::/0"] }],
                    })),
                expect: /port 3389/,
            },
            {
                name: "a port range covering PostgreSQL on a separate ingress rule",
                resources: () => changeProps(compliantEstate(), RULE, "alb-http", (p) => ({ ...p, fromPort: 5000, toPort: 6000 })),
                expect: /port 5432/,
            },
            {
                name: "a legacy SecurityGroupRule opening MySQL",
                resources: () => [
                    ...compliantEstate(),
                    {
                        type: LEGACY_RULE,
                        name: "db-open",
                        urn: urnOf(LEGACY_RULE, "db-open"),
                        props: {
                            type: "ingress",
                            fromPort: 3306,
                            toPort: 3306,
                            protocol: "tcp",
                            cidrBlocks: ["0.0.0.0/0"],
                            securityGroupId: "sg-1",
                        },
                    },
                ],
                expect: /port 3306/,
            },
        ],
        notApplicable: [{ name: "stacks without security groups", resources: only("aws:s3/bucket:Bucket") }],
    });

    describePolicy(securityGroupInternetIngressWebOnly, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "internet ingress on a group that is not a public load-balancer group",
                resources: () => changeProps(compliantEstate(), SG, "app-sg", (p) => ({ ...p, ingress: world(443) })),
                expect: /Security group `app-sg` must not accept internet traffic on port 443/,
            },
            {
                name: "a non-web port open to the internet on the public group",
                resources: () => changeProps(compliantEstate(), SG, "alb-sg", (p) => ({ ...p, ingress: world(8443) })),
                expect: /must not open port 8443/,
            },
            {
                name: "a separate ingress rule whose group is not public",
                resources: () =>
                    changeRecord(compliantEstate(), RULE, "alb-http", (r) => ({
                        ...r,
                        propertyDependencies: { securityGroupId: [urnOf(SG, "app-sg")] },
                    })),
                expect: /`app-sg` must not accept internet traffic on port 80/,
            },
        ],
        notApplicable: [
            {
                name: "stacks without internet ingress",
                resources: () => withoutResources(withoutResources(compliantEstate(), RULE), SG, "alb-sg"),
            },
        ],
    });

    describePolicy(vpcDefaultSecurityGroupClosed, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a default security group with rules",
                resources: () =>
                    changeProps(compliantEstate(), "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "main-default", (p) => ({
                        ...p,
                        egress: world(0, "-1"),
                    })),
                expect: /must have no ingress or egress rules \(it has 1\)/,
            },
            {
                name: "a VPC whose default group is not adopted",
                resources: () => withoutResources(compliantEstate(), "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"),
                expect: /VPC `main` must adopt its default security group/,
            },
        ],
        notApplicable: [{ name: "stacks without a VPC", resources: only("aws:s3/bucket:Bucket") }],
    });

    describePolicy(vpcFlowLogsEnabled, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a VPC without flow logs",
                resources: () => withoutResources(compliantEstate(), "aws:ec2/flowLog:FlowLog"),
                expect: /VPC `main` must have a flow log/,
            },
            {
                name: "a flow log of rejected traffic only",
                resources: () =>
                    changeProps(compliantEstate(), "aws:ec2/flowLog:FlowLog", "main-flow", (p) => ({ ...p, trafficType: "REJECT" })),
                expect: /trafficType` ALL/,
            },
        ],
        notApplicable: [{ name: "stacks without a VPC", resources: only("aws:kms/key:Key") }],
    });

    describePolicy(subnetNoPublicIpOutsidePublicTier, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a private subnet mapping public IPs",
                resources: () =>
                    changeProps(compliantEstate(), "aws:ec2/subnet:Subnet", "private-a", (p) => ({ ...p, mapPublicIpOnLaunch: true })),
                expect: /Subnet `private-a` \(tier `private`\) must not map public IPs/,
            },
        ],
        notApplicable: [{ name: "resources other than subnets", resources: only("aws:ec2/vpc:Vpc") }],
    });

    describePolicy(ecsServiceNoPublicIp, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a service assigning public IPs",
                resources: () =>
                    changeProps(compliantEstate(), "aws:ecs/service:Service", "app", (p) => ({
                        ...p,
                        networkConfiguration: { ...(p.networkConfiguration as object), assignPublicIp: true },
                    })),
                expect: /must not assign public IPs/,
            },
        ],
        notApplicable: [{ name: "stacks without ECS services", resources: only("aws:ec2/subnet:Subnet") }],
    });

    describePolicy(ecsServicePrivateSubnets, {
        compliant: compliantEstate,
        nonCompliant: [
            {
                name: "a service in the public subnet",
                resources: () =>
                    changeRecord(compliantEstate(), "aws:ecs/service:Service", "app", (r) => ({
                        ...r,
                        propertyDependencies: { networkConfiguration: [urnOf("aws:ec2/subnet:Subnet", "public-a")] },
                    })),
                expect: /must not run in subnet `public-a`/,
            },
            {
                name: "a private route table given an inline internet route",
                resources: () =>
                    changeProps(compliantEstate(), "aws:ec2/routeTable:RouteTable", "private-rt", (p) => ({
                        ...p,
                        routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-0abc" }],
                    })),
                expect: /must not run in subnet `private-a`/,
            },
        ],
        notApplicable: [{ name: "stacks without ECS services", resources: only("aws:ec2/subnet:Subnet", "aws:ec2/routeTable:RouteTable") }],
    });
});

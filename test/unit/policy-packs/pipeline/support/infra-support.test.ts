import * as assert from "assert";
import { beanstalkSetting, beanstalkTrue } from "../../../../../policy-packs/pipeline/support/beanstalk";
import { dlmCrossRegionCopies, ebsDevicesOf, isEncrypted } from "../../../../../policy-packs/pipeline/support/block-devices";
import { DEFAULT_ADMIN_PORTS, exposedPorts } from "../../../../../policy-packs/pipeline/support/ports";
import { isSet, knownItems } from "../../../../../policy-packs/pipeline/support/presence";
import { publicGrants } from "../../../../../policy-packs/pipeline/support/public-grants";
import { isAdminRole } from "../../../../../policy-packs/pipeline/support/role-privileges";
import { defaultRoutes, subnetsOf } from "../../../../../policy-packs/pipeline/support/routes";
import { looksLikeSecret, textHasSecret } from "../../../../../policy-packs/pipeline/support/secret-values";
import { T } from "../../../../../policy-packs/pipeline/support/types";
import { resource, UNKNOWN } from "./infra-helpers";

describe("infra support modules", () => {
    describe("ports", () => {
        it("opens every listed port for protocol -1 and those in range otherwise", () => {
            assert.deepStrictEqual(exposedPorts(0, 0, "-1", [22, 3389]), [22, 3389]);
            assert.deepStrictEqual(exposedPorts(20, 25, "tcp", DEFAULT_ADMIN_PORTS), [20, 21, 22]);
            assert.deepStrictEqual(exposedPorts(443, 443, "tcp", DEFAULT_ADMIN_PORTS), []);
            assert.deepStrictEqual(exposedPorts(undefined, undefined, "tcp", [22]), [22], "an absent range is open-ended");
        });
    });

    describe("presence", () => {
        it("tells a property set to an unknown value from an absent one, without reading it", () => {
            const r = resource(T.eip, "ip", { instance: UNKNOWN });
            assert.strictEqual(isSet(r.props, "instance"), true);
            assert.strictEqual(isSet(r.props, "networkInterface"), false);
        });
        it("keeps the known items of a list and drops the unknown ones", () => {
            const r = resource(T.backupSelection, "s", { resources: ["arn:a", UNKNOWN, "arn:b"], whole: UNKNOWN });
            assert.deepStrictEqual(
                knownItems(() => r.props.resources),
                ["arn:a", "arn:b"],
            );
            assert.deepStrictEqual(
                knownItems(() => r.props.whole),
                [],
            );
            assert.deepStrictEqual(
                knownItems(() => r.props.absent),
                [],
            );
        });
    });

    describe("block devices", () => {
        it("lists an instance's root and EBS volumes, skipping `noDevice` entries", () => {
            const devices = ebsDevicesOf(T.ec2Instance, {
                rootBlockDevice: { encrypted: true },
                ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: false }],
            });
            assert.deepStrictEqual(
                devices.map((d) => [d.label, isEncrypted(d)]),
                [
                    ["root device", true],
                    ["device /dev/sdf", false],
                ],
            );
            assert.deepStrictEqual(
                ebsDevicesOf(T.launchConfiguration, { ebsBlockDevices: [{ deviceName: "/dev/sdg", noDevice: true }] }),
                [],
            );
        });
        it("reads launch-template and image-recipe mappings, whose flags are strings", () => {
            const devices = ebsDevicesOf(T.launchTemplate, {
                blockDeviceMappings: [
                    { deviceName: "/dev/xvda", ebs: { encrypted: "true" } },
                    { deviceName: "/dev/sdb", virtualName: "ephemeral0" },
                ],
            });
            assert.deepStrictEqual(
                devices.map((d) => [d.label, isEncrypted(d)]),
                [["device /dev/xvda", true]],
            );
        });
        it("does not read a key it is not asked for (a key unknown at preview stops only the policy judging keys)", () => {
            const [device] = ebsDevicesOf(
                T.ec2Instance,
                resource(T.ec2Instance, "i", { rootBlockDevice: { encrypted: true, kmsKeyId: UNKNOWN } }).props,
            );
            assert.strictEqual(isEncrypted(device), true);
            assert.throws(() => device.settings.kmsKeyId);
        });
        it("lists a lifecycle policy's scheduled and event-driven cross-region copies", () => {
            const copies = dlmCrossRegionCopies({
                policyDetails: {
                    schedules: [{ name: "daily", crossRegionCopyRules: [{ target: "eu-central-1", encrypted: true }] }],
                    action: { name: "share", crossRegionCopies: [{ target: "us-east-1", encryptionConfiguration: { encrypted: false } }] },
                },
            });
            assert.deepStrictEqual(
                copies.map((c) => [c.label, c.settings.encrypted]),
                [
                    ["schedule `daily` copy to eu-central-1", true],
                    ["action `share` copy to us-east-1", false],
                ],
            );
        });
    });

    describe("public grants", () => {
        const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
        it('finds Allow statements to anyone, by `*`, `{ AWS: "*" }`, a wildcard account or NotPrincipal', () => {
            const grants = publicGrants(
                doc(
                    { Sid: "A", Effect: "Allow", Principal: "*", Action: "ecr:BatchGetImage" },
                    { Sid: "B", Effect: "Allow", Principal: { AWS: ["arn:aws:iam::1:root", "*"] }, Action: ["ecr:*"] },
                    { Sid: "C", Effect: "Allow", Principal: { AWS: "arn:aws:iam::*:root" }, Action: "ecr:ReplicateImage" },
                    { Sid: "D", Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::1:root" }, Action: "s3:GetObject" },
                ),
            );
            assert.deepStrictEqual(
                grants.map((g) => g.statement),
                ["A", "B", "C", "D"],
            );
        });
        it("does not count denies, named principals, or wildcards pinned to the organisation or accounts", () => {
            const grants = publicGrants(
                doc(
                    { Effect: "Deny", Principal: "*", Action: "*" },
                    { Effect: "Allow", Principal: { AWS: "arn:aws:iam::222222222222:root" }, Action: "ecr:BatchGetImage" },
                    {
                        Effect: "Allow",
                        Principal: "*",
                        Action: "ecr:BatchGetImage",
                        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } },
                    },
                    {
                        Effect: "Allow",
                        Principal: "*",
                        Action: "s3:GetObject",
                        Condition: { StringEquals: { "aws:SourceVpce": ["vpce-1"] } },
                    },
                ),
            );
            assert.deepStrictEqual(grants, []);
        });
        it("counts conditions that only exclude, or that match when the key is absent, as no pin", () => {
            const grants = publicGrants(
                doc(
                    { Effect: "Allow", Principal: "*", Action: "a", Condition: { StringNotEquals: { "aws:PrincipalAccount": "1" } } },
                    { Effect: "Allow", Principal: "*", Action: "b", Condition: { StringEqualsIfExists: { "aws:PrincipalOrgID": "o-1" } } },
                    { Effect: "Allow", Principal: "*", Action: "c", Condition: { StringLike: { "aws:PrincipalOrgID": "*" } } },
                ),
            );
            assert.deepStrictEqual(
                grants.map((g) => g.actions),
                [["a"], ["b"], ["c"]],
            );
        });
        it("is empty for text that is not a policy", () => assert.deepStrictEqual(publicGrants("not json"), []));
    });

    describe("secret values", () => {
        it("recognises credentials in values and in longer texts", () => {
            assert.ok(looksLikeSecret("AKIAABCDEFGHIJKLMNOP"));
            assert.ok(textHasSecret("#!/bin/sh\nexport AWS_SECRET_ACCESS_KEY=" + "x".repeat(40) + "\n"));
            assert.ok(textHasSecret("curl https://user:hunter2@example.internal/"));
            assert.ok(textHasSecret(`aws_key = "${"b".repeat(40)}"`), "a quoted secret next to an AWS key name");
            assert.ok(looksLikeSecret("A3TXABCDEFGHIJKLMNOP"), "the other access-key prefixes");
            assert.ok(!textHasSecret("#!/bin/sh\nyum install -y nginx\naws secretsmanager get-secret-value --secret-id db\n"));
        });
    });

    describe("beanstalk settings", () => {
        it("finds a setting by namespace and name without reading its value", () => {
            const props = resource(T.beanstalkEnvironment, "web", {
                settings: [
                    { namespace: "aws:ec2:vpc", name: "VPCId", value: UNKNOWN },
                    { namespace: "aws:elasticbeanstalk:cloudwatch:logs", name: "StreamLogs", value: "True" },
                ],
            }).props;
            assert.ok(beanstalkSetting(props.settings, "aws:ec2:vpc", "VPCId"));
            assert.strictEqual(beanstalkSetting(props.settings, "aws:ec2:vpc", "Subnets"), undefined);
            assert.strictEqual(beanstalkTrue(beanstalkSetting(props.settings, "aws:elasticbeanstalk:cloudwatch:logs", "StreamLogs")), true);
        });
    });

    describe("routes", () => {
        it("finds default routes and what they lead to, by id or by dependency on the stack's internet gateway", () => {
            const igw = resource(T.internetGateway, "igw", { vpcId: "vpc-1" });
            const table = resource(
                T.routeTable,
                "public",
                { vpcId: "vpc-1", routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: UNKNOWN }] },
                { routes: igw },
            );
            const resources = [
                igw,
                table,
                resource(T.route, "peer", { routeTableId: "rtb-1", destinationCidrBlock: "0.0.0.0/0", vpcPeeringConnectionId: UNKNOWN }),
                resource(
                    T.route,
                    "nat-instance",
                    { routeTableId: UNKNOWN, destinationIpv6CidrBlock: "::/0", networkInterfaceId: "eni-1" },
                    { routeTableId: table },
                ),
                resource(T.route, "vgw", { routeTableId: "rtb-1", destinationCidrBlock: "0.0.0.0/0", gatewayId: "vgw-1" }),
                resource(T.route, "peer-cidr", {
                    routeTableId: "rtb-1",
                    destinationCidrBlock: "10.1.0.0/16",
                    vpcPeeringConnectionId: "pcx-1",
                }),
            ];
            assert.deepStrictEqual(
                defaultRoutes(resources).map((r) => [r.owner.name, r.table?.name, r.target, r.destination]),
                [
                    ["public", "public", "internet-gateway", "0.0.0.0/0"],
                    ["peer", undefined, "peering", "0.0.0.0/0"],
                    ["nat-instance", "public", "network-interface", "::/0"],
                    ["vgw", undefined, "other", "0.0.0.0/0"],
                ],
            );
        });
        it("finds the subnets a route table is associated with", () => {
            const table = resource(T.routeTable, "private", {});
            const a = resource(T.subnet, "a", {});
            const b = resource(T.subnet, "b", {});
            const resources = [
                table,
                a,
                b,
                resource(T.routeTableAssociation, "a", { routeTableId: UNKNOWN, subnetId: UNKNOWN }, { routeTableId: table, subnetId: a }),
            ];
            assert.deepStrictEqual(
                subnetsOf(table, resources).map((s) => s.name),
                ["a"],
            );
        });
    });

    describe("role privileges", () => {
        const trust = JSON.stringify({
            Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
        });
        it("sees administrator access inline, managed, attached or in a separate role policy", () => {
            const inline = resource(T.iamRole, "inline", {
                assumeRolePolicy: trust,
                inlinePolicies: [{ policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }) }],
            });
            const managed = resource(T.iamRole, "managed", {
                assumeRolePolicy: trust,
                managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"],
            });
            const attached = resource(T.iamRole, "attached", { assumeRolePolicy: trust });
            const narrow = resource(T.iamRole, "narrow", { assumeRolePolicy: trust, managedPolicyArns: [UNKNOWN] });
            const resources = [
                inline,
                managed,
                attached,
                narrow,
                resource(
                    T.iamRolePolicyAttachment,
                    "attach",
                    { role: UNKNOWN, policyArn: "arn:aws:iam::aws:policy/PowerUserAccess" },
                    { role: attached },
                ),
            ];
            assert.deepStrictEqual(
                [inline, managed, attached, narrow].map((r) => isAdminRole(r, resources)),
                [true, true, true, false],
            );
        });
    });
});

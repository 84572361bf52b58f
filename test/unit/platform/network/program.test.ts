import { strict as assert } from "assert";
import program from "../../../../platform/network/program";
import { contractKeys, parseNetworkOutputs } from "../../../../platform/contract";
import { UnitConfigError } from "../../../../platform/common/unit-config";
import { countByType, idOf, isSecretInput, ofType, plainInput, single } from "../support/mock-run";
import { documentOf, untaggedResources } from "../support/assertions";
import { runUnit, UnitRun } from "../support/units";

const LOGS_KEY = "arn:aws:kms:us-east-1:123456789012:key/logs";
const network = (run: UnitRun = {}) =>
    runUnit("platform/network", program, { ...run, inputs: { logsKmsKeyArn: LOGS_KEY, ...(run.inputs ?? {}) } });

describe("platform/network", () => {
    describe("dev size", () => {
        it("builds two AZs with one NAT gateway and every tier, endpoint and log", async () => {
            const run = await network({ config: { environmentSize: "dev" } });
            assert.equal(run.error, undefined);
            const counts = countByType(run.resources);
            assert.deepEqual(
                {
                    vpc: counts["aws:ec2/vpc:Vpc"],
                    subnets: counts["aws:ec2/subnet:Subnet"],
                    igw: counts["aws:ec2/internetGateway:InternetGateway"],
                    eips: counts["aws:ec2/eip:Eip"],
                    nats: counts["aws:ec2/natGateway:NatGateway"],
                    routeTables: counts["aws:ec2/routeTable:RouteTable"],
                    routes: counts["aws:ec2/route:Route"],
                    associations: counts["aws:ec2/routeTableAssociation:RouteTableAssociation"],
                    endpoints: counts["aws:ec2/vpcEndpoint:VpcEndpoint"],
                    flowLogs: counts["aws:ec2/flowLog:FlowLog"],
                    defaultSg: counts["aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"],
                },
                {
                    vpc: 1,
                    subnets: 6,
                    igw: 1,
                    eips: 1,
                    nats: 1,
                    routeTables: 4,
                    routes: 3,
                    associations: 6,
                    endpoints: 8,
                    flowLogs: 1,
                    defaultSg: 1,
                },
            );
            assert.deepEqual(run.outputs!.azs, ["us-east-1a", "us-east-1b"]);
            assert.equal(run.outputs!.natStrategy, "single");
        });

        it("looks the AZs up, available regular zones only, never hard-coded", async () => {
            // The region's first zone is impaired and it has a Local Zone opted into: neither may carry a tier.
            const run = await network({
                config: { environmentSize: "dev" },
                world: {
                    region: "eu-west-3",
                    availabilityZones: [
                        { name: "eu-west-3a", state: "impaired" },
                        { name: "eu-west-3-cmn-1a", optInStatus: "opted-in" },
                        { name: "eu-west-3b" },
                        { name: "eu-west-3c" },
                    ],
                },
            });
            assert.equal(run.error, undefined, run.error?.message);
            assert.equal(run.invokes["aws:index/getAvailabilityZones:getAvailabilityZones"], 1);
            assert.deepEqual(run.outputs!.azs, ["eu-west-3b", "eu-west-3c"]);
            assert.deepEqual(
                ofType(run.resources, "aws:ec2/subnet:Subnet")
                    .map((s) => s.props.availabilityZone)
                    .sort(),
                ["eu-west-3b", "eu-west-3b", "eu-west-3b", "eu-west-3c", "eu-west-3c", "eu-west-3c"],
            );
        });

        it("routes every private subnet through the single NAT", async () => {
            const run = await network({ config: { environmentSize: "dev" } });
            const privateRoutes = ofType(run.resources, "aws:ec2/route:Route").filter((r) => r.name.includes("private"));
            assert.equal(privateRoutes.length, 2);
            const nat = single(run.resources, "aws:ec2/natGateway:NatGateway");
            assert.deepEqual(new Set(privateRoutes.map((r) => r.props.natGatewayId)), new Set([nat.id]));
        });
    });

    describe("prod size", () => {
        it("builds three AZs with a NAT gateway per AZ, each private table using its own AZ's NAT", async () => {
            const run = await network({ config: { environmentSize: "prod" } });
            assert.equal(run.error, undefined);
            assert.equal(ofType(run.resources, "aws:ec2/natGateway:NatGateway").length, 3);
            assert.equal(ofType(run.resources, "aws:ec2/subnet:Subnet").length, 9);
            const routes = ofType(run.resources, "aws:ec2/route:Route").filter((r) => r.name.includes("private"));
            assert.deepEqual(routes.map((r) => [r.name, r.props.natGatewayId]).sort(), [
                ["network-private-0-default", idOf(run, "aws:ec2/natGateway:NatGateway", "network-nat-0")],
                ["network-private-1-default", idOf(run, "aws:ec2/natGateway:NatGateway", "network-nat-1")],
                ["network-private-2-default", idOf(run, "aws:ec2/natGateway:NatGateway", "network-nat-2")],
            ]);
            const natSubnets = ofType(run.resources, "aws:ec2/natGateway:NatGateway")
                .map((n) => n.props.subnetId)
                .sort();
            assert.deepEqual(natSubnets, [0, 1, 2].map((i) => idOf(run, "aws:ec2/subnet:Subnet", `network-public-${i}`)).sort());
        });

        it("accepts the environment specs' spellings `small` and `large`", async () => {
            const small = await network({ config: { environmentSize: "small" } });
            const large = await network({ config: { environmentSize: "large" } });
            assert.deepEqual([small.outputs!.natStrategy, large.outputs!.natStrategy], ["single", "perAz"]);
        });

        it("is the size used when `environmentSize` is not set", async () => {
            const run = await network({});
            assert.equal(run.outputs!.natStrategy, "perAz");
            assert.equal(run.outputs!.azs.length, 3);
        });
    });

    describe("explicit config overrides the size", () => {
        it("spans six AZs with no NAT and no default route out of the private tier", async () => {
            const run = await network({ config: { environmentSize: "dev", azCount: 6, natStrategy: "none" } });
            assert.equal(run.error, undefined);
            assert.equal(ofType(run.resources, "aws:ec2/subnet:Subnet").length, 18);
            assert.equal(ofType(run.resources, "aws:ec2/natGateway:NatGateway").length, 0);
            assert.equal(ofType(run.resources, "aws:ec2/eip:Eip").length, 0);
            assert.deepEqual(
                ofType(run.resources, "aws:ec2/route:Route").map((r) => r.name),
                ["network-public-default"],
            );
        });

        it("builds a network with no public tier and no internet gateway", async () => {
            const run = await network({ config: { publicTier: false } });
            assert.equal(run.error, undefined);
            assert.equal(ofType(run.resources, "aws:ec2/internetGateway:InternetGateway").length, 0);
            assert.deepEqual(run.outputs!.publicSubnetIds, []);
            assert.equal(run.outputs!.natStrategy, "none");
            parseNetworkOutputs(run.outputs, "test");
        });

        it("takes explicit subnet CIDRs and a smaller VPC", async () => {
            const subnetCidrs = {
                public: ["10.1.0.0/26", "10.1.0.64/26"],
                private: ["10.1.1.0/24", "10.1.2.0/24"],
                isolated: ["10.1.0.128/26", "10.1.0.192/26"],
            };
            const run = await network({ config: { vpcCidr: "10.1.0.0/22", azCount: 2, subnetCidrs } });
            assert.equal(run.error, undefined);
            assert.deepEqual(run.outputs!.privateSubnetCidrBlocks, subnetCidrs.private);
            const cidrs = ofType(run.resources, "aws:ec2/subnet:Subnet")
                .map((s) => s.props.cidrBlock)
                .sort();
            assert.deepEqual(cidrs, [...subnetCidrs.public, ...subnetCidrs.private, ...subnetCidrs.isolated].sort());
        });
    });

    describe("security-critical properties", () => {
        it("strips every rule from the default security group", async () => {
            const run = await network({});
            const defaultSg = single(run.resources, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
            assert.equal(defaultSg.props.ingress, undefined);
            assert.equal(defaultSg.props.egress, undefined);
        });

        it("logs ALL traffic to a log group encrypted with the logs key, kept a year", async () => {
            const run = await network({});
            const flowLog = single(run.resources, "aws:ec2/flowLog:FlowLog");
            assert.equal(flowLog.props.trafficType, "ALL");
            assert.equal(flowLog.props.logDestinationType, "cloud-watch-logs");
            assert.equal(flowLog.props.vpcId, single(run.resources, "aws:ec2/vpc:Vpc").id);
            const group = single(run.resources, "aws:cloudwatch/logGroup:LogGroup");
            assert.equal(group.props.kmsKeyId, LOGS_KEY);
            assert.equal(group.props.retentionInDays, 365);
            assert.equal(flowLog.props.logDestination, group.props.arn ?? flowLog.props.logDestination);
        });

        it("lets only this account's flow-logs service assume the delivery role, writing only to its group", async () => {
            const run = await network({});
            const trust = documentOf(single(run.resources, "aws:iam/role:Role").props.assumeRolePolicy).Statement[0];
            assert.deepEqual(trust.Principal, { Service: "vpc-flow-logs.amazonaws.com" });
            assert.deepEqual(trust.Condition, { StringEquals: { "aws:SourceAccount": "123456789012" } });
            const permissions = documentOf(single(run.resources, "aws:iam/rolePolicy:RolePolicy").props.policy).Statement;
            assert.equal(permissions.length, 1);
            assert.ok(
                permissions[0].Resource.every((r: string) => r.includes("flow-logs")),
                JSON.stringify(permissions[0].Resource),
            );
        });

        it("lets the endpoints accept only HTTPS from the VPC and send nothing", async () => {
            const run = await network({});
            const group = single(run.resources, "aws:ec2/securityGroup:SecurityGroup");
            assert.deepEqual(
                group.props.ingress.map((r: any) => [r.protocol, r.fromPort, r.toPort, r.cidrBlocks]),
                [["tcp", 443, 443, ["10.0.0.0/16"]]],
            );
            assert.deepEqual(group.props.egress, []);
        });

        it(
            "creates S3 and DynamoDB gateway endpoints on private and isolated " + "tables, and the interface endpoints with private DNS",
            async () => {
                const run = await network({ config: { environmentSize: "dev" } });
                const endpoints = ofType(run.resources, "aws:ec2/vpcEndpoint:VpcEndpoint");
                const gateways = endpoints.filter((e) => e.props.vpcEndpointType === "Gateway");
                assert.deepEqual(gateways.map((g) => g.props.serviceName).sort(), [
                    "com.amazonaws.us-east-1.dynamodb",
                    "com.amazonaws.us-east-1.s3",
                ]);
                for (const g of gateways) {
                    assert.deepEqual(
                        g.props.routeTableIds,
                        ["network-private-0", "network-private-1", "network-isolated"].map((t) =>
                            idOf(run, "aws:ec2/routeTable:RouteTable", t),
                        ),
                    );
                }
                const interfaces = endpoints.filter((e) => e.props.vpcEndpointType === "Interface");
                assert.deepEqual(interfaces.map((i) => i.props.serviceName.split(".").slice(3).join(".")).sort(), [
                    "ecr.api",
                    "ecr.dkr",
                    "logs",
                    "secretsmanager",
                    "ssm",
                    "sts",
                ]);
                for (const i of interfaces) {
                    assert.equal(i.props.privateDnsEnabled, true);
                    assert.deepEqual(i.props.securityGroupIds, [idOf(run, "aws:ec2/securityGroup:SecurityGroup", "endpoints-interface")]);
                    assert.deepEqual(
                        i.props.subnetIds,
                        ["network-private-0", "network-private-1"].map((n) => idOf(run, "aws:ec2/subnet:Subnet", n)),
                    );
                }
            },
        );

        it("gives no subnet public IPs by default and no route out of the isolated tier", async () => {
            const run = await network({});
            assert.ok(ofType(run.resources, "aws:ec2/subnet:Subnet").every((s) => s.props.mapPublicIpOnLaunch === false));
            assert.ok(
                !ofType(run.resources, "aws:ec2/route:Route").some(
                    (r) => r.props.routeTableId === idOf(run, "aws:ec2/routeTable:RouteTable", "network-isolated"),
                ),
            );
        });

        it("tags every taggable resource with the governance tags", async () => {
            const run = await network({ config: { environmentSize: "dev" } });
            assert.deepEqual(untaggedResources(run.resources), []);
            const vpc = single(run.resources, "aws:ec2/vpc:Vpc");
            assert.deepEqual(vpc.props.tags, {
                Name: "edf-dev-vpc",
                owner: "platform-team",
                environment: "dev",
                "data-classification": "confidential",
                "pci-scope": "in-scope",
            });
        });
    });

    describe("contract", () => {
        it("exports exactly the network part's keys, valid under the contract", async () => {
            const run = await network({ config: { environmentSize: "dev" } });
            assert.deepEqual(Object.keys(run.outputs!).sort(), contractKeys("network"));
            assert.deepEqual(run.secretOutputNames, [], "contract outputs are facts, never secrets (they may go to Consul)");
            const parsed = parseNetworkOutputs(run.outputs, "dev-network");
            assert.equal(parsed.vpcId, single(run.resources, "aws:ec2/vpc:Vpc").id);
            assert.deepEqual(parsed.privateSubnetCidrBlocks, ["10.0.0.0/20", "10.0.16.0/20"]);
            assert.equal(parsed.flowLogGroupName, "/edf/dev/vpc-flow-logs");
        });
    });

    describe("publication", () => {
        it("publishes nothing unless asked", async () => {
            const run = await network({});
            assert.equal(ofType(run.resources, "consul:index/keyPrefix:KeyPrefix").length, 0);
            assert.equal(ofType(run.resources, "vault:kv/secretV2:SecretV2").length, 0);
        });

        it("writes every contract key to Consul under the documented prefix, lists as JSON", async () => {
            const run = await network({ config: { environmentSize: "dev", publication: { consul: { enabled: true } } } });
            assert.equal(run.error, undefined);
            const prefix = single(run.resources, "consul:index/keyPrefix:KeyPrefix");
            assert.equal(prefix.props.pathPrefix, "edf/dev/landing-zone/network/");
            assert.deepEqual(Object.keys(prefix.props.subkeys).sort(), contractKeys("network"));
            assert.equal(prefix.props.subkeys.vpcId, single(run.resources, "aws:ec2/vpc:Vpc").id);
            assert.equal(prefix.props.subkeys.azs, '["us-east-1a","us-east-1b"]');
            assert.equal(ofType(run.resources, "vault:kv/secretV2:SecretV2").length, 0);
        });

        it("writes the part to Vault KV v2 under the configured mount and root, deleting all versions on destroy", async () => {
            const run = await network({ config: { publication: { vault: { enabled: true, mount: "kv", root: "platform" } } } });
            const secret = single(run.resources, "vault:kv/secretV2:SecretV2");
            assert.equal(secret.props.mount, "kv");
            assert.equal(secret.props.name, "platform/dev/landing-zone/network");
            assert.equal(secret.props.deleteAllVersions, true);
            assert.ok(isSecretInput(secret.props.dataJson), "the Vault payload is a secret in state");
            assert.deepEqual(Object.keys(JSON.parse(plainInput<string>(secret.props.dataJson))).sort(), contractKeys("network"));
        });
    });

    describe("bad arguments fail before any resource is registered", () => {
        const cases: [string, UnitRun, RegExp][] = [
            [
                "missing governance",
                { config: { governance: undefined }, environment: "dev" },
                /`governance` is not set: set config `edf:governance`/,
            ],
            [
                "an unknown environment size",
                { config: { environmentSize: "huge" } },
                /`environmentSize` is `huge`: set `edf:environmentSize` to one of `dev`, `prod`, `small`, `large`/,
            ],
            [
                "an unknown NAT strategy",
                { config: { natStrategy: "double" } },
                /`natStrategy` is `double`: set `edf:natStrategy` to one of `none`, `single`, `perAz`/,
            ],
            [
                "NAT without a public tier",
                { config: { natStrategy: "perAz", publicTier: false } },
                /`natStrategy` is `perAz` but `publicTier` is false: NAT gateways live in public subnets/,
            ],
            ["too many AZs", { config: { azCount: 7 } }, /`azCount` is `7`: set `edf:azCount` to a whole number from 2 to 6/],
            ["too few AZs", { config: { azCount: 1 } }, /`azCount` is `1`/],
            [
                "more AZs than the region has",
                {
                    config: { azCount: 3 },
                    world: { availabilityZones: [{ name: "eu-west-3a" }, { name: "eu-west-3b" }], region: "eu-west-3" },
                },
                /`azCount` is 3 but region `eu-west-3` has 2 available AZs \(eu-west-3a, eu-west-3b\): lower `azCount` to at most 2/,
            ],
            ["a VPC range too small", { config: { vpcCidr: "10.0.0.0/24" } }, /`vpcCidr` `10\.0\.0\.0\/24` is too small/],
            ["a malformed VPC range", { config: { vpcCidr: "10.0.0/16" } }, /`vpcCidr` `10\.0\.0\/16` is not an IPv4 CIDR block/],
            [
                "overlapping subnets",
                {
                    config: {
                        azCount: 2,
                        subnetCidrs: {
                            public: ["10.0.0.0/24", "10.0.1.0/24"],
                            private: ["10.0.0.0/20", "10.0.16.0/20"],
                            isolated: ["10.0.32.0/24", "10.0.33.0/24"],
                        },
                    },
                },
                /`subnetCidrs.private\[0\]` `10\.0\.0\.0\/20` overlaps `subnetCidrs.public\[0\]`/,
            ],
            [
                "explicit subnets missing a tier",
                { config: { azCount: 2, subnetCidrs: { public: ["10.0.0.0/24", "10.0.1.0/24"] } } },
                /`subnetCidrs.private` is missing/,
            ],
            [
                "a subnet size outside AWS limits",
                { config: { subnetPrefixLengths: { public: 30 } } },
                /`subnetPrefixLengths.public` is \/30/,
            ],
            [
                "a missing logs key input",
                { inputs: { logsKmsKeyArn: undefined } },
                /input `logsKmsKeyArn` is missing: .* inject `platform\/security`'s `logsKmsKeyArn` output/,
            ],
            [
                "bad interface endpoints",
                { config: { interfaceEndpoints: ["logs", "logs", "s3"] } },
                /`interfaceEndpoints` lists `logs` twice.*\n.*`interfaceEndpoints` lists `s3`, which the landing zone already reaches through a gateway endpoint/,
            ],
            ["a bad publication target", { config: { publication: { etcd: {} } } }, /`publication.etcd` is not a publication target/],
            ["an environment name unfit for resource names", { environment: "Dev_1" }, /`environment` is `Dev_1`/],
        ];
        for (const [label, run, message] of cases) {
            it(`rejects ${label}`, async () => {
                const result = await network(run);
                assert.ok(result.error instanceof UnitConfigError, `${label}: ${result.error}`);
                assert.match(result.error.message, /^Unit `platform\/network` cannot run: its config is invalid:/);
                assert.match(result.error.message, message);
                assert.equal(result.resources.length, 0, `registered: ${result.resources.map((r) => r.type).join(", ")}`);
            });
        }

        it("reports every problem at once", async () => {
            const result = await network({
                config: { natStrategy: "x", azCount: 9, vpcCidr: "bad" },
                inputs: { logsKmsKeyArn: undefined },
            });
            assert.ok(result.error instanceof UnitConfigError);
            assert.ok(result.error.problems.length >= 4, result.error.message);
        });
    });
});

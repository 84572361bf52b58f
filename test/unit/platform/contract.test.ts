import { strict as assert } from "assert";
import {
    ContractError,
    contractKeys,
    contractProblems,
    contractVersionProblem,
    CONTRACT_VERSION,
    landingZoneStacksProblems,
    LandingZoneReference,
    parseNetworkOutputs,
    parseSecurityOutputs,
    parseSharedServicesOutputs,
} from "../../../platform/contract";
import { validNetworkOutputs, validSecurityOutputs, validSharedServicesOutputs } from "./support/contract-fixtures";
import { ofType, runUnderMocks } from "./support/mock-run";

describe("platform contract", () => {
    describe("the organization part, a minor version", () => {
        const organization = {
            contractVersion: "1.1",
            environment: "organization",
            organizationId: "o-abcdef1234",
            organizationArn: "arn:aws:organizations::999999999999:organization/o-abcdef1234",
            rootId: "r-ab12",
            managementAccountId: "999999999999",
            logArchiveAccountId: "333333333333",
            auditAccountId: "444444444444",
            organizationalUnitIds: { Security: "ou-ab12-cd34ef56", "Workloads/Prod": "ou-ab12-aa11bb22" },
            accountIds: { logArchive: "333333333333", audit: "444444444444" },
            deploymentRoleName: "edf-deployment",
        };

        it("accepts a 1.1 organization part and refuses one published at 1.0, which had no such part", () => {
            assert.deepEqual(contractProblems("organization", organization), []);
            assert.match(contractProblems("organization", { ...organization, contractVersion: "1.0" })[0]!, /needs at least 1\.1/);
        });

        it("keeps old consumers working: a consumer written against 1.0 reads 1.1 parts", () => {
            assert.deepEqual(contractProblems("network", { ...validNetworkOutputs(), contractVersion: "1.1" }, "1.0"), []);
        });

        it("keeps old producers working: a 1.0 network part still serves a consumer built against 1.1", () => {
            assert.deepEqual(contractProblems("network", { ...validNetworkOutputs(), contractVersion: "1.0" }), []);
        });

        it("names an account id that is not twelve digits, and an empty account map", () => {
            const problems = contractProblems("organization", { ...organization, auditAccountId: "audit", accountIds: {} });
            assert.deepEqual(problems, [
                "output `auditAccountId` is a string of 5 characters but must be a 12-digit AWS account id",
                "output `accountIds` is a object but must be an object of 12-digit AWS account ids by name",
            ]);
        });
    });

    describe("version compatibility", () => {
        it("accepts the same version and a newer minor of the same major", () => {
            assert.equal(contractVersionProblem("1.0", "1.0"), undefined);
            assert.equal(contractVersionProblem("1.3", "1.0"), undefined);
        });

        it("refuses another major in either direction and says which side to upgrade", () => {
            assert.match(contractVersionProblem("2.0", "1.0")!, /needs major 1: upgrade the consumer's platform SDK/);
            assert.match(contractVersionProblem("0.9", "1.0")!, /needs major 1: upgrade the landing zone/);
        });

        it("refuses an older minor than the consumer needs", () => {
            assert.match(contractVersionProblem("1.0", "1.2")!, /needs at least 1\.2: redeploy the landing zone/);
        });

        it("refuses a missing or malformed version", () => {
            assert.match(contractVersionProblem(undefined)!, /`contractVersion` is missing/);
            assert.match(contractVersionProblem("v1")!, /not a MAJOR\.MINOR version/);
            assert.match(contractVersionProblem(1)!, /is a number/);
        });
    });

    describe("exact keys", () => {
        it("pins every key of the network part", () => {
            assert.deepEqual(contractKeys("network"), [
                "azs",
                "contractVersion",
                "endpointSecurityGroupId",
                "environment",
                "flowLogGroupName",
                "isolatedRouteTableIds",
                "isolatedSubnetCidrBlocks",
                "isolatedSubnetIds",
                "natStrategy",
                "privateRouteTableIds",
                "privateSubnetCidrBlocks",
                "privateSubnetIds",
                "publicSubnetCidrBlocks",
                "publicSubnetIds",
                "vpcCidrBlock",
                "vpcId",
            ]);
        });

        it("pins every key of the security part", () => {
            assert.deepEqual(contractKeys("security"), [
                "accessLogsBucketArn",
                "accessLogsBucketName",
                "cloudTrailArn",
                "contractVersion",
                "dataKmsKeyArn",
                "environment",
                "guardDutyDetectorId",
                "logArchiveBucketArn",
                "logArchiveBucketName",
                "logsKmsKeyArn",
                "permissionsBoundaryArn",
                "secretsKmsKeyArn",
            ]);
        });

        it("pins every key of the shared-services part", () => {
            assert.deepEqual(contractKeys("sharedServices"), [
                "albArn",
                "albDnsName",
                "albSecurityGroupId",
                "albZoneId",
                "contractVersion",
                "ecrPullThroughCachePrefix",
                "ecsClusterArn",
                "ecsClusterName",
                "environment",
                "httpsListenerArn",
                "serviceDiscoveryNamespaceId",
                "serviceDiscoveryNamespaceName",
                "webAclArn",
            ]);
        });

        it("pins the contract version", () => {
            assert.equal(CONTRACT_VERSION, "1.1");
        });

        it("pins every key of the organization part (added in 1.1)", () => {
            assert.deepEqual(contractKeys("organization"), [
                "accountIds",
                "auditAccountId",
                "contractVersion",
                "deploymentRoleName",
                "environment",
                "logArchiveAccountId",
                "managementAccountId",
                "organizationArn",
                "organizationId",
                "organizationalUnitIds",
                "rootId",
            ]);
        });
    });

    describe("pure validators", () => {
        it("accept a valid part of each kind", () => {
            assert.equal(parseNetworkOutputs(validNetworkOutputs(), "s").vpcId, "vpc-0abc");
            assert.equal(parseSecurityOutputs(validSecurityOutputs(), "s").dataKmsKeyArn.startsWith("arn:"), true);
            assert.equal(parseSharedServicesOutputs(validSharedServicesOutputs(), "s").ecsClusterName, "edf-dev");
        });

        it("tolerate extra keys a newer minor may add", () => {
            assert.deepEqual(contractProblems("network", validNetworkOutputs({ somethingNew: 1 } as never)), []);
        });

        it("name the stack and every missing key at once", () => {
            const outputs = validNetworkOutputs();
            delete outputs.vpcId;
            delete outputs.azs;
            assert.throws(
                () => parseNetworkOutputs(outputs, "org/edf/dev-network"),
                (e: ContractError) =>
                    e instanceof ContractError &&
                    e.code === "EDF_CONTRACT_VIOLATION" &&
                    /Stack `org\/edf\/dev-network` does not provide the landing-zone `network` contract/.test(e.message) &&
                    /output `vpcId` is missing: redeploy `platform\/network`/.test(e.message) &&
                    /output `azs` is missing/.test(e.message) &&
                    e.problems.length === 2,
            );
        });

        it("name a key of the wrong shape without printing its value", () => {
            const problems = contractProblems("security", validSecurityOutputs({ dataKmsKeyArn: "s3cr3t-not-an-arn" }));
            assert.deepEqual(problems, ["output `dataKmsKeyArn` is a string of 17 characters but must be an ARN (`arn:…`)"]);
        });

        it("reject lists that do not line up with the AZs", () => {
            const problems = contractProblems("network", validNetworkOutputs({ privateSubnetIds: ["subnet-a1"] }));
            assert.deepEqual(problems, [
                "output `privateSubnetIds` has 1 entries but `azs` has 2: each tier " +
                    "must have one subnet per AZ (only the public tier may be empty)",
            ]);
        });

        it("reject an unknown NAT strategy, a bad CIDR and an empty list", () => {
            const problems = contractProblems(
                "network",
                validNetworkOutputs({ natStrategy: "double", vpcCidrBlock: "10.0.0.0/33", isolatedRouteTableIds: [] }),
            );
            assert.equal(problems.length, 3);
            assert.match(problems.join("\n"), /`vpcCidrBlock`.*IPv4 CIDR/);
            assert.match(problems.join("\n"), /`isolatedRouteTableIds` is an array of 0/);
            assert.match(problems.join("\n"), /`natStrategy`.*one of `none`, `single`, `perAz`/);
        });

        it("refuse an incompatible major version before checking anything else", () => {
            const problems = contractProblems("network", { contractVersion: "2.0" });
            assert.equal(problems.length, 1);
            assert.match(problems[0], /`contractVersion` is 2\.0/);
        });

        it("reject outputs that are not an object", () => {
            assert.match(contractProblems("network", [])[0], /an array of 0, not an object/);
        });
    });

    describe("stack names", () => {
        it("rejects unknown parts, malformed names and an empty argument", () => {
            assert.match(landingZoneStacksProblems({ netwrk: "a/b/c" })[0], /`stacks.netwrk` is not a landing-zone part/);
            assert.match(landingZoneStacksProblems({ network: "a b" })[0], /`stacks.network` must be a stack name/);
            assert.match(landingZoneStacksProblems({})[0], /names no stack/);
            assert.deepEqual(landingZoneStacksProblems({ network: "org/edf/dev-network" }), []);
        });

        it("throws before registering anything when the stacks are malformed", async () => {
            const run = await runUnderMocks(() => LandingZoneReference.fromStacks({ sharedservices: "x" } as never));
            assert.match(run.error!.message, /`stacks.sharedservices` is not a landing-zone part/);
            assert.equal(run.resources.length, 0);
        });
    });

    describe("LandingZoneReference", () => {
        const stacks = {
            network: "org/edf/dev-network",
            security: "org/edf/dev-security",
            sharedServices: "org/edf/dev-shared-services",
        };
        const stackOutputs = {
            [stacks.network]: validNetworkOutputs(),
            [stacks.security]: validSecurityOutputs(),
            [stacks.sharedServices]: validSharedServicesOutputs(),
        };

        it("reads typed, lifted values from each referenced stack", async () => {
            const run = await runUnderMocks(
                () => {
                    const lz = LandingZoneReference.fromStacks(stacks, { environment: "dev" });
                    return {
                        vpcId: lz.network.vpcId,
                        subnets: lz.network.privateSubnetIds,
                        boundary: lz.require("security", "permissionsBoundaryArn"),
                        listener: lz.sharedServices.httpsListenerArn,
                    };
                },
                { stackOutputs },
            );
            assert.equal(run.error, undefined);
            assert.deepEqual(run.outputs, {
                vpcId: "vpc-0abc",
                subnets: ["subnet-a1", "subnet-a2"],
                boundary: "arn:aws:iam::123456789012:policy/edf-dev-boundary",
                listener: "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/edf-dev/1/2",
            });
            const refs = ofType(run.resources, "pulumi:pulumi:StackReference");
            assert.deepEqual(refs.map((r) => r.name).sort(), [
                "landing-zone-network",
                "landing-zone-security",
                "landing-zone-sharedServices",
            ]);
        });

        it("registers a reference only for the parts named", async () => {
            const run = await runUnderMocks(
                () => {
                    const lz = LandingZoneReference.fromStacks({ network: stacks.network });
                    return { vpcId: lz.network.vpcId };
                },
                { stackOutputs },
            );
            assert.equal(ofType(run.resources, "pulumi:pulumi:StackReference").length, 1);
        });

        it("fails with the stack and key named when an output is missing", async () => {
            const network = validNetworkOutputs();
            delete network.endpointSecurityGroupId;
            const run = await runUnderMocks(() => ({ vpcId: LandingZoneReference.fromStacks(stacks).network.vpcId }), {
                stackOutputs: { ...stackOutputs, [stacks.network]: network },
            });
            assert.ok(run.error instanceof ContractError);
            assert.match(run.error.message, /Stack `org\/edf\/dev-network`.*\n.*output `endpointSecurityGroupId` is missing/);
        });

        it("refuses a stack publishing an incompatible contract version", async () => {
            const run = await runUnderMocks(() => ({ arn: LandingZoneReference.fromStacks(stacks).security.dataKmsKeyArn }), {
                stackOutputs: { ...stackOutputs, [stacks.security]: validSecurityOutputs({ contractVersion: "2.1" }) },
            });
            assert.match(
                run.error!.message,
                /Stack `org\/edf\/dev-security`.*\n.*`contractVersion` is 2\.1 but this consumer needs major 1/,
            );
        });

        it("refuses a part published by another environment", async () => {
            const run = await runUnderMocks(
                () => ({ id: LandingZoneReference.fromStacks(stacks, { environment: "prod" }).network.vpcId }),
                { stackOutputs },
            );
            assert.match(run.error!.message, /output `environment` is `dev` but this consumer runs in `prod`/);
        });

        it("says how to fix reading a part that was not referenced", () => {
            const lz = LandingZoneReference.fromStacks({ network: "a/b/c" });
            assert.throws(() => lz.sharedServices, /the `sharedServices` part was not referenced: pass `stacks.sharedServices`/);
        });
    });
});

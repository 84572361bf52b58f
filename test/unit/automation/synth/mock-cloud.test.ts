import * as assert from "assert";
import { availabilityZonesOf } from "../../../../automation/synth/availability-zones";
import { answerInvoke, renderPolicyDocument, SYNTH_DEPLOYER_ROLE, UnsupportedInvokeError } from "../../../../automation/synth/invokes";
import { computeResourceState } from "../../../../automation/synth/mock-cloud";
import { partitionOf, physicalName, stableHex } from "../../../../automation/synth/synth-world";
import { worldFor } from "./support";

describe("synth: the mock cloud", () => {
    const world = worldFor("prod.network", "eu-west-1", "222222222222");

    it("gives EC2 resources AWS-shaped ids and ARNs derived from stack, type and name", () => {
        const vpc = computeResourceState(world, "aws:ec2/vpc:Vpc", "main", { cidrBlock: "10.0.0.0/16" });
        assert.match(vpc.id, /^vpc-[0-9a-f]{17}$/);
        assert.equal(vpc.state.arn, `arn:aws:ec2:eu-west-1:222222222222:vpc/${vpc.id}`);
        assert.match(String(vpc.state.defaultSecurityGroupId), /^sg-[0-9a-f]{17}$/);
        assert.deepEqual(
            computeResourceState(world, "aws:ec2/vpc:Vpc", "main", { cidrBlock: "10.0.0.0/16" }),
            vpc,
            "same input, same answer",
        );
        assert.notEqual(
            computeResourceState(worldFor("dev.network"), "aws:ec2/vpc:Vpc", "main", {}).id,
            vpc.id,
            "another stack, another id",
        );
    });

    it("keeps a physical name the program gave and auto-names the rest like Pulumi does", () => {
        assert.equal(computeResourceState(world, "aws:s3/bucket:Bucket", "logs", { bucket: "edf-prod-logs" }).id, "edf-prod-logs");
        const auto = computeResourceState(world, "aws:s3/bucket:Bucket", "logs", {});
        assert.match(auto.id, /^logs-[0-9a-f]{7}$/);
        assert.equal(auto.state.arn, `arn:aws:s3:::${auto.id}`);
        assert.equal(auto.state.bucketRegionalDomainName, `${auto.id}.s3.eu-west-1.amazonaws.com`);
    });

    it("computes the attributes programs read: key ids, role ARNs, queue URLs, load balancer DNS names, repository URLs", () => {
        const key = computeResourceState(world, "aws:kms/key:Key", "logs", {});
        assert.match(String(key.state.keyId), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
        assert.equal(key.state.arn, `arn:aws:kms:eu-west-1:222222222222:key/${String(key.state.keyId)}`);
        assert.equal(
            computeResourceState(world, "aws:iam/role:Role", "task", { name: "edf-task", path: "/edf/" }).state.arn,
            "arn:aws:iam::222222222222:role/edf/edf-task",
        );
        const queue = computeResourceState(world, "aws:sqs/queue:Queue", "jobs", { name: "edf-jobs" });
        assert.equal(queue.id, "https://sqs.eu-west-1.amazonaws.com/222222222222/edf-jobs");
        assert.match(
            String(computeResourceState(world, "aws:lb/loadBalancer:LoadBalancer", "alb", { name: "edf-alb" }).state.dnsName),
            /^edf-alb-[0-9a-f]{9}\.eu-west-1\.elb\.amazonaws\.com$/,
        );
        assert.equal(
            computeResourceState(world, "aws:ecr/repository:Repository", "repo", { name: "payments" }).state.repositoryUrl,
            "222222222222.dkr.ecr.eu-west-1.amazonaws.com/payments",
        );
    });

    it("adds the environment's default tags under a resource's own tags, as the AWS provider does", () => {
        const tagged = computeResourceState({ ...world, defaultTags: { owner: "platform", env: "prod" } }, "aws:sqs/queue:Queue", "q", {
            tags: { env: "override" },
        });
        assert.deepEqual(tagged.state.tagsAll, { owner: "platform", env: "override" });
    });

    it("derives stable hex from its parts", () => {
        assert.equal(stableHex(8, "a", "b"), stableHex(8, "a", "b"));
        assert.notEqual(stableHex(8, "a", "b"), stableHex(8, "ab"));
    });

    it("completes a name prefix the program gave with a stable suffix, as the provider completes `bucketPrefix`", () => {
        const bucket = computeResourceState(world, "aws:s3/bucket:Bucket", "statements", { bucketPrefix: "prod-ledger-statements-" });
        assert.match(bucket.id, /^prod-ledger-statements-[0-9a-f]{26}$/);
        assert.equal(bucket.state.arn, `arn:aws:s3:::${bucket.id}`);
        assert.equal(physicalName(world, "aws:s3/bucket:Bucket", "statements", { bucketPrefix: "p-" }, "bucket").slice(0, 2), "p-");
    });

    it("gives Lambda functions their ARN, version and the invoke ARN API Gateway integrations take", () => {
        const fn = computeResourceState(world, "aws:lambda/function:Function", "handler", { name: "prod-orders-handler" });
        assert.equal(fn.id, "prod-orders-handler");
        assert.equal(fn.state.arn, "arn:aws:lambda:eu-west-1:222222222222:function:prod-orders-handler");
        assert.equal(
            fn.state.invokeArn,
            "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/" +
                "arn:aws:lambda:eu-west-1:222222222222:function:prod-orders-handler/invocations",
        );
        assert.deepEqual([fn.state.version, fn.state.qualifiedArn], ["$LATEST", `${String(fn.state.arn)}:$LATEST`]);
        const url = computeResourceState(world, "aws:lambda/functionUrl:FunctionUrl", "url", { functionName: "prod-orders-handler" });
        assert.match(String(url.state.functionUrl), /^https:\/\/[0-9a-f]{32}\.lambda-url\.eu-west-1\.on\.aws\/$/);
    });

    it("gives a REST API its execution ARN and root resource, and a stage its ARN and invoke URL", () => {
        const api = computeResourceState(world, "aws:apigateway/restApi:RestApi", "orders", { name: "prod-orders" });
        assert.match(api.id, /^[0-9a-f]{10}$/);
        assert.equal(api.state.executionArn, `arn:aws:execute-api:eu-west-1:222222222222:${api.id}`);
        assert.match(String(api.state.rootResourceId), /^[0-9a-f]{10}$/);
        assert.notEqual(api.state.rootResourceId, api.id);
        const stage = computeResourceState(world, "aws:apigateway/stage:Stage", "v1", { restApi: api.id, stageName: "v1" });
        assert.equal(stage.state.arn, `arn:aws:apigateway:eu-west-1::/restapis/${api.id}/stages/v1`);
        assert.equal(stage.state.invokeUrl, `https://${api.id}.execute-api.eu-west-1.amazonaws.com/v1`);
        const authorizer = computeResourceState(world, "aws:apigateway/authorizer:Authorizer", "callers", { restApi: api.id });
        assert.equal(authorizer.state.arn, `arn:aws:apigateway:eu-west-1::/restapis/${api.id}/authorizers/${authorizer.id}`);
    });

    it("gives an ElastiCache replication group its primary and reader endpoints on its port", () => {
        const cache = computeResourceState(world, "aws:elasticache/replicationGroup:ReplicationGroup", "sessions", {
            replicationGroupId: "prod-orders-sessions",
            port: 6380,
        });
        assert.equal(cache.id, "prod-orders-sessions");
        assert.match(
            String(cache.state.primaryEndpointAddress),
            /^master\.prod-orders-sessions\.[0-9a-f]{6}\.euw1\.cache\.amazonaws\.com$/,
        );
        assert.match(String(cache.state.readerEndpointAddress), /^replica\.prod-orders-sessions\./);
        assert.equal(cache.state.port, 6380);
    });

    it("knows the partitions", () => {
        assert.equal(partitionOf("eu-west-1"), "aws");
        assert.equal(partitionOf("cn-north-1"), "aws-cn");
        assert.equal(partitionOf("us-gov-west-1"), "aws-us-gov");
    });
});

describe("synth: invokes", () => {
    const world = worldFor("prod.security", "eu-west-1", "222222222222");

    it("answers the availability zones of the spec's region", () => {
        assert.deepEqual(availabilityZonesOf("eu-west-1"), {
            names: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
            zoneIds: ["euw1-az1", "euw1-az2", "euw1-az3"],
        });
        assert.equal(availabilityZonesOf("us-east-1").names.length, 6);
        assert.deepEqual(answerInvoke(world, "aws:index/getAvailabilityZones:getAvailabilityZones", {}).names, [
            "eu-west-1a",
            "eu-west-1b",
            "eu-west-1c",
        ]);
    });

    it("answers only the available zones of the world that need no opt-in, as the programs ask for them", () => {
        const zones = {
            ...world,
            availabilityZones: [{ name: "eu-west-1a", state: "impaired" as const }, { name: "eu-west-1-mad-1a" }, { name: "eu-west-1b" }],
        };
        const regular = { state: "available", filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }] };
        assert.deepEqual(answerInvoke(zones, "aws:index/getAvailabilityZones:getAvailabilityZones", regular).names, ["eu-west-1b"]);
        assert.deepEqual(answerInvoke(zones, "aws:index/getAvailabilityZones:getAvailabilityZones", {}).names, [
            "eu-west-1a",
            "eu-west-1-mad-1a",
            "eu-west-1b",
        ]);
        const localZones = answerInvoke(zones, "aws:index/getAvailabilityZones:getAvailabilityZones", {
            filters: [{ name: "zone-type", values: ["local-zone"] }],
        });
        assert.deepEqual([localZones.names, localZones.zoneIds], [["eu-west-1-mad-1a"], ["euw1-az2"]]);
    });

    it("answers a session context with the role behind an assumed-role session, as IAM does", () => {
        const caller = answerInvoke(world, "aws:index/getCallerIdentity:getCallerIdentity", {});
        const session = answerInvoke(world, "aws:iam/getSessionContext:getSessionContext", { arn: caller.arn });
        assert.deepEqual(
            [session.issuerArn, session.issuerName, session.sessionName],
            [`arn:aws:iam::222222222222:role/${SYNTH_DEPLOYER_ROLE}`, SYNTH_DEPLOYER_ROLE, SYNTH_DEPLOYER_ROLE],
        );
        const user = "arn:aws:iam::222222222222:user/deployer";
        assert.equal(answerInvoke(world, "aws:iam/getSessionContext:getSessionContext", { arn: user }).issuerArn, user);
    });

    it("answers caller identity, region and partition from the spec", () => {
        assert.equal(answerInvoke(world, "aws:index/getCallerIdentity:getCallerIdentity", {}).accountId, "222222222222");
        assert.equal(answerInvoke(world, "aws:index/getRegion:getRegion", {}).region, "eu-west-1");
        assert.equal(answerInvoke(world, "aws:index/getPartition:getPartition", {}).dnsSuffix, "amazonaws.com");
    });

    it("answers the regional ELB account for access-log bucket policies", () => {
        assert.equal(answerInvoke(world, "aws:elb/getServiceAccount:getServiceAccount", {}).arn, "arn:aws:iam::156460612806:root");
    });

    it("renders IAM policy documents as the provider does", () => {
        const json = renderPolicyDocument({
            statements: [
                {
                    effect: "Allow",
                    actions: ["s3:GetObject"],
                    resources: ["arn:aws:s3:::b/*"],
                    principals: [{ type: "Service", identifiers: ["ecs-tasks.amazonaws.com"] }],
                },
            ],
        });
        assert.deepEqual(JSON.parse(json), {
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Action: "s3:GetObject",
                    Resource: "arn:aws:s3:::b/*",
                    Principal: { Service: "ecs-tasks.amazonaws.com" },
                },
            ],
        });
    });

    it("refuses a provider function it has no realistic answer for, naming it", () => {
        assert.throws(
            () => answerInvoke(world, "aws:ec2/getAmi:getAmi", {}),
            (e: unknown) => e instanceof UnsupportedInvokeError && /`aws:ec2\/getAmi:getAmi`/.test(e.message),
        );
    });
});

import * as assert from "assert";
import { answerInvoke, availabilityZonesOf, renderPolicyDocument, UnsupportedInvokeError } from "../../../../automation/synth/invokes";
import { computeResourceState, partitionOf, stableHex } from "../../../../automation/synth/mock-cloud";
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

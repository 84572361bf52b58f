import * as assert from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { evaluateProgram, evaluateUnit, ProgramJob, referencedStack } from "../../../../automation/synth/evaluate";
import { jobFor, worldFor } from "./support";

describe("synth: evaluating one unit under mocks", () => {
    it("captures every resource with its URN, parent, provider, options and dependencies", async () => {
        const result = await evaluateUnit(jobFor("kitchen-sink"));
        assert.equal(result.error, undefined);
        const byName = new Map(result.resources.map((r) => [r.name, r]));
        const stack = result.resources.find((r) => r.type === "pulumi:pulumi:Stack")!;
        assert.equal(stack.urn, "urn:pulumi:dev.kitchen-sink::edf::pulumi:pulumi:Stack::edf-dev.kitchen-sink");
        const box = byName.get("box")!;
        assert.equal(box.type, "edf:test:Box");
        assert.equal(box.custom, false);
        assert.equal(box.parent, stack.urn, "a top-level resource is a child of the stack, as on the engine");
        const bucket = byName.get("box-bucket")!;
        assert.equal(bucket.urn, "urn:pulumi:dev.kitchen-sink::edf::edf:test:Box$aws:s3/bucket:Bucket::box-bucket");
        assert.equal(bucket.parent, box.urn);
        assert.equal(bucket.options?.protect, true);
        assert.deepEqual(bucket.options?.ignoreChanges, ["tags"]);
        assert.match(
            String(bucket.provider),
            /^urn:pulumi:dev\.kitchen-sink::edf::pulumi:providers:aws::default_7_48_0::/,
            "a resource without a provider uses the engine's default provider",
        );
        const queue = byName.get("jobs")!;
        assert.match(
            String(queue.provider),
            /^urn:pulumi:dev\.kitchen-sink::edf::pulumi:providers:aws::east::/,
            "an explicit provider is kept",
        );
        assert.equal(queue.options?.customTimeouts?.createSeconds, 300);
        const defaultProvider = result.resources.find((r) => r.type === "pulumi:providers:aws" && r.name === "default_7_48_0")!;
        assert.equal(defaultProvider.props.region, "eu-west-1", "the default provider carries the stack's aws config");
        assert.equal(defaultProvider.props.defaultTags, JSON.stringify({ tags: { owner: "team-test" } }));
        assert.deepEqual(
            result.resources.map((r) => r.urn),
            [...result.resources.map((r) => r.urn)].sort(),
            "resources are sorted by URN",
        );
    });

    it("derives ids and ARNs from the stack, type and name, so two runs agree exactly", async () => {
        const first = await evaluateUnit(jobFor("producer"));
        const second = await evaluateUnit(jobFor("producer"));
        assert.deepEqual(second, first);
        assert.match(String(first.outputs.vpcId), /^vpc-[0-9a-f]{17}$/);
        assert.equal(first.outputs.vpcArn, `arn:aws:ec2:eu-west-1:111111111111:vpc/${String(first.outputs.vpcId)}`);
        const other = await evaluateUnit(jobFor("producer", { environment: "prod" }));
        assert.notEqual(other.outputs.vpcId, first.outputs.vpcId, "another stack gets other ids");
    });

    it("marks secret outputs and keeps their values for downstream stacks", async () => {
        const result = await evaluateUnit(jobFor("producer"));
        assert.deepEqual(result.secretOutputNames, ["token"]);
        assert.equal(result.outputs.token, "producer-token-value");
    });

    it("feeds a stack reference the upstream stack's synthesized outputs, secrets staying secret", async () => {
        const producer = await evaluateUnit(jobFor("producer"));
        const consumer = await evaluateUnit(
            jobFor("consumer", {
                config: { "edf:producerStack": "organization/edf/dev.producer" },
                upstream: { "dev.producer": { outputs: producer.outputs, secretOutputNames: producer.secretOutputNames } },
                environmentStacks: ["dev.producer", "dev.consumer"],
            }),
        );
        assert.equal(consumer.error, undefined);
        assert.equal(consumer.outputs.seenVpcId, producer.outputs.vpcId);
        assert.deepEqual(consumer.secretOutputNames, ["token"], "an upstream secret output arrives as a secret");
        const group = consumer.resources.find((r) => r.type === "aws:ec2/securityGroup:SecurityGroup")!;
        assert.equal(group.props.vpcId, producer.outputs.vpcId);
    });

    it("fails a stack that reads a stack it does not depend on, naming the fix", async () => {
        const consumer = await evaluateUnit(
            jobFor("consumer", {
                config: { "edf:producerStack": "organization/edf/dev.producer" },
                environmentStacks: ["dev.producer", "dev.consumer"],
            }),
        );
        assert.match(String(consumer.error), /does not depend on unit `producer`: add `producer` to `units\.consumer\.dependsOn`/);
    });

    it("fails a stack that reads a stack of no unit of the environment", async () => {
        const consumer = await evaluateUnit(jobFor("consumer", { config: { "edf:producerStack": "organization/edf/dev.nowhere" } }));
        assert.match(String(consumer.error), /`organization\/edf\/dev\.nowhere`, which is not a stack of environment `dev`/);
    });

    it("answers invokes with the spec's region and account", async () => {
        const result = await evaluateUnit(
            jobFor("reader", {
                world: { stack: "dev.reader", region: "us-east-1", account: "333333333333", partition: "aws", defaultTags: {} },
            }),
        );
        assert.equal(result.error, undefined);
        assert.deepEqual(result.outputs.zones, ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"]);
        assert.equal(result.outputs.account, "333333333333");
        assert.equal(result.outputs.region, "us-east-1");
        assert.equal(result.outputs.partition, "aws");
        assert.deepEqual(Object.keys(result.invokes), [
            "aws:index/getAvailabilityZones:getAvailabilityZones",
            "aws:index/getCallerIdentity:getCallerIdentity",
            "aws:index/getPartition:getPartition",
            "aws:index/getRegion:getRegion",
        ]);
    });

    it("isolates stacks evaluated one after another in the same thread", async () => {
        const first = await evaluateUnit(
            jobFor("reader", { config: { "edf:colour": "blue", "edf-input:greeting": JSON.stringify("hello") } }),
        );
        const second = await evaluateUnit(jobFor("reader"));
        assert.equal(first.outputs.colour, "blue");
        assert.equal(first.outputs.greeting, "hello");
        assert.equal(second.outputs.colour, "unset", "config of the previous stack does not leak");
        assert.equal(second.outputs.greeting, "none");
        assert.ok(
            second.resources.every((r) => r.urn.includes("::")),
            "only this stack's resources are captured",
        );
        assert.equal(second.resources.length, first.resources.length);
    });

    it("isolates stacks evaluated concurrently in the same thread", async () => {
        const [a, b] = await Promise.all([
            evaluateUnit(jobFor("reader", { config: { "edf:colour": "red" } })),
            evaluateUnit(jobFor("producer", { environment: "prod" })),
        ]);
        assert.equal(a.outputs.colour, "red");
        assert.ok(a.resources.every((r) => r.urn.startsWith("urn:pulumi:dev.reader::")));
        assert.ok(b.resources.every((r) => r.urn.startsWith("urn:pulumi:prod.producer::")));
    });

    it("returns a program's error with what it registered before failing", async () => {
        const result = await evaluateUnit(
            jobFor("leaky", {
                config: { "edf:fail": "true", "edf-input:password": JSON.stringify("s3cr3t-sample") },
                secretKeys: ["edf-input:password"],
            }),
        );
        assert.equal(result.error, "leaky: failing on purpose after registering a parameter");
        const parameter = result.resources.find((r) => r.type === "aws:ssm/parameter:Parameter");
        assert.ok(parameter, "the registration before the failure is kept");
    });

    it("evaluates exactly as the SDK's own code paths do (--debug keeps them: eager outputs, its mock monitor, its Structs)", async () => {
        const producer = await evaluateUnit(jobFor("producer"));
        const upstream = { "dev.producer": { outputs: producer.outputs, secretOutputNames: producer.secretOutputNames } };
        const jobs = [
            jobFor("kitchen-sink"),
            jobFor("producer"),
            jobFor("reader", { config: { "edf:colour": "blue" } }),
            jobFor("consumer", {
                config: { "edf:producerStack": "organization/edf/dev.producer" },
                upstream,
                environmentStacks: ["dev.producer", "dev.consumer"],
            }),
            jobFor("leaky", { config: { "edf-input:password": JSON.stringify("s3cr3t") }, secretKeys: ["edf-input:password"] }),
        ];
        for (const job of jobs) {
            const sdk = await evaluateUnit({ ...job, stackTraces: true });
            const synth = await evaluateUnit(job);
            assert.equal(sdk.error, undefined, job.unit);
            assert.deepStrictEqual(synth, sdk, job.unit);
            assert.equal(JSON.stringify(synth), JSON.stringify(sdk), `${job.unit}: keys in the same order`);
        }
    });

    it("keeps a secret input a secret in the captured resource inputs", async () => {
        const result = await evaluateUnit(
            jobFor("leaky", { config: { "edf-input:password": JSON.stringify("s3cr3t-sample") }, secretKeys: ["edf-input:password"] }),
        );
        const parameter = result.resources.find((r) => r.type === "aws:ssm/parameter:Parameter")!;
        assert.deepEqual(parameter.props.value, {
            "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
            value: "s3cr3t-sample",
        });
    });
});

describe("synth: evaluating a program closure", () => {
    const job = (upstream: ProgramJob["upstream"] = {}): ProgramJob => ({
        stack: "dev.closure",
        config: { "edf:colour": "green" },
        secretKeys: [],
        world: worldFor("dev.closure"),
        upstream,
    });

    it("runs the program in the job's world and captures it as a unit's evaluation is captured", async () => {
        const result = await evaluateProgram(() => {
            const queue = new aws.sqs.Queue("jobs", { name: "dev-jobs" });
            return { url: queue.url, colour: new pulumi.Config("edf").require("colour") };
        }, job());
        assert.equal(result.error, undefined);
        assert.deepEqual(result.outputs, { url: "https://sqs.eu-west-1.amazonaws.com/111111111111/dev-jobs", colour: "green" });
        const queue = result.resources.find((r) => r.type === "aws:sqs/queue:Queue")!;
        assert.equal(queue.urn, "urn:pulumi:dev.closure::edf::aws:sqs/queue:Queue::jobs");
        assert.ok(
            result.resources.some((r) => r.type === "pulumi:pulumi:Stack" && r.synthetic),
            "the engine's stack resource is added",
        );
    });

    it("keeps what the program threw, class and fields, next to its message", async () => {
        class Refused extends Error {
            readonly code = "EDF_TEST";
        }
        const result = await evaluateProgram(() => {
            throw new Refused("refused on purpose");
        }, job());
        assert.equal(result.error, "refused on purpose");
        assert.ok(result.thrown instanceof Refused && result.thrown.code === "EDF_TEST");
    });

    it("exports only a returned object literal: a resource or nothing exports nothing", async () => {
        const result = await evaluateProgram(() => new aws.sqs.Queue("jobs", {}), job());
        assert.equal(result.error, undefined);
        assert.deepEqual(result.outputs, {});
    });

    it("answers a stack reference from the upstream outputs given, and names them when the stack is missing", async () => {
        const read = () => ({ vpc: new pulumi.StackReference("organization/edf/dev.network").getOutput("vpcId") });
        const found = await evaluateProgram(read, job({ "dev.network": { outputs: { vpcId: "vpc-1" }, secretOutputNames: [] } }));
        assert.deepEqual(found.outputs, { vpc: "vpc-1" });
        const missing = await evaluateProgram(read, job({ "dev.security": { outputs: {}, secretOutputNames: [] } }));
        assert.match(
            String(missing.error),
            /reads stack `organization\/edf\/dev\.network`, which is not among the upstream stacks given \(`dev\.security`\)/,
        );
    });
});

describe("synth: stack reference names", () => {
    it("reads the stack from every backend's naming", () => {
        assert.equal(referencedStack("dev.network"), "dev.network");
        assert.equal(referencedStack("organization/edf/dev.network"), "dev.network");
        assert.equal(referencedStack("acme/edf/dev.network"), "dev.network");
        assert.equal(referencedStack("acme/dev.network"), "dev.network");
    });

    it("never matches a stack of another project", () => {
        assert.equal(referencedStack("acme/other/dev.network"), "");
    });
});

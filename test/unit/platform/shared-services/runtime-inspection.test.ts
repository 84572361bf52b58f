import { strict as assert } from "assert";
import program from "../../../../platform/shared-services/program";
import { UnitConfigError } from "../../../../platform/common/unit-config";
import { lintWithParliament } from "../../../support/parliament";
import { inspectRun, mandatoryFindings } from "../support/inspection";
import { CapturedResource, named, ofType, single, stateOf } from "../support/mock-run";
import { untaggedResources } from "../support/assertions";
import { runUnit, UnitRun } from "../support/units";
import { buildProgram } from "../../../../automation/cli/main";
import {
    INSPECT_PUBLISH_TARGETS,
    parsePublishTargets,
    STATE_VARIABLE,
    TOPIC_VARIABLE,
} from "../../../../automation/inspect/publish-targets";
import { S3StateStore, stateStoreFromLocation } from "../../../../automation/inspect/state/store";
import { INSPECTION_PUBLISH_TARGETS } from "../../../../platform/shared-services/runtime-inspection-settings";

const CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-1234567890ab";
const DIGEST = `sha256:${"ab".repeat(32)}`;
const IMAGE = `123456789012.dkr.ecr.us-east-1.amazonaws.com/edf-inspector@${DIGEST}`;
const UPSTREAM = {
    vpcId: "vpc-0abc",
    publicSubnetIds: ["subnet-p1", "subnet-p2"],
    privateSubnetIds: ["subnet-a1", "subnet-a2"],
    privateSubnetCidrBlocks: ["10.0.0.0/20", "10.0.16.0/20"],
    accessLogsBucketName: "edf-dev-access-logs-123456789012-us-east-1",
    logsKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/logs",
    dataKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/data",
    permissionsBoundaryArn: "arn:aws:iam::123456789012:policy/edf-dev-service-boundary",
};
const INSPECTION = { image: IMAGE, stateBucket: "edf-state-123456789012", notifications: true };

type InspectionRun = UnitRun & { readonly inspection?: Record<string, unknown> | null };

const sharedServices = (run: InspectionRun = {}) =>
    runUnit("platform/shared-services", program, {
        ...run,
        config: {
            certificateArn: CERTIFICATE,
            ecrPullThroughCache: { upstreamRegistryUrl: "registry.example.test" },
            ...(run.inspection === null ? {} : { runtimeInspection: { ...INSPECTION, ...(run.inspection ?? {}) } }),
            ...(run.config ?? {}),
        },
        inputs: { ...UPSTREAM, ...(run.inputs ?? {}) },
    });

const policyOf = (resources: readonly CapturedResource[], name: string) =>
    JSON.parse(named(resources, "aws:iam/rolePolicy:RolePolicy", name).props.policy) as { Statement: any[] };
const actionsOf = (doc: { Statement: any[] }) => doc.Statement.flatMap((s) => s.Action as string[]).sort();

describe("platform/shared-services runtime inspection", () => {
    it("is off unless `runtimeInspection` is set, and then needs no extra inputs", async () => {
        const run = await sharedServices({
            inspection: null,
            inputs: { privateSubnetIds: undefined, dataKmsKeyArn: undefined, permissionsBoundaryArn: undefined },
        });
        assert.equal(run.error, undefined, run.error?.message);
        assert.deepEqual(ofType(run.resources, "aws:scheduler/schedule:Schedule"), []);
        assert.deepEqual(ofType(run.resources, "aws:ecs/taskDefinition:TaskDefinition"), []);
    });

    for (const environment of ["dev", "prod"]) {
        it(`raises no mandatory finding of the pipeline pack in ${environment}`, async () => {
            const run = await sharedServices({ environment, config: { environmentSize: environment } });
            assert.equal(run.error, undefined, run.error?.message);
            const result = await inspectRun(run, environment);
            assert.deepEqual(mandatoryFindings(result), []);
            const ours = result.findings.filter((f) => f.urn.includes("runtime-inspection"));
            assert.deepEqual(
                ours.map((f) => `${f.level} ${f.policyId}`),
                // The schedule holds no secret (a task ARN, subnets); the data key's policy admits no scheduler use.
                ["advisory eventbridge-customer-managed-key"],
            );
        });
    }

    it("grants the task role exactly what inspection reads and where it publishes", async () => {
        const run = await sharedServices({});
        const doc = policyOf(run.resources, "runtime-inspection-inspect");
        assert.deepEqual(actionsOf(doc), [
            "ecr:BatchCheckLayerAvailability",
            "ecr:BatchGetImage",
            "ecr:DescribeImageScanFindings",
            "ecr:GetAuthorizationToken",
            "ecr:GetDownloadUrlForLayer",
            "ecs:DescribeTasks",
            "ecs:ListTasks",
            "inspector2:ListFindings",
            "kms:Decrypt",
            "kms:GenerateDataKey",
            "s3:DeleteObject",
            "s3:GetObject",
            "s3:GetObject",
            "s3:ListBucket",
            "s3:PutObject",
            "securityhub:BatchImportFindings",
            "sns:Publish",
        ]);
        const bySid = Object.fromEntries(doc.Statement.map((s) => [s.Sid, s]));
        const cluster = stateOf(run, single(run.resources, "aws:ecs/cluster:Cluster")).arn;
        assert.deepEqual(bySid.WhatRunsInTheSharedCluster.Condition, { ArnEquals: { "ecs:cluster": cluster } });
        assert.equal(bySid.DescribeTheSharedClustersTasks.Resource, "arn:aws:ecs:us-east-1:123456789012:task/edf-dev/*");
        assert.equal(bySid.PullImagesAndReadScans.Resource, "arn:aws:ecr:us-east-1:123456789012:repository/*");
        assert.equal(bySid.ReadStackState.Resource, "arn:aws:s3:::edf-state-123456789012/.pulumi/*");
        assert.equal(bySid.KeepInspectionState.Resource, "arn:aws:s3:::edf-state-123456789012/edf-inspections/dev/*");
        assert.deepEqual(bySid.ListStateAndInspections.Condition.StringLike["s3:prefix"], [
            ".pulumi",
            ".pulumi/*",
            "edf-inspections/dev",
            "edf-inspections/dev/*",
        ]);
        assert.equal(bySid.ImportFindingsToSecurityHub.Resource, "arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default");
        assert.equal(bySid.NotifyNewFindings.Resource, stateOf(run, single(run.resources, "aws:sns/topic:Topic")).arn);
        const wildcards = doc.Statement.filter((s) => s.Resource === "*" && !s.Condition).flatMap((s) => s.Action);
        assert.deepEqual(wildcards.sort(), ["ecr:GetAuthorizationToken", "inspector2:ListFindings"], "only what AWS cannot scope");
    });

    it("grants no Security Hub import when nothing is published there, and no topic without notifications", async () => {
        const run = await sharedServices({ inspection: { publishTo: [], notifications: false } });
        const actions = actionsOf(policyOf(run.resources, "runtime-inspection-inspect"));
        assert.ok(!actions.includes("securityhub:BatchImportFindings"));
        assert.ok(!actions.includes("sns:Publish"));
        assert.deepEqual(ofType(run.resources, "aws:sns/topic:Topic"), []);
        const container = JSON.parse(single(run.resources, "aws:ecs/taskDefinition:TaskDefinition").props.containerDefinitions)[0];
        assert.deepEqual(container.command, ["inspect", "--env", "dev"]);
    });

    it("grants the execution role only the inspector's image pull and its log stream", async () => {
        const run = await sharedServices({});
        const doc = policyOf(run.resources, "runtime-inspection-start-task");
        assert.deepEqual(actionsOf(doc), [
            "ecr:BatchCheckLayerAvailability",
            "ecr:BatchGetImage",
            "ecr:GetAuthorizationToken",
            "ecr:GetDownloadUrlForLayer",
            "logs:CreateLogStream",
            "logs:PutLogEvents",
        ]);
        const pull = doc.Statement.find((s) => s.Sid === "PullTheInspectorImage");
        assert.equal(pull.Resource, "arn:aws:ecr:us-east-1:123456789012:repository/edf-inspector");
    });

    it("lets the scheduler run only this task family on the shared cluster, passing only its two roles", async () => {
        const run = await sharedServices({});
        const doc = policyOf(run.resources, "runtime-inspection-run-inspection");
        assert.deepEqual(actionsOf(doc), ["ecs:RunTask", "iam:PassRole"]);
        const [runTask, pass] = doc.Statement;
        assert.equal(runTask.Resource, "arn:aws:ecs:us-east-1:123456789012:task-definition/edf-dev-runtime-inspection:*");
        assert.deepEqual(runTask.Condition, {
            ArnEquals: { "ecs:cluster": stateOf(run, single(run.resources, "aws:ecs/cluster:Cluster")).arn },
        });
        const roleArn = (name: string) => stateOf(run, named(run.resources, "aws:iam/role:Role", name)).arn;
        assert.deepEqual(pass.Resource, [roleArn("runtime-inspection-task"), roleArn("runtime-inspection-execution")]);
        const trust = JSON.parse(named(run.resources, "aws:iam/role:Role", "runtime-inspection-scheduler").props.assumeRolePolicy);
        assert.deepEqual(trust.Statement[0].Principal, { Service: "scheduler.amazonaws.com" });
        assert.deepEqual(trust.Statement[0].Condition, { StringEquals: { "aws:SourceAccount": "123456789012" } });
    });

    it("puts every role it creates under the permissions boundary", async () => {
        const run = await sharedServices({});
        const roles = ofType(run.resources, "aws:iam/role:Role").filter((r) => r.name.startsWith("runtime-inspection"));
        assert.equal(roles.length, 3);
        for (const role of roles) assert.equal(role.props.permissionsBoundary, UPSTREAM.permissionsBoundaryArn, role.name);
    });

    it("schedules the task on Fargate in the private subnets, without a public IP, every six hours by default", async () => {
        const run = await sharedServices({});
        const schedule = single(run.resources, "aws:scheduler/schedule:Schedule").props;
        assert.equal(schedule.scheduleExpression, "rate(6 hours)");
        assert.equal(schedule.target.arn, stateOf(run, single(run.resources, "aws:ecs/cluster:Cluster")).arn);
        assert.equal(schedule.target.roleArn, stateOf(run, named(run.resources, "aws:iam/role:Role", "runtime-inspection-scheduler")).arn);
        const ecs = schedule.target.ecsParameters;
        assert.equal(ecs.taskDefinitionArn, stateOf(run, single(run.resources, "aws:ecs/taskDefinition:TaskDefinition")).arn);
        assert.deepEqual([ecs.launchType, ecs.platformVersion, ecs.taskCount], ["FARGATE", "LATEST", 1]);
        assert.deepEqual(ecs.networkConfiguration.subnets, UPSTREAM.privateSubnetIds);
        assert.equal(ecs.networkConfiguration.assignPublicIp, false);
        const group = named(run.resources, "aws:ec2/securityGroup:SecurityGroup", "runtime-inspection-task").props;
        assert.deepEqual(ecs.networkConfiguration.securityGroups, [
            stateOf(run, named(run.resources, "aws:ec2/securityGroup:SecurityGroup", "runtime-inspection-task")).id,
        ]);
        assert.deepEqual(group.ingress ?? [], []);
        assert.deepEqual(
            group.egress.map((e: any) => [e.protocol, e.fromPort, e.toPort]),
            [["tcp", 443, 443]],
        );
    });

    it("takes the schedule from config", async () => {
        const run = await sharedServices({ inspection: { schedule: "cron(0 5 * * ? *)", scheduleTimezone: "Europe/Paris" } });
        const schedule = single(run.resources, "aws:scheduler/schedule:Schedule").props;
        assert.deepEqual([schedule.scheduleExpression, schedule.scheduleExpressionTimezone], ["cron(0 5 * * ? *)", "Europe/Paris"]);
    });

    it("runs the image by digest, non-root, on a read-only root filesystem, logging to a KMS-encrypted group", async () => {
        const run = await sharedServices({});
        const task = single(run.resources, "aws:ecs/taskDefinition:TaskDefinition").props;
        assert.deepEqual([task.requiresCompatibilities, task.networkMode, task.cpu, task.memory], [["FARGATE"], "awsvpc", "1024", "2048"]);
        assert.notEqual(task.taskRoleArn, task.executionRoleArn);
        const [container] = JSON.parse(task.containerDefinitions);
        assert.equal(container.image, IMAGE);
        assert.deepEqual([container.user, container.readonlyRootFilesystem, container.privileged], ["65532:65532", true, false]);
        assert.deepEqual(container.linuxParameters.capabilities, { drop: ["ALL"] });
        assert.deepEqual(container.command, ["inspect", "--env", "dev", "--publish", "securityhub"]);
        assert.deepEqual(Object.fromEntries(container.environment.map((e: any) => [e.name, e.value])), {
            AWS_REGION: "us-east-1",
            EDF_INSPECTION_STATE: "s3://edf-state-123456789012/edf-inspections/dev",
            EDF_INSPECTION_TOPIC_ARN: stateOf(run, single(run.resources, "aws:sns/topic:Topic")).arn,
        });
        const logs = ofType(run.resources, "aws:cloudwatch/logGroup:LogGroup").find((g) => g.props.name === "/edf/dev/runtime-inspection")!;
        assert.equal(container.logConfiguration.options["awslogs-group"], "/edf/dev/runtime-inspection");
        assert.deepEqual([logs.props.kmsKeyId, logs.props.retentionInDays], [UPSTREAM.logsKmsKeyArn, 365]);
    });

    it("runs the digest injected as input `inspector-image-digest`, from the repository `image` names", async () => {
        const injected = `sha256:${"cd".repeat(32)}`;
        for (const image of [IMAGE.split("@")[0], IMAGE]) {
            const run = await sharedServices({ inspection: { image }, inputs: { "inspector-image-digest": injected } });
            assert.equal(run.error, undefined, run.error?.message);
            const [container] = JSON.parse(single(run.resources, "aws:ecs/taskDefinition:TaskDefinition").props.containerDefinitions);
            assert.equal(container.image, `123456789012.dkr.ecr.us-east-1.amazonaws.com/edf-inspector@${injected}`);
        }
    });

    it("encrypts the notification topic with the data key and lets only the task role publish, over TLS", async () => {
        const run = await sharedServices({});
        const topic = single(run.resources, "aws:sns/topic:Topic");
        assert.equal(topic.props.kmsMasterKeyId, UPSTREAM.dataKmsKeyArn);
        const policy = JSON.parse(single(run.resources, "aws:sns/topicPolicy:TopicPolicy").props.policy);
        assert.deepEqual(policy.Statement[0].Principal, {
            AWS: stateOf(run, named(run.resources, "aws:iam/role:Role", "runtime-inspection-task")).arn,
        });
        assert.deepEqual(policy.Statement[1].Condition, { Bool: { "aws:SecureTransport": "false" } });
    });

    it("writes IAM documents parliament finds nothing in above LOW", async () => {
        const run = await sharedServices({});
        const documents = [
            ...ofType(run.resources, "aws:iam/rolePolicy:RolePolicy").filter((p) => p.name.startsWith("runtime-inspection")),
        ].map((p) => ({ label: p.name, document: JSON.parse(p.props.policy) }));
        assert.equal(documents.length, 3);
        const findings = lintWithParliament(documents).filter((f) => f.severity !== "LOW" && f.severity !== "INFO");
        assert.deepEqual(findings, []);
    });

    it("tags every taggable resource with the governance tags", async () => {
        const run = await sharedServices({});
        assert.deepEqual(untaggedResources(run.resources), []);
    });

    describe("bad settings fail before any resource is registered", () => {
        const cases: [string, InspectionRun, RegExp][] = [
            ["a missing image", { inspection: { image: undefined } }, /`runtimeInspection.image` is not set: build inspector\/Dockerfile/],
            [
                "an image by tag",
                { inspection: { image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/edf-inspector:latest" } },
                /`runtimeInspection.image` must be an image in ECR named by digest/,
            ],
            [
                "an injected digest that is no digest",
                { inspection: { image: IMAGE.split("@")[0] }, inputs: { "inspector-image-digest": "latest" } },
                /input `inspector-image-digest` must be an image digest/,
            ],
            ["a missing state bucket", { inspection: { stateBucket: undefined } }, /`runtimeInspection.stateBucket` is not set/],
            [
                "a bucket given as a URL",
                { inspection: { stateBucket: "s3://edf-state" } },
                /`runtimeInspection.stateBucket` must be an S3 bucket name/,
            ],
            [
                "a schedule that is no expression",
                { inspection: { schedule: "every 6 hours" } },
                /`runtimeInspection.schedule` must be an EventBridge/,
            ],
            [
                "an unknown target",
                { inspection: { publishTo: ["splunk"] } },
                /`runtimeInspection.publishTo` must list targets among `securityhub`/,
            ],
            [
                "memory Fargate does not offer",
                { inspection: { cpu: 256, memory: 8192 } },
                /`runtimeInspection.memory` must be from 512 to 2048 MiB/,
            ],
            [
                "short log retention",
                { inspection: { logRetentionDays: 30 } },
                /`runtimeInspection.logRetentionDays` must be .* at least 365/,
            ],
            ["a misspelt setting", { inspection: { shedule: "rate(1 hour)" } }, /`runtimeInspection.shedule` is not a setting/],
            [
                "a state prefix inside Pulumi's",
                { inspection: { statePrefix: ".pulumi/x" } },
                /`runtimeInspection.statePrefix` must be a key prefix/,
            ],
            [
                "a missing boundary input",
                { inputs: { permissionsBoundaryArn: undefined } },
                /input `permissionsBoundaryArn` is missing: inject `platform\/security`'s `permissionsBoundaryArn`/,
            ],
            ["missing private subnets", { inputs: { privateSubnetIds: undefined } }, /input `privateSubnetIds` is missing/],
        ];
        for (const [label, run, message] of cases) {
            it(`rejects ${label}`, async () => {
                const result = await sharedServices(run);
                assert.ok(result.error instanceof UnitConfigError, `${label}: ${result.error}`);
                assert.match(result.error.message, message);
                assert.equal(result.resources.length, 0);
            });
        }
    });

    describe("the scheduled task's command, read by the `edf` CLI's own parser (automation/cli/registry.ts)", () => {
        /** Parses `args` as `edf <args>` with the real program and registry; returns what `inspect`'s action would get. */
        async function parsedByTheCli(args: readonly string[]): Promise<Record<string, unknown>> {
            const { program } = buildProgram(
                () => undefined,
                () => undefined,
            );
            const inspect = program.commands.find((c) => c.name() === "inspect");
            assert.ok(inspect, "`edf inspect` is registered");
            let parsed: Record<string, unknown> | undefined;
            inspect.action((options: Record<string, unknown>) => {
                parsed = options;
            });
            await program.parseAsync([...args], { from: "user" });
            assert.ok(parsed, `\`edf ${args.join(" ")}\` did not reach \`inspect\``);
            return parsed;
        }
        const containerOf = async (inspection: Record<string, unknown>) => {
            const run = await sharedServices({ inspection });
            assert.equal(run.error, undefined, run.error?.message);
            const task = single(run.resources, "aws:ecs/taskDefinition:TaskDefinition").props;
            const [container] = JSON.parse(task.containerDefinitions);
            return container as { command: string[]; environment: { name: string; value: string }[] };
        };

        for (const publishTo of [[], ["securityhub"]]) {
            it(`is a command \`edf inspect\` accepts, with publishTo ${JSON.stringify(publishTo)}`, async () => {
                const container = await containerOf({ publishTo });
                const options = await parsedByTheCli(container.command);
                assert.equal(options.env, "dev");
                assert.deepEqual(parsePublishTargets(options.publish as string[] | undefined), publishTo);
                assert.equal(options.state, undefined, "the state comes from the variable, as the task sets it");
                const variables = Object.fromEntries(container.environment.map((e) => [e.name, e.value]));
                assert.deepEqual(Object.keys(variables).sort(), ["AWS_REGION", STATE_VARIABLE, TOPIC_VARIABLE].sort());
                const store = stateStoreFromLocation(variables[STATE_VARIABLE]!, () => ({}) as never);
                assert.ok(store instanceof S3StateStore);
                assert.equal(store.description, "s3://edf-state-123456789012/edf-inspections/dev");
            });
        }

        it("offers only targets the CLI knows", () => {
            assert.deepEqual([...INSPECTION_PUBLISH_TARGETS], [...INSPECT_PUBLISH_TARGETS]);
        });

        it("would catch a command that drifts from the CLI (the check can fail)", async () => {
            await assert.rejects(
                parsedByTheCli(["inspect", "--env", "dev", "--publish-to", "securityhub"]),
                /unknown option '--publish-to'/,
            );
            const options = await parsedByTheCli(["inspect", "--env", "dev", "--publish", "security-hub"]);
            assert.throws(
                () => parsePublishTargets(options.publish as string[]),
                (e: Error & { code?: string }) => e.code === "EDF_USAGE",
            );
        });
    });
});

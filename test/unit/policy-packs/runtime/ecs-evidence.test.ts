// Running digests from ECS: the pure mapping over DescribeTasks responses, and the ListTasks →
// DescribeTasks walk through the real AWS SDK against a local HTTP stand-in that replays
// recorded responses. The responses follow the DescribeTasks example of the AWS CLI/API
// reference (a Fargate task with an app container and a sidecar, `imageDigest` filled in as ECS
// does once the agent has pulled the image); they were not captured from a live account here.
// The real-server check (moto, which never fills `imageDigest`) is
// test/engine/policy-packs/ecs-evidence.test.ts.
import * as assert from "assert";
import * as http from "http";
import type { AddressInfo } from "net";
import { ECSClient, Task } from "@aws-sdk/client-ecs";
import {
    collectEcsRunningImages,
    ecsServiceRefProblems,
    familyOfTaskDefinitionArn,
    fetchEcsRunningImages,
    runningImagesFromTasks,
} from "../../../../policy-packs/runtime/evidence/ecs";
import { mergeEvidence, validateEvidence } from "../../../../policy-packs/runtime/evidence/model";

const APP = `sha256:${"1f".repeat(32)}`;
const ENVOY = `sha256:${"2e".repeat(32)}`;
const PINNED = `sha256:${"3d".repeat(32)}`;
const TASK_ARN = "arn:aws:ecs:eu-west-1:123456789012:task/prod/4d590253bb114126b7afa7b58eea9221";

/** One task as DescribeTasks returns it (JSON wire shape; dates as epoch seconds). */
function recordedTask(
    id: string,
    containers: Record<string, unknown>[],
    taskDefinitionArn = "arn:aws:ecs:eu-west-1:123456789012:task-definition/payments:7",
): Record<string, unknown> {
    const taskArn = `arn:aws:ecs:eu-west-1:123456789012:task/prod/${id}`;
    return {
        attachments: [],
        availabilityZone: "eu-west-1b",
        clusterArn: "arn:aws:ecs:eu-west-1:123456789012:cluster/prod",
        containers: containers.map((c) => ({
            containerArn: `arn:aws:ecs:eu-west-1:123456789012:container/prod/${id}/${String(c.name)}`,
            taskArn,
            lastStatus: "RUNNING",
            networkInterfaces: [],
            healthStatus: "HEALTHY",
            cpu: "0",
            ...c,
        })),
        cpu: "512",
        createdAt: 1764201600.123,
        desiredStatus: "RUNNING",
        group: "service:payments",
        launchType: "FARGATE",
        lastStatus: "RUNNING",
        memory: "1024",
        startedBy: "ecs-svc/9223370478364437513",
        taskArn,
        taskDefinitionArn,
        version: 3,
    };
}

const appAndSidecar = (id: string) =>
    recordedTask(id, [
        {
            name: "app",
            image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments:1.4.2",
            imageDigest: APP,
            runtimeId: `${id}-1234567890`,
        },
        { name: "envoy", image: "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29", imageDigest: ENVOY, runtimeId: `${id}-0987654321` },
    ]);

describe("running digests from ECS", () => {
    describe("the mapping from DescribeTasks", () => {
        it("takes every container's imageDigest, keyed by the task definition's family", () => {
            const tasks = [appAndSidecar("4d590253bb114126b7afa7b58eea9221")] as unknown as Task[];
            const out = runningImagesFromTasks(tasks, "prod/payments");
            assert.deepStrictEqual(out.running, [
                {
                    family: "payments",
                    container: "app",
                    digest: APP,
                    observedIn: "prod/payments task 4d590253bb114126b7afa7b58eea9221",
                    image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments:1.4.2",
                },
                {
                    family: "payments",
                    container: "envoy",
                    digest: ENVOY,
                    observedIn: "prod/payments task 4d590253bb114126b7afa7b58eea9221",
                    image: "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29",
                },
            ]);
            assert.deepStrictEqual(out.unobserved, []);
        });

        it("prefers the reported imageDigest over a pinned reference, and uses the pin when no digest is reported yet", () => {
            const tasks = [
                recordedTask("a", [{ name: "app", image: `repo/payments@${PINNED}`, imageDigest: APP }]),
                recordedTask("b", [{ name: "app", image: `repo/payments@${PINNED}`, lastStatus: "PENDING" }]),
            ] as unknown as Task[];
            assert.deepStrictEqual(
                runningImagesFromTasks(tasks, "prod/payments").running.map((r) => r.digest),
                [APP, PINNED],
            );
        });

        it("lists what it cannot pin instead of dropping it: tag without digest, malformed digest, no family", () => {
            const tasks = [
                recordedTask("a", [{ name: "app", image: "repo/payments:1.4.2", lastStatus: "PENDING" }]),
                recordedTask("b", [{ name: "app", image: "repo/payments:1.4.2", imageDigest: "md5:abc" }]),
                recordedTask("c", [{ name: "app", image: `repo/payments@${PINNED}` }], "not-an-arn"),
            ] as unknown as Task[];
            const out = runningImagesFromTasks(tasks, "prod/payments");
            assert.deepStrictEqual(out.running, []);
            assert.deepStrictEqual(
                out.unobserved.map((u) => [u.observedIn, u.container, u.image]),
                [
                    ["prod/payments task a", "app", "repo/payments:1.4.2"],
                    ["prod/payments task b", "app", "repo/payments:1.4.2"],
                    ["prod/payments task c", "app", `repo/payments@${PINNED}`],
                ],
            );
            assert.match(out.unobserved[0].reason, /no imageDigest .* not pinned by digest/);
            assert.match(out.unobserved[1].reason, /`md5:abc`, which is not a sha256 digest/);
            assert.match(out.unobserved[2].reason, /`not-an-arn` names no family/);
        });

        it("reads the family from task definition ARNs, also in other partitions", () => {
            assert.strictEqual(familyOfTaskDefinitionArn("arn:aws:ecs:eu-west-1:123456789012:task-definition/payments:7"), "payments");
            assert.strictEqual(
                familyOfTaskDefinitionArn("arn:aws-cn:ecs:cn-north-1:123456789012:task-definition/edf-api_v2:12"),
                "edf-api_v2",
            );
            assert.strictEqual(familyOfTaskDefinitionArn("payments:7"), undefined);
            assert.strictEqual(familyOfTaskDefinitionArn(undefined), undefined);
        });

        it("lists every service reference without a cluster or service at once", () => {
            assert.deepStrictEqual(ecsServiceRefProblems([{ cluster: "prod", service: "payments" }]), []);
            assert.deepStrictEqual(
                ecsServiceRefProblems([
                    { cluster: "prod", service: " " },
                    { cluster: "", service: "" },
                ]).map((p) => p.split(" ")[0]),
                ["`services[0].service`", "`services[1].cluster`", "`services[1].service`"],
            );
        });

        it("produces running entries the evidence schema accepts", () => {
            const out = runningImagesFromTasks([appAndSidecar("x")] as unknown as Task[], "prod/payments");
            const evidence = validateEvidence(mergeEvidence("2026-11-27T00:00:00.000Z", [{ running: out.running }]));
            assert.strictEqual(evidence.running.length, 2);
        });
    });

    describe("the ListTasks → DescribeTasks walk through the AWS SDK", () => {
        interface Call {
            readonly action: string;
            readonly body: Record<string, unknown>;
        }
        let server: http.Server;
        let calls: Call[];
        let replies: Record<string, (body: Record<string, unknown>) => [number, unknown]>;
        let ecs: ECSClient;

        before(async () => {
            server = http.createServer((req, res) => {
                let text = "";
                req.on("data", (c: Buffer) => (text += c.toString()));
                req.on("end", () => {
                    const action =
                        String(req.headers["x-amz-target"] ?? "")
                            .split(".")
                            .pop() ?? "";
                    const body = JSON.parse(text || "{}") as Record<string, unknown>;
                    calls.push({ action, body });
                    const [status, payload] = replies[action]?.(body) ?? [
                        400,
                        { __type: "InvalidParameterException", message: `no recorded reply for ${action}` },
                    ];
                    res.writeHead(status, { "content-type": "application/x-amz-json-1.1" });
                    res.end(JSON.stringify(payload));
                });
            });
            await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
            ecs = new ECSClient({
                endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
                region: "eu-west-1",
                credentials: { accessKeyId: "test", secretAccessKey: "test" },
                maxAttempts: 1,
            });
        });
        after(async () => {
            ecs.destroy();
            await new Promise((resolve) => server.close(resolve));
        });
        beforeEach(() => {
            calls = [];
            replies = {};
        });

        it("asks for the service's running tasks, follows every page and describes at most 100 tasks per call", async () => {
            // GIVEN a service with 150 running tasks listed over two pages
            const arns = Array.from({ length: 150 }, (_, i) => `${TASK_ARN.slice(0, -4)}${String(i).padStart(4, "0")}`);
            replies.ListTasks = (b) =>
                b.nextToken ? [200, { taskArns: arns.slice(100) }] : [200, { taskArns: arns.slice(0, 100), nextToken: "page-2" }];
            replies.DescribeTasks = (b) => [
                200,
                { tasks: (b.tasks as string[]).map((arn) => appAndSidecar(arn.split("/").pop() ?? "")), failures: [] },
            ];
            // WHEN its running images are fetched
            const out = await fetchEcsRunningImages(ecs, { cluster: "prod", service: "payments" });
            // THEN both pages were read with the service filter, tasks were described 100 + 50,
            // and every container of every task became evidence
            const lists = calls.filter((c) => c.action === "ListTasks");
            assert.deepStrictEqual(
                lists.map((c) => [c.body.cluster, c.body.serviceName, c.body.desiredStatus, c.body.nextToken]),
                [
                    ["prod", "payments", "RUNNING", undefined],
                    ["prod", "payments", "RUNNING", "page-2"],
                ],
            );
            assert.deepStrictEqual(
                calls.filter((c) => c.action === "DescribeTasks").map((c) => (c.body.tasks as string[]).length),
                [100, 50],
            );
            assert.strictEqual(out.running.length, 300);
            assert.deepStrictEqual([...new Set(out.running.map((r) => `${r.container}=${r.digest}`))].sort(), [
                `app=${APP}`,
                `envoy=${ENVOY}`,
            ]);
        });

        it("reports a task that stopped between ListTasks and DescribeTasks as unobserved", async () => {
            replies.ListTasks = () => [200, { taskArns: [TASK_ARN] }];
            replies.DescribeTasks = () => [200, { tasks: [], failures: [{ arn: TASK_ARN, reason: "MISSING" }] }];
            const out = await fetchEcsRunningImages(ecs, { cluster: "prod", service: "payments" });
            assert.deepStrictEqual(out.running, []);
            assert.deepStrictEqual(out.unobserved, [
                { observedIn: "prod/payments", container: TASK_ARN, reason: "DescribeTasks failed: MISSING" },
            ]);
        });

        it("does not call DescribeTasks for a service with no running task", async () => {
            replies.ListTasks = () => [200, { taskArns: [] }];
            const out = await collectEcsRunningImages(ecs, [{ cluster: "prod", service: "idle" }]);
            assert.deepStrictEqual(out, { running: [], unobserved: [] });
            assert.deepStrictEqual(
                calls.map((c) => c.action),
                ["ListTasks"],
            );
        });

        it("names the service, the cluster and the fix when ECS refuses", async () => {
            replies.ListTasks = () => [400, { __type: "ServiceNotFoundException", message: "Service not found." }];
            await assert.rejects(
                fetchEcsRunningImages(ecs, { cluster: "prod", service: "gone" }),
                /Could not list the tasks of ECS service `gone` in cluster `prod`: Service not found\.. Check the cluster and service names/,
            );
        });
    });
});

import { DescribeTasksCommand, ECSClient, ListTasksCommand, Task } from "@aws-sdk/client-ecs";
import type { RunningImage } from "./model";

/** The ECS service whose running image digests to observe. */
export interface EcsServiceRef {
    /** Cluster name or ARN. */
    readonly cluster: string;
    /** Service name or ARN. */
    readonly service: string;
}

/** A container whose running digest could not be determined; the caller decides whether that blocks. */
export interface UnobservedContainer {
    /** Where it was looked for (`cluster/service task <id>`). */
    readonly observedIn: string;
    /** Container name, or the task ARN when ECS could not describe the task at all. */
    readonly container: string;
    /** The image reference ECS reported, when it reported one. */
    readonly image?: string;
    readonly reason: string;
}

/**
 * Running images of ECS services: `running` is the evidence the drift policy
 * (`image-running-digest-matches-declared`) consumes; `unobserved` lists what could not be
 * pinned to a digest, so an incomplete observation is never mistaken for "no drift".
 */
export interface EcsRunningEvidence {
    readonly running: RunningImage[];
    readonly unobserved: UnobservedContainer[];
}

const DIGEST = /^sha256:[a-f0-9]{64}$/;
const PINNED = /@(sha256:[a-f0-9]{64})$/;
/** DescribeTasks accepts at most 100 tasks per call. */
const DESCRIBE_BATCH = 100;

/** `arn:aws:ecs:eu-west-1:123:task-definition/payments:7` → `payments`. */
export function familyOfTaskDefinitionArn(arn: string | undefined): string | undefined {
    return arn?.match(/:task-definition\/([^:/]+):\d+$/)?.[1];
}

function taskId(task: Task): string {
    return task.taskArn?.split("/").pop() ?? "(unknown task)";
}

/**
 * The pure mapping from DescribeTasks' tasks to running-image evidence. The digest is ECS's
 * `containers[].imageDigest` (the manifest digest the agent resolved and pulled); when ECS has
 * not reported one yet (task still pending) but the image reference is pinned by digest, that
 * digest is what runs. A tag reference without `imageDigest` cannot be pinned and is listed as
 * unobserved.
 */
export function runningImagesFromTasks(tasks: readonly Task[], where: string): EcsRunningEvidence {
    const running: RunningImage[] = [];
    const unobserved: UnobservedContainer[] = [];
    for (const task of tasks) {
        const observedIn = `${where} task ${taskId(task)}`;
        const family = familyOfTaskDefinitionArn(task.taskDefinitionArn);
        for (const [i, c] of (task.containers ?? []).entries()) {
            const container = c.name ?? `#${i}`;
            const image = c.image;
            if (!family) {
                unobserved.push({
                    observedIn,
                    container,
                    ...(image ? { image } : {}),
                    reason: `the task's definition ARN \`${task.taskDefinitionArn ?? "(none)"}\` names no family`,
                });
                continue;
            }
            const digest = c.imageDigest && DIGEST.test(c.imageDigest) ? c.imageDigest : image?.match(PINNED)?.[1];
            if (digest) running.push({ family, container, digest, observedIn, ...(image ? { image } : {}) });
            else
                unobserved.push({
                    observedIn,
                    container,
                    ...(image ? { image } : {}),
                    reason: c.imageDigest
                        ? `ECS reported \`${c.imageDigest}\`, which is not a sha256 digest`
                        : "ECS reported no imageDigest (task not started yet?) and the image reference is not pinned by digest",
                });
        }
    }
    return { running, unobserved };
}

function describeError(action: string, ref: EcsServiceRef, e: unknown): Error {
    return new Error(
        `Could not ${action} of ECS service \`${ref.service}\` in cluster ` +
            `\`${ref.cluster}\`: ${(e as Error).message}. Check the cluster and ` +
            `service names and that the caller may call ecs:ListTasks and ecs:DescribeTasks.`,
    );
}

/**
 * Observes what an ECS service runs: ListTasks for the service (every page, desired status
 * RUNNING), then DescribeTasks in batches of 100, then `runningImagesFromTasks`.
 */
export async function fetchEcsRunningImages(client: ECSClient, ref: EcsServiceRef): Promise<EcsRunningEvidence> {
    const where = `${ref.cluster}/${ref.service}`;
    const taskArns: string[] = [];
    let nextToken: string | undefined;
    do {
        try {
            const page = await client.send(
                new ListTasksCommand({
                    cluster: ref.cluster,
                    serviceName: ref.service,
                    desiredStatus: "RUNNING",
                    nextToken,
                    maxResults: 100,
                }),
            );
            taskArns.push(...(page.taskArns ?? []));
            nextToken = page.nextToken;
        } catch (e) {
            throw describeError("list the tasks", ref, e);
        }
    } while (nextToken);
    const running: RunningImage[] = [];
    const unobserved: UnobservedContainer[] = [];
    for (let i = 0; i < taskArns.length; i += DESCRIBE_BATCH) {
        let tasks: Task[];
        try {
            const page = await client.send(
                new DescribeTasksCommand({ cluster: ref.cluster, tasks: taskArns.slice(i, i + DESCRIBE_BATCH) }),
            );
            tasks = page.tasks ?? [];
            // A task that stopped between ListTasks and DescribeTasks comes back as a failure (MISSING).
            for (const f of page.failures ?? [])
                unobserved.push({
                    observedIn: where,
                    container: f.arn ?? "(unknown task)",
                    reason: `DescribeTasks failed: ${f.reason ?? "no reason given"}${f.detail ? ` (${f.detail})` : ""}`,
                });
        } catch (e) {
            throw describeError("describe the tasks", ref, e);
        }
        const mapped = runningImagesFromTasks(tasks, where);
        running.push(...mapped.running);
        unobserved.push(...mapped.unobserved);
    }
    return { running, unobserved };
}

/** Problems with the services to observe, all at once (empty when fine). */
export function ecsServiceRefProblems(services: readonly EcsServiceRef[]): string[] {
    return services.flatMap((ref, i) =>
        (["cluster", "service"] as const)
            .filter((k) => typeof ref?.[k] !== "string" || ref[k].trim() === "")
            .map(
                (k) =>
                    `\`services[${i}].${k}\` is missing or empty: an ECS service to ` +
                    `observe needs both \`cluster\` and \`service\` (name or ARN).`,
            ),
    );
}

/** Observes several services one after another (ECS throttles bursts), as one evidence part. */
export async function collectEcsRunningImages(client: ECSClient, services: readonly EcsServiceRef[]): Promise<EcsRunningEvidence> {
    const problems = ecsServiceRefProblems(services);
    if (problems.length > 0) throw new Error(problems.join("\n"));
    const out: EcsRunningEvidence = { running: [], unobserved: [] };
    for (const ref of services) {
        const one = await fetchEcsRunningImages(client, ref);
        out.running.push(...one.running);
        out.unobserved.push(...one.unobserved);
    }
    return out;
}

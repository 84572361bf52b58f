/**
 * ledger-worker: a queue worker that records ledger entries in its own DynamoDB table
 * and writes statements to its own bucket. It serves no HTTP traffic.
 *
 * Everything environment-specific arrives from outside: the landing zone (injected
 * contract parts or stack references), the settings (Consul), governance, sizing and the
 * image digest (stack config). See docs/services.md for the environment-spec entries.
 */
import { defineUnit } from "../../unit/define";
import {
    assertContainerShape,
    Bucket,
    ContainerService,
    containerSettings,
    ContainerShape,
    Queue,
    readServiceSettings,
    resolveLandingZone,
    ServiceIdentity,
    Table,
    taskSize,
} from "../sdk";

export const SERVICE_NAME = "ledger-worker";

/** Task sizes by environment size; `edf:task` overrides either field. */
const TASK_SIZES = { dev: { cpu: 256, memory: 512 }, prod: { cpu: 512, memory: 1024 } } as const;

export default defineUnit(async (ctx) => {
    const settings = readServiceSettings(ctx);
    const shape: ContainerShape = {
        image: settings.image,
        ...taskSize(settings, TASK_SIZES),
        scaling: { cpuTargetPercent: 70 },
    };
    assertContainerShape(ctx, settings, SERVICE_NAME, shape);
    // Settings from Consul: environment variables, or ECS secrets when the spec marks the input `secret: true`.
    const consulSettings = containerSettings(ctx.inputs, "config");
    const landingZone = await resolveLandingZone(ctx);

    const identity = new ServiceIdentity(SERVICE_NAME, {
        landingZone,
        environment: ctx.environment,
        size: settings.size,
        governance: settings.governance,
    });
    // Visibility longer than the worst-case handling time, so a slow entry is not processed twice.
    const jobs = new Queue("jobs", { service: identity, access: "consume", visibilityTimeoutSeconds: 120 });
    const ledger = new Table("ledger", { service: identity, partitionKey: { name: "accountId" }, sortKey: { name: "entryId" } });
    const statements = new Bucket("statements", { service: identity, access: "read-write" });
    const service = new ContainerService(SERVICE_NAME, {
        ...shape,
        identity,
        environmentVariables: {
            ...consulSettings.environmentVariables,
            JOBS_QUEUE_URL: jobs.url,
            LEDGER_TABLE: ledger.tableName,
            STATEMENTS_BUCKET: statements.bucketName,
        },
        secrets: consulSettings.secrets,
    });

    return {
        serviceName: service.service.name,
        image: service.image,
        repositoryUrl: service.repository.repositoryUrl,
        jobsQueueUrl: jobs.url,
        ledgerTableName: ledger.tableName,
        statementsBucketName: statements.bucketName,
        taskRoleArn: identity.taskRole.arn,
        contractVersion: landingZone.sharedServices.contractVersion,
    };
});

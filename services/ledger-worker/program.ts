/**
 * ledger-worker: a queue worker that records ledger entries in its own DynamoDB table
 * and writes statements to its own bucket. It serves no HTTP traffic.
 *
 * Everything environment-specific arrives from outside: the landing zone (injected
 * contract parts or stack references), the settings (Consul), governance, sizing and the
 * image digest (stack config). See docs/services.md for the environment-spec entries.
 */
import { Bucket, Queue, serviceUnit, Table } from "../sdk";

export const SERVICE_NAME = "ledger-worker";

export default serviceUnit({
    name: SERVICE_NAME,
    taskSizes: { dev: { cpu: 256, memory: 512 }, prod: { cpu: 512, memory: 1024 } },
    container: { scaling: { cpuTargetPercent: 70 } },
    dependencies: ({ identity }) => {
        // Visibility longer than the worst-case handling time, so a slow entry is not processed twice.
        const jobs = new Queue("jobs", { service: identity, access: "consume", visibilityTimeoutSeconds: 120 });
        const ledger = new Table("ledger", { service: identity, partitionKey: { name: "accountId" }, sortKey: { name: "entryId" } });
        const statements = new Bucket("statements", { service: identity, access: "read-write" });
        return {
            environmentVariables: {
                JOBS_QUEUE_URL: jobs.url,
                LEDGER_TABLE: ledger.tableName,
                STATEMENTS_BUCKET: statements.bucketName,
            },
            outputs: {
                jobsQueueUrl: jobs.url,
                ledgerTableName: ledger.tableName,
                statementsBucketName: statements.bucketName,
                taskRoleArn: identity.taskRole.arn,
            },
        };
    },
});

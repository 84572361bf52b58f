import { strict as assert } from "assert";
import program from "../../../../services/ledger-worker/program";
import { arnOf, CapturedResource, idOf, named, ofType, single } from "../../platform/support/mock-run";
import { allowedResources, containersOf, documentOf, untaggedResources } from "../../platform/support/assertions";
import { landingZoneFor, PINNED_DIGEST, runServiceUnit } from "../support/service-fixtures";

const UNIT = "services/ledger-worker";

for (const environment of ["dev", "prod"] as const) {
    describe(`ledger-worker in ${environment}`, () => {
        const lz = landingZoneFor(environment);
        let run: Awaited<ReturnType<typeof runServiceUnit>>;
        const grantOf = (name: string): CapturedResource => named(run.resources, "aws:iam/rolePolicy:RolePolicy", name);
        const taskGrants = (): CapturedResource[] =>
            ofType(run.resources, "aws:iam/rolePolicy:RolePolicy").filter(
                (p) => p.props.role === idOf(run, "aws:iam/role:Role", "ledger-worker-task"),
            );

        before(async () => {
            run = await runServiceUnit(UNIT, program, { environment, inputs: { config: { pollIntervalSeconds: 5 } } });
            assert.equal(run.error, undefined, run.error?.message);
        });

        it("owns a KMS-encrypted queue with a dead-letter queue, both refusing requests without TLS", () => {
            const queues = ofType(run.resources, "aws:sqs/queue:Queue");
            assert.deepEqual(queues.map((q) => q.name).sort(), ["ledger-worker-jobs", "ledger-worker-jobs-dlq"]);
            for (const queue of queues) {
                assert.equal(queue.props.kmsMasterKeyId, lz.security.dataKmsKeyArn, queue.name);
            }
            const main = queues.find((q) => q.name === "ledger-worker-jobs")!;
            assert.deepEqual(JSON.parse(main.props.redrivePolicy), {
                deadLetterTargetArn: arnOf(run, "aws:sqs/queue:Queue", "ledger-worker-jobs-dlq"),
                maxReceiveCount: 5,
            });
            for (const policy of ofType(run.resources, "aws:sqs/queuePolicy:QueuePolicy")) {
                const [deny] = documentOf(policy.props.policy).Statement;
                assert.deepEqual([deny.Effect, deny.Condition], ["Deny", { Bool: { "aws:SecureTransport": "false" } }]);
            }
        });

        it("owns a DynamoDB table with the data key and point-in-time recovery", () => {
            const table = single(run.resources, "aws:dynamodb/table:Table");
            assert.deepEqual(table.props.serverSideEncryption, { enabled: true, kmsKeyArn: lz.security.dataKmsKeyArn });
            assert.deepEqual(table.props.pointInTimeRecovery, { enabled: true });
            assert.equal(table.props.deletionProtectionEnabled, environment === "prod");
            assert.deepEqual([table.props.hashKey, table.props.rangeKey], ["accountId", "entryId"]);
        });

        it("owns a bucket with the data key, versioning, every public-access block and a TLS-only policy", () => {
            const bucket = single(run.resources, "aws:s3/bucket:Bucket");
            assert.equal(bucket.props.bucketPrefix, `${environment}-ledger-worker-statements-`);
            const sse = single(run.resources, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration");
            assert.deepEqual(sse.props.rules[0].applyServerSideEncryptionByDefault, {
                sseAlgorithm: "aws:kms",
                kmsMasterKeyId: lz.security.dataKmsKeyArn,
            });
            assert.equal(single(run.resources, "aws:s3/bucketVersioning:BucketVersioning").props.versioningConfiguration.status, "Enabled");
            const block = single(run.resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").props;
            assert.deepEqual(
                [block.blockPublicAcls, block.blockPublicPolicy, block.ignorePublicAcls, block.restrictPublicBuckets],
                [true, true, true, true],
            );
            const [deny] = documentOf(single(run.resources, "aws:s3/bucketPolicy:BucketPolicy").props.policy).Statement;
            const statements = arnOf(run, "aws:s3/bucket:Bucket", "ledger-worker-statements");
            assert.match(statements, new RegExp(`^arn:aws:s3:::${environment}-ledger-worker-statements-`));
            assert.deepEqual(deny.Resource, [statements, `${statements}/*`]);
            assert.deepEqual(deny.Condition, { Bool: { "aws:SecureTransport": "false" } });
        });

        it("logs access to the bucket into the landing zone's access-logs bucket and aborts unfinished uploads", () => {
            const logging = single(run.resources, "aws:s3/bucketLogging:BucketLogging").props;
            assert.deepEqual(
                [logging.targetBucket, logging.targetPrefix],
                [lz.security.accessLogsBucketName, "s3/ledger-worker/statements/"],
            );
            const [rule] = single(run.resources, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").props.rules;
            assert.deepEqual([rule.status, rule.filter, rule.abortIncompleteMultipartUpload], ["Enabled", {}, { daysAfterInitiation: 7 }]);
        });

        it("grants the task role exactly the queue, the table and its indexes, the bucket and its objects", () => {
            assert.deepEqual(
                taskGrants()
                    .map((g) => g.name)
                    .sort(),
                ["ledger-worker-jobs-access", "ledger-worker-ledger-access", "ledger-worker-statements-access"],
            );
            const queue = documentOf(grantOf("ledger-worker-jobs-access").props.policy);
            assert.deepEqual(allowedResources(queue), [arnOf(run, "aws:sqs/queue:Queue", "ledger-worker-jobs"), lz.security.dataKmsKeyArn]);
            assert.deepEqual(
                queue.Statement[0].Action,
                ["sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"],
                "a consumer cannot send",
            );
            const table = documentOf(grantOf("ledger-worker-ledger-access").props.policy);
            assert.deepEqual(allowedResources(table), [
                arnOf(run, "aws:dynamodb/table:Table", "ledger-worker-ledger"),
                `${arnOf(run, "aws:dynamodb/table:Table", "ledger-worker-ledger")}/index/*`,
                lz.security.dataKmsKeyArn,
            ]);
            const bucket = documentOf(grantOf("ledger-worker-statements-access").props.policy);
            const statements = arnOf(run, "aws:s3/bucket:Bucket", "ledger-worker-statements");
            assert.deepEqual(allowedResources(bucket), [statements, `${statements}/*`, lz.security.dataKmsKeyArn]);
            for (const document of [queue, table, bucket]) {
                const kms = document.Statement.find((s) => s.Resource === lz.security.dataKmsKeyArn)!;
                assert.ok(kms.Condition.StringLike["kms:ViaService"], "the data key only through the owning service");
            }
        });

        it("never grants a wildcard resource to the task role", () => {
            const grants = taskGrants();
            assert.equal(grants.length, 3);
            for (const grant of grants) {
                assert.equal(allowedResources(documentOf(grant.props.policy)).includes("*"), false, grant.name);
            }
        });

        it("puts both roles under the permissions boundary", () => {
            const roles = ofType(run.resources, "aws:iam/role:Role");
            assert.equal(roles.length, 2);
            assert.ok(roles.every((r) => r.props.permissionsBoundary === lz.security.permissionsBoundaryArn));
        });

        it("is a worker: no target group, no listener rule, no open port, scaling on CPU only", () => {
            assert.equal(ofType(run.resources, "aws:lb/targetGroup:TargetGroup").length, 0);
            assert.equal(ofType(run.resources, "aws:lb/listenerRule:ListenerRule").length, 0);
            assert.equal(ofType(run.resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").length, 0);
            const [container] = containersOf(single(run.resources, "aws:ecs/taskDefinition:TaskDefinition"));
            assert.deepEqual(container.portMappings, []);
            assert.deepEqual(single(run.resources, "aws:ecs/service:Service").props.loadBalancers, []);
            const metrics = ofType(run.resources, "aws:appautoscaling/policy:Policy").map(
                (p) => p.props.targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType,
            );
            assert.deepEqual(metrics, ["ECSServiceAverageCPUUtilization"]);
        });

        it("hands the container its queue, table, bucket and Consul settings as plain configuration", () => {
            const [container] = containersOf(single(run.resources, "aws:ecs/taskDefinition:TaskDefinition"));
            assert.deepEqual(
                container.environment.map((e: { name: string }) => e.name),
                ["CONFIG_POLL_INTERVAL_SECONDS", "JOBS_QUEUE_URL", "LEDGER_TABLE", "STATEMENTS_BUCKET"],
            );
            assert.deepEqual(container.secrets, []);
            if (environment === "prod") {
                assert.ok(container.image.endsWith(`@${PINNED_DIGEST}`));
            }
        });

        it("runs in private subnets without public IPs", () => {
            const service = single(run.resources, "aws:ecs/service:Service");
            assert.deepEqual(service.props.networkConfiguration, {
                subnets: lz.network.privateSubnetIds,
                securityGroups: [idOf(run, "aws:ec2/securityGroup:SecurityGroup", "ledger-worker-tasks")],
                assignPublicIp: false,
            });
        });

        it("tags every taggable resource with the governance tags", () => {
            assert.deepEqual(untaggedResources(run.resources), []);
        });
    });
}

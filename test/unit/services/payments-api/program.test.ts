import { strict as assert } from "assert";
import program from "../../../../services/payments-api/program";
import { arnOf, idOf, ofType, single } from "../../platform/support/mock-run";
import {
    allowedResources,
    containersOf,
    documentOf,
    plaintextOccurrences,
    secretOccurrences,
    untaggedResources,
} from "../../platform/support/assertions";
import { CANARY_API_KEY, CANARY_DB_PASSWORD, landingZoneFor, PINNED_DIGEST, runServiceUnit } from "../support/service-fixtures";
import { validNetworkOutputs, validSecurityOutputs, validSharedServicesOutputs } from "../../platform/support/contract-fixtures";

const UNIT = "services/payments-api";

for (const environment of ["dev", "prod"] as const) {
    describe(`payments-api in ${environment}`, () => {
        const lz = landingZoneFor(environment);
        let run: Awaited<ReturnType<typeof runServiceUnit>>;

        before(async () => {
            run = await runServiceUnit(UNIT, program, { environment });
            assert.equal(run.error, undefined, run.error?.message);
        });

        it("owns an ECR repository with immutable tags, scan on push and the landing zone's data key", () => {
            const repo = single(run.resources, "aws:ecr/repository:Repository");
            assert.equal(repo.props.name, `${environment}/payments-api`);
            assert.equal(repo.props.imageTagMutability, "IMMUTABLE");
            assert.deepEqual(repo.props.imageScanningConfiguration, { scanOnPush: true });
            assert.deepEqual(repo.props.encryptionConfigurations, [{ encryptionType: "KMS", kmsKey: lz.security.dataKmsKeyArn }]);
        });

        it("runs one hardened container: non-root, read-only root, unprivileged, no capabilities, logging to its own group", () => {
            const task = single(run.resources, "aws:ecs/taskDefinition:TaskDefinition");
            assert.deepEqual(task.props.requiresCompatibilities, ["FARGATE"]);
            assert.equal(task.props.networkMode, "awsvpc");
            const [container] = containersOf(task);
            assert.equal(container.user, "1000:1000");
            assert.equal(container.readonlyRootFilesystem, true);
            assert.equal(container.privileged, false);
            assert.deepEqual(container.linuxParameters.capabilities.drop, ["ALL"]);
            assert.equal(container.logConfiguration.logDriver, "awslogs");
            assert.equal(container.logConfiguration.options["awslogs-group"], `/edf/${environment}/services/payments-api`);
        });

        it("logs to a log group encrypted with the logs key, kept a year", () => {
            const logs = single(run.resources, "aws:cloudwatch/logGroup:LogGroup");
            assert.equal(logs.props.kmsKeyId, lz.security.logsKmsKeyArn);
            assert.equal(logs.props.retentionInDays, 365);
        });

        it(environment === "prod" ? "pins the image by digest" : "runs the image by tag", () => {
            const [container] = containersOf(single(run.resources, "aws:ecs/taskDefinition:TaskDefinition"));
            const repository = `123456789012.dkr.ecr.us-east-1.amazonaws.com/${environment}/payments-api`;
            assert.equal(container.image, environment === "prod" ? `${repository}@${PINNED_DIGEST}` : `${repository}:latest`);
            assert.equal(run.outputs?.image, container.image);
        });

        it("sizes the task for the environment", () => {
            const task = single(run.resources, "aws:ecs/taskDefinition:TaskDefinition");
            assert.deepEqual([task.props.cpu, task.props.memory], environment === "prod" ? ["1024", "2048"] : ["256", "512"]);
        });

        it("delivers the Vault values only as ECS secrets, never as environment variables", () => {
            const [container] = containersOf(single(run.resources, "aws:ecs/taskDefinition:TaskDefinition"));
            assert.deepEqual(
                container.secrets.map((s: { name: string }) => s.name),
                ["DB_PASSWORD", "PROCESSOR_API_KEY"],
            );
            for (const secret of container.secrets) {
                assert.match(secret.valueFrom, /^arn:aws:secretsmanager:/);
            }
            assert.equal(container.secrets[0].valueFrom.endsWith(":password::"), true);
            const names = container.environment.map((e: { name: string }) => e.name);
            assert.deepEqual(names, ["CONFIG_LOG_LEVEL", "CONFIG_SETTLEMENT_CURRENCY", "DB_HOST", "DB_NAME", "DB_PORT", "DB_USER"]);
        });

        it("keeps every injected secret out of plain text in all registered inputs", () => {
            assert.deepEqual(plaintextOccurrences(run.resources, [CANARY_DB_PASSWORD, CANARY_API_KEY]), []);
            const outputs = JSON.stringify(run.outputs);
            assert.ok(!outputs.includes(CANARY_DB_PASSWORD) && !outputs.includes(CANARY_API_KEY), "no secret in the stack outputs");
            // The check looks where the values are: they exist, wrapped as secrets.
            assert.deepEqual(secretOccurrences(run.resources, CANARY_API_KEY), [
                "aws:secretsmanager/secretVersion:SecretVersion payments-api-secret-processor-api-key-value",
            ]);
            assert.deepEqual(secretOccurrences(run.resources, CANARY_DB_PASSWORD).sort(), [
                "aws:rds/instance:Instance payments-api-db",
                "aws:secretsmanager/secretVersion:SecretVersion payments-api-db-credentials-value",
            ]);
        });

        it("stores the Vault values in Secrets Manager under the landing zone's secrets key", () => {
            for (const secret of ofType(run.resources, "aws:secretsmanager/secret:Secret")) {
                assert.equal(secret.props.kmsKeyId, lz.security.secretsKmsKeyArn, secret.name);
            }
        });

        it("marks the Secrets Manager copies of Vault values as rotated by Vault", () => {
            const secrets = ofType(run.resources, "aws:secretsmanager/secret:Secret");
            assert.equal(secrets.length, 2);
            for (const secret of secrets) assert.equal(secret.props.tags["edf:rotated-by"], "vault", secret.name);
        });

        it("has distinct task and execution roles, both under the permissions boundary", () => {
            const roles = ofType(run.resources, "aws:iam/role:Role");
            // The third is the database's Enhanced Monitoring role, which only RDS assumes.
            assert.deepEqual(roles.map((r) => r.name).sort(), [
                "payments-api-db-monitoring",
                "payments-api-execution",
                "payments-api-task",
            ]);
            for (const role of roles) {
                assert.equal(role.props.permissionsBoundary, lz.security.permissionsBoundaryArn, role.name);
                const service = role.name.endsWith("-db-monitoring") ? "monitoring.rds.amazonaws.com" : "ecs-tasks.amazonaws.com";
                assert.deepEqual(documentOf(role.props.assumeRolePolicy).Statement[0].Principal, { Service: service });
            }
            const task = single(run.resources, "aws:ecs/taskDefinition:TaskDefinition");
            assert.notEqual(task.props.taskRoleArn, task.props.executionRoleArn);
        });

        it("grants the execution role exactly its repository, log group, secrets and the secrets key", () => {
            const all = ofType(run.resources, "aws:iam/rolePolicy:RolePolicy");
            const executionRole = idOf(run, "aws:iam/role:Role", "payments-api-execution");
            assert.deepEqual(
                all.map((p) => p.props.role).sort(),
                [`${environment}-payments-api-db-monitoring`, executionRole].sort(),
                "only the execution role and the database's monitoring role have grants: the task needs none",
            );
            // Enhanced Monitoring writes one log group of this account and region, nothing else.
            const monitoring = documentOf(all.find((p) => p.props.role !== executionRole)!.props.policy);
            assert.deepEqual(allowedResources(monitoring).sort(), [
                "arn:aws:logs:us-east-1:123456789012:log-group:RDSOSMetrics",
                "arn:aws:logs:us-east-1:123456789012:log-group:RDSOSMetrics:log-stream:*",
            ]);
            const policies = all.filter((p) => p.props.role === executionRole);
            const document = documentOf(policies[0].props.policy);
            const account = "123456789012";
            assert.deepEqual(
                allowedResources(document).sort(),
                [
                    "*",
                    `arn:aws:ecr:us-east-1:${account}:repository/${environment}/payments-api`,
                    `arn:aws:logs:us-east-1:${account}:log-group:/edf/${environment}/services/payments-api:log-stream:*`,
                    arnOf(run, "aws:secretsmanager/secret:Secret", "payments-api-db-credentials"),
                    arnOf(run, "aws:secretsmanager/secret:Secret", "payments-api-secret-processor-api-key"),
                    lz.security.secretsKmsKeyArn,
                ].sort(),
            );
            const wildcard = document.Statement.filter((s) => s.Resource === "*");
            assert.deepEqual(
                wildcard.map((s) => s.Action),
                [["ecr:GetAuthorizationToken"]],
            );
            const kms = document.Statement.find((s) => s.Resource === lz.security.secretsKmsKeyArn)!;
            assert.deepEqual(kms.Condition, { StringLike: { "kms:ViaService": "secretsmanager.*.amazonaws.com" } });
        });

        it("runs in the private subnets of the shared cluster without public IPs", () => {
            const service = single(run.resources, "aws:ecs/service:Service");
            assert.equal(service.props.cluster, lz.sharedServices.ecsClusterArn);
            assert.deepEqual(service.props.networkConfiguration.subnets, lz.network.privateSubnetIds);
            assert.equal(service.props.networkConfiguration.assignPublicIp, false);
            assert.equal(service.props.launchType, "FARGATE");
            assert.deepEqual(service.props.deploymentCircuitBreaker, { enable: true, rollback: true });
        });

        it("is reached through a target group, health check and listener rule on the shared ALB", () => {
            const targets = single(run.resources, "aws:lb/targetGroup:TargetGroup");
            assert.equal(targets.props.targetType, "ip");
            assert.equal(targets.props.vpcId, lz.network.vpcId);
            assert.equal(targets.props.healthCheck.path, "/payments/health");
            const rule = single(run.resources, "aws:lb/listenerRule:ListenerRule");
            assert.equal(rule.props.listenerArn, lz.sharedServices.httpsListenerArn);
            assert.deepEqual(rule.props.conditions, [{ pathPattern: { values: ["/payments", "/payments/*"] } }]);
            const fromAlb = ofType(run.resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").find(
                (r) => r.name === "payments-api-from-alb",
            )!;
            assert.equal(fromAlb.props.referencedSecurityGroupId, lz.sharedServices.albSecurityGroupId);
            assert.deepEqual([fromAlb.props.fromPort, fromAlb.props.toPort], [8080, 8080]);
        });

        it("scales on CPU and on requests per target within the environment's bounds", () => {
            const target = single(run.resources, "aws:appautoscaling/target:Target");
            assert.deepEqual([target.props.minCapacity, target.props.maxCapacity], environment === "prod" ? [2, 10] : [1, 2]);
            const metrics = ofType(run.resources, "aws:appautoscaling/policy:Policy").map(
                (p) => p.props.targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType,
            );
            assert.deepEqual(metrics.sort(), ["ALBRequestCountPerTarget", "ECSServiceAverageCPUUtilization"]);
        });

        it("owns a PostgreSQL database: encrypted, isolated, backed up, reachable only from its tasks", () => {
            const db = single(run.resources, "aws:rds/instance:Instance");
            assert.equal(db.props.storageEncrypted, true);
            assert.equal(db.props.kmsKeyId, lz.security.dataKmsKeyArn);
            assert.equal(db.props.publiclyAccessible, false);
            assert.equal(db.props.multiAz, environment === "prod");
            assert.equal(db.props.deletionProtection, environment === "prod");
            assert.equal(db.props.backupRetentionPeriod, environment === "prod" ? 14 : 7);
            assert.deepEqual(single(run.resources, "aws:rds/subnetGroup:SubnetGroup").props.subnetIds, lz.network.isolatedSubnetIds);
            const forceSsl = single(run.resources, "aws:rds/parameterGroup:ParameterGroup").props.parameters.find(
                (p: { name: string }) => p.name === "rds.force_ssl",
            );
            assert.equal(forceSsl.value, "1");
            const ingress = ofType(run.resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").find(
                (r) => r.name === "payments-api-db-from-service",
            )!;
            assert.equal(ingress.props.referencedSecurityGroupId, idOf(run, "aws:ec2/securityGroup:SecurityGroup", "payments-api-tasks"));
            assert.equal(ingress.props.cidrIpv4, undefined);
        });

        it("tags every taggable resource with the governance tags of its environment", () => {
            assert.deepEqual(untaggedResources(run.resources), []);
            const tags = single(run.resources, "aws:ecs/service:Service").props.tags;
            assert.equal(tags.environment, environment);
            assert.equal(tags["pci-scope"], "in-scope");
        });

        it("reports the contract version it consumed", () => {
            assert.equal(run.outputs?.contractVersion, "1.1");
        });
    });
}

describe("payments-api through stack references", () => {
    it("reads the landing zone from the stacks named in config and validates them", async () => {
        const stacks = {
            network: "organization/edf/dev.network",
            security: "organization/edf/dev.security",
            sharedServices: "organization/edf/dev.shared-services",
        };
        const run = await runServiceUnit(
            UNIT,
            program,
            { environment: "dev", landingZone: null, landingZoneStacks: stacks },
            {
                [stacks.network]: validNetworkOutputs(),
                [stacks.security]: validSecurityOutputs(),
                [stacks.sharedServices]: validSharedServicesOutputs(),
            },
        );
        assert.equal(run.error, undefined, run.error?.message);
        assert.deepEqual(
            ofType(run.resources, "pulumi:pulumi:StackReference")
                .map((r) => r.props.name)
                .sort(),
            Object.values(stacks).sort(),
        );
        assert.deepEqual(single(run.resources, "aws:ecs/service:Service").props.networkConfiguration.subnets, ["subnet-a1", "subnet-a2"]);
    });
});

describe("payments-api with its Consul settings marked secret", () => {
    const CANARY_SETTING = "canary-consul-setting-0c9e";

    it("delivers every setting as an ECS secret in the secret store, none in `environment`, none in plain text", async () => {
        const run = await runServiceUnit(UNIT, program, {
            environment: "dev",
            inputs: {
                "db-password": CANARY_DB_PASSWORD,
                "processor-api-key": CANARY_API_KEY,
                config: { logLevel: CANARY_SETTING, maxRetries: 3 },
            },
            secretInputs: ["db-password", "processor-api-key", "config"],
        });
        assert.equal(run.error, undefined, run.error?.message);
        const [container] = containersOf(single(run.resources, "aws:ecs/taskDefinition:TaskDefinition"));
        assert.deepEqual(
            container.environment.map((e: { name: string }) => e.name),
            ["DB_HOST", "DB_NAME", "DB_PORT", "DB_USER"],
        );
        assert.deepEqual(
            container.secrets.map((s: { name: string }) => s.name),
            ["CONFIG_LOG_LEVEL", "CONFIG_MAX_RETRIES", "DB_PASSWORD", "PROCESSOR_API_KEY"],
        );
        assert.deepEqual(plaintextOccurrences(run.resources, [CANARY_SETTING]), []);
        assert.deepEqual(secretOccurrences(run.resources, CANARY_SETTING), [
            "aws:secretsmanager/secretVersion:SecretVersion payments-api-secret-config-log-level-value",
        ]);
    });

    it("refuses to read a secret input as plain text", async () => {
        const run = await runServiceUnit(UNIT, program, {
            environment: "dev",
            secretInputs: ["image-digest"],
            inputs: { "image-digest": "sha256:x" },
        });
        assert.match(run.error?.message ?? "", /Input `image-digest` is a secret: read it with `ctx.inputs.output\("image-digest"\)`/);
    });
});

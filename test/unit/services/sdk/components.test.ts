import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { LandingZoneReference } from "../../../../platform/contract";
import {
    ContainerService,
    PostgresDatabase,
    Queue,
    ServiceArgumentError,
    ServiceIdentity,
    ServiceIdentityArgs,
    Table,
} from "../../../../services/sdk";
import { validNetworkOutputs, validSecurityOutputs, validSharedServicesOutputs } from "../../platform/support/contract-fixtures";
import { ofType, runUnderMocks, single, stateOf } from "../../platform/support/mock-run";
import { inspectRun } from "../../platform/support/inspection";
import { documentOf, plaintextOccurrences, secretOccurrences, untaggedResources } from "../../platform/support/assertions";
import { landingZoneFor } from "../support/service-fixtures";

const GOVERNANCE = { owner: "orders-team", dataClassification: "internal", pciScope: "out-of-scope" } as const;
const identityArgs = (environment = "dev"): ServiceIdentityArgs => ({
    landingZone: landingZoneFor(environment),
    environment,
    size: environment === "prod" ? "prod" : "dev",
    governance: GOVERNANCE,
});

describe("service SDK components", () => {
    describe("bad input", () => {
        it("refuses a service name that is not an identifier before registering anything", async () => {
            const run = await runUnderMocks(() => new ServiceIdentity("Orders_API", identityArgs()));
            assert.ok(run.error instanceof ServiceArgumentError);
            assert.equal(run.error.code, "EDF_SERVICE_INVALID");
            assert.match(
                run.error.message,
                /^ServiceIdentity `Orders_API` cannot be created:\n {2}- `name` `Orders_API` is not a valid service name.*For example `orders-api`/,
            );
            assert.deepEqual(run.resources, []);
        });

        it("refuses a privileged port and a bad cpu/memory pair together, registering no part of the container service", async () => {
            const run = await runUnderMocks(() => {
                const identity = new ServiceIdentity("orders", identityArgs());
                new ContainerService("orders", {
                    identity,
                    containerPort: 443,
                    cpu: 1024,
                    memory: 1024,
                    http: { pathPatterns: ["/orders/*"], priority: 10 },
                });
            });
            assert.match(run.error!.message, /`memory` is `1024` but with `cpu` 1024/);
            assert.match(run.error!.message, /`containerPort` is `443`: containers run as a non-root user/);
            assert.deepEqual(ofType(run.resources, "edf:services:ContainerService"), []);
            assert.deepEqual(ofType(run.resources, "aws:ecs/taskDefinition:TaskDefinition"), []);
        });

        it("refuses a secret given as a plain string", async () => {
            const run = await runUnderMocks(() => {
                const identity = new ServiceIdentity("orders", identityArgs());
                new ContainerService("orders", {
                    identity,
                    secrets: { API_KEY: { value: "hunter2" as unknown as pulumi.Output<string> } },
                });
            });
            assert.match(run.error!.message, /`secrets.API_KEY.value` is a plain value: pass the Vault value as a secret Output/);
            assert.doesNotMatch(run.error!.message, /hunter2/);
        });

        it("refuses a secret in `environmentVariables`, which ECS keeps in plain text, naming the variable and `secrets`", async () => {
            const run = await runUnderMocks(() => {
                const identity = new ServiceIdentity("orders", identityArgs());
                new ContainerService("orders", {
                    identity,
                    environmentVariables: { LOG_LEVEL: "info", API_KEY: pulumi.secret("canary-env-secret-4d1e") },
                });
            });
            assert.match(
                run.error!.message,
                /`environmentVariables.API_KEY` holds a secret, which ECS would keep in plain text: pass it in `secrets`/,
            );
            assert.doesNotMatch(run.error!.message, /canary-env-secret-4d1e|LOG_LEVEL/);
            assert.deepEqual(plaintextOccurrences(run.resources, ["canary-env-secret-4d1e"]), []);
        });

        it("refuses a container service whose identity belongs to another service", async () => {
            const run = await runUnderMocks(() => {
                const identity = new ServiceIdentity("orders", identityArgs());
                new ContainerService("billing", { identity });
            });
            assert.match(run.error!.message, /`identity` belongs to `orders`, not `billing`/);
        });

        it("refuses a single-AZ database in production", async () => {
            const run = await runUnderMocks(() => {
                const identity = new ServiceIdentity("orders", identityArgs("prod"));
                new PostgresDatabase("db", { service: identity, credentials: { generate: true }, multiAz: false });
            });
            assert.match(run.error!.message, /`multiAz` is `false` in a prod environment/);
            assert.deepEqual(ofType(run.resources, "aws:rds/instance:Instance"), []);
        });

        it("refuses a table whose sort key repeats the partition key", async () => {
            const run = await runUnderMocks(() => {
                const identity = new ServiceIdentity("orders", identityArgs());
                new Table("items", { service: identity, partitionKey: { name: "id" }, sortKey: { name: "id" } });
            });
            assert.match(run.error!.message, /`sortKey.name` equals `partitionKey.name`/);
        });
    });

    it("stores Vault values as SSM SecureStrings when asked, granting exactly those parameters", async () => {
        const run = await runUnderMocks(() => {
            const identity = new ServiceIdentity("orders", identityArgs());
            new ContainerService("orders", {
                identity,
                secretStore: "ssm",
                secrets: { API_KEY: { value: pulumi.secret("canary-ssm-1") } },
            });
        });
        assert.equal(run.error, undefined, run.error?.message);
        const parameter = single(run.resources, "aws:ssm/parameter:Parameter");
        assert.equal(parameter.props.type, "SecureString");
        assert.equal(parameter.props.keyId, validSecurityOutputs().secretsKmsKeyArn);
        assert.deepEqual(plaintextOccurrences(run.resources, ["canary-ssm-1"]), []);
        const grant = documentOf(single(run.resources, "aws:iam/rolePolicy:RolePolicy").props.policy);
        const ssm = grant.Statement.find((s) => s.Action.includes("ssm:GetParameters"))!;
        assert.deepEqual(ssm.Resource, [stateOf(run, parameter).arn]);
        assert.equal(ssm.Resource[0], "arn:aws:ssm:us-east-1:123456789012:parameter/edf/dev/orders/API_KEY");
        assert.equal(
            grant.Statement.some((s) => s.Action.includes("secretsmanager:GetSecretValue")),
            false,
        );
    });

    it("lets RDS generate the database credentials under the secrets key and writes them to Vault as a secret", async () => {
        const run = await runUnderMocks(() => {
            const identity = new ServiceIdentity("orders", identityArgs());
            new PostgresDatabase("db", {
                service: identity,
                credentials: { generate: true, writeToVault: { mount: "secret", name: "edf/dev/orders/db" } },
            });
        });
        assert.equal(run.error, undefined, run.error?.message);
        const db = single(run.resources, "aws:rds/instance:Instance");
        assert.equal(db.props.manageMasterUserPassword, true);
        assert.equal(db.props.masterUserSecretKmsKeyId, validSecurityOutputs().secretsKmsKeyArn);
        assert.equal(db.props.password, undefined);
        const written = single(run.resources, "vault:kv/secretV2:SecretV2");
        assert.deepEqual([written.props.mount, written.props.name], ["secret", "edf/dev/orders/db"]);
        assert.deepEqual(plaintextOccurrences([written], ['"password"']), [], "the credentials document is a secret");
    });

    it(
        "lets people and services sign in to the database with IAM, monitors " + "it and logs its schema changes and slow statements",
        async () => {
            // What rds-iam-authentication, rds-instance-monitoring and rds-postgres-query-logging ask of every PostgreSQL database.
            for (const engine of ["rds", "aurora"] as const) {
                const run = await runUnderMocks(() => {
                    const identity = new ServiceIdentity("orders", identityArgs("prod"));
                    new PostgresDatabase("db", { service: identity, engine, credentials: { generate: true } });
                });
                assert.equal(run.error, undefined, run.error?.message);
                const database = single(run.resources, engine === "rds" ? "aws:rds/instance:Instance" : "aws:rds/cluster:Cluster");
                assert.equal(database.props.iamDatabaseAuthenticationEnabled, true, engine);
                const monitored = engine === "rds" ? [database] : ofType(run.resources, "aws:rds/clusterInstance:ClusterInstance");
                const roles = ofType(run.resources, "aws:iam/role:Role").filter((r) => r.name === "orders-db-monitoring");
                assert.equal(roles.length, 1, engine);
                const role = roles[0];
                assert.ok(
                    monitored.every((m) => m.props.monitoringInterval === 60 && m.props.monitoringRoleArn === stateOf(run, role).arn),
                    engine,
                );
                assert.equal(role.props.permissionsBoundary, validSecurityOutputs().permissionsBoundaryArn);
                const group = single(
                    run.resources,
                    engine === "rds" ? "aws:rds/parameterGroup:ParameterGroup" : "aws:rds/clusterParameterGroup:ClusterParameterGroup",
                );
                const params = Object.fromEntries(group.props.parameters.map((p: { name: string; value: string }) => [p.name, p.value]));
                assert.deepEqual([params.log_statement, params.log_min_duration_statement], ["ddl", "1000"], engine);
            }
        },
    );

    it("runs a container service on the latest Fargate platform version, which AWS keeps patched", async () => {
        const run = await runUnderMocks(() => {
            const identity = new ServiceIdentity("orders", identityArgs());
            new ContainerService("orders", { identity });
        });
        assert.equal(run.error, undefined, run.error?.message);
        const service = single(run.resources, "aws:ecs/service:Service");
        assert.deepEqual([service.props.launchType, service.props.platformVersion], ["FARGATE", "LATEST"]);
    });

    it("lets a producing service send to its queue", async () => {
        const run = await runUnderMocks(() => {
            const identity = new ServiceIdentity("orders", identityArgs());
            new Queue("events", { service: identity, access: "produce" });
        });
        const grant = documentOf(single(run.resources, "aws:iam/rolePolicy:RolePolicy").props.policy);
        assert.ok(grant.Statement[0].Action.includes("sqs:SendMessage"));
        assert.ok(!grant.Statement[0].Action.includes("sqs:ReceiveMessage"));
    });

    it("consumes the landing zone through a LandingZoneReference", async () => {
        const stacks = { network: "o/edf/dev.network", security: "o/edf/dev.security", sharedServices: "o/edf/dev.shared-services" };
        const run = await runUnderMocks(
            () => {
                const landingZone = LandingZoneReference.fromStacks(stacks, { environment: "dev" });
                const identity = new ServiceIdentity("orders", { ...identityArgs(), landingZone });
                new ContainerService("orders", { identity, http: { pathPatterns: ["/orders/*"], priority: 7 } });
            },
            {
                stackOutputs: {
                    [stacks.network]: validNetworkOutputs(),
                    [stacks.security]: validSecurityOutputs(),
                    [stacks.sharedServices]: validSharedServicesOutputs(),
                },
            },
        );
        assert.equal(run.error, undefined, run.error?.message);
        assert.equal(
            single(run.resources, "aws:lb/listenerRule:ListenerRule").props.listenerArn,
            validSharedServicesOutputs().httpsListenerArn,
        );
        assert.ok(
            ofType(run.resources, "aws:iam/role:Role").every(
                (r) => r.props.permissionsBoundary === validSecurityOutputs().permissionsBoundaryArn,
            ),
        );
    });

    describe("Aurora PostgreSQL", () => {
        const CANARY = "canary-aurora-password-42";
        const aurora = (environment: "dev" | "prod") =>
            runUnderMocks(
                () => {
                    const identity = new ServiceIdentity("orders", identityArgs(environment));
                    new PostgresDatabase("db", { service: identity, engine: "aurora", credentials: { password: pulumi.secret(CANARY) } });
                },
                { environment, unit: "services/orders" },
            );

        it("builds an encrypted, TLS-only cluster with a writer and a reader in a second AZ in production", async () => {
            const run = await aurora("prod");
            assert.equal(run.error, undefined, run.error?.message);
            const cluster = single(run.resources, "aws:rds/cluster:Cluster");
            assert.deepEqual([cluster.props.engine, cluster.props.engineVersion], ["aurora-postgresql", "16.4"]);
            assert.equal(cluster.props.storageEncrypted, true);
            assert.equal(cluster.props.kmsKeyId, validSecurityOutputs().dataKmsKeyArn);
            assert.equal(cluster.props.deletionProtection, true);
            assert.equal(cluster.props.backupRetentionPeriod, 14);
            const force = single(run.resources, "aws:rds/clusterParameterGroup:ClusterParameterGroup").props.parameters.find(
                (p: { name: string }) => p.name === "rds.force_ssl",
            );
            assert.equal(force.value, "1");
            const members = ofType(run.resources, "aws:rds/clusterInstance:ClusterInstance");
            assert.deepEqual(
                members.map((m) => m.props.availabilityZone),
                ["us-east-1a", "us-east-1b"],
            );
            assert.ok(
                members.every(
                    (m) =>
                        m.props.publiclyAccessible === false &&
                        m.props.performanceInsightsKmsKeyId === validSecurityOutputs().dataKmsKeyArn,
                ),
            );
            assert.deepEqual(ofType(run.resources, "aws:rds/instance:Instance"), []);
            assert.deepEqual(untaggedResources(run.resources), []);
        });

        it("keeps the injected master password a secret", async () => {
            const run = await aurora("dev");
            assert.deepEqual(plaintextOccurrences(run.resources, [CANARY]), []);
            assert.ok(secretOccurrences(run.resources, CANARY).includes("aws:rds/cluster:Cluster orders-db"));
            assert.equal(ofType(run.resources, "aws:rds/clusterInstance:ClusterInstance").length, 1, "dev runs a writer only");
        });

        it("passes the pipeline pack in production", async () => {
            const run = await aurora("prod");
            // As environments/prod.yaml configures it: Vault rotates the injected password's copy.
            const result = await inspectRun(run);
            // Built alone, without the ContainerService that the service identity's task security group is attached to.
            assert.deepEqual(
                result.findings
                    .filter((f) => f.policyId !== "security-group-attached")
                    .map((f) => `${f.level} ${f.policyId}: ${f.message}`),
                [],
            );
        });

        it("refuses storage sizing and a partial version, which Aurora does not take", async () => {
            const run = await runUnderMocks(() => {
                const identity = new ServiceIdentity("orders", identityArgs());
                new PostgresDatabase("db", {
                    service: identity,
                    engine: "aurora",
                    engineVersion: "16",
                    allocatedStorageGb: 50,
                    credentials: { generate: true },
                });
            });
            assert.match(run.error!.message, /`engineVersion` is `16`: Aurora needs a full version such as `16.4`/);
            assert.match(run.error!.message, /`allocatedStorageGb` does not apply to Aurora/);
            assert.deepEqual(ofType(run.resources, "aws:rds/cluster:Cluster"), []);
        });
    });
});

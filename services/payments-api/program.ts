/**
 * payments-api: an HTTP API behind the shared ALB with its own PostgreSQL database, a
 * payment-processor key from Vault and its settings from Consul.
 *
 * Everything environment-specific arrives from outside: the landing zone (injected
 * contract parts or stack references), the database password and the processor key
 * (Vault, as secrets), the settings (Consul; secrets too when the spec marks them so), governance, sizing and the image digest
 * (stack config). See docs/services.md for the environment-spec entries.
 */
import { defineUnit } from "../../unit/define";
import {
    assertContainerShape,
    ContainerService,
    containerSettings,
    ContainerShape,
    PostgresDatabase,
    readServiceSettings,
    resolveLandingZone,
    ServiceIdentity,
    taskSize,
} from "../sdk";

export const SERVICE_NAME = "payments-api";

/** Task sizes by environment size; `edf:task` overrides either field. */
const TASK_SIZES = { dev: { cpu: 256, memory: 512 }, prod: { cpu: 1024, memory: 2048 } } as const;

export default defineUnit(async (ctx) => {
    const settings = readServiceSettings(ctx);
    const shape: ContainerShape = {
        image: settings.image,
        ...taskSize(settings, TASK_SIZES),
        containerPort: 8080,
        http: { pathPatterns: ["/payments", "/payments/*"], priority: 100, healthCheckPath: "/payments/health" },
    };
    assertContainerShape(ctx, settings, SERVICE_NAME, shape);
    // Settings from Consul: environment variables, or ECS secrets when the spec marks the input `secret: true`.
    const consulSettings = containerSettings(ctx.inputs, "config");
    const dbPassword = ctx.inputs.requireSecret<string>("db-password");
    const processorKey = ctx.inputs.requireSecret<string>("processor-api-key");
    const landingZone = await resolveLandingZone(ctx);

    const identity = new ServiceIdentity(SERVICE_NAME, {
        landingZone,
        environment: ctx.environment,
        size: settings.size,
        governance: settings.governance,
    });
    const database = new PostgresDatabase("db", { service: identity, databaseName: "payments", credentials: { password: dbPassword } });
    const service = new ContainerService(SERVICE_NAME, {
        ...shape,
        identity,
        environmentVariables: {
            ...consulSettings.environmentVariables,
            DB_HOST: database.address,
            DB_PORT: String(database.port),
            DB_NAME: database.databaseName,
            DB_USER: database.username,
        },
        secrets: {
            ...consulSettings.secrets,
            DB_PASSWORD: database.passwordSecret,
            PROCESSOR_API_KEY: { value: processorKey },
        },
    });

    return {
        serviceName: service.service.name,
        image: service.image,
        repositoryUrl: service.repository.repositoryUrl,
        endpoint: `https://${landingZone.sharedServices.albDnsName}/payments`,
        databaseAddress: database.address,
        taskRoleArn: identity.taskRole.arn,
        contractVersion: landingZone.sharedServices.contractVersion,
    };
});

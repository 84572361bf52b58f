/**
 * payments-api: an HTTP API behind the shared ALB with its own PostgreSQL database, a
 * payment-processor key from Vault and its settings from Consul.
 *
 * Everything environment-specific arrives from outside: the landing zone (injected
 * contract parts or stack references), the database password and the processor key
 * (Vault, as secrets), the settings (Consul), governance, sizing and the image digest
 * (stack config). See docs/services.md for the environment-spec entries.
 */
import { PostgresDatabase, serviceUnit } from "../sdk";

export const SERVICE_NAME = "payments-api";

export default serviceUnit({
    name: SERVICE_NAME,
    taskSizes: { dev: { cpu: 256, memory: 512 }, prod: { cpu: 1024, memory: 2048 } },
    container: {
        containerPort: 8080,
        http: { pathPatterns: ["/payments", "/payments/*"], priority: 100, healthCheckPath: "/payments/health" },
    },
    inputs: (ctx) => ({
        dbPassword: ctx.inputs.requireSecret<string>("db-password"),
        processorKey: ctx.inputs.requireSecret<string>("processor-api-key"),
    }),
    dependencies: ({ identity, landingZone, inputs }) => {
        const database = new PostgresDatabase("db", {
            service: identity,
            databaseName: "payments",
            credentials: { password: inputs.dbPassword },
        });
        return {
            environmentVariables: {
                DB_HOST: database.address,
                DB_PORT: String(database.port),
                DB_NAME: database.databaseName,
                DB_USER: database.username,
            },
            secrets: {
                DB_PASSWORD: database.passwordSecret,
                PROCESSOR_API_KEY: { value: inputs.processorKey },
            },
            outputs: {
                endpoint: `https://${landingZone.sharedServices.albDnsName}/payments`,
                databaseAddress: database.address,
                taskRoleArn: identity.taskRole.arn,
            },
        };
    },
});

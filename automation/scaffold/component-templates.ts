/**
 * What `edf new service --with …` adds to a generated service: the SDK components a
 * service opts into, as program text, the code of its functions, and its extra inputs.
 * Pure: each option is a few lines of the generated program, wired to the others.
 */

/** Components a scaffolded service can opt into. */
export const SERVICE_COMPONENTS = ["function", "cache", "topic", "secret", "http-api"] as const;
export type ServiceComponent = (typeof SERVICE_COMPONENTS)[number];

/** The injected input carrying a cache's AUTH token (from Vault). */
export const CACHE_AUTH_TOKEN_INPUT = "cache-auth-token";

/**
 * The components to generate: the chosen ones, in a stable order, plus `function` when
 * `http-api` is chosen (the API routes to it). Unknown names are the caller's to report.
 */
export function resolveComponents(chosen: readonly string[]): ReadonlySet<ServiceComponent> {
    const set = new Set(chosen.filter((c): c is ServiceComponent => (SERVICE_COMPONENTS as readonly string[]).includes(c)));
    if (set.has("http-api")) set.add("function");
    return new Set(SERVICE_COMPONENTS.filter((c) => set.has(c)));
}

/** Problems with `--with`: names that are not components. Pure. */
export function componentProblems(chosen: readonly string[]): string[] {
    return chosen
        .filter((c) => !(SERVICE_COMPONENTS as readonly string[]).includes(c))
        .map((c) => `\`--with\` names \`${c}\`, which is not a component: use ${SERVICE_COMPONENTS.join(", ")} (comma-separated).`);
}

/** The environment-spec inputs the components need, for a service named `name`. */
export function componentInputs(name: string, components: ReadonlySet<ServiceComponent>): Record<string, unknown> {
    return components.has("cache") ? { [CACHE_AUTH_TOKEN_INPUT]: { from: "vault", path: `${name}/cache`, field: "auth-token" } } : {};
}

/** Roles the generated program creates: task and execution, one per function, SNS's delivery role when it delivers to one. */
export function expectedRoleCount(components: ReadonlySet<ServiceComponent>): number {
    return (
        2 +
        (components.has("function") ? 1 : 0) +
        (components.has("secret") ? 1 : 0) +
        (components.has("topic") && components.has("function") ? 1 : 0)
    );
}

/** What the program text needs for its components. */
export interface ComponentCode {
    /** Names imported from the SDK besides the base ones. */
    readonly imports: string[];
    /** Whether the program needs `path` and `pulumi` (function code archives). */
    readonly archives: boolean;
    /** Entries of the object `inputs` returns (read before anything is created), each with its comment. */
    readonly inputs: string[];
    /** Lines creating the components on `identity` (the body of `dependencies`, indented for it). */
    readonly body: string;
    /** Entries of the container's `environmentVariables`. */
    readonly environment: string[];
    /** Entries of the container's `secrets`. */
    readonly secrets: string[];
    /** Entries of the returned outputs. */
    readonly outputs: string[];
}

/** The generated program's lines for `components`. Pure. */
export function componentCode(components: ReadonlySet<ServiceComponent>): ComponentCode {
    const has = (c: ServiceComponent) => components.has(c);
    const imports: string[] = [];
    const body: string[] = [];
    const environment: string[] = [];
    const secrets: string[] = [];
    const outputs: string[] = [];
    const inputs: string[] = [];
    if (has("function")) {
        imports.push("Function as LambdaFunction");
        body.push(`    // A function in the private subnets; its code is ./handler (yours to change).
    const handler = new LambdaFunction("handler", {
        service: identity,
        code: new pulumi.asset.FileArchive(path.join(__dirname, "handler")),
        description: \`Handles \${SERVICE_NAME}'s ${[has("http-api") ? "API requests" : "", has("topic") ? "events" : ""].filter(Boolean).join(" and ") || "work"}\`,
    });`);
        outputs.push("handlerFunctionName: handler.functionName");
    }
    if (has("topic")) {
        imports.push("Topic");
        body.push(`    // The service's tasks publish; ${has("function") ? "the function is subscribed." : "subscribe a Function with `subscribers`."}
    const events = new Topic("events", { service: identity${has("function") ? ", subscribers: [handler]" : ""} });`);
        environment.push("EVENTS_TOPIC_ARN: events.arn");
        outputs.push("eventsTopicArn: events.arn");
    }
    if (has("cache")) {
        imports.push("Cache");
        inputs.push(`// The cache's AUTH token, injected from Vault; it stays a secret.
        cacheAuthToken: ctx.inputs.requireSecret<string>("${CACHE_AUTH_TOKEN_INPUT}")`);
        body.push(
            `    const cache = new Cache("cache", { service: identity, authToken: ` +
                `cacheAuthToken${has("function") ? ", clients: [handler]" : ""} });`,
        );
        environment.push("CACHE_HOST: cache.address", "CACHE_PORT: String(cache.port)");
        secrets.push("CACHE_AUTH_TOKEN: { value: cache.authToken }");
        outputs.push("cacheAddress: cache.address");
    }
    if (has("secret")) {
        imports.push("Secret");
        if (!has("function")) imports.push("Function as LambdaFunction");
        body.push(`    // A secret the service owns, rotated by its own function (./rotation: a random value,
    // AWS's four rotation steps). The container reads it as an ECS secret.
    const rotateSecret = new LambdaFunction("rotate-secret", {
        service: identity,
        code: new pulumi.asset.FileArchive(path.join(__dirname, "rotation")),
        description: \`Rotates \${SERVICE_NAME}'s secret\`,
        timeoutSeconds: 60,
    });
    const secret = new Secret("secret", { service: identity, rotation: { function: rotateSecret }, taskAccess: "none" });`);
        secrets.push("APP_SECRET: secret.reference");
        outputs.push("secretArn: secret.arn");
    }
    if (has("http-api")) {
        imports.push("HttpApi");
        body.push(`    // Behind the landing zone's WAF; every route is authorised. IAM (SigV4) here: for end
    // users, use { kind: "cognito", userPoolArns } or a Lambda authoriser that verifies JWTs.
    const api = new HttpApi("api", {
        service: identity,
        authorizers: { callers: { kind: "iam" } },
        routes: [{ method: "ANY", path: "/{proxy+}", target: { function: handler } }],
    });`);
        outputs.push("apiUrl: api.url");
    }
    return {
        imports: [...new Set(imports)],
        archives: has("function") || has("secret"),
        inputs,
        // Written for the program's top level; they stand inside `dependencies`, one level deeper.
        body: body
            .join("\n")
            .split("\n")
            .map((line) => (line ? `    ${line}` : line))
            .join("\n"),
        environment,
        secrets,
        outputs,
    };
}

/** `services/<name>/handler/index.mjs`: the function's starting code. */
export function handlerSource(name: string, components: ReadonlySet<ServiceComponent>): string {
    return `// The code of ${name}'s function: yours to change. It runs on Node.js 24 in the landing
// zone's private subnets; logs are JSON, traces go to X-Ray.
${components.has("topic") ? "// Events from the topic arrive as SNS records;" : "//"}${components.has("http-api") ? " API requests arrive as API Gateway proxy events." : ""}
export const handler = async (event) => {
    if (Array.isArray(event?.Records)) {
        for (const record of event.Records) {
            console.log(JSON.stringify({ message: "event received", id: record.Sns?.MessageId ?? record.messageId }));
        }
        return;
    }
    return { statusCode: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ service: "${name}", ok: true }) };
};
`;
}

/**
 * `services/<name>/rotation/index.mjs`: a rotation function for a random value the
 * service owns, following Secrets Manager's four steps (createSecret, setSecret,
 * testSecret, finishSecret) with the AWS SDK the Lambda runtime ships.
 */
export function rotationSource(name: string): string {
    return `// Rotates ${name}'s secret: a random value only this service uses. Secrets Manager calls
// this function with four steps; see "Rotation by Lambda function" in its documentation.
// If the value is also held elsewhere (a third party's API key), set it there in setSecret.
import {
    DescribeSecretCommand,
    GetRandomPasswordCommand,
    GetSecretValueCommand,
    PutSecretValueCommand,
    SecretsManagerClient,
    UpdateSecretVersionStageCommand,
} from "@aws-sdk/client-secrets-manager";

const client = new SecretsManagerClient({});

export const handler = async (event) => {
    const { SecretId: secretId, ClientRequestToken: token, Step: step } = event;
    const metadata = await client.send(new DescribeSecretCommand({ SecretId: secretId }));
    if (!metadata.RotationEnabled) throw new Error(\`Secret \${secretId} is not enabled for rotation.\`);
    const stages = metadata.VersionIdsToStages?.[token];
    if (!stages) throw new Error(\`Version \${token} of \${secretId} has no stage for rotation.\`);
    if (stages.includes("AWSCURRENT")) return; // already rotated
    if (!stages.includes("AWSPENDING")) throw new Error(\`Version \${token} of \${secretId} is not pending.\`);
    switch (step) {
        case "createSecret":
            return createSecret(secretId, token);
        case "setSecret":
            return; // nothing outside Secrets Manager holds the value
        case "testSecret":
            return testSecret(secretId, token);
        case "finishSecret":
            return finishSecret(secretId, token, metadata.VersionIdsToStages);
        default:
            throw new Error(\`Unknown rotation step \${step}.\`);
    }
};

async function createSecret(secretId, token) {
    try {
        await client.send(new GetSecretValueCommand({ SecretId: secretId, VersionId: token, VersionStage: "AWSPENDING" }));
        return; // created by an earlier attempt
    } catch (error) {
        if (error.name !== "ResourceNotFoundException") throw error;
    }
    const { RandomPassword } = await client.send(new GetRandomPasswordCommand({ PasswordLength: 64, ExcludePunctuation: true }));
    await client.send(
        new PutSecretValueCommand({ SecretId: secretId, ClientRequestToken: token, SecretString: RandomPassword, VersionStages: ["AWSPENDING"] }),
    );
}

async function testSecret(secretId, token) {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId, VersionId: token, VersionStage: "AWSPENDING" }));
    if (!SecretString || SecretString.length < 32) throw new Error(\`The pending value of \${secretId} is too short.\`);
}

async function finishSecret(secretId, token, versions) {
    const current = Object.entries(versions).find(([, stages]) => stages.includes("AWSCURRENT"))?.[0];
    if (current === token) return;
    await client.send(
        new UpdateSecretVersionStageCommand({ SecretId: secretId, VersionStage: "AWSCURRENT", MoveToVersionId: token, RemoveFromVersionId: current }),
    );
}
`;
}

import type { ResourceRecord } from "../../../../../../policy-packs/lib/resources";
import { UNKNOWN } from "../../../../../../policy-packs/lib/resources";
import { changeProps, PROD_ACCOUNT, urnOf } from "../../../../../fixtures/policy/estate";

/**
 * The compute area's happy path: one compliant instance of each compute, edge and integration
 * resource the area's policies read, linked by property dependencies as the engine links them.
 * Each test changes it in exactly one place.
 */

const PROVIDER_URN = urnOf("pulumi:providers:aws", "default");
export const KEY_ARN = `arn:aws:kms:eu-west-1:${PROD_ACCOUNT}:key/data`;
const ARN = (service: string, rest: string) => `arn:aws:${service}:eu-west-1:${PROD_ACCOUNT}:${rest}`;

interface Ref {
    readonly urn: string;
}

/** A record with its property dependencies (and plain dependencies) on `refs`. */
export function rec(type: string, name: string, props: Record<string, unknown>, refs: Record<string, Ref | Ref[]> = {}): ResourceRecord {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(refs)) propertyDependencies[k] = (Array.isArray(v) ? v : [v]).map((r) => r.urn);
    return {
        type,
        name,
        urn: urnOf(type, name),
        props,
        provider: `${PROVIDER_URN}::prov-1`,
        dependencies: [...new Set(Object.values(propertyDependencies).flat())],
        propertyDependencies,
    };
}

export function provider(): ResourceRecord {
    return {
        type: "pulumi:providers:aws",
        name: "default",
        urn: PROVIDER_URN,
        id: "prov-1",
        props: { region: "eu-west-1", allowedAccountIds: [PROD_ACCOUNT] },
    };
}

export function lambdaResources(): ResourceRecord[] {
    const logs = rec("aws:cloudwatch/logGroup:LogGroup", "orders-logs", {
        name: "/aws/lambda/orders",
        retentionInDays: 365,
        kmsKeyId: KEY_ARN,
    });
    const fn = rec("aws:lambda/function:Function", "orders", {
        name: "orders",
        description: "Handles order events for the payments service",
        role: `arn:aws:iam::${PROD_ACCOUNT}:role/orders`,
        runtime: "nodejs24.x",
        handler: "index.handler",
        packageType: "Zip",
        kmsKeyArn: KEY_ARN,
        environment: { variables: { QUEUE_URL: "https://sqs.eu-west-1.amazonaws.com/111111111111/jobs", LOG_LEVEL: "info" } },
        vpcConfig: { subnetIds: ["subnet-priv"], securityGroupIds: ["sg-fn"] },
        deadLetterConfig: { targetArn: ARN("sqs", "orders-dlq") },
        reservedConcurrentExecutions: 10,
        tracingConfig: { mode: "Active" },
        codeSigningConfigArn: ARN("lambda", "code-signing-config:csc-1"),
        loggingConfig: { logFormat: "JSON", logGroup: "/aws/lambda/orders" },
    });
    return [
        logs,
        fn,
        rec(
            "aws:lambda/functionUrl:FunctionUrl",
            "orders-url",
            { functionName: "orders", authorizationType: "AWS_IAM", cors: { allowOrigins: ["https://app.example.com"] } },
            { functionName: fn },
        ),
        rec(
            "aws:lambda/permission:Permission",
            "orders-from-s3",
            {
                function: "orders",
                action: "lambda:InvokeFunction",
                principal: "s3.amazonaws.com",
                sourceArn: "arn:aws:s3:::edf-data",
                sourceAccount: PROD_ACCOUNT,
            },
            { function: fn },
        ),
        rec(
            "aws:lambda/eventSourceMapping:EventSourceMapping",
            "orders-stream",
            {
                functionName: "orders",
                eventSourceArn: ARN("kinesis", "stream/orders"),
                startingPosition: "LATEST",
                destinationConfig: { onFailure: { destinationArn: ARN("sqs", "orders-dlq") } },
            },
            { functionName: fn },
        ),
    ];
}

/** Every compliant compute resource, with the provider. */
export function computeEstate(): ResourceRecord[] {
    return [provider(), ...lambdaResources()];
}

/** The happy path with one resource's props patched (shallow). */
export const patched = (type: string, name: string, patch: Record<string, unknown>) => () =>
    changeProps(computeEstate(), type, name, (p) => ({ ...p, ...patch }));

/** The happy path with one resource's props changed by a function. */
export const changed = (type: string, name: string, change: (p: Record<string, unknown>) => Record<string, unknown>) => () =>
    changeProps(computeEstate(), type, name, change);

/** Only the resources of the given types (and the provider). */
export const only =
    (...types: string[]) =>
    () =>
        computeEstate().filter((r) => r.type === "pulumi:providers:aws" || types.includes(r.type));

/** The happy path without the resources of a type (optionally one name). */
export const without = (type: string, name?: string) => () =>
    computeEstate().filter((r) => !(r.type === type && (name === undefined || r.name === name)));

export { UNKNOWN };

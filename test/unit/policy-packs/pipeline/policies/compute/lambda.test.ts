import { lambdaEventSourceMappingFailureDestination } from "../../../../../../policy-packs/pipeline/policies/lambda-event-source-mapping-failure-destination";
import { lambdaFunctionCodeSigning } from "../../../../../../policy-packs/pipeline/policies/lambda-function-code-signing";
import { lambdaFunctionConcurrencyLimit } from "../../../../../../policy-packs/pipeline/policies/lambda-function-concurrency-limit";
import { lambdaFunctionDeadLetterQueue } from "../../../../../../policy-packs/pipeline/policies/lambda-function-dead-letter-queue";
import { lambdaFunctionDescription } from "../../../../../../policy-packs/pipeline/policies/lambda-function-description";
import { lambdaFunctionEnvironmentKmsEncrypted } from "../../../../../../policy-packs/pipeline/policies/lambda-function-environment-kms-encrypted";
import { lambdaFunctionInVpc } from "../../../../../../policy-packs/pipeline/policies/lambda-function-in-vpc";
import { lambdaFunctionLogGroupDeclared } from "../../../../../../policy-packs/pipeline/policies/lambda-function-log-group-declared";
import { lambdaFunctionNoPlaintextSecrets } from "../../../../../../policy-packs/pipeline/policies/lambda-function-no-plaintext-secrets";
import { lambdaFunctionRuntimeLatest } from "../../../../../../policy-packs/pipeline/policies/lambda-function-runtime-latest";
import { lambdaFunctionRuntimeSupported } from "../../../../../../policy-packs/pipeline/policies/lambda-function-runtime-supported";
import { lambdaFunctionTracingEnabled } from "../../../../../../policy-packs/pipeline/policies/lambda-function-tracing-enabled";
import { lambdaFunctionUrlAuthRequired } from "../../../../../../policy-packs/pipeline/policies/lambda-function-url-auth-required";
import { lambdaFunctionUrlCorsRestricted } from "../../../../../../policy-packs/pipeline/policies/lambda-function-url-cors-restricted";
import { lambdaPermissionNotPublic } from "../../../../../../policy-packs/pipeline/policies/lambda-permission-not-public";
import { lambdaPermissionSourceScoped } from "../../../../../../policy-packs/pipeline/policies/lambda-permission-source-scoped";
import { describePolicy } from "../../../support/policy-cases";
import { changed, computeEstate, only, patched, UNKNOWN, without } from "./fixture";

const FN = "aws:lambda/function:Function";
const URL = "aws:lambda/functionUrl:FunctionUrl";
const PERM = "aws:lambda/permission:Permission";
const ESM = "aws:lambda/eventSourceMapping:EventSourceMapping";
const LOGS = "aws:cloudwatch/logGroup:LogGroup";
const fn = (patch: Record<string, unknown>) => patched(FN, "orders", patch);
const env = (variables: unknown) => fn({ environment: { variables } });

describe("Lambda policies", () => {
    describePolicy(lambdaFunctionEnvironmentKmsEncrypted, {
        compliant: computeEstate,
        nonCompliant: [
            { name: "variables without a key", resources: fn({ kmsKeyArn: undefined }), expect: /`orders` must encrypt its environment/ },
            {
                name: "variables under the AWS managed key",
                resources: fn({ kmsKeyArn: "alias/aws/lambda" }),
                expect: /customer managed key/,
            },
        ],
        notApplicable: [
            { name: "functions without variables", resources: fn({ environment: undefined, kmsKeyArn: undefined }) },
            { name: "stacks without functions", resources: only(LOGS) },
        ],
        unknown: [{ name: "the key is another resource's output", resources: fn({ kmsKeyArn: UNKNOWN }) }],
    });
    describePolicy(lambdaFunctionNoPlaintextSecrets, {
        compliant: computeEstate,
        nonCompliant: [
            { name: "a secret-named variable", resources: env({ DB_PASSWORD: "hunter2" }), expect: /must not pass `DB_PASSWORD`/ },
            {
                name: "a credential-shaped value",
                resources: env({ UPSTREAM: "https://svc:pa55word@upstream.example.com" }),
                expect: /`UPSTREAM`/,
            },
            { name: "an access key id", resources: env({ KEY_ID: "AKIAABCDEFGHIJKLMNOP" }), expect: /`KEY_ID`/ },
        ],
        notApplicable: [
            { name: "functions without an environment", resources: fn({ environment: undefined }) },
            { name: "stacks without functions", resources: only(LOGS) },
        ],
        unknown: [{ name: "a variable is another resource's output", resources: env({ DB_PASSWORD: UNKNOWN }) }],
    });
    describePolicy(lambdaFunctionInVpc, {
        compliant: computeEstate,
        nonCompliant: [
            { name: "a function outside any VPC", resources: fn({ vpcConfig: undefined }), expect: /`orders` must run in the VPC/ },
            {
                name: "a VPC config without subnets",
                resources: fn({ vpcConfig: { subnetIds: [], securityGroupIds: [] } }),
                expect: /subnetIds/,
            },
        ],
        notApplicable: [{ name: "stacks without functions", resources: only(LOGS) }],
        unknown: [
            {
                name: "the subnets are another resource's output",
                resources: fn({ vpcConfig: { subnetIds: UNKNOWN, securityGroupIds: [] } }),
            },
        ],
    });
    describePolicy(lambdaFunctionLogGroupDeclared, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a function whose log group is not in the stack",
                resources: without(LOGS),
                expect: /`orders` must log to a log group declared in the stack/,
            },
            {
                name: "a custom log group that is not declared",
                resources: fn({ loggingConfig: { logFormat: "JSON", logGroup: "/edf/elsewhere" } }),
                expect: /`\/edf\/elsewhere`/,
            },
            {
                name: "an auto-named function without a logging config",
                resources: fn({ name: undefined, loggingConfig: undefined }),
                expect: /set `loggingConfig.logGroup`/,
            },
        ],
        notApplicable: [{ name: "stacks without functions", resources: only(LOGS) }],
        unknown: [{ name: "the function's name is another resource's output", resources: fn({ name: UNKNOWN, loggingConfig: undefined }) }],
    });
    it("accepts a log group linked by reference", async () => {
        const { runOne } = await import("../../../support/policy-cases");
        const estate = changed(FN, "orders", (p) => ({ ...p, loggingConfig: { logFormat: "JSON", logGroup: UNKNOWN } }))().map((r) =>
            r.type === FN ? { ...r, propertyDependencies: { loggingConfig: [computeEstate().find((x) => x.type === LOGS)!.urn] } } : r,
        );
        const result = await runOne(lambdaFunctionLogGroupDeclared, estate);
        if (result.diagnostics.length > 0) throw new Error(JSON.stringify(result.diagnostics));
    });
    describePolicy(lambdaFunctionUrlAuthRequired, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a public URL",
                resources: patched(URL, "orders-url", { authorizationType: "NONE" }),
                expect: /`orders-url` must set `authorizationType` to `AWS_IAM`/,
            },
        ],
        notApplicable: [{ name: "stacks without function URLs", resources: only(FN) }],
        unknown: [
            { name: "the auth type is another resource's output", resources: patched(URL, "orders-url", { authorizationType: UNKNOWN }) },
        ],
    });
    describePolicy(lambdaFunctionUrlCorsRestricted, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "any origin",
                resources: patched(URL, "orders-url", { cors: { allowOrigins: ["*"] } }),
                expect: /must name its allowed origins/,
            },
        ],
        notApplicable: [
            { name: "URLs without CORS", resources: patched(URL, "orders-url", { cors: undefined }) },
            { name: "stacks without function URLs", resources: only(FN) },
        ],
        unknown: [
            {
                name: "the origins are another resource's output",
                resources: patched(URL, "orders-url", { cors: { allowOrigins: UNKNOWN } }),
            },
        ],
    });
    describePolicy(lambdaPermissionNotPublic, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a grant to everyone",
                resources: patched(PERM, "orders-from-s3", { principal: "*" }),
                expect: /must grant a named principal, not `\*`/,
            },
        ],
        notApplicable: [{ name: "stacks without permissions", resources: only(FN) }],
        unknown: [
            { name: "the principal is another resource's output", resources: patched(PERM, "orders-from-s3", { principal: UNKNOWN }) },
        ],
    });
    describePolicy(lambdaPermissionSourceScoped, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a service grant without a source",
                resources: patched(PERM, "orders-from-s3", { sourceArn: undefined, sourceAccount: undefined }),
                expect: /for `s3.amazonaws.com` must set `sourceArn` or `sourceAccount`/,
            },
        ],
        notApplicable: [
            {
                name: "grants to an account",
                resources: patched(PERM, "orders-from-s3", { principal: "222222222222", sourceArn: undefined, sourceAccount: undefined }),
            },
            { name: "stacks without permissions", resources: only(FN) },
        ],
        unknown: [{ name: "the source is another resource's output", resources: patched(PERM, "orders-from-s3", { sourceArn: UNKNOWN }) }],
    });
    describePolicy(lambdaFunctionRuntimeSupported, {
        compliant: computeEstate,
        nonCompliant: [{ name: "a deprecated runtime", resources: fn({ runtime: "python3.8" }), expect: /`python3.8` is deprecated/ }],
        notApplicable: [
            { name: "container image functions", resources: fn({ runtime: undefined, packageType: "Image" }) },
            { name: "stacks without functions", resources: only(LOGS) },
        ],
        unknown: [{ name: "the runtime is another resource's output", resources: fn({ runtime: UNKNOWN }) }],
    });
    describePolicy(lambdaFunctionRuntimeLatest, {
        compliant: computeEstate,
        nonCompliant: [
            { name: "an older runtime of the family", resources: fn({ runtime: "nodejs22.x" }), expect: /must use `nodejs24.x`/ },
        ],
        notApplicable: [
            { name: "OS-only runtimes", resources: fn({ runtime: "provided.al2023" }) },
            { name: "stacks without functions", resources: only(LOGS) },
        ],
        unknown: [{ name: "the runtime is another resource's output", resources: fn({ runtime: UNKNOWN }) }],
    });
    describePolicy(lambdaFunctionCodeSigning, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a zip function without code signing",
                resources: fn({ codeSigningConfigArn: undefined }),
                expect: /must set `codeSigningConfigArn`/,
            },
        ],
        notApplicable: [
            { name: "container image functions", resources: fn({ codeSigningConfigArn: undefined, packageType: "Image" }) },
            { name: "stacks without functions", resources: only(LOGS) },
        ],
        unknown: [{ name: "the config is another resource's output", resources: fn({ codeSigningConfigArn: UNKNOWN }) }],
    });
    describePolicy(lambdaFunctionDeadLetterQueue, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "no dead-letter queue",
                resources: fn({ deadLetterConfig: undefined }),
                expect: /must set `deadLetterConfig.targetArn`/,
            },
        ],
        notApplicable: [{ name: "stacks without functions", resources: only(LOGS) }],
        unknown: [{ name: "the queue is another resource's output", resources: fn({ deadLetterConfig: { targetArn: UNKNOWN } }) }],
    });
    describePolicy(lambdaFunctionConcurrencyLimit, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "no reservation",
                resources: fn({ reservedConcurrentExecutions: undefined }),
                expect: /must set `reservedConcurrentExecutions`/,
            },
            { name: "an explicit -1 (unreserved)", resources: fn({ reservedConcurrentExecutions: -1 }), expect: /to a limit/ },
        ],
        notApplicable: [{ name: "stacks without functions", resources: only(LOGS) }],
        unknown: [{ name: "the limit is another resource's output", resources: fn({ reservedConcurrentExecutions: UNKNOWN }) }],
    });
    describePolicy(lambdaFunctionTracingEnabled, {
        compliant: computeEstate,
        nonCompliant: [
            { name: "no tracing", resources: fn({ tracingConfig: undefined }), expect: /must set `tracingConfig.mode` to `Active`/ },
            { name: "pass-through tracing", resources: fn({ tracingConfig: { mode: "PassThrough" } }), expect: /`Active`/ },
        ],
        notApplicable: [{ name: "stacks without functions", resources: only(LOGS) }],
        unknown: [{ name: "the mode is another resource's output", resources: fn({ tracingConfig: { mode: UNKNOWN } }) }],
    });
    describePolicy(lambdaFunctionDescription, {
        compliant: computeEstate,
        nonCompliant: [{ name: "no description", resources: fn({ description: undefined }), expect: /`orders` must have a `description`/ }],
        notApplicable: [{ name: "stacks without functions", resources: only(LOGS) }],
        unknown: [{ name: "the description is another resource's output", resources: fn({ description: UNKNOWN }) }],
    });
    describePolicy(lambdaEventSourceMappingFailureDestination, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a stream mapping without a failure destination",
                resources: patched(ESM, "orders-stream", { destinationConfig: undefined }),
                expect: /`orders-stream` must set `destinationConfig.onFailure.destinationArn`/,
            },
        ],
        notApplicable: [
            {
                name: "queue mappings",
                resources: patched(ESM, "orders-stream", { startingPosition: undefined, destinationConfig: undefined }),
            },
            { name: "stacks without mappings", resources: only(FN) },
        ],
        unknown: [
            {
                name: "the destination is another resource's output",
                resources: patched(ESM, "orders-stream", { destinationConfig: { onFailure: { destinationArn: UNKNOWN } } }),
            },
        ],
    });
});

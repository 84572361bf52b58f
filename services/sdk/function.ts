import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { NAME_LIMITS } from "../../platform/common/naming";
import { childName, denyInsecureTransport } from "./dependency";
import { throwIfProblems } from "./errors";
import { functionExecutionStatements, grantProblems, lambdaTrustPolicy } from "./function-documents";
import { functionProblems, invokerProblems } from "./function-validation";
import { resourceTags } from "./governance";
import { PolicyStatement, policyDocument } from "./iam-documents";
import type { ServiceIdentity } from "./service-identity";
import { DEFAULT_FUNCTION_RUNTIME, FunctionRuntime } from "./validation/lambda-runtime";

/** Who may invoke a function besides IAM principals of the account that are granted `lambda:InvokeFunction`. */
export interface FunctionInvoker {
    /** The AWS service principal (e.g. `events.amazonaws.com`) or IAM role ARN; never `*`. */
    readonly principal: string;
    /** The one resource that invokes; required for AWS services. @default - none (allowed for IAM role ARNs only) */
    readonly sourceArn?: pulumi.Input<string>;
}

/** A function URL: always IAM-authenticated. */
export interface FunctionUrlOptions {
    /** Who may call the URL: IAM-signed requests only (`NONE` is refused). @default "AWS_IAM" */
    readonly authType?: "AWS_IAM";
    /** Browser origins allowed by CORS; never `*`. @default - no CORS */
    readonly allowedOrigins?: readonly string[];
}

/** Code signing: Lambda deploys only code signed by these AWS Signer profiles. */
export interface FunctionCodeSigning {
    /** Signer profile version ARNs allowed to sign the code. */
    readonly signingProfileVersionArns: readonly pulumi.Input<string>[];
    /** What happens to code that fails the check: refused (`Warn` is refused here). @default "Enforce" */
    readonly untrustedArtifactOnDeployment?: "Enforce";
}

/** Arguments of {@link Function}. */
export interface FunctionArgs {
    /** The service that owns the function; the function runs in its environment, in the landing zone's private subnets. */
    readonly service: ServiceIdentity;
    /** The deployment package (a zip archive), e.g. `new pulumi.asset.FileArchive("./handler")`. */
    readonly code: pulumi.Input<pulumi.asset.Archive>;
    /** The entry point, `<file>.<export>`. @default "index.handler" */
    readonly handler?: string;
    /** A supported, non-deprecated runtime. @default "nodejs24.x" */
    readonly runtime?: FunctionRuntime;
    /** The instruction set. @default "arm64" */
    readonly architecture?: "arm64" | "x86_64";
    /** What the function does (shown in the console, read in reviews). @default - "<name> of <service>" */
    readonly description?: string;
    /** Memory in MiB (128–10240). @default 256 */
    readonly memoryMb?: number;
    /** Seconds an invocation may run (1–900). @default 30 */
    readonly timeoutSeconds?: number;
    /** Concurrent executions reserved for, and capping, the function (≥ 1). @default - the environment's sizing (dev 5, prod 50) */
    readonly reservedConcurrency?: number;
    /** Plain configuration, encrypted at rest with the landing zone's data key. Never secrets: pass a secret's ARN. @default {} */
    readonly environmentVariables?: Readonly<Record<string, pulumi.Input<string>>>;
    /**
     * What the function may do besides logging, tracing, its network and its dead-letter queue: exact actions on exact resources. @default
     * []
     */
    readonly grants?: readonly PolicyStatement[];
    /** AWS services or roles allowed to invoke it (resource policy), each limited to its source. @default [] */
    readonly invokers?: readonly FunctionInvoker[];
    /** A function URL (IAM-authenticated only). @default - none */
    readonly publicUrl?: FunctionUrlOptions;
    /** Refuse code not signed by these Signer profiles. @default - no code signing */
    readonly codeSigning?: FunctionCodeSigning;
}

export const DEFAULT_FUNCTION_HANDLER = "index.handler";
export const DEFAULT_FUNCTION_MEMORY_MB = 256;
export const DEFAULT_FUNCTION_TIMEOUT_SECONDS = 30;
export const DEFAULT_FUNCTION_ARCHITECTURE = "arm64";
/** Lambda function names are at most 64 characters. */
export const MAX_FUNCTION_NAME = 64;

/**
 * A Lambda function a service owns, secure by default: in the landing zone's private
 * subnets with a security group of its own (HTTPS egress only, no ingress); environment
 * variables encrypted with the data key; an execution role under the permissions
 * boundary granted only its logs, traces, network interfaces, dead-letter queue and what
 * the caller lists in `grants`; failed asynchronous events to a KMS-encrypted, TLS-only
 * dead-letter queue; a reserved concurrency limit; JSON logs to a KMS-encrypted log group
 * with the environment's retention; active X-Ray tracing; optional code signing
 * (enforced). Never a public URL, never invocable by `*`.
 *
 * Note: the name shadows the global `Function` type in a module that imports it;
 * import it under another name (`import { Function as LambdaFunction }`) where that matters.
 */
export class Function extends pulumi.ComponentResource {
    readonly function: aws.lambda.Function;
    readonly role: aws.iam.Role;
    readonly securityGroup: aws.ec2.SecurityGroup;
    readonly deadLetterQueue: aws.sqs.Queue;
    readonly logGroup: aws.cloudwatch.LogGroup;
    readonly url?: aws.lambda.FunctionUrl;
    /** The dependency name given to the constructor. */
    readonly dependencyName: string;
    readonly arn: pulumi.Output<string>;
    /** The physical function name. */
    readonly functionName: pulumi.Output<string>;
    /** What API Gateway integrations call. */
    readonly invokeArn: pulumi.Output<string>;
    /** The service the function belongs to. */
    readonly service: ServiceIdentity;

    constructor(name: string, args: FunctionArgs, opts: pulumi.ComponentResourceOptions = {}) {
        throwIfProblems(`Function \`${name}\``, functionProblems(name, args));
        super("edf:services:Function", childName(args.service, name), {}, opts);
        const service = args.service;
        const { network, security } = service.landingZone;
        const child = (suffix?: string) => childName(service, name, suffix);
        const tags = (suffix?: string) => resourceTags(service.tags, child(suffix));
        const physicalName = service.physicalName(name, MAX_FUNCTION_NAME);
        this.dependencyName = name;
        this.service = service;

        this.securityGroup = new aws.ec2.SecurityGroup(
            child("sg"),
            {
                name: service.physicalName(`${name}-fn`),
                description: `Function ${name} of ${service.serviceName}: no ingress, HTTPS egress; dependencies add exact rules`,
                vpcId: network.vpcId,
                tags: tags("sg"),
            },
            { parent: this },
        );
        new aws.vpc.SecurityGroupEgressRule(
            child("https"),
            {
                securityGroupId: this.securityGroup.id,
                description: "HTTPS to AWS APIs (VPC endpoints or NAT)",
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                cidrIpv4: "0.0.0.0/0",
                tags: tags("https"),
            },
            { parent: this.securityGroup },
        );
        this.logGroup = new aws.cloudwatch.LogGroup(
            child("logs"),
            {
                name: `/edf/${service.environment}/services/${service.serviceName}/functions/${name}`,
                retentionInDays: service.sizing.logRetentionDays,
                kmsKeyId: security.logsKmsKeyArn,
                tags: tags("logs"),
            },
            { parent: this },
        );
        this.deadLetterQueue = new aws.sqs.Queue(
            child("dlq"),
            {
                name: service.physicalName(`${name}-fn-dlq`, 80),
                kmsMasterKeyId: security.dataKmsKeyArn,
                kmsDataKeyReusePeriodSeconds: 300,
                messageRetentionSeconds: service.sizing.deadLetterRetentionDays * 86400,
                tags: tags("dlq"),
            },
            { parent: this },
        );
        new aws.sqs.QueuePolicy(
            child("dlq-policy"),
            {
                queueUrl: this.deadLetterQueue.url,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [denyInsecureTransport("sqs:*", [this.deadLetterQueue.arn])],
                }),
            },
            { parent: this.deadLetterQueue },
        );

        this.role = new aws.iam.Role(
            child("role"),
            {
                name: service.physicalName(`${name}-fn`, NAME_LIMITS.iam),
                description: `Execution role of function ${name} of ${service.serviceName} (${service.environment}); exact grants only.`,
                assumeRolePolicy: JSON.stringify(lambdaTrustPolicy()),
                permissionsBoundary: security.permissionsBoundaryArn,
                tags: tags("role"),
            },
            { parent: this },
        );
        const parent = { parent: this as pulumi.Resource };
        const scope = pulumi
            .all([
                aws.getPartitionOutput({}, parent).partition,
                aws.getRegionOutput({}, parent).region,
                aws.getCallerIdentityOutput({}, parent).accountId,
            ])
            .apply(([partition, region, accountId]) => ({ partition, region, accountId }));
        const execution = scope.apply((s) =>
            policyDocument([
                ...functionExecutionStatements({
                    functionName: physicalName,
                    logGroupArn: this.logGroup.arn,
                    deadLetterQueueArn: this.deadLetterQueue.arn,
                    dataKmsKeyArn: security.dataKmsKeyArn,
                    scope: s,
                }),
                ...(args.grants ?? []),
            ]),
        );
        const executionPolicy = new aws.iam.RolePolicy(
            child("execution"),
            { role: this.role.id, name: `${name}-execution`, policy: pulumi.jsonStringify(execution) },
            { parent: this.role },
        );

        let codeSigningConfigArn: pulumi.Output<string> | undefined;
        if (args.codeSigning) {
            codeSigningConfigArn = new aws.lambda.CodeSigningConfig(
                child("signing"),
                {
                    description: `Signed code only for ${physicalName}`,
                    allowedPublishers: { signingProfileVersionArns: [...args.codeSigning.signingProfileVersionArns] },
                    policies: { untrustedArtifactOnDeployment: "Enforce" },
                    tags: tags("signing"),
                },
                { parent: this },
            ).arn;
        }

        const variables = args.environmentVariables ?? {};
        this.function = new aws.lambda.Function(
            child(),
            {
                name: physicalName,
                description: args.description ?? `${name} of ${service.serviceName} (${service.environment})`,
                role: this.role.arn,
                code: args.code,
                handler: args.handler ?? DEFAULT_FUNCTION_HANDLER,
                runtime: args.runtime ?? DEFAULT_FUNCTION_RUNTIME,
                architectures: [args.architecture ?? DEFAULT_FUNCTION_ARCHITECTURE],
                memorySize: args.memoryMb ?? DEFAULT_FUNCTION_MEMORY_MB,
                timeout: args.timeoutSeconds ?? DEFAULT_FUNCTION_TIMEOUT_SECONDS,
                reservedConcurrentExecutions: args.reservedConcurrency ?? service.sizing.functionConcurrency,
                kmsKeyArn: security.dataKmsKeyArn,
                ...(Object.keys(variables).length > 0 ? { environment: { variables: { ...variables } } } : {}),
                vpcConfig: { subnetIds: network.privateSubnetIds, securityGroupIds: [this.securityGroup.id] },
                tracingConfig: { mode: "Active" },
                deadLetterConfig: { targetArn: this.deadLetterQueue.arn },
                loggingConfig: { logFormat: "JSON", logGroup: this.logGroup.name },
                codeSigningConfigArn,
                tags: tags(),
            },
            // Lambda checks at creation that the role may create network interfaces.
            { parent: this, dependsOn: [executionPolicy, this.logGroup] },
        );
        this.arn = this.function.arn;
        this.functionName = this.function.name;
        this.invokeArn = this.function.invokeArn;

        (args.invokers ?? []).forEach((invoker, index) => this.allowInvocation(child(`invoker-${index + 1}`), invoker));
        if (args.publicUrl) {
            const origins = args.publicUrl.allowedOrigins ?? [];
            this.url = new aws.lambda.FunctionUrl(
                child("url"),
                {
                    functionName: this.function.name,
                    authorizationType: "AWS_IAM",
                    ...(origins.length > 0 ? { cors: { allowOrigins: [...origins], allowCredentials: false, maxAge: 300 } } : {}),
                },
                { parent: this.function },
            );
        }
        this.registerOutputs({ arn: this.arn, functionName: this.functionName, url: this.url?.functionUrl });
    }

    /**
     * Lets `invoker` invoke the function (a resource-policy statement), refusing `*` and an
     * AWS service without `sourceArn`. Components that deliver to a function (a `Topic`,
     * an `HttpApi`, a `Secret`'s rotation) call this with their own resource as the source.
     */
    allowInvocation(permissionName: string, invoker: FunctionInvoker, owner: pulumi.Resource = this): aws.lambda.Permission {
        throwIfProblems(`Function \`${this.dependencyName}\``, invokerProblems([invoker], "invoker"));
        return new aws.lambda.Permission(
            permissionName,
            {
                action: "lambda:InvokeFunction",
                function: this.function.name,
                principal: invoker.principal,
                sourceArn: invoker.sourceArn,
            },
            { parent: owner },
        );
    }

    /** Grants the function's role `statements` (exact actions on exact resources) as one more inline policy, parented to `owner`. */
    grant(grantName: string, statements: readonly PolicyStatement[], owner: pulumi.Resource): aws.iam.RolePolicy {
        throwIfProblems(`Function \`${this.dependencyName}\``, grantProblems(statements, grantName));
        return new aws.iam.RolePolicy(
            grantName,
            { role: this.role.id, name: grantName, policy: pulumi.jsonStringify(policyDocument(statements)) },
            { parent: owner },
        );
    }
}

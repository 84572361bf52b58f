import type { ResourceRecord } from "../../../../../../policy-packs/lib/resources";
import { UNKNOWN } from "../../../../../../policy-packs/lib/resources";
import { changeProps, changeRecord, GOVERNANCE_TAGS, PROD_ACCOUNT, urnOf } from "../../../../../fixtures/policy/estate";

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
        props: { region: "eu-west-1", allowedAccountIds: [PROD_ACCOUNT], defaultTags: { tags: GOVERNANCE_TAGS } },
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

/** A resource policy: deny without TLS, plus the given statements. */
export function resourcePolicy(service: string, resource: string, ...statements: Record<string, unknown>[]): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: `${service}:*`,
                Resource: resource,
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
            ...statements,
        ],
    });
}

export function messagingResources(): ResourceRecord[] {
    const topicArn = ARN("sns", "orders");
    const topic = rec("aws:sns/topic:Topic", "orders-topic", { name: "orders", kmsMasterKeyId: KEY_ARN, arn: topicArn });
    const queueArn = ARN("sqs", "orders-queue");
    const queueUrl = `https://sqs.eu-west-1.amazonaws.com/${PROD_ACCOUNT}/orders-queue`;
    const dlq = rec("aws:sqs/queue:Queue", "orders-dlq", {
        name: "orders-dlq",
        kmsMasterKeyId: KEY_ARN,
        arn: ARN("sqs", "orders-dlq"),
        url: `https://sqs.eu-west-1.amazonaws.com/${PROD_ACCOUNT}/orders-dlq`,
    });
    const queue = rec(
        "aws:sqs/queue:Queue",
        "orders-queue",
        {
            name: "orders-queue",
            kmsMasterKeyId: KEY_ARN,
            redrivePolicy: JSON.stringify({ deadLetterTargetArn: ARN("sqs", "orders-dlq"), maxReceiveCount: 5 }),
            arn: queueArn,
            url: queueUrl,
        },
        { redrivePolicy: dlq },
    );
    return [
        topic,
        rec(
            "aws:sns/topicPolicy:TopicPolicy",
            "orders-topic-policy",
            {
                arn: topicArn,
                policy: resourcePolicy("sns", topicArn, {
                    Effect: "Allow",
                    Principal: { Service: "events.amazonaws.com" },
                    Action: "sns:Publish",
                    Resource: topicArn,
                    Condition: { ArnEquals: { "aws:SourceArn": ARN("events", "rule/orders") } },
                }),
            },
            { arn: topic },
        ),
        dlq,
        queue,
        rec(
            "aws:sqs/queuePolicy:QueuePolicy",
            "orders-queue-policy",
            {
                queueUrl,
                policy: resourcePolicy("sqs", queueArn, {
                    Effect: "Allow",
                    Principal: { Service: "sns.amazonaws.com" },
                    Action: "sqs:SendMessage",
                    Resource: queueArn,
                    Condition: { ArnEquals: { "aws:SourceArn": topicArn } },
                }),
            },
            { queueUrl: queue },
        ),
        rec(
            "aws:sqs/queuePolicy:QueuePolicy",
            "orders-dlq-policy",
            { queueUrl: dlq.props.url, policy: resourcePolicy("sqs", String(dlq.props.arn)) },
            { queueUrl: dlq },
        ),
    ];
}

export function apiResources(): ResourceRecord[] {
    const logs = ARN("logs", "log-group:/edf/api-access");
    const accessLogs = {
        destinationArn: logs,
        format: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","status":"$context.status"}',
    };
    const api = rec("aws:apigateway/restApi:RestApi", "payments-api", { name: "payments", endpointConfiguration: { types: "REGIONAL" } });
    const validator = rec(
        "aws:apigateway/requestValidator:RequestValidator",
        "payments-validator",
        { restApi: "api-1", validateRequestBody: true, validateRequestParameters: true },
        { restApi: api },
    );
    const deployment = rec("aws:apigateway/deployment:Deployment", "payments-deployment", { restApi: "api-1" }, { restApi: api });
    const stage = rec(
        "aws:apigateway/stage:Stage",
        "payments-prod",
        {
            restApi: "api-1",
            stageName: "prod",
            deployment: "dep-1",
            accessLogSettings: accessLogs,
            xrayTracingEnabled: true,
            clientCertificateId: "cert-1",
            cacheClusterEnabled: true,
            cacheClusterSize: "0.5",
            arn: "arn:aws:apigateway:eu-west-1::/restapis/api-1/stages/prod",
        },
        { restApi: api, deployment },
    );
    const httpApi = rec("aws:apigatewayv2/api:Api", "events-api", { name: "events", protocolType: "HTTP" });
    const graph = rec("aws:appsync/graphQLApi:GraphQLApi", "catalog-graph", {
        name: "catalog",
        authenticationType: "AMAZON_COGNITO_USER_POOLS",
        logConfig: {
            cloudwatchLogsRoleArn: `arn:aws:iam::${PROD_ACCOUNT}:role/appsync-logs`,
            fieldLogLevel: "ERROR",
            excludeVerboseContent: true,
        },
        arn: ARN("appsync", "apis/graph-1"),
    });
    return [
        api,
        validator,
        rec(
            "aws:apigateway/method:Method",
            "payments-get",
            {
                restApi: "api-1",
                resourceId: "res-1",
                httpMethod: "GET",
                authorization: "COGNITO_USER_POOLS",
                authorizerId: "auth-1",
                requestValidatorId: "val-1",
            },
            { restApi: api, requestValidatorId: validator },
        ),
        rec(
            "aws:apigateway/method:Method",
            "payments-options",
            { restApi: "api-1", resourceId: "res-1", httpMethod: "OPTIONS", authorization: "NONE" },
            { restApi: api },
        ),
        deployment,
        stage,
        rec(
            "aws:apigateway/methodSettings:MethodSettings",
            "payments-prod-settings",
            {
                restApi: "api-1",
                stageName: "prod",
                methodPath: "*/*",
                settings: {
                    loggingLevel: "ERROR",
                    metricsEnabled: true,
                    dataTraceEnabled: false,
                    cachingEnabled: true,
                    cacheDataEncrypted: true,
                },
            },
            { restApi: api, stageName: stage },
        ),
        rec(
            "aws:wafv2/webAclAssociation:WebAclAssociation",
            "payments-prod-waf",
            { resourceArn: stage.props.arn, webAclArn: ARN("wafv2", "regional/webacl/edge/1") },
            { resourceArn: stage },
        ),
        rec("aws:apigateway/domainName:DomainName", "payments-domain", {
            domainName: "api.example.com",
            regionalCertificateArn: ARN("acm", "certificate/1"),
            securityPolicy: "TLS_1_2",
        }),
        httpApi,
        rec(
            "aws:apigatewayv2/route:Route",
            "events-get",
            { apiId: "http-1", routeKey: "GET /events", authorizationType: "JWT", authorizerId: "jwt-1" },
            { apiId: httpApi },
        ),
        rec(
            "aws:apigatewayv2/stage:Stage",
            "events-default",
            { apiId: "http-1", name: "$default", accessLogSettings: accessLogs, defaultRouteSettings: { throttlingRateLimit: 100 } },
            { apiId: httpApi },
        ),
        rec("aws:apigatewayv2/domainName:DomainName", "events-domain", {
            domainName: "events.example.com",
            domainNameConfiguration: { certificateArn: ARN("acm", "certificate/2"), endpointType: "REGIONAL", securityPolicy: "TLS_1_2" },
        }),
        graph,
        rec(
            "aws:wafv2/webAclAssociation:WebAclAssociation",
            "catalog-graph-waf",
            { resourceArn: graph.props.arn, webAclArn: ARN("wafv2", "regional/webacl/edge/1") },
            { resourceArn: graph },
        ),
    ];
}

const visibility = (metricName: string) => ({ cloudwatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });

/** A WAFv2 rule running an AWS managed rule group in blocking mode. */
export function managedRule(name: string, priority: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        name,
        priority,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { name, vendorName: "AWS", ...extra } },
        visibilityConfig: visibility(name),
    };
}

export function edgeResources(): ResourceRecord[] {
    const acl = rec("aws:wafv2/webAcl:WebAcl", "edge", {
        name: "edge",
        scope: "REGIONAL",
        defaultAction: { allow: {} },
        rules: [
            {
                name: "rate",
                priority: 0,
                action: { block: {} },
                statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: "IP" } },
                visibilityConfig: visibility("rate"),
            },
            managedRule("AWSManagedRulesCommonRuleSet", 1),
            managedRule("AWSManagedRulesKnownBadInputsRuleSet", 2),
        ],
        visibilityConfig: visibility("edge"),
        arn: ARN("wafv2", "regional/webacl/edge/1"),
    });
    const headers = rec("aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy", "web-headers", {
        name: "web-headers",
        securityHeadersConfig: {
            strictTransportSecurity: { accessControlMaxAgeSec: 63072000, includeSubdomains: true, preload: true, override: true },
            contentTypeOptions: { override: true },
        },
    });
    const behavior = {
        targetOriginId: "site",
        viewerProtocolPolicy: "redirect-to-https",
        responseHeadersPolicyId: "rhp-1",
        allowedMethods: ["GET", "HEAD"],
        cachedMethods: ["GET", "HEAD"],
    };
    return [
        acl,
        rec(
            "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
            "edge-logging",
            { resourceArn: acl.props.arn, logDestinationConfigs: [ARN("logs", "log-group:aws-waf-logs-edge")] },
            { resourceArn: acl },
        ),
        headers,
        rec(
            "aws:cloudfront/distribution:Distribution",
            "web-cdn",
            {
                enabled: true,
                defaultRootObject: "index.html",
                aliases: ["www.example.com"],
                origins: [
                    { originId: "site", domainName: "edf-site.s3.eu-west-1.amazonaws.com", originAccessControlId: "oac-1" },
                    {
                        originId: "api",
                        domainName: "api.example.com",
                        customOriginConfig: {
                            httpPort: 80,
                            httpsPort: 443,
                            originProtocolPolicy: "https-only",
                            originSslProtocols: ["TLSv1.2"],
                        },
                    },
                    {
                        originId: "api-standby",
                        domainName: "api-standby.example.com",
                        customOriginConfig: {
                            httpPort: 80,
                            httpsPort: 443,
                            originProtocolPolicy: "https-only",
                            originSslProtocols: ["TLSv1.2"],
                        },
                    },
                ],
                originGroups: [
                    {
                        originId: "api-group",
                        failoverCriteria: { statusCodes: [500, 502, 503, 504] },
                        members: [{ originId: "api" }, { originId: "api-standby" }],
                    },
                ],
                defaultCacheBehavior: behavior,
                orderedCacheBehaviors: [{ ...behavior, pathPattern: "/api/*", targetOriginId: "api-group" }],
                viewerCertificate: {
                    acmCertificateArn: "arn:aws:acm:us-east-1:111111111111:certificate/web",
                    sslSupportMethod: "sni-only",
                    minimumProtocolVersion: "TLSv1.2_2021",
                },
                restrictions: { geoRestriction: { restrictionType: "whitelist", locations: ["FR", "GB"] } },
                loggingConfig: { bucket: "edf-logs.s3.amazonaws.com", prefix: "cdn/web/" },
                webAclId: "arn:aws:wafv2:us-east-1:111111111111:global/webacl/cdn/2",
            },
            { defaultCacheBehavior: headers },
        ),
    ];
}

export function integrationResources(): ResourceRecord[] {
    const stream = rec("aws:kinesis/stream:Stream", "orders-stream", {
        name: "orders",
        encryptionType: "KMS",
        kmsKeyId: KEY_ARN,
        arn: ARN("kinesis", "stream/orders"),
    });
    const secret = rec("aws:secretsmanager/secret:Secret", "db-credentials", {
        name: "edf/prod/payments/db",
        description: "Credentials of the payments database",
        kmsKeyId: KEY_ARN,
        arn: ARN("secretsmanager", "secret:edf/prod/payments/db-abc123"),
    });
    const orgOnly = { StringEquals: { "aws:PrincipalOrgID": "o-edf" } };
    return [
        rec("aws:sfn/stateMachine:StateMachine", "settlement", {
            name: "settlement",
            roleArn: `arn:aws:iam::${PROD_ACCOUNT}:role/settlement`,
            definition: "{}",
            loggingConfiguration: {
                level: "ALL",
                includeExecutionData: false,
                logDestination: `${ARN("logs", "log-group:/edf/settlement")}:*`,
            },
            tracingConfiguration: { enabled: true },
            encryptionConfiguration: { type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId: KEY_ARN, kmsDataKeyReusePeriodSeconds: 300 },
        }),
        rec("aws:cloudwatch/eventBus:EventBus", "payments-bus", {
            name: "payments",
            kmsKeyIdentifier: KEY_ARN,
            logConfig: { level: "ERROR", includeDetail: "NONE" },
        }),
        rec("aws:cloudwatch/eventBusPolicy:EventBusPolicy", "payments-bus-policy", {
            eventBusName: "payments",
            policy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Allow",
                        Principal: "*",
                        Action: "events:PutEvents",
                        Resource: ARN("events", "event-bus/payments"),
                        Condition: orgOnly,
                    },
                ],
            }),
        }),
        rec("aws:cloudwatch/eventPermission:EventPermission", "payments-bus-org", {
            eventBusName: "payments",
            principal: "*",
            statementId: "org",
            condition: { key: "aws:PrincipalOrgID", type: "StringEquals", value: "o-edf" },
        }),
        rec("aws:scheduler/schedule:Schedule", "nightly", {
            name: "nightly",
            scheduleExpression: "cron(0 2 * * ? *)",
            flexibleTimeWindow: { mode: "OFF" },
            kmsKeyArn: KEY_ARN,
            target: { arn: ARN("states", "stateMachine:settlement"), roleArn: `arn:aws:iam::${PROD_ACCOUNT}:role/scheduler` },
        }),
        stream,
        rec("aws:kinesis/videoStream:VideoStream", "cameras", { name: "cameras", kmsKeyId: KEY_ARN }),
        rec(
            "aws:kinesis/resourcePolicy:ResourcePolicy",
            "orders-stream-policy",
            {
                resourceArn: stream.props.arn,
                policy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Principal: { AWS: `arn:aws:iam::${PROD_ACCOUNT}:role/analytics` },
                            Action: "kinesis:GetRecords",
                            Resource: stream.props.arn,
                        },
                    ],
                }),
            },
            { resourceArn: stream },
        ),
        rec("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "orders-archive", {
            name: "orders-archive",
            destination: "extended_s3",
            serverSideEncryption: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: KEY_ARN },
        }),
        rec("aws:kinesisanalyticsv2/application:Application", "orders-aggregates", {
            name: "orders-aggregates",
            runtimeEnvironment: "FLINK-1_20",
            serviceExecutionRole: `arn:aws:iam::${PROD_ACCOUNT}:role/flink`,
            applicationConfiguration: { flinkApplicationConfiguration: { checkpointConfiguration: { configurationType: "DEFAULT" } } },
        }),
        secret,
        rec(
            "aws:secretsmanager/secretRotation:SecretRotation",
            "db-credentials-rotation",
            {
                secretId: secret.props.arn,
                rotationLambdaArn: ARN("lambda", "function:rotate"),
                rotationRules: { automaticallyAfterDays: 30 },
            },
            { secretId: secret },
        ),
        rec(
            "aws:secretsmanager/secretPolicy:SecretPolicy",
            "db-credentials-policy",
            {
                secretArn: secret.props.arn,
                blockPublicPolicy: true,
                policy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Principal: { AWS: `arn:aws:iam::${PROD_ACCOUNT}:role/payments` },
                            Action: "secretsmanager:GetSecretValue",
                            Resource: "*",
                        },
                    ],
                }),
            },
            { secretArn: secret },
        ),
    ];
}

export function identityAndDnsResources(): ResourceRecord[] {
    const zone = rec("aws:route53/zone:Zone", "public-zone", { name: "example.com", zoneId: "Z1" });
    const privateZone = rec("aws:route53/zone:Zone", "internal-zone", { name: "internal.example", vpcs: [{ vpcId: "vpc-1" }] });
    const cdn = { urn: urnOf("aws:cloudfront/distribution:Distribution", "web-cdn") };
    return [
        rec("aws:cognito/userPool:UserPool", "customers", {
            name: "customers",
            mfaConfiguration: "ON",
            softwareTokenMfaConfiguration: { enabled: true },
            passwordPolicy: {
                minimumLength: 14,
                requireUppercase: true,
                requireLowercase: true,
                requireNumbers: true,
                requireSymbols: true,
            },
            userPoolTier: "PLUS",
            userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
        }),
        rec("aws:cognito/identityPool:IdentityPool", "customers-identity", {
            identityPoolName: "customers",
            allowUnauthenticatedIdentities: false,
        }),
        rec("aws:acm/certificate:Certificate", "web-cert", {
            domainName: "www.example.com",
            subjectAlternativeNames: ["api.example.com"],
            validationMethod: "DNS",
            options: { certificateTransparencyLoggingPreference: "ENABLED" },
        }),
        zone,
        privateZone,
        rec(
            "aws:route53/queryLog:QueryLog",
            "public-zone-queries",
            { zoneId: "Z1", cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:111111111111:log-group:/aws/route53/example.com" },
            { zoneId: zone },
        ),
        rec(
            "aws:route53/keySigningKey:KeySigningKey",
            "public-zone-ksk",
            { hostedZoneId: "Z1", keyManagementServiceArn: "arn:aws:kms:us-east-1:111111111111:key/ksk", status: "ACTIVE" },
            { hostedZoneId: zone },
        ),
        rec(
            "aws:route53/hostedZoneDnsSec:HostedZoneDnsSec",
            "public-zone-dnssec",
            { hostedZoneId: "Z1", signingStatus: "SIGNING" },
            { hostedZoneId: zone },
        ),
        rec(
            "aws:route53/record:Record",
            "www",
            {
                zoneId: "Z1",
                name: "www.example.com",
                type: "A",
                aliases: [{ name: "d111.cloudfront.net", zoneId: "Z2FDTNDATAQYW2", evaluateTargetHealth: false }],
            },
            { zoneId: zone, aliases: cdn },
        ),
        rec(
            "aws:route53/record:Record",
            "www-txt",
            { zoneId: "Z1", name: "example.com", type: "TXT", records: ["v=spf1 -all"], ttl: 300 },
            { zoneId: zone },
        ),
        rec("aws:route53domains/registeredDomain:RegisteredDomain", "example-com", { domainName: "example.com", transferLock: true }),
        rec("aws:appsync/apiCache:ApiCache", "catalog-cache", {
            apiId: "graph-1",
            apiCachingBehavior: "FULL_REQUEST_CACHING",
            type: "SMALL",
            ttl: 60,
            atRestEncryptionEnabled: true,
            transitEncryptionEnabled: true,
        }),
        rec("aws:mq/broker:Broker", "events-broker", {
            brokerName: "events",
            engineType: "ActiveMQ",
            engineVersion: "5.18",
            hostInstanceType: "mq.m5.large",
            publiclyAccessible: false,
            autoMinorVersionUpgrade: true,
            encryptionOptions: { useAwsOwnedKey: false, kmsKeyId: KEY_ARN },
            logs: { general: true, audit: true },
            subnetIds: ["subnet-priv"],
        }),
        rec("aws:msk/cluster:Cluster", "events-kafka", {
            clusterName: "events",
            kafkaVersion: "3.8.x",
            numberOfBrokerNodes: 3,
            brokerNodeGroupInfo: {
                instanceType: "kafka.m7g.large",
                clientSubnets: ["subnet-priv"],
                securityGroups: ["sg-kafka"],
                connectivityInfo: { publicAccess: { type: "DISABLED" } },
            },
            encryptionInfo: { encryptionAtRestKmsKeyArn: KEY_ARN, encryptionInTransit: { clientBroker: "TLS", inCluster: true } },
            loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: "/edf/kafka" } } },
        }),
    ];
}

export function devtoolsAndOtherResources(): ResourceRecord[] {
    const repo = rec("aws:codecommit/repository:Repository", "infra-repo", { repositoryName: "infra", kmsKeyId: KEY_ARN });
    const template = rec("aws:codecommit/approvalRuleTemplate:ApprovalRuleTemplate", "two-approvals", {
        name: "two-approvals",
        content: JSON.stringify({ Version: "2018-11-08", Statements: [{ Type: "Approvers", NumberOfApprovalsNeeded: 2 }] }),
    });
    const container = rec("aws:mediastore/container:Container", "media", { name: "media" });
    return [
        rec("aws:codebuild/project:Project", "build", {
            name: "build",
            serviceRole: `arn:aws:iam::${PROD_ACCOUNT}:role/codebuild`,
            encryptionKey: KEY_ARN,
            artifacts: { type: "S3", location: "edf-artifacts" },
            environment: {
                computeType: "BUILD_GENERAL1_SMALL",
                image: "aws/codebuild/amazonlinux-x86_64-standard:5.0",
                type: "LINUX_CONTAINER",
                privilegedMode: false,
                environmentVariables: [
                    { name: "STAGE", value: "prod" },
                    { name: "NPM_TOKEN", type: "SECRETS_MANAGER", value: "edf/ci/npm-token" },
                ],
            },
            source: {
                type: "GITHUB",
                location: "https://github.com/example/payments.git",
                auth: { type: "CODECONNECTIONS", resource: ARN("codeconnections", "connection/1") },
            },
            logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: "/edf/codebuild" } },
        }),
        rec("aws:codepipeline/pipeline:Pipeline", "release", {
            name: "release",
            roleArn: `arn:aws:iam::${PROD_ACCOUNT}:role/pipeline`,
            artifactStores: [{ location: "edf-artifacts", type: "S3", encryptionKey: { id: KEY_ARN, type: "KMS" } }],
        }),
        rec("aws:codeartifact/domain:Domain", "packages", { domain: "edf", encryptionKey: KEY_ARN }),
        repo,
        template,
        rec(
            "aws:codecommit/approvalRuleTemplateAssociation:ApprovalRuleTemplateAssociation",
            "infra-repo-approvals",
            { approvalRuleTemplateName: "two-approvals", repositoryName: "infra" },
            { repositoryName: repo, approvalRuleTemplateName: template },
        ),
        rec("aws:ses/configurationSet:ConfigurationSet", "mail", { name: "mail", deliveryOptions: { tlsPolicy: "Require" } }),
        rec("aws:transfer/server:Server", "partners-sftp", {
            endpointType: "VPC",
            endpointDetails: { vpcId: "vpc-1", subnetIds: ["subnet-priv"], securityGroupIds: ["sg-sftp"] },
            protocols: ["SFTP"],
            securityPolicyName: "TransferSecurityPolicy-2025-03",
        }),
        rec("aws:globalaccelerator/accelerator:Accelerator", "edge-accelerator", {
            name: "edge",
            attributes: { flowLogsEnabled: true, flowLogsS3Bucket: "edf-logs", flowLogsS3Prefix: "ga/" },
        }),
        container,
        rec(
            "aws:mediastore/containerPolicy:ContainerPolicy",
            "media-policy",
            { containerName: "media", policy: resourcePolicy("mediastore", ARN("mediastore", "container/media/*")) },
            { containerName: container },
        ),
        rec("aws:connect/instanceStorageConfig:InstanceStorageConfig", "call-recordings", {
            instanceId: "connect-1",
            resourceType: "CALL_RECORDINGS",
            storageConfig: {
                storageType: "S3",
                s3Config: {
                    bucketName: "edf-recordings",
                    bucketPrefix: "calls",
                    encryptionConfig: { encryptionType: "KMS", keyId: KEY_ARN },
                },
            },
        }),
    ];
}

/** Every compliant compute resource, with the provider. */
export function computeEstate(): ResourceRecord[] {
    return [
        provider(),
        ...lambdaResources(),
        ...messagingResources(),
        ...apiResources(),
        ...edgeResources(),
        ...integrationResources(),
        ...identityAndDnsResources(),
        ...devtoolsAndOtherResources(),
    ];
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

/** The happy path with one resource's record changed (options, dependencies…). */
export const rerecorded = (type: string, name: string, change: (r: ResourceRecord) => ResourceRecord) => () =>
    changeRecord(computeEstate(), type, name, change);

import { appflowFlowDescribed } from "../../../../../../policy-packs/pipeline/policies/appflow-flow-described";
import { appflowKmsEncrypted } from "../../../../../../policy-packs/pipeline/policies/appflow-kms-encrypted";
import { bedrockAgentGuardrailConfigured } from "../../../../../../policy-packs/pipeline/policies/bedrock-agent-guardrail-configured";
import { bedrockAgentKmsEncrypted } from "../../../../../../policy-packs/pipeline/policies/bedrock-agent-kms-encrypted";
import { cloudsearchAccessPolicyNotPublic } from "../../../../../../policy-packs/pipeline/policies/cloudsearch-access-policy-not-public";
import { cloudsearchDomainHttpsEnforced } from "../../../../../../policy-packs/pipeline/policies/cloudsearch-domain-https-enforced";
import { comprehendModelKmsEncrypted } from "../../../../../../policy-packs/pipeline/policies/comprehend-model-kms-encrypted";
import { datasyncTaskLoggingEnabled } from "../../../../../../policy-packs/pipeline/policies/datasync-task-logging-enabled";
import { kendraIndexKmsEncrypted } from "../../../../../../policy-packs/pipeline/policies/kendra-index-kms-encrypted";
import { mwaaEnvironmentKmsEncrypted } from "../../../../../../policy-packs/pipeline/policies/mwaa-environment-kms-encrypted";
import { mwaaEnvironmentLoggingEnabled } from "../../../../../../policy-packs/pipeline/policies/mwaa-environment-logging-enabled";
import { mwaaEnvironmentPrivateWebserver } from "../../../../../../policy-packs/pipeline/policies/mwaa-environment-private-webserver";
import { quicksightDataSourceSsl } from "../../../../../../policy-packs/pipeline/policies/quicksight-data-source-ssl";
import { T } from "../../../../../../policy-packs/pipeline/support/types";
import type { ResourceRecord } from "../../../../../../policy-packs/lib/resources";
import { describePolicy } from "../../../support/policy-cases";
import { patched, plus, provider, res, UNKNOWN } from "./records";

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/data";
const LOG = (k: string) => ({
    enabled: true,
    logLevel: "INFO",
    cloudWatchLogGroupArn: `arn:aws:logs:eu-west-1:111111111111:log-group:airflow-${k}`,
});

/** The happy path: one compliant resource of each smaller data and ML service. */
function servicesStack(): ResourceRecord[] {
    return [
        provider(),
        res(T.cloudSearchDomain, "catalog", {
            name: "catalog",
            endpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" },
        }),
        res(T.cloudSearchAccessPolicy, "catalog-access", {
            domainName: "catalog",
            accessPolicy: JSON.stringify({
                Statement: [
                    {
                        Effect: "Allow",
                        Principal: { AWS: "*" },
                        Action: "cloudsearch:search",
                        Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/16" } },
                    },
                ],
            }),
        }),
        res(T.comprehendEntityRecognizer, "entities", {
            dataAccessRoleArn: "arn:role",
            languageCode: "en",
            modelKmsKeyId: KEY,
            volumeKmsKeyId: KEY,
        }),
        res(T.comprehendDocumentClassifier, "classifier", {
            dataAccessRoleArn: "arn:role",
            languageCode: "en",
            modelKmsKeyId: KEY,
            volumeKmsKeyId: KEY,
        }),
        res(T.bedrockAgent, "assistant", {
            agentName: "assistant",
            agentResourceRoleArn: "arn:role",
            foundationModel: "anthropic.claude",
            customerEncryptionKeyArn: KEY,
            guardrailConfigurations: [{ guardrailIdentifier: "gr-123", guardrailVersion: "1" }],
        }),
        res(T.kendraIndex, "docs", { name: "docs", roleArn: "arn:role", serverSideEncryptionConfiguration: { kmsKeyId: KEY } }),
        res(T.quickSightDataSource, "warehouse", {
            dataSourceId: "warehouse",
            name: "warehouse",
            type: "POSTGRESQL",
            sslProperties: { disableSsl: false },
        }),
        res(T.dataSyncTask, "archive", {
            sourceLocationArn: "arn:src",
            destinationLocationArn: "arn:dst",
            cloudwatchLogGroupArn: "arn:aws:logs:eu-west-1:111111111111:log-group:datasync",
            options: { logLevel: "TRANSFER" },
        }),
        res(T.appFlowFlow, "crm-export", {
            description: "Nightly CRM accounts to the data lake",
            kmsArn: KEY,
            sourceFlowConfig: {},
            destinationFlowConfigs: [],
        }),
        res(T.appFlowConnectorProfile, "crm", { connectionMode: "Public", connectorType: "Salesforce", kmsArn: KEY }),
        res(T.mwaaEnvironment, "airflow", {
            name: "airflow",
            kmsKey: KEY,
            webserverAccessMode: "PRIVATE_ONLY",
            loggingConfiguration: Object.fromEntries(
                ["schedulerLogs", "workerLogs", "webserverLogs", "taskLogs", "dagProcessingLogs"].map((k) => [k, LOG(k)]),
            ),
        }),
    ];
}

const none = () => [provider(), res(T.bucket, "b", { bucket: "b" })];
const set = (type: string, name: string, change: Record<string, unknown>) => patched(servicesStack, type, name, change);

describe("storage area: CloudSearch, Comprehend, Bedrock, Kendra, QuickSight, DataSync, AppFlow and MWAA", () => {
    describePolicy(cloudsearchDomainHttpsEnforced, {
        compliant: servicesStack,
        nonCompliant: [
            {
                name: "a domain without HTTPS enforced",
                resources: set(T.cloudSearchDomain, "catalog", { endpointOptions: undefined }),
                expect: /CloudSearch domain `catalog` must refuse plain HTTP/,
            },
            {
                name: "a domain on TLS 1.0",
                resources: set(T.cloudSearchDomain, "catalog", {
                    endpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" },
                }),
                expect: /`catalog` must use the TLS policy `Policy-Min-TLS-1-2-2019-07`/,
            },
        ],
        notApplicable: [{ name: "resources other than domains", resources: none }],
        unknown: [
            {
                name: "the TLS policy is another resource's output",
                resources: set(T.cloudSearchDomain, "catalog", { endpointOptions: { enforceHttps: true, tlsSecurityPolicy: UNKNOWN } }),
            },
        ],
    });

    describePolicy(cloudsearchAccessPolicyNotPublic, {
        compliant: servicesStack,
        nonCompliant: [
            {
                name: "a domain anyone may search",
                resources: set(T.cloudSearchAccessPolicy, "catalog-access", {
                    accessPolicy: JSON.stringify({
                        Statement: [{ Sid: "Search", Effect: "Allow", Principal: "*", Action: "cloudsearch:search" }],
                    }),
                }),
                expect: /CloudSearch access policy `catalog-access` must not be public: statement `Search` allows everyone/,
            },
        ],
        notApplicable: [{ name: "resources other than access policies", resources: none }],
        unknown: [
            {
                name: "the policy is another resource's output",
                resources: set(T.cloudSearchAccessPolicy, "catalog-access", { accessPolicy: UNKNOWN }),
            },
        ],
    });

    describePolicy(comprehendModelKmsEncrypted, {
        compliant: servicesStack,
        nonCompliant: [
            {
                name: "a recognizer without a model key",
                resources: set(T.comprehendEntityRecognizer, "entities", { modelKmsKeyId: undefined }),
                expect: /Comprehend model `entities` .*`modelKmsKeyId` is not set/,
            },
            {
                name: "a classifier without a volume key",
                resources: set(T.comprehendDocumentClassifier, "classifier", { volumeKmsKeyId: undefined }),
                expect: /`classifier` .*`volumeKmsKeyId` is not set/,
            },
        ],
        notApplicable: [{ name: "resources other than models", resources: none }],
        unknown: [
            {
                name: "the key is another resource's output",
                resources: set(T.comprehendEntityRecognizer, "entities", { volumeKmsKeyId: UNKNOWN }),
            },
        ],
    });

    describePolicy(bedrockAgentKmsEncrypted, {
        compliant: servicesStack,
        nonCompliant: [
            {
                name: "an agent on the AWS owned key",
                resources: set(T.bedrockAgent, "assistant", { customerEncryptionKeyArn: undefined }),
                expect: /Bedrock agent `assistant` must be encrypted with a customer managed KMS key/,
            },
        ],
        notApplicable: [{ name: "resources other than agents", resources: none }],
        unknown: [
            {
                name: "the key is another resource's output",
                resources: set(T.bedrockAgent, "assistant", { customerEncryptionKeyArn: UNKNOWN }),
            },
        ],
    });

    describePolicy(bedrockAgentGuardrailConfigured, {
        compliant: servicesStack,
        nonCompliant: [
            {
                name: "an agent without a guardrail",
                resources: set(T.bedrockAgent, "assistant", { guardrailConfigurations: [] }),
                expect: /Bedrock agent `assistant` must be associated with a guardrail/,
            },
        ],
        notApplicable: [{ name: "resources other than agents", resources: none }],
        unknown: [
            {
                name: "the guardrail is another resource's output",
                resources: set(T.bedrockAgent, "assistant", { guardrailConfigurations: [{ guardrailIdentifier: UNKNOWN }] }),
            },
        ],
    });

    describePolicy(kendraIndexKmsEncrypted, {
        compliant: servicesStack,
        nonCompliant: [
            {
                name: "an index on the AWS owned key",
                resources: set(T.kendraIndex, "docs", { serverSideEncryptionConfiguration: undefined }),
                expect: /Kendra index `docs` must be encrypted with a customer managed KMS key/,
            },
        ],
        notApplicable: [{ name: "resources other than indexes", resources: none }],
        unknown: [
            {
                name: "the key is another resource's output",
                resources: set(T.kendraIndex, "docs", { serverSideEncryptionConfiguration: { kmsKeyId: UNKNOWN } }),
            },
        ],
    });

    describePolicy(quicksightDataSourceSsl, {
        compliant: servicesStack,
        nonCompliant: [
            {
                name: "a data source without SSL",
                resources: set(T.quickSightDataSource, "warehouse", { sslProperties: { disableSsl: true } }),
                expect: /QuickSight data source `warehouse` must connect over SSL\/TLS/,
            },
        ],
        notApplicable: [{ name: "resources other than data sources", resources: none }],
        unknown: [
            {
                name: "the setting is another resource's output",
                resources: set(T.quickSightDataSource, "warehouse", { sslProperties: { disableSsl: UNKNOWN } }),
            },
        ],
    });

    describePolicy(datasyncTaskLoggingEnabled, {
        compliant: servicesStack,
        nonCompliant: [
            {
                name: "a task without a log group",
                resources: set(T.dataSyncTask, "archive", { cloudwatchLogGroupArn: undefined }),
                expect: /DataSync task `archive` must log to CloudWatch Logs/,
            },
            {
                name: "a task with logging off",
                resources: set(T.dataSyncTask, "archive", { options: { logLevel: "OFF" } }),
                expect: /`archive` must not turn logging off/,
            },
        ],
        notApplicable: [{ name: "resources other than tasks", resources: none }],
        unknown: [
            {
                name: "the log group is another resource's output",
                resources: set(T.dataSyncTask, "archive", { cloudwatchLogGroupArn: UNKNOWN }),
            },
        ],
    });

    describePolicy(appflowKmsEncrypted, {
        compliant: servicesStack,
        nonCompliant: [
            {
                name: "a flow on the AWS managed key",
                resources: set(T.appFlowFlow, "crm-export", { kmsArn: undefined }),
                expect: /AppFlow resource `crm-export` must be encrypted with a customer managed KMS key/,
            },
            {
                name: "a connector profile on the AWS managed key",
                resources: set(T.appFlowConnectorProfile, "crm", { kmsArn: "alias/aws/appflow" }),
                expect: /`crm` .*AWS managed key/,
            },
        ],
        notApplicable: [{ name: "resources other than flows and profiles", resources: none }],
        unknown: [{ name: "the key is another resource's output", resources: set(T.appFlowFlow, "crm-export", { kmsArn: UNKNOWN }) }],
    });

    describePolicy(appflowFlowDescribed, {
        compliant: servicesStack,
        nonCompliant: [
            {
                name: "a flow without a description",
                resources: set(T.appFlowFlow, "crm-export", { description: undefined }),
                expect: /AppFlow flow `crm-export` should say what it moves/,
            },
        ],
        notApplicable: [{ name: "resources other than flows", resources: none }],
        unknown: [
            { name: "the description is another resource's output", resources: set(T.appFlowFlow, "crm-export", { description: UNKNOWN }) },
        ],
    });

    describePolicy(mwaaEnvironmentLoggingEnabled, {
        compliant: servicesStack,
        nonCompliant: [
            {
                name: "an environment without worker and web server logs",
                resources: set(T.mwaaEnvironment, "airflow", {
                    loggingConfiguration: { schedulerLogs: LOG("s"), taskLogs: LOG("t"), dagProcessingLogs: LOG("d") },
                }),
                expect: /MWAA environment `airflow` must send workerLogs, webserverLogs to CloudWatch Logs/,
            },
            {
                name: "an environment without logging",
                resources: set(T.mwaaEnvironment, "airflow", { loggingConfiguration: undefined }),
                expect: /must send schedulerLogs, workerLogs/,
            },
        ],
        notApplicable: [{ name: "resources other than environments", resources: none }],
        unknown: [
            {
                name: "a log setting is another resource's output",
                resources: set(T.mwaaEnvironment, "airflow", { loggingConfiguration: { schedulerLogs: { enabled: UNKNOWN } } }),
            },
        ],
    });

    describePolicy(mwaaEnvironmentPrivateWebserver, {
        compliant: plus(servicesStack, res(T.mwaaEnvironment, "default-access", { name: "d", kmsKey: KEY })),
        nonCompliant: [
            {
                name: "a public web server",
                resources: set(T.mwaaEnvironment, "airflow", { webserverAccessMode: "PUBLIC_ONLY" }),
                expect: /MWAA environment `airflow` must keep its web server private/,
            },
        ],
        notApplicable: [{ name: "resources other than environments", resources: none }],
        unknown: [
            {
                name: "the access mode is another resource's output",
                resources: set(T.mwaaEnvironment, "airflow", { webserverAccessMode: UNKNOWN }),
            },
        ],
    });

    describePolicy(mwaaEnvironmentKmsEncrypted, {
        compliant: servicesStack,
        nonCompliant: [
            {
                name: "an environment on the AWS owned key",
                resources: set(T.mwaaEnvironment, "airflow", { kmsKey: undefined }),
                expect: /MWAA environment `airflow` must be encrypted with a customer managed KMS key/,
            },
        ],
        notApplicable: [{ name: "resources other than environments", resources: none }],
        unknown: [{ name: "the key is another resource's output", resources: set(T.mwaaEnvironment, "airflow", { kmsKey: UNKNOWN }) }],
    });
});

import { opensearchDomainAccessPolicyNotPublic } from "../../../../../../policy-packs/pipeline/policies/opensearch-domain-access-policy-not-public";
import { opensearchDomainEncryptedAtRest } from "../../../../../../policy-packs/pipeline/policies/opensearch-domain-encrypted-at-rest";
import { opensearchDomainFineGrainedAccessControl } from "../../../../../../policy-packs/pipeline/policies/opensearch-domain-fine-grained-access-control";
import { opensearchDomainHighlyAvailable } from "../../../../../../policy-packs/pipeline/policies/opensearch-domain-highly-available";
import { opensearchDomainHttpsEnforced } from "../../../../../../policy-packs/pipeline/policies/opensearch-domain-https-enforced";
import { opensearchDomainInVpc } from "../../../../../../policy-packs/pipeline/policies/opensearch-domain-in-vpc";
import { opensearchDomainLogsPublished } from "../../../../../../policy-packs/pipeline/policies/opensearch-domain-logs-published";
import { opensearchDomainNodeToNodeEncrypted } from "../../../../../../policy-packs/pipeline/policies/opensearch-domain-node-to-node-encrypted";
import { T } from "../../../../../../policy-packs/pipeline/support/types";
import type { ResourceRecord } from "../../../../../../policy-packs/lib/resources";
import { describePolicy } from "../../../support/policy-cases";
import { patched, provider, res, UNKNOWN } from "./records";

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/search";
const LOGS = (t: string) => `arn:aws:logs:eu-west-1:111111111111:log-group:/aws/opensearch/search/${t}`;
const LOG_TYPES = ["AUDIT_LOGS", "ES_APPLICATION_LOGS", "SEARCH_SLOW_LOGS", "INDEX_SLOW_LOGS"];
const accessPolicy = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
        {
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::111111111111:role/search-app" },
            Action: "es:ESHttp*",
            Resource: "arn:aws:es:*",
        },
        {
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: "es:ESHttpGet",
            Resource: "*",
            Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/16" } },
        },
    ],
});

/** The happy path: a hardened OpenSearch domain, a legacy Elasticsearch one, and a separate domain policy. */
function searchStack(): ResourceRecord[] {
    const domain = (type: string, name: string) =>
        res(type, name, {
            domainName: name,
            encryptAtRest: { enabled: true, kmsKeyId: KEY },
            nodeToNodeEncryption: { enabled: true },
            domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" },
            vpcOptions: { subnetIds: ["subnet-a", "subnet-b", "subnet-c"], securityGroupIds: ["sg-search"] },
            advancedSecurityOptions: {
                enabled: true,
                anonymousAuthEnabled: false,
                masterUserOptions: { masterUserArn: "arn:aws:iam::111111111111:role/admin" },
            },
            logPublishingOptions: LOG_TYPES.map((logType) => ({ logType, cloudwatchLogGroupArn: LOGS(logType) })),
            clusterConfig: {
                instanceCount: 3,
                zoneAwarenessEnabled: true,
                zoneAwarenessConfig: { availabilityZoneCount: 3 },
                dedicatedMasterEnabled: true,
                dedicatedMasterCount: 3,
            },
            accessPolicies: accessPolicy,
        });
    const search = domain(T.openSearchDomain, "search");
    return [
        provider(),
        search,
        domain(T.elasticsearchDomain, "legacy"),
        res(T.openSearchDomainPolicy, "search-policy", { domainName: "search", accessPolicies: accessPolicy }, { domainName: search }),
    ];
}

const set = (change: Record<string, unknown>) => patched(searchStack, T.openSearchDomain, "search", change);
const noDomains = () => [provider(), res(T.bucket, "b", { bucket: "b" })];
const prod = { environment: "prod" };

describe("storage area: OpenSearch", () => {
    describePolicy(opensearchDomainEncryptedAtRest, {
        compliant: searchStack,
        nonCompliant: [
            {
                name: "a domain without encryption at rest",
                resources: set({ encryptAtRest: { enabled: false } }),
                expect: /`search` must encrypt data at rest \(`encryptAtRest.enabled: true`\)/,
            },
            {
                name: "a legacy domain on the AWS managed key",
                resources: patched(searchStack, T.elasticsearchDomain, "legacy", {
                    encryptAtRest: { enabled: true, kmsKeyId: "alias/aws/es" },
                }),
                expect: /`legacy` must encrypt data at rest with a customer managed KMS key: `encryptAtRest.kmsKeyId` names the AWS managed key/,
            },
            {
                name: "a domain with the default key",
                resources: set({ encryptAtRest: { enabled: true } }),
                expect: /`encryptAtRest.kmsKeyId` is not set/,
            },
        ],
        notApplicable: [{ name: "resources other than domains", resources: noDomains }],
        unknown: [
            { name: "the key is another resource's output", resources: set({ encryptAtRest: { enabled: true, kmsKeyId: UNKNOWN } }) },
        ],
    });

    describePolicy(opensearchDomainNodeToNodeEncrypted, {
        compliant: searchStack,
        nonCompliant: [
            {
                name: "a domain without node-to-node encryption",
                resources: set({ nodeToNodeEncryption: undefined }),
                expect: /`search` must encrypt node-to-node traffic/,
            },
        ],
        notApplicable: [{ name: "resources other than domains", resources: noDomains }],
        unknown: [{ name: "the setting is another resource's output", resources: set({ nodeToNodeEncryption: { enabled: UNKNOWN } }) }],
    });

    describePolicy(opensearchDomainHttpsEnforced, {
        compliant: searchStack,
        nonCompliant: [
            {
                name: "a domain that accepts plain HTTP",
                resources: set({ domainEndpointOptions: { enforceHttps: false, tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" } }),
                expect: /`search` must refuse plain HTTP/,
            },
            {
                name: "a domain that accepts TLS 1.0",
                resources: set({ domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" } }),
                expect: /`search` must use one of the TLS policies .* \(`domainEndpointOptions.tlsSecurityPolicy` is `Policy-Min-TLS-1-0-2019-07`\)/,
            },
            {
                name: "a domain without endpoint options",
                resources: set({ domainEndpointOptions: undefined }),
                expect: /must refuse plain HTTP/,
            },
        ],
        notApplicable: [{ name: "resources other than domains", resources: noDomains }],
        unknown: [
            {
                name: "the TLS policy is another resource's output",
                resources: set({ domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: UNKNOWN } }),
            },
        ],
    });

    describePolicy(opensearchDomainInVpc, {
        compliant: searchStack,
        nonCompliant: [
            { name: "a public domain", resources: set({ vpcOptions: undefined }), expect: /`search` must run inside a VPC/ },
            {
                name: "a VPC domain on the default security group",
                resources: set({ vpcOptions: { subnetIds: ["subnet-a"] } }),
                expect: /`search` must name its security groups/,
            },
        ],
        notApplicable: [{ name: "resources other than domains", resources: noDomains }],
        unknown: [
            {
                name: "the subnets are another resource's output",
                resources: set({ vpcOptions: { subnetIds: UNKNOWN, securityGroupIds: ["sg-search"] } }),
            },
        ],
    });

    describePolicy(opensearchDomainFineGrainedAccessControl, {
        compliant: searchStack,
        nonCompliant: [
            {
                name: "a domain without fine-grained access control",
                resources: set({ advancedSecurityOptions: undefined }),
                expect: /`search` must enforce fine-grained access control/,
            },
            {
                name: "a domain that accepts anonymous requests",
                resources: set({ advancedSecurityOptions: { enabled: true, anonymousAuthEnabled: true } }),
                expect: /`search` must not accept anonymous requests/,
            },
        ],
        notApplicable: [{ name: "resources other than domains", resources: noDomains }],
        unknown: [{ name: "the setting is another resource's output", resources: set({ advancedSecurityOptions: { enabled: UNKNOWN } }) }],
    });

    describePolicy(opensearchDomainAccessPolicyNotPublic, {
        compliant: searchStack,
        nonCompliant: [
            {
                name: "a domain open to everyone",
                resources: set({
                    accessPolicies: JSON.stringify({
                        Statement: [{ Sid: "Open", Effect: "Allow", Principal: { AWS: "*" }, Action: "es:*", Resource: "*" }],
                    }),
                }),
                expect: /The access policy of OpenSearch domain `search` must not be public: statement `Open` allows everyone/,
            },
            {
                name: "a domain policy that allows the whole internet's address range",
                resources: patched(searchStack, T.openSearchDomainPolicy, "search-policy", {
                    accessPolicies: JSON.stringify({
                        Statement: [
                            {
                                Effect: "Allow",
                                Principal: "*",
                                Action: "es:*",
                                Resource: "*",
                                Condition: { IpAddress: { "aws:SourceIp": ["0.0.0.0/0"] } },
                            },
                        ],
                    }),
                }),
                expect: /`search-policy` must not be public/,
            },
        ],
        notApplicable: [{ name: "resources other than domains and domain policies", resources: noDomains }],
        unknown: [
            {
                name: "the policy is another resource's output",
                resources: patched(searchStack, T.openSearchDomainPolicy, "search-policy", { accessPolicies: UNKNOWN }),
            },
        ],
    });

    describePolicy(opensearchDomainLogsPublished, {
        compliant: searchStack,
        nonCompliant: [
            {
                name: "a domain that publishes slow logs only",
                resources: set({
                    logPublishingOptions: ["SEARCH_SLOW_LOGS", "INDEX_SLOW_LOGS"].map((logType) => ({
                        logType,
                        cloudwatchLogGroupArn: LOGS(logType),
                    })),
                }),
                expect: /`search` must publish AUDIT_LOGS, ES_APPLICATION_LOGS to CloudWatch Logs/,
            },
            {
                name: "a domain with its audit log switched off",
                resources: set({
                    logPublishingOptions: LOG_TYPES.map((logType) => ({
                        logType,
                        cloudwatchLogGroupArn: LOGS(logType),
                        enabled: logType !== "AUDIT_LOGS",
                    })),
                }),
                expect: /must publish AUDIT_LOGS to CloudWatch Logs/,
            },
        ],
        notApplicable: [{ name: "resources other than domains", resources: noDomains }],
        unknown: [
            {
                name: "a log group is another resource's output",
                resources: set({ logPublishingOptions: LOG_TYPES.map((logType) => ({ logType, cloudwatchLogGroupArn: UNKNOWN })) }),
            },
        ],
    });

    describePolicy(opensearchDomainHighlyAvailable, {
        compliant: searchStack,
        options: prod,
        nonCompliant: [
            {
                name: "a single-zone domain",
                resources: set({ clusterConfig: { instanceCount: 1, dedicatedMasterEnabled: true, dedicatedMasterCount: 3 } }),
                expect: /`search` must spread its nodes across availability zones/,
            },
            {
                name: "a domain with two dedicated masters",
                resources: set({ clusterConfig: { zoneAwarenessEnabled: true, dedicatedMasterEnabled: true, dedicatedMasterCount: 2 } }),
                expect: /`search` must run at least 3 dedicated master nodes/,
            },
            {
                name: "a legacy Elasticsearch domain without dedicated masters",
                resources: patched(searchStack, T.elasticsearchDomain, "legacy", { clusterConfig: { zoneAwarenessEnabled: true } }),
                expect: /`legacy` must run at least 3/,
            },
        ],
        notApplicable: [
            {
                name: "a single-node domain in dev",
                resources: set({ clusterConfig: { instanceCount: 1 } }),
                options: { environment: "dev" },
            },
            { name: "resources other than domains", resources: noDomains },
        ],
        unknown: [
            {
                name: "the master count is another resource's output",
                resources: set({
                    clusterConfig: { zoneAwarenessEnabled: true, dedicatedMasterEnabled: true, dedicatedMasterCount: UNKNOWN },
                }),
            },
        ],
    });
});

import { acmCertificateNoWildcard } from "../../../../../../policy-packs/pipeline/policies/acm-certificate-no-wildcard";
import { acmCertificateTransparencyLogging } from "../../../../../../policy-packs/pipeline/policies/acm-certificate-transparency-logging";
import { appsyncApiCacheEncrypted } from "../../../../../../policy-packs/pipeline/policies/appsync-api-cache-encrypted";
import { appsyncApiLogging } from "../../../../../../policy-packs/pipeline/policies/appsync-api-logging";
import { cognitoIdentityPoolNoUnauthenticated } from "../../../../../../policy-packs/pipeline/policies/cognito-identity-pool-no-unauthenticated";
import { cognitoUserPoolMfaRequired } from "../../../../../../policy-packs/pipeline/policies/cognito-user-pool-mfa-required";
import { cognitoUserPoolPasswordPolicy } from "../../../../../../policy-packs/pipeline/policies/cognito-user-pool-password-policy";
import { cognitoUserPoolThreatProtection } from "../../../../../../policy-packs/pipeline/policies/cognito-user-pool-threat-protection";
import { mqBrokerCustomerManagedKey } from "../../../../../../policy-packs/pipeline/policies/mq-broker-customer-managed-key";
import { mqBrokerLogging } from "../../../../../../policy-packs/pipeline/policies/mq-broker-logging";
import { mqBrokerNotPublic } from "../../../../../../policy-packs/pipeline/policies/mq-broker-not-public";
import { mqBrokerPatched } from "../../../../../../policy-packs/pipeline/policies/mq-broker-patched";
import { mskClusterCustomerManagedKey } from "../../../../../../policy-packs/pipeline/policies/msk-cluster-customer-managed-key";
import { mskClusterEncryptionInTransit } from "../../../../../../policy-packs/pipeline/policies/msk-cluster-encryption-in-transit";
import { mskClusterLogging } from "../../../../../../policy-packs/pipeline/policies/msk-cluster-logging";
import { mskClusterNotPublic } from "../../../../../../policy-packs/pipeline/policies/msk-cluster-not-public";
import { route53DomainTransferLock } from "../../../../../../policy-packs/pipeline/policies/route53-domain-transfer-lock";
import { route53RecordTargetInStack } from "../../../../../../policy-packs/pipeline/policies/route53-record-target-in-stack";
import { route53ZoneDnssec } from "../../../../../../policy-packs/pipeline/policies/route53-zone-dnssec";
import { route53ZoneQueryLogging } from "../../../../../../policy-packs/pipeline/policies/route53-zone-query-logging";
import { describePolicy } from "../../../support/policy-cases";
import { changed, computeEstate, only, patched, rerecorded, UNKNOWN, without } from "./fixture";

const POOL = "aws:cognito/userPool:UserPool";
const IDENTITY_POOL = "aws:cognito/identityPool:IdentityPool";
const CERT = "aws:acm/certificate:Certificate";
const ZONE = "aws:route53/zone:Zone";
const QUERY_LOG = "aws:route53/queryLog:QueryLog";
const DNSSEC = "aws:route53/hostedZoneDnsSec:HostedZoneDnsSec";
const KSK = "aws:route53/keySigningKey:KeySigningKey";
const RECORD = "aws:route53/record:Record";
const DOMAIN = "aws:route53domains/registeredDomain:RegisteredDomain";
const GRAPH = "aws:appsync/graphQLApi:GraphQLApi";
const CACHE = "aws:appsync/apiCache:ApiCache";
const BROKER = "aws:mq/broker:Broker";
const KAFKA = "aws:msk/cluster:Cluster";
const FN = "aws:lambda/function:Function";
const pool = (patch: Record<string, unknown>) => patched(POOL, "customers", patch);
const broker = (patch: Record<string, unknown>) => patched(BROKER, "events-broker", patch);
const kafka = (patch: Record<string, unknown>) => patched(KAFKA, "events-kafka", patch);

describe("Cognito policies", () => {
    describePolicy(cognitoUserPoolMfaRequired, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "optional MFA",
                resources: pool({ mfaConfiguration: "OPTIONAL" }),
                expect: /`customers` must require MFA .*not `OPTIONAL`/,
            },
            { name: "no MFA", resources: pool({ mfaConfiguration: undefined }), expect: /not `OFF`/ },
        ],
        notApplicable: [{ name: "stacks without user pools", resources: only(FN) }],
        unknown: [{ name: "the setting is another resource's output", resources: pool({ mfaConfiguration: UNKNOWN }) }],
    });
    describePolicy(cognitoUserPoolPasswordPolicy, {
        compliant: computeEstate,
        nonCompliant: [
            { name: "the default policy (8 characters)", resources: pool({ passwordPolicy: undefined }), expect: /`minimumLength` ≥ 12/ },
            {
                name: "a policy that leaves the classes unset",
                resources: pool({ passwordPolicy: { minimumLength: 16 } }),
                expect: /`requireUppercase: true`, `requireLowercase: true`, `requireNumbers: true`, `requireSymbols: true`/,
            },
            {
                name: "no symbols required",
                resources: pool({
                    passwordPolicy: {
                        minimumLength: 16,
                        requireUppercase: true,
                        requireLowercase: true,
                        requireNumbers: true,
                        requireSymbols: false,
                    },
                }),
                expect: /`requireSymbols: true`/,
            },
        ],
        notApplicable: [{ name: "stacks without user pools", resources: only(FN) }],
        unknown: [{ name: "the length is another resource's output", resources: pool({ passwordPolicy: { minimumLength: UNKNOWN } }) }],
    });
    describePolicy(cognitoUserPoolThreatProtection, {
        compliant: computeEstate,
        nonCompliant: [
            { name: "the Essentials tier", resources: pool({ userPoolTier: "ESSENTIALS" }), expect: /must be on the Plus tier/ },
            {
                name: "threat protection in audit mode",
                resources: pool({ userPoolAddOns: { advancedSecurityMode: "AUDIT" } }),
                expect: /must enforce threat protection/,
            },
        ],
        notApplicable: [{ name: "stacks without user pools", resources: only(FN) }],
        unknown: [{ name: "the tier is another resource's output", resources: pool({ userPoolTier: UNKNOWN }) }],
    });
    describePolicy(cognitoIdentityPoolNoUnauthenticated, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "guest access",
                resources: patched(IDENTITY_POOL, "customers-identity", { allowUnauthenticatedIdentities: true }),
                expect: /`customers-identity` must not give credentials to unauthenticated identities/,
            },
        ],
        notApplicable: [{ name: "stacks without identity pools", resources: only(POOL) }],
        unknown: [
            {
                name: "the flag is another resource's output",
                resources: patched(IDENTITY_POOL, "customers-identity", { allowUnauthenticatedIdentities: UNKNOWN }),
            },
        ],
    });
});

describe("ACM policies", () => {
    describePolicy(acmCertificateNoWildcard, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a wildcard domain",
                resources: patched(CERT, "web-cert", { domainName: "*.example.com" }),
                expect: /`web-cert` must not cover wildcard names \(`\*\.example\.com`\)/,
            },
            {
                name: "a wildcard alternative name",
                resources: patched(CERT, "web-cert", { subjectAlternativeNames: ["*.api.example.com"] }),
                expect: /`\*\.api\.example\.com`/,
            },
        ],
        notApplicable: [{ name: "stacks without certificates", resources: only(FN) }],
        unknown: [{ name: "the domain is another resource's output", resources: patched(CERT, "web-cert", { domainName: UNKNOWN }) }],
    });
    describePolicy(acmCertificateTransparencyLogging, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "transparency logging turned off",
                resources: patched(CERT, "web-cert", { options: { certificateTransparencyLoggingPreference: "DISABLED" } }),
                expect: /`web-cert` must keep certificate transparency logging `ENABLED`/,
            },
        ],
        notApplicable: [{ name: "stacks without certificates", resources: only(FN) }],
        unknown: [
            {
                name: "the preference is another resource's output",
                resources: patched(CERT, "web-cert", { options: { certificateTransparencyLoggingPreference: UNKNOWN } }),
            },
        ],
    });
});

describe("Route 53 policies", () => {
    describePolicy(route53ZoneQueryLogging, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a public zone without query logs",
                resources: without(QUERY_LOG),
                expect: /Hosted zone `public-zone` must log DNS queries/,
            },
        ],
        notApplicable: [
            { name: "private zones only", resources: () => without(ZONE, "public-zone")().filter((r) => r.type !== QUERY_LOG) },
        ],
        unknown: [{ name: "the zone's VPCs are another resource's output", resources: patched(ZONE, "public-zone", { vpcs: UNKNOWN }) }],
    });
    describePolicy(route53ZoneDnssec, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "an unsigned public zone",
                resources: () => computeEstate().filter((r) => r.type !== DNSSEC && r.type !== KSK),
                expect: /`public-zone` must be signed with DNSSEC/,
            },
            {
                name: "signing turned off",
                resources: () =>
                    changed(DNSSEC, "public-zone-dnssec", (p) => ({ ...p, signingStatus: "NOT_SIGNING" }))().filter((r) => r.type !== KSK),
                expect: /must be signed with DNSSEC/,
            },
        ],
        notApplicable: [{ name: "stacks without public zones", resources: only(FN) }],
        unknown: [{ name: "the zone's VPCs are another resource's output", resources: patched(ZONE, "public-zone", { vpcs: UNKNOWN }) }],
    });
    describePolicy(route53DomainTransferLock, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "an unlocked domain",
                resources: patched(DOMAIN, "example-com", { transferLock: false }),
                expect: /`example-com` must keep `transferLock: true`/,
            },
        ],
        notApplicable: [{ name: "stacks without registered domains", resources: only(ZONE) }],
        unknown: [{ name: "the lock is another resource's output", resources: patched(DOMAIN, "example-com", { transferLock: UNKNOWN }) }],
    });
    describePolicy(route53RecordTargetInStack, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a typed-in address",
                resources: rerecorded(RECORD, "www", (r) => ({
                    ...r,
                    props: { ...r.props, aliases: undefined, records: ["203.0.113.10"], ttl: 300 },
                    propertyDependencies: {},
                })),
                expect: /`www` must point at a resource of the stack/,
            },
        ],
        notApplicable: [{ name: "stacks without address records", resources: () => without(RECORD, "www")() }],
        unknown: [{ name: "the record type is another resource's output", resources: patched(RECORD, "www", { type: UNKNOWN }) }],
    });
});

describe("AppSync policies", () => {
    describePolicy(appsyncApiCacheEncrypted, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "an unencrypted cache",
                resources: patched(CACHE, "catalog-cache", { atRestEncryptionEnabled: false, transitEncryptionEnabled: undefined }),
                expect: /`atRestEncryptionEnabled: true` and `transitEncryptionEnabled: true`/,
            },
        ],
        notApplicable: [{ name: "stacks without caches", resources: only(GRAPH) }],
        unknown: [
            {
                name: "the flag is another resource's output",
                resources: patched(CACHE, "catalog-cache", { atRestEncryptionEnabled: UNKNOWN }),
            },
        ],
    });
    describePolicy(appsyncApiLogging, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "no logging",
                resources: patched(GRAPH, "catalog-graph", { logConfig: undefined }),
                expect: /`catalog-graph` must log to CloudWatch/,
            },
            {
                name: "field logging off",
                resources: patched(GRAPH, "catalog-graph", { logConfig: { cloudwatchLogsRoleArn: "arn:role", fieldLogLevel: "NONE" } }),
                expect: /must log resolver fields at ALL or ERROR/,
            },
        ],
        notApplicable: [{ name: "stacks without GraphQL APIs", resources: only(CACHE) }],
        unknown: [
            {
                name: "the role is another resource's output",
                resources: patched(GRAPH, "catalog-graph", { logConfig: { cloudwatchLogsRoleArn: UNKNOWN, fieldLogLevel: "ALL" } }),
            },
        ],
    });
});

describe("Amazon MQ policies", () => {
    describePolicy(mqBrokerNotPublic, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a public broker",
                resources: broker({ publiclyAccessible: true }),
                expect: /`events-broker` must not be publicly accessible/,
            },
        ],
        notApplicable: [{ name: "stacks without brokers", resources: only(FN) }],
        unknown: [{ name: "the flag is another resource's output", resources: broker({ publiclyAccessible: UNKNOWN }) }],
    });
    describePolicy(mqBrokerCustomerManagedKey, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "the AWS owned key",
                resources: broker({ encryptionOptions: { useAwsOwnedKey: true } }),
                expect: /`events-broker` must be encrypted with a customer managed KMS key/,
            },
        ],
        notApplicable: [{ name: "stacks without brokers", resources: only(FN) }],
        unknown: [
            {
                name: "the key is another resource's output",
                resources: broker({ encryptionOptions: { useAwsOwnedKey: false, kmsKeyId: UNKNOWN } }),
            },
        ],
    });
    describePolicy(mqBrokerLogging, {
        compliant: computeEstate,
        nonCompliant: [
            { name: "no logs", resources: broker({ logs: undefined }), expect: /must turn on `general` and `audit` logs/ },
            { name: "no audit log on ActiveMQ", resources: broker({ logs: { general: true } }), expect: /must turn on `audit` logs/ },
        ],
        notApplicable: [{ name: "stacks without brokers", resources: only(FN) }],
        unknown: [{ name: "the flag is another resource's output", resources: broker({ logs: { general: UNKNOWN, audit: true } }) }],
    });
    describePolicy(mqBrokerPatched, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "no automatic minor upgrades",
                resources: broker({ autoMinorVersionUpgrade: false }),
                expect: /must set `autoMinorVersionUpgrade: true`/,
            },
            {
                name: "an old engine",
                resources: broker({ engineVersion: "5.16.7" }),
                expect: /must run ActiveMQ 5.18 or later, not 5.16.7/,
            },
        ],
        notApplicable: [{ name: "stacks without brokers", resources: only(FN) }],
        unknown: [{ name: "the version is another resource's output", resources: broker({ engineVersion: UNKNOWN }) }],
    });
});

describe("MSK policies", () => {
    describePolicy(mskClusterEncryptionInTransit, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "plaintext clients",
                resources: kafka({ encryptionInfo: { encryptionInTransit: { clientBroker: "TLS_PLAINTEXT" } } }),
                expect: /must accept TLS only from clients .*`TLS_PLAINTEXT`/,
            },
            {
                name: "plaintext between brokers",
                resources: kafka({ encryptionInfo: { encryptionInTransit: { inCluster: false } } }),
                expect: /must encrypt traffic between brokers/,
            },
        ],
        notApplicable: [{ name: "stacks without clusters", resources: only(FN) }],
        unknown: [
            {
                name: "the setting is another resource's output",
                resources: kafka({ encryptionInfo: { encryptionInTransit: { clientBroker: UNKNOWN } } }),
            },
        ],
    });
    describePolicy(mskClusterCustomerManagedKey, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "the AWS managed key",
                resources: kafka({ encryptionInfo: undefined }),
                expect: /`events-kafka` must be encrypted at rest with a customer managed KMS key/,
            },
        ],
        notApplicable: [{ name: "stacks without clusters", resources: only(FN) }],
        unknown: [
            { name: "the key is another resource's output", resources: kafka({ encryptionInfo: { encryptionAtRestKmsKeyArn: UNKNOWN } }) },
        ],
    });
    describePolicy(mskClusterLogging, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "no broker logs",
                resources: kafka({ loggingInfo: undefined }),
                expect: /`events-kafka` must send broker logs somewhere/,
            },
        ],
        notApplicable: [{ name: "stacks without clusters", resources: only(FN) }],
        unknown: [
            {
                name: "the flag is another resource's output",
                resources: kafka({ loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: UNKNOWN } } } }),
            },
        ],
    });
    describePolicy(mskClusterNotPublic, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "public brokers",
                resources: changed(KAFKA, "events-kafka", (p) => ({
                    ...p,
                    brokerNodeGroupInfo: {
                        ...(p.brokerNodeGroupInfo as object),
                        connectivityInfo: { publicAccess: { type: "SERVICE_PROVIDED_EIPS" } },
                    },
                })),
                expect: /`events-kafka` must not give its brokers public addresses/,
            },
        ],
        notApplicable: [{ name: "stacks without clusters", resources: only(FN) }],
        unknown: [
            {
                name: "the access type is another resource's output",
                resources: kafka({ brokerNodeGroupInfo: { connectivityInfo: { publicAccess: { type: UNKNOWN } } } }),
            },
        ],
    });
});

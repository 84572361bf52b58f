import { UNKNOWN } from "../../../../../../policy-packs/lib/resources";
import { cloudformationStackNotifications } from "../../../../../../policy-packs/pipeline/policies/cloudformation-stack-notifications";
import { ssmDocumentNotPublic } from "../../../../../../policy-packs/pipeline/policies/ssm-document-not-public";
import { ssmParameterSecureStringCmk } from "../../../../../../policy-packs/pipeline/policies/ssm-parameter-secure-string-cmk";
import { ssmSessionManagerKmsEncrypted } from "../../../../../../policy-packs/pipeline/policies/ssm-session-manager-kms-encrypted";
import { ssmSessionManagerLoggingEncrypted } from "../../../../../../policy-packs/pipeline/policies/ssm-session-manager-logging-encrypted";
import { changeProps } from "../../../../../fixtures/policy/estate";
import { identityEstate, SESSION_PREFERENCES } from "../../../../../fixtures/policy/identity-estate";
import { describePolicy } from "../../../support/policy-cases";

const DOCUMENT = "aws:ssm/document:Document";
const PARAMETER = "aws:ssm/parameter:Parameter";
const STACK = "aws:cloudformation/stack:Stack";

const set = (type: string, name: string, patch: Record<string, unknown>) => () =>
    changeProps(identityEstate(), type, name, (p) => ({ ...p, ...patch }));
const only =
    (...types: string[]) =>
    () =>
        identityEstate().filter((r) => types.includes(r.type));
const preferences = (inputs: Record<string, unknown>) =>
    set(DOCUMENT, "session-preferences", { content: JSON.stringify({ ...JSON.parse(SESSION_PREFERENCES), inputs }) });
const yamlPreferences = (lines: string[]) =>
    set(DOCUMENT, "session-preferences", {
        documentFormat: "YAML",
        content: ["schemaVersion: '1.0'", "sessionType: Standard_Stream", "inputs:", ...lines.map((l) => `  ${l}`)].join("\n"),
    });
const commandDocuments = () => only(DOCUMENT)().filter((r) => r.name === "rotate-logs");

describe("Systems Manager", () => {
    describePolicy(ssmDocumentNotPublic, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "a document shared with everyone",
                resources: set(DOCUMENT, "rotate-logs", { permissions: { type: "Share", accountIds: "All" } }),
                expect: /SSM document `rotate-logs` must not be shared with every AWS account/,
            },
        ],
        notApplicable: [{ name: "resources other than documents", resources: only(PARAMETER) }],
        unknown: [{ name: "the sharing is unknown", resources: set(DOCUMENT, "rotate-logs", { permissions: UNKNOWN }) }],
    });
    describePolicy(ssmSessionManagerKmsEncrypted, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "sessions without a key",
                resources: preferences({ cloudWatchLogGroupName: "/x", cloudWatchEncryptionEnabled: true }),
                expect: /must encrypt sessions with a KMS key/,
            },
            { name: "YAML preferences without a key", resources: yamlPreferences(["kmsKeyId: ''"]), expect: /`inputs.kmsKeyId`/ },
        ],
        notApplicable: [{ name: "documents other than Session Manager preferences", resources: commandDocuments }],
        unknown: [
            { name: "the content is another resource's output", resources: set(DOCUMENT, "session-preferences", { content: UNKNOWN }) },
        ],
    });
    describePolicy(ssmSessionManagerKmsEncrypted, {
        compliant: yamlPreferences(["kmsKeyId: 'arn:aws:kms:eu-west-1:111111111111:key/k'", "s3EncryptionEnabled: true"]),
        nonCompliant: [],
        notApplicable: [],
    });
    describePolicy(ssmSessionManagerLoggingEncrypted, {
        compliant: identityEstate,
        nonCompliant: [
            { name: "sessions not logged", resources: preferences({ kmsKeyId: "k" }), expect: /must log sessions encrypted/ },
            {
                name: "sessions logged to S3 unencrypted",
                resources: preferences({ kmsKeyId: "k", s3BucketName: "edf-sessions", s3EncryptionEnabled: false }),
                expect: /must log sessions encrypted/,
            },
            {
                name: "YAML preferences logging unencrypted",
                resources: yamlPreferences(["cloudWatchLogGroupName: /edf/sessions", "cloudWatchEncryptionEnabled: false"]),
                expect: /must log sessions encrypted/,
            },
        ],
        notApplicable: [{ name: "documents other than Session Manager preferences", resources: commandDocuments }],
        unknown: [
            { name: "the content is another resource's output", resources: set(DOCUMENT, "session-preferences", { content: UNKNOWN }) },
        ],
    });
    describePolicy(ssmParameterSecureStringCmk, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "a password in a plain String",
                resources: set(PARAMETER, "db-password", { type: "String", keyId: undefined }),
                expect: /SSM parameter `db-password` looks like a secret and must be a `SecureString` \(`type` is `String`\)/,
            },
            {
                name: "a SecureString under AWS's key",
                resources: set(PARAMETER, "db-password", { keyId: "alias/aws/ssm" }),
                expect: /must be encrypted with a customer managed key/,
            },
            {
                name: "a SecureString with no key named",
                resources: set(PARAMETER, "db-password", { keyId: undefined }),
                expect: /customer managed key/,
            },
        ],
        notApplicable: [{ name: "resources other than parameters", resources: only(DOCUMENT) }],
        unknown: [{ name: "the key is another resource's output", resources: set(PARAMETER, "db-password", { keyId: UNKNOWN }) }],
    });
});

describe("CloudFormation", () => {
    describePolicy(cloudformationStackNotifications, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "a stack without notifications",
                resources: set(STACK, "legacy", { notificationArns: [] }),
                expect: /CloudFormation stack `legacy` must send its events/,
            },
        ],
        notApplicable: [{ name: "resources other than stacks", resources: only(PARAMETER) }],
        unknown: [{ name: "the topics are unknown", resources: set(STACK, "legacy", { notificationArns: UNKNOWN }) }],
    });
});

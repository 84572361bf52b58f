import * as assert from "assert";
import { daxClusterEncrypted } from "../../../../../../policy-packs/pipeline/policies/dax-cluster-encrypted";
import { daxClusterTls } from "../../../../../../policy-packs/pipeline/policies/dax-cluster-tls";
import { dynamodbCustomerManagedKey } from "../../../../../../policy-packs/pipeline/policies/dynamodb-customer-managed-key";
import { dynamodbPointInTimeRecovery } from "../../../../../../policy-packs/pipeline/policies/dynamodb-point-in-time-recovery";
import { dynamodbResourcePolicyNotPublic } from "../../../../../../policy-packs/pipeline/policies/dynamodb-resource-policy-not-public";
import { dynamodbTableAutoscaling } from "../../../../../../policy-packs/pipeline/policies/dynamodb-table-autoscaling";
import { dynamodbTableKmsEncrypted } from "../../../../../../policy-packs/pipeline/policies/dynamodb-table-kms-encrypted";
import { publicStatements } from "../../../../../../policy-packs/pipeline/support/public-principals";
import { T } from "../../../../../../policy-packs/pipeline/support/types";
import { describePolicy } from "../../../support/policy-cases";
import { dynamoEstate } from "./estates";
import { only, OTHER, patch, UNKNOWN, without } from "./records";

const others = () => [OTHER];
const orders = (change: Record<string, unknown>) => patch(dynamoEstate, T.dynamoTable, "orders", change);
const replica = (change: Record<string, unknown>) => patch(dynamoEstate, T.dynamoTableReplica, "orders-us", change);
const dax = (change: Record<string, unknown>) => patch(dynamoEstate, T.daxCluster, "orders-cache", change);
const policyOf = (statement: Record<string, unknown>) =>
    patch(dynamoEstate, T.dynamoResourcePolicy, "orders-policy", {
        policy: JSON.stringify({ Version: "2012-10-17", Statement: [statement] }),
    });

describe("DynamoDB and DAX policies", () => {
    describePolicy(dynamodbPointInTimeRecovery, {
        compliant: dynamoEstate,
        nonCompliant: [
            {
                name: "a table without PITR",
                resources: orders({ pointInTimeRecovery: undefined }),
                expect: /DynamoDB table `orders` must set `pointInTimeRecovery.enabled: true`/,
            },
            { name: "a table with PITR off", resources: orders({ pointInTimeRecovery: { enabled: false } }), expect: /`orders`/ },
            {
                name: "a replica without PITR",
                resources: replica({ pointInTimeRecovery: false }),
                expect: /DynamoDB table replica `orders-us` must set `pointInTimeRecovery: true`/,
            },
        ],
        notApplicable: [{ name: "resources other than tables", resources: others }],
        unknown: [{ name: "the PITR block is computed", resources: orders({ pointInTimeRecovery: UNKNOWN }) }],
    });

    describePolicy(dynamodbCustomerManagedKey, {
        compliant: dynamoEstate,
        nonCompliant: [
            {
                name: "a table on the AWS owned key",
                resources: orders({ serverSideEncryption: undefined }),
                expect: /`orders` must set `serverSideEncryption.enabled: true`/,
            },
            {
                name: "a table on the AWS managed key",
                resources: orders({ serverSideEncryption: { enabled: true } }),
                expect: /`orders` must be encrypted with a customer managed KMS key \(`serverSideEncryption.kmsKeyArn`\)/,
            },
            {
                name: "a replica region without a key",
                resources: orders({ replicas: [{ regionName: "eu-central-1" }] }),
                expect: /must encrypt its replicas in eu-central-1 with a customer managed KMS key/,
            },
            { name: "a table replica without a key", resources: replica({ kmsKeyArn: undefined }), expect: /table replica `orders-us`/ },
        ],
        notApplicable: [{ name: "resources other than tables", resources: others }],
        unknown: [
            {
                name: "the key is created in the same program",
                resources: orders({ serverSideEncryption: { enabled: true, kmsKeyArn: UNKNOWN } }),
            },
        ],
    });

    describePolicy(dynamodbResourcePolicyNotPublic, {
        compliant: dynamoEstate,
        nonCompliant: [
            {
                name: "a statement for everyone",
                resources: policyOf({ Sid: "Open", Effect: "Allow", Principal: "*", Action: "dynamodb:GetItem", Resource: "*" }),
                expect: /DynamoDB resource policy `orders-policy` must not allow every AWS principal .* in Open\)/,
            },
            {
                name: "AWS * with a condition that does not narrow the caller",
                resources: policyOf({
                    Effect: "Allow",
                    Principal: { AWS: ["*"] },
                    Action: "dynamodb:*",
                    Resource: "*",
                    Condition: { Bool: { "aws:SecureTransport": "true" } },
                }),
                expect: /in #1\)/,
            },
        ],
        notApplicable: [{ name: "resources other than resource policies", resources: others }],
        unknown: [
            {
                name: "the document is computed",
                resources: patch(dynamoEstate, T.dynamoResourcePolicy, "orders-policy", { policy: UNKNOWN }),
            },
        ],
    });
    it("treats account, organization and network conditions as narrowing a wildcard principal, and Deny as harmless", () => {
        const doc = (Condition?: unknown, Effect = "Allow") => ({
            Statement: [{ Effect, Principal: "*", Action: "*", Resource: "*", Condition }],
        });
        assert.deepStrictEqual(publicStatements(doc({ StringEquals: { "aws:SourceVpce": "vpce-1" } })), []);
        assert.deepStrictEqual(publicStatements(doc({ StringEquals: { "AWS:PrincipalAccount": "111111111111" } })), []);
        assert.deepStrictEqual(publicStatements(doc(undefined, "Deny")), []);
        assert.deepStrictEqual(publicStatements(JSON.stringify(doc())), ["#1"]);
    });

    describePolicy(dynamodbTableAutoscaling, {
        compliant: dynamoEstate,
        nonCompliant: [
            {
                name: "a provisioned table without scaling",
                resources: without(dynamoEstate, T.appAutoscalingPolicy),
                expect: /DynamoDB table `events` must scale its provisioned capacity/,
            },
            {
                name: "a table without a billing mode (provisioned)",
                resources: orders({ billingMode: undefined }),
                expect: /`orders` must scale/,
            },
        ],
        notApplicable: [
            { name: "stacks with on-demand tables only", resources: without(only(dynamoEstate, T.dynamoTable), T.dynamoTable, "events") },
            { name: "stacks without tables", resources: others },
        ],
        unknown: [{ name: "the billing mode is computed", resources: orders({ billingMode: UNKNOWN }) }],
    });

    describePolicy(daxClusterEncrypted, {
        compliant: dynamoEstate,
        nonCompliant: [
            {
                name: "an unencrypted cluster",
                resources: dax({ serverSideEncryption: undefined }),
                expect: /DAX cluster `orders-cache` must set `serverSideEncryption.enabled: true`/,
            },
        ],
        notApplicable: [{ name: "resources other than DAX", resources: others }],
        unknown: [{ name: "the flag is computed", resources: dax({ serverSideEncryption: { enabled: UNKNOWN } }) }],
    });
    describePolicy(daxClusterTls, {
        compliant: dynamoEstate,
        nonCompliant: [
            {
                name: "a plaintext endpoint",
                resources: dax({ clusterEndpointEncryptionType: "NONE" }),
                expect: /`orders-cache` must set `clusterEndpointEncryptionType: "TLS"`/,
            },
        ],
        notApplicable: [{ name: "resources other than DAX", resources: others }],
        unknown: [{ name: "the type is computed", resources: dax({ clusterEndpointEncryptionType: UNKNOWN }) }],
    });

    describePolicy(dynamodbTableKmsEncrypted, {
        compliant: dynamoEstate,
        nonCompliant: [
            {
                name: "a table on the AWS owned key",
                resources: orders({ serverSideEncryption: { enabled: false } }),
                expect: /`orders` must be encrypted with KMS/,
            },
        ],
        notApplicable: [{ name: "resources other than tables", resources: others }],
        unknown: [{ name: "the flag is computed", resources: orders({ serverSideEncryption: UNKNOWN }) }],
    });
});

import { strict as assert } from "assert";
import { bucketStatements, executionRoleStatements, queueStatements, tableStatements } from "../../../../services/sdk/iam-documents";

const KEY = "arn:aws:kms:us-east-1:1:key/data";

describe("IAM documents of the service SDK", () => {
    it("lets a consumer receive but not send, and a producer send but not receive", () => {
        const consume = queueStatements("consume", "arn:q", KEY)[0].Action;
        const produce = queueStatements("produce", "arn:q", KEY)[0].Action;
        assert.ok(consume.includes("sqs:ReceiveMessage") && !consume.includes("sqs:SendMessage"));
        assert.ok(produce.includes("sqs:SendMessage") && !produce.includes("sqs:ReceiveMessage"));
        assert.deepEqual(queueStatements("produce", "arn:q", KEY)[1].Action, ["kms:Decrypt", "kms:GenerateDataKey"]);
    });

    it("gives read-only bucket and table access no write action", () => {
        const bucket = bucketStatements("read", "arn:b", KEY).flatMap((s) => s.Action);
        assert.ok(!bucket.some((a) => /Put|Delete|GenerateDataKey/.test(a)));
        const table = tableStatements("read", "arn:t", KEY).flatMap((s) => s.Action);
        assert.ok(!table.some((a) => /Put|Update|Delete|Write|Encrypt|GenerateDataKey/.test(a)), table.join());
    });

    it("scopes bucket objects and table indexes under the owned ARN only", () => {
        assert.deepEqual(
            bucketStatements("read-write", "arn:b", KEY).map((s) => s.Resource),
            ["arn:b", "arn:b/*", KEY],
        );
        assert.deepEqual(tableStatements("read-write", "arn:t", KEY)[0].Resource, ["arn:t", "arn:t/index/*"]);
    });

    it("uses the data key only through the owning AWS service", () => {
        for (const [statements, service] of [
            [queueStatements("consume", "arn:q", KEY), "sqs"],
            [bucketStatements("read", "arn:b", KEY), "s3"],
            [tableStatements("read", "arn:t", KEY), "dynamodb"],
        ] as const) {
            const kms = statements.find((s) => s.Resource === KEY)!;
            assert.deepEqual(kms.Condition, { StringLike: { "kms:ViaService": `${service}.*.amazonaws.com` } });
        }
    });

    it("grants the execution role no secrets statement when the task has no secrets", () => {
        const statements = executionRoleStatements({
            repositoryArn: "arn:r",
            logGroupArn: "arn:l:*",
            secretArns: [],
            parameterArns: [],
            secretsKmsKeyArn: KEY,
        });
        assert.deepEqual(
            statements.map((s) => s.Sid),
            ["EcrAuthorization", "PullOwnImage", "WriteOwnLogs"],
        );
        assert.equal(statements[2].Resource, "arn:l:log-stream:*");
    });

    it("grants SSM parameters through ssm:GetParameters and the key through SSM only", () => {
        const statements = executionRoleStatements({
            repositoryArn: "arn:r",
            logGroupArn: "arn:l",
            secretArns: [],
            parameterArns: ["arn:p"],
            secretsKmsKeyArn: KEY,
        });
        assert.deepEqual(
            statements.slice(3).map((s) => [s.Action, s.Resource]),
            [
                [["ssm:GetParameters"], ["arn:p"]],
                [["kms:Decrypt"], KEY],
            ],
        );
    });
});

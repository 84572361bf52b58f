import { strict as assert } from "assert";
import { functionExecutionStatements, grantProblems, isWildcardAction } from "../../../../services/sdk/function-documents";
import { functionEnvironmentProblems, invokerProblems } from "../../../../services/sdk/function-validation";

const SCOPE = { partition: "aws", region: "eu-west-1", accountId: "222222222222" };

describe("function documents and checks", () => {
    it("scope network interfaces to the account and region, and the environment key to the function", () => {
        const statements = functionExecutionStatements({
            functionName: "prod-orders-resize",
            logGroupArn: "arn:aws:logs:eu-west-1:222222222222:log-group:/edf/prod/x:*",
            deadLetterQueueArn: "arn:aws:sqs:eu-west-1:222222222222:dlq",
            dataKmsKeyArn: "arn:aws:kms:eu-west-1:222222222222:key/data",
            scope: SCOPE,
        });
        const byId = Object.fromEntries(statements.map((s) => [s.Sid, s]));
        assert.equal(byId.WriteOwnLogs.Resource, "arn:aws:logs:eu-west-1:222222222222:log-group:/edf/prod/x:log-stream:*");
        assert.deepEqual(byId.ManageNetworkInterfaces.Resource, [
            "arn:aws:ec2:eu-west-1:222222222222:network-interface/*",
            "arn:aws:ec2:eu-west-1:222222222222:subnet/*",
            "arn:aws:ec2:eu-west-1:222222222222:security-group/*",
        ]);
        assert.deepEqual(byId.DeadLetterQueueKey.Condition, { StringLike: { "kms:ViaService": "sqs.*.amazonaws.com" } });
        assert.equal(byId.DecryptOwnEnvironment.Condition!.StringEquals["kms:EncryptionContext:LambdaFunctionName"], "prod-orders-resize");
    });

    it("tell wildcard actions from exact ones", () => {
        assert.deepEqual(["*", "s3:*", "SQS:*", "s3:Get*", "s3:GetObject"].map(isWildcardAction), [true, true, true, false, false]);
    });

    it("accept exact grants, including Deny statements on *, and refuse wildcards and empty actions", () => {
        assert.deepEqual(grantProblems([{ Sid: "A", Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::b/*" }]), []);
        assert.deepEqual(grantProblems([{ Sid: "D", Effect: "Deny", Action: ["s3:DeleteObject"], Resource: "*" }]), []);
        assert.deepEqual(grantProblems([{ Sid: "R", Effect: "Allow", Action: ["secretsmanager:GetRandomPassword"], Resource: "*" }]), []);
        const problems = grantProblems([{ Sid: "X", Effect: "Allow", Action: [], Resource: ["arn:a", "*"] }], "extra");
        assert.deepEqual(problems, [
            '`extra[0].Action` is empty: list the actions the function needs, e.g. `["sqs:SendMessage"]`.',
            "`extra[0].Resource` is `*`: name the resources (ARNs) the function acts on.",
        ]);
    });

    it("refuse secrets in plain environment values by name or by shape, but not ARNs or Outputs", () => {
        assert.deepEqual(
            functionEnvironmentProblems({
                LOG_LEVEL: "info",
                DB_SECRET_ARN: "arn:aws:secretsmanager:r:1:secret:x",
                API_TOKEN: "arn:aws:ssm:r:1:parameter/t",
            }),
            [],
        );
        assert.equal(functionEnvironmentProblems({ STRIPE_API_KEY: "sk_live_1" }).length, 1);
        assert.equal(functionEnvironmentProblems({ UPSTREAM: "key AKIAABCDEFGHIJKLMNOP here" }).length, 1);
        assert.match(functionEnvironmentProblems({ AWS_REGION: "eu-west-1" })[0], /Lambda reserves `AWS_…` names/);
        assert.match(functionEnvironmentProblems({ "bad-name": "x" })[0], /not a valid variable name/);
    });

    it("refuse invokers that are anyone, or an AWS service from any source", () => {
        assert.deepEqual(invokerProblems([{ principal: "sns.amazonaws.com", sourceArn: "arn:aws:sns:r:1:t" }]), []);
        assert.deepEqual(invokerProblems([{ principal: "arn:aws:iam::222222222222:role/caller" }]), []);
        assert.equal(
            invokerProblems([{ principal: "*" }, { principal: "arn:aws:iam::*:role/x" }, { principal: "sns.amazonaws.com" }]).length,
            3,
        );
    });
});

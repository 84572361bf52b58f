import * as assert from "assert";
import {
    escalationsIn,
    grantsUnconstrained,
    identityDocumentsOf,
    isAwsManagedPolicyArn,
    isBoundaryPolicy,
    statementsOf,
    unconditionallyDenies,
    unscopedGrants,
} from "../../../../../policy-packs/pipeline/support/iam";
import { parsePolicyDocument, PolicyDocument } from "../../../../../policy-packs/pipeline/support/policy-document";
import { T } from "../../../../../policy-packs/pipeline/support/types";

const parsed = (...Statement: object[]): PolicyDocument => {
    const d = parsePolicyDocument({ Version: "2012-10-17", Statement });
    if (!d) throw new Error("not a document");
    return d;
};

describe("IAM document analysis", () => {
    it("keeps the statement shape the first policies were written against", () => {
        assert.deepStrictEqual(statementsOf(JSON.stringify({ Statement: { Effect: "Allow", Action: "s3:GetObject", Resource: "*" } })), [
            { effect: "Allow", actions: ["s3:GetObject"], notActions: [], resources: ["*"], notResources: [] },
        ]);
        assert.deepStrictEqual(statementsOf("not a document"), []);
    });

    describe("privilege escalation", () => {
        it("finds a single-action path and a combination spread over statements", () => {
            const d = parsed(
                { Effect: "Allow", Action: "iam:PassRole", Resource: "*" },
                { Effect: "Allow", Action: ["lambda:CreateFunction", "lambda:InvokeFunction"], Resource: "*" },
                { Effect: "Allow", Action: "iam:Put*Policy", Resource: "arn:aws:iam::111111111111:role/*" },
            );
            const names = escalationsIn(d).map((m) => m.name);
            assert.ok(names.includes("pass a role to a new Lambda function and invoke it"));
            assert.ok(names.includes("write a role's inline policy"));
            assert.ok(names.includes("write a user's inline policy"), "iam:Put*Policy covers PutUserPolicy");
        });

        it("does not count grants on named resources, under a narrowing condition, or denied outright", () => {
            assert.deepStrictEqual(
                escalationsIn(parsed({ Effect: "Allow", Action: "iam:CreatePolicyVersion", Resource: "arn:aws:iam::1:policy/app" })),
                [],
            );
            assert.deepStrictEqual(
                escalationsIn(
                    parsed({
                        Effect: "Allow",
                        Action: ["iam:PassRole", "ec2:RunInstances"],
                        Resource: "*",
                        Condition: { StringEquals: { "aws:ResourceTag/team": "a" } },
                    }),
                ),
                [],
            );
            const denied = parsed({ Effect: "Allow", Action: "iam:*", Resource: "*" }, { Effect: "Deny", Action: "iam:*", Resource: "*" });
            assert.ok(unconditionallyDenies(denied, "iam:AttachRolePolicy"));
            assert.deepStrictEqual(escalationsIn(denied), []);
        });

        it("counts a condition that narrows nothing as no condition", () => {
            const d = parsed({
                Effect: "Allow",
                Action: "iam:AttachUserPolicy",
                Resource: "*",
                Condition: { Bool: { "aws:SecureTransport": "true" } },
            });
            assert.ok(grantsUnconstrained(d, "iam:AttachUserPolicy"));
        });
    });

    describe("unscoped grants", () => {
        it("lists actions granted on * without a narrowing condition, skipping those AWS cannot scope", () => {
            const d = parsed({ Effect: "Allow", Action: ["ecr:GetAuthorizationToken", "s3:GetObject", "logs:*"], Resource: "*" });
            assert.deepStrictEqual(unscopedGrants(d, d.statements[0]), ["s3:GetObject", "logs:*"]);
            assert.deepStrictEqual(unscopedGrants(d, d.statements[0], new Set(["s3:getobject", "logs:*"])), []);
        });

        it("reads NotAction and NotResource as unscoped", () => {
            const d = parsed(
                { Effect: "Allow", NotAction: "iam:*", Resource: "*" },
                { Effect: "Allow", Action: "sqs:SendMessage", NotResource: "arn:x" },
            );
            assert.deepStrictEqual(unscopedGrants(d, d.statements[0]), ["every action except `iam:*`"]);
            assert.deepStrictEqual(unscopedGrants(d, d.statements[1]), ["sqs:SendMessage"]);
        });

        it("accepts resources named, conditions that narrow, and actions an unconditional Deny covers", () => {
            const d = parsed(
                { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" },
                {
                    Effect: "Allow",
                    Action: "kms:Decrypt",
                    Resource: "*",
                    Condition: { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } },
                },
                { Effect: "Allow", Action: ["sns:Publish", "s3:PutObject"], Resource: "*" },
                { Effect: "Deny", Action: "sns:*", Resource: "*" },
            );
            assert.deepStrictEqual(
                d.statements.map((s) => unscopedGrants(d, s)),
                [[], [], ["s3:PutObject"], []],
            );
        });
    });

    describe("which documents a resource carries", () => {
        const policy = JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });

        it("reads managed, inline, role-inline and permission-set documents", () => {
            assert.deepStrictEqual(
                identityDocumentsOf(T.iamRole, "app", { inlinePolicies: [{ name: "s3", policy }, { policy }] }).map((d) => d.where),
                ["Inline policy `s3` of role `app`", "Inline policy of role `app`"],
            );
            assert.strictEqual(identityDocumentsOf(T.iamRolePolicy, "p", { policy }).length, 1);
            assert.strictEqual(
                identityDocumentsOf(T.ssoPermissionSetInlinePolicy, "ps", { inlinePolicy: policy })[0].where,
                "Inline policy of permission set `ps`",
            );
        });

        it("skips the permissions boundary, recognised by name and path against the boundary pattern", () => {
            assert.ok(isBoundaryPolicy(T.iamPolicy, { name: "edf-prod-service-boundary" }, "arn:aws:iam::*:policy/*boundary*"));
            assert.ok(isBoundaryPolicy(T.iamPolicy, { name: "b", path: "/boundary/" }, "arn:aws:iam::*:policy/*boundary*"));
            assert.ok(!isBoundaryPolicy(T.iamPolicy, { name: "app-boundary" }, ""));
            assert.ok(!isBoundaryPolicy(T.iamRolePolicy, { name: "x-boundary" }, "arn:aws:iam::*:policy/*boundary*"));
            assert.deepStrictEqual(identityDocumentsOf(T.iamPolicy, "b", { name: "edf-boundary", policy }), []);
            assert.strictEqual(identityDocumentsOf(T.iamPolicy, "b", { name: "app", policy }).length, 1);
        });

        it("knows AWS managed policy ARNs in every partition", () => {
            assert.ok(isAwsManagedPolicyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
            assert.ok(isAwsManagedPolicyArn("arn:aws-us-gov:iam::aws:policy/service-role/AWS_ConfigRole"));
            assert.ok(!isAwsManagedPolicyArn("arn:aws:iam::111111111111:policy/app"));
        });
    });
});

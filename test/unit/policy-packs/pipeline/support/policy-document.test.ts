import * as assert from "assert";
import * as fc from "fast-check";
import {
    accountPrincipals,
    admitsAnyPrincipal,
    allowsAction,
    appliesToEveryResource,
    coversAction,
    isBroadResource,
    parsePolicyDocument,
    reachesBroadResources,
    serviceWildcards,
    statementsIn,
    wildcardMatch,
} from "../../../../../policy-packs/pipeline/support/policy-document";
import { unknownCheckingProxy, UnknownValueError } from "../../../../../policy-packs/lib/analyzer-internals";
import { UNKNOWN } from "../../../../../policy-packs/lib/resources";

const doc = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const one = (statement: object) => statementsIn(doc(statement))[0];

describe("the policy-document analyser", () => {
    describe("parsing", () => {
        it("normalises every element to a list and keeps absent ones absent", () => {
            const s = one({ Sid: "A", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" });
            assert.strictEqual(s.sid, "A");
            assert.deepStrictEqual(s.actions, ["s3:GetObject"]);
            assert.deepStrictEqual(s.actionPatterns, ["s3:getobject"]);
            assert.deepStrictEqual(s.resources, ["arn:aws:s3:::b/*"]);
            assert.strictEqual(s.notActions, undefined);
            assert.strictEqual(s.notResources, undefined);
            assert.strictEqual(s.principal, undefined);
            assert.deepStrictEqual(s.conditions, []);
        });

        it("reads a single statement object, a document object and JSON text alike", () => {
            const statement = { Effect: "Deny", Action: ["s3:*"], Resource: "*" };
            assert.strictEqual(statementsIn({ Statement: statement }).length, 1);
            assert.strictEqual(statementsIn({ Version: "2012-10-17", Statement: [statement] })[0].effect, "Deny");
            assert.strictEqual(statementsIn(doc(statement))[0].effect, "Deny");
        });

        it("is undefined for what is not a document, and empty for a document without statements", () => {
            assert.strictEqual(parsePolicyDocument(undefined), undefined);
            assert.strictEqual(parsePolicyDocument("not json"), undefined);
            assert.strictEqual(parsePolicyDocument("[1, 2]"), undefined);
            assert.deepStrictEqual(parsePolicyDocument("{}"), { statements: [] });
        });

        it("keeps malformed statements as empty ones so indexes match the raw document", () => {
            const statements = statementsIn({ Statement: ["oops", { Effect: "Allow", Action: "a:b", Resource: "*" }] });
            assert.deepStrictEqual(
                statements.map((s) => [s.index, s.effect]),
                [
                    [0, ""],
                    [1, "Allow"],
                ],
            );
        });

        it("parses the same text once", () => {
            const text = doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" });
            assert.strictEqual(parsePolicyDocument(text), parsePolicyDocument(`${text}`));
        });

        it("takes principals apart: wildcard, accounts, services, federated providers", () => {
            assert.strictEqual(one({ Effect: "Allow", Principal: "*", Action: "x:y" }).principal?.wildcard, true);
            const p = one({
                Effect: "Allow",
                Principal: {
                    AWS: ["*", "arn:aws:iam::111111111111:root"],
                    Service: "ecs-tasks.amazonaws.com",
                    Federated: "cognito-identity.amazonaws.com",
                },
                Action: "sts:AssumeRole",
            }).principal;
            assert.strictEqual(p?.wildcard, true);
            assert.deepStrictEqual(p?.aws, ["arn:aws:iam::111111111111:root"]);
            assert.deepStrictEqual(p?.service, ["ecs-tasks.amazonaws.com"]);
            assert.deepStrictEqual(p?.federated, ["cognito-identity.amazonaws.com"]);
        });

        it("takes condition operators apart: set qualifier, IfExists, negation, lower-case keys, string values", () => {
            const [c] = one({
                Effect: "Allow",
                Action: "x:y",
                Condition: { "ForAllValues:StringNotEqualsIfExists": { "aws:SourceAccount": ["1", 2] } },
            }).conditions;
            assert.deepStrictEqual(c, {
                operator: "ForAllValues:StringNotEqualsIfExists",
                base: "stringnotequals",
                qualifier: "forallvalues",
                ifExists: true,
                negated: true,
                key: "aws:sourceaccount",
                values: ["1", "2"],
            });
            const [b] = one({ Effect: "Allow", Action: "x:y", Condition: { Bool: { "aws:SecureTransport": false } } }).conditions;
            assert.deepStrictEqual([b.base, b.negated, b.values], ["bool", false, ["false"]]);
        });

        it("meets an unknown document the way the engine does: the unknown-value error, never a verdict", () => {
            const props = unknownCheckingProxy({ policy: UNKNOWN, other: { Statement: [{ Effect: "Allow", Action: UNKNOWN }] } });
            assert.throws(() => parsePolicyDocument(props.policy), UnknownValueError);
            assert.throws(() => parsePolicyDocument(props.other), UnknownValueError);
        });
    });

    describe("action matching", () => {
        it("matches IAM wildcards case-insensitively", () => {
            const s = one({ Effect: "Allow", Action: ["iam:Pass*", "S3:Get?bject", "kms:*"], Resource: "*" });
            assert.ok(allowsAction(s, "iam:PassRole"));
            assert.ok(allowsAction(s, "IAM:PASSROLE"));
            assert.ok(allowsAction(s, "s3:GetObject"));
            assert.ok(allowsAction(s, "kms:Decrypt"));
            assert.ok(!allowsAction(s, "iam:CreateRole"));
            assert.ok(!allowsAction(s, "s3:GetObjectAcl"));
        });

        it("reads NotAction as every action but those named", () => {
            const s = one({ Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" });
            assert.ok(allowsAction(s, "s3:DeleteBucket"));
            assert.ok(!allowsAction(s, "iam:CreateUser"));
            assert.ok(coversAction(s, "ec2:RunInstances"));
        });

        it("grants nothing through Deny statements", () => {
            const s = one({ Effect: "Deny", Action: "*", Resource: "*" });
            assert.ok(coversAction(s, "s3:GetObject"));
            assert.ok(!allowsAction(s, "s3:GetObject"));
        });

        it("agrees with a regular-expression reading of the wildcard grammar", () => {
            const alphabet = fc.constantFrom("a", "b", ":", "*", "?");
            fc.assert(
                fc.property(fc.array(alphabet, { maxLength: 8 }), fc.array(fc.constantFrom("a", "b", ":"), { maxLength: 10 }), (p, t) => {
                    const pattern = p.join("");
                    const text = t.join("");
                    const re = new RegExp(`^${pattern.replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
                    return wildcardMatch(pattern, text) === re.test(text);
                }),
                { numRuns: 500 },
            );
        });

        it("finds full-service wildcards", () => {
            assert.deepStrictEqual(serviceWildcards(one({ Effect: "Allow", Action: ["*", "s3:*", "s3:Get*", "kms:Decrypt"] })), [
                "*",
                "s3:*",
            ]);
        });
    });

    describe("resources and principals", () => {
        it("knows a statement on every resource, including through NotResource", () => {
            assert.ok(appliesToEveryResource(one({ Effect: "Allow", Action: "x:y", Resource: ["arn:a", "*"] })));
            assert.ok(appliesToEveryResource(one({ Effect: "Allow", Action: "x:y", NotResource: "arn:aws:s3:::logs/*" })));
            assert.ok(!appliesToEveryResource(one({ Effect: "Allow", Action: "x:y", Resource: "arn:aws:s3:::b/*" })));
        });

        it("calls an ARN broad when its resource part is only a wildcard", () => {
            for (const r of [
                "*",
                "arn:aws:iam::111111111111:role/*",
                "arn:aws:lambda:*:*:function:*",
                "arn:aws:sqs:eu-west-1:111111111111:*",
            ]) {
                assert.ok(isBroadResource(r), r);
            }
            for (const r of [
                "arn:aws:s3:::bucket/*",
                "arn:aws:iam::111111111111:role/app-*",
                "arn:aws:logs:eu-west-1:1:log-group:/x:*",
                "x",
            ]) {
                assert.ok(!isBroadResource(r), r);
            }
            assert.ok(reachesBroadResources(one({ Effect: "Allow", Action: "x:y", Resource: ["arn:a:b:c:d:e", "arn:aws:iam::1:user/*"] })));
        });

        it("knows who a statement admits", () => {
            assert.ok(admitsAnyPrincipal(one({ Effect: "Allow", Principal: { AWS: "*" }, Action: "x:y" })));
            assert.ok(admitsAnyPrincipal(one({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::1:root" }, Action: "x:y" })));
            assert.ok(!admitsAnyPrincipal(one({ Effect: "Allow", Principal: { Service: "logs.amazonaws.com" }, Action: "x:y" })));
            const accounts = accountPrincipals(
                one({
                    Effect: "Allow",
                    Principal: { AWS: ["111111111111", "arn:aws:iam::222222222222:root", "arn:aws:iam::3:role/r"] },
                    Action: "x",
                }).principal,
            );
            assert.deepStrictEqual(accounts, ["111111111111", "arn:aws:iam::222222222222:root"]);
        });
    });
});

import * as assert from "assert";
import {
    allActionGrants,
    deniesInsecureTransport,
    exposures,
    foreignAccountGrants,
    narrowsCallers,
    principalAccounts,
    publicGrants,
    resourceStatements,
    trustedAccounts,
} from "../../../../../policy-packs/pipeline/support/resource-policies";

const doc = (...Statement: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const allow = (Principal: unknown, extra: Record<string, unknown> = {}) => ({
    Effect: "Allow",
    Principal,
    Action: "sqs:SendMessage",
    ...extra,
});

describe("resource policy analysis", () => {
    it("reads statements from JSON text or objects, and nothing from other values", () => {
        assert.strictEqual(resourceStatements(doc(allow("*"))).length, 1);
        assert.strictEqual(resourceStatements({ Statement: allow("*") }).length, 1);
        assert.deepStrictEqual(resourceStatements("not json"), []);
        assert.deepStrictEqual(resourceStatements(undefined), []);
    });

    it('finds grants to anyone: `*`, `{AWS: "*"}`, wildcard ARNs and NotPrincipal', () => {
        assert.strictEqual(publicGrants(doc(allow("*"))).length, 1);
        assert.strictEqual(publicGrants(doc(allow({ AWS: ["arn:aws:iam::111111111111:root", "*"] }))).length, 1);
        assert.strictEqual(publicGrants(doc(allow({ AWS: "arn:aws:iam::*:root" }))).length, 1);
        assert.strictEqual(publicGrants(doc({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::1:root" }, Action: "sns:*" })).length, 1);
    });

    it("does not count named principals, services or Deny statements as public", () => {
        assert.deepStrictEqual(publicGrants(doc(allow({ AWS: "arn:aws:iam::111111111111:root" }))), []);
        assert.deepStrictEqual(publicGrants(doc(allow({ Service: "events.amazonaws.com" }))), []);
        assert.deepStrictEqual(publicGrants(doc({ Effect: "Deny", Principal: "*", Action: "*" })), []);
    });

    it("accepts a wildcard principal narrowed by a source, account or organisation condition", () => {
        const narrowed = (Condition: Record<string, unknown>) => publicGrants(doc(allow("*", { Condition })));
        assert.deepStrictEqual(narrowed({ ArnEquals: { "aws:SourceArn": "arn:aws:sns:eu-west-1:111111111111:t" } }), []);
        assert.deepStrictEqual(narrowed({ StringEquals: { "AWS:SourceAccount": "111111111111" } }), []);
        assert.deepStrictEqual(narrowed({ StringEquals: { "aws:PrincipalOrgID": ["o-abc"] } }), []);
    });

    it("does not accept conditions that do not narrow the caller", () => {
        const stillPublic = (Condition: Record<string, unknown>) => publicGrants(doc(allow("*", { Condition }))).length;
        assert.strictEqual(stillPublic({ Bool: { "aws:SecureTransport": "true" } }), 1);
        assert.strictEqual(stillPublic({ StringNotEquals: { "aws:SourceAccount": "111111111111" } }), 1);
        assert.strictEqual(stillPublic({ StringEqualsIfExists: { "aws:SourceAccount": "111111111111" } }), 1);
        assert.strictEqual(stillPublic({ StringLike: { "aws:SourceArn": "*" } }), 1);
        assert.strictEqual(narrowsCallers(undefined), false);
    });

    it("names the accounts of AWS principals and finds grants to untrusted accounts", () => {
        const s = resourceStatements(doc(allow({ AWS: ["222222222222", "arn:aws:iam::333333333333:role/x", "*"] })))[0];
        assert.deepStrictEqual(principalAccounts(s), ["222222222222", "333333333333"]);
        const d = doc(allow({ AWS: "arn:aws:iam::222222222222:root" }));
        assert.strictEqual(foreignAccountGrants(d, ["111111111111"]).length, 1);
        assert.deepStrictEqual(foreignAccountGrants(d, ["111111111111", "222222222222"]), []);
        assert.deepStrictEqual(foreignAccountGrants(d, []), [], "unknown own accounts: not judged");
    });

    it("finds grants of every action of a service", () => {
        assert.strictEqual(allActionGrants(doc(allow("*", { Action: "SQS:*" })), "sqs").length, 1);
        assert.strictEqual(allActionGrants(doc(allow("*", { Action: ["*"] })), "sqs").length, 1);
        assert.strictEqual(allActionGrants(doc({ Effect: "Allow", Principal: "*", NotAction: "sqs:DeleteQueue" }), "sqs").length, 1);
        assert.deepStrictEqual(allActionGrants(doc(allow("*", { Action: ["sqs:SendMessage"] })), "sqs"), []);
    });

    it("recognises the deny-without-TLS statement", () => {
        const tls = (Action: unknown, value: unknown = "false", Principal: unknown = "*") =>
            deniesInsecureTransport(
                doc({ Effect: "Deny", Principal, Action, Condition: { Bool: { "aws:SecureTransport": value } } }),
                "sns",
            );
        assert.strictEqual(tls("sns:*"), true);
        assert.strictEqual(tls("*", false), true);
        assert.strictEqual(tls(["sns:*"], ["false"], { AWS: "*" }), true);
        assert.strictEqual(tls("sns:Publish"), false, "one action is not every action");
        assert.strictEqual(tls("sns:*", "true"), false);
        assert.strictEqual(tls("sns:*", "false", { AWS: "arn:aws:iam::111111111111:root" }), false, "only for one principal");
    });

    it("phrases what a document exposes, judging foreign accounts only when the trusted ones are known", () => {
        const d = doc(allow("*"), allow({ AWS: ["222222222222", "arn:aws:iam::333333333333:root"] }));
        assert.deepStrictEqual(exposures(d, ["111111111111"]), [
            "grants access to everyone (a wildcard principal without a source or organisation condition)",
            "grants untrusted accounts 222222222222, 333333333333 access without a condition",
        ]);
        assert.strictEqual(exposures(d, []).length, 1);
        assert.deepStrictEqual(exposures(doc(allow({ AWS: "111111111111" })), ["111111111111"]), []);
    });

    it("trusts the provider's allowed accounts and the configured ones", () => {
        assert.deepStrictEqual(trustedAccounts({ props: { allowedAccountIds: ["111111111111"] } }, ["222222222222", "111111111111"]), [
            "111111111111",
            "222222222222",
        ]);
        assert.deepStrictEqual(trustedAccounts(undefined, []), []);
    });

    it("reads a default provider's allowed accounts from the stack config's JSON text", () => {
        assert.deepStrictEqual(trustedAccounts({ props: { allowedAccountIds: '["111111111111"]' } }, []), ["111111111111"]);
    });
});

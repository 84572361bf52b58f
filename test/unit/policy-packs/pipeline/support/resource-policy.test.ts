import * as assert from "assert";
import {
    actionPatternCovers,
    configuredKeys,
    isEveryone,
    isNarrowed,
    NARROWING_CONDITION_KEYS,
    narrowingKeySet,
    publicGrants,
    rawStatements,
    statementCovers,
} from "../../../../../policy-packs/pipeline/support/resource-policy";

const KEYS = narrowingKeySet(NARROWING_CONDITION_KEYS);
const allow = (extra: Record<string, unknown>) => ({ Effect: "Allow", Action: "s3:GetObject", Resource: "*", ...extra });

describe("resource-policy analysis", () => {
    it("reads statements from JSON text, an object, or a single statement object", () => {
        const one = { Effect: "Allow", Principal: "*", Action: "s3:GetObject" };
        assert.deepStrictEqual(rawStatements(JSON.stringify({ Statement: [one] })), [one]);
        assert.deepStrictEqual(rawStatements({ Statement: one }), [one]);
        assert.deepStrictEqual(rawStatements("not a policy"), []);
        assert.deepStrictEqual(rawStatements(undefined), []);
    });

    it("knows everyone when it sees it", () => {
        assert.ok(isEveryone("*"));
        assert.ok(isEveryone({ AWS: "*" }));
        assert.ok(isEveryone({ AWS: ["arn:aws:iam::1:root", "*"] }));
        assert.ok(!isEveryone({ AWS: "arn:aws:iam::111111111111:root" }));
        assert.ok(!isEveryone({ Service: "cloudtrail.amazonaws.com" }));
    });

    it("counts only positive conditions on listed keys with fixed values as narrowing", () => {
        assert.ok(isNarrowed({ StringEquals: { "aws:PrincipalOrgID": "o-123" } }, KEYS));
        assert.ok(isNarrowed({ "ForAnyValue:StringEquals": { "aws:PrincipalOrgPaths": ["o-1/r-1/ou-1/"] } }, KEYS));
        assert.ok(isNarrowed({ StringEquals: { "AWS:SOURCEVPCE": "vpce-1" } }, KEYS), "condition keys are case-insensitive");
        assert.ok(
            isNarrowed({ ArnLike: { "aws:SourceArn": "arn:aws:sns:eu-west-1:111111111111:*" } }, KEYS),
            "wildcards outside the account",
        );
        assert.ok(!isNarrowed({ ArnLike: { "aws:SourceArn": "arn:aws:sns:eu-west-1:*:topic" } }, KEYS), "a wildcard account");
        assert.ok(!isNarrowed({ StringLike: { "aws:PrincipalOrgID": "o-*" } }, KEYS));
        assert.ok(!isNarrowed({ StringNotEquals: { "aws:PrincipalOrgID": "o-123" } }, KEYS));
        assert.ok(!isNarrowed({ StringEqualsIfExists: { "aws:PrincipalOrgID": "o-123" } }, KEYS));
        assert.ok(!isNarrowed({ "ForAllValues:StringEquals": { "aws:PrincipalOrgPaths": ["o-1/"] } }, KEYS));
        assert.ok(!isNarrowed({ Bool: { "aws:SecureTransport": "true" } }, KEYS), "TLS says nothing about who");
        assert.ok(!isNarrowed({ StringEquals: { "aws:PrincipalOrgID": [] } }, KEYS));
        assert.ok(!isNarrowed({ IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, KEYS), "not a listed key");
        const withIp = narrowingKeySet(["aws:SourceIp"]);
        assert.ok(isNarrowed({ IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, withIp));
        assert.ok(!isNarrowed({ IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "0.0.0.0/0"] } }, withIp), "the world is not a range");
    });

    it("finds grants to everyone and NotPrincipal grants, naming the statement and its actions", () => {
        const doc = {
            Statement: [
                allow({ Sid: "Open", Principal: "*" }),
                allow({ Principal: { AWS: "*" }, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } } }),
                allow({ NotPrincipal: { AWS: "arn:aws:iam::1:role/x" }, Action: undefined, NotAction: "s3:Delete*" }),
                { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*" },
                allow({ Principal: { Service: "logging.s3.amazonaws.com" } }),
            ],
        };
        assert.deepStrictEqual(publicGrants(doc, KEYS), [
            { statement: "Open", reason: "everyone", actions: ["s3:GetObject"] },
            { statement: "#3", reason: "not-principal", actions: ["not s3:Delete*"] },
        ]);
    });

    it("matches IAM action patterns case-insensitively, honouring NotAction", () => {
        assert.ok(actionPatternCovers("s3:Put*", "s3:PutBucketPolicy"));
        assert.ok(actionPatternCovers("S3:*BucketPolicy", "s3:putbucketpolicy"));
        assert.ok(actionPatternCovers("*", "s3:DeleteBucketPolicy"));
        assert.ok(!actionPatternCovers("s3:Get*", "s3:PutBucketPolicy"));
        assert.ok(!actionPatternCovers("s3:PutBucket?olicyX", "s3:PutBucketPolicy"));
        assert.ok(statementCovers({ NotAction: "s3:GetObject" }, "s3:PutBucketPolicy"));
        assert.ok(!statementCovers({ NotAction: ["s3:Put*"] }, "s3:PutBucketPolicy"));
    });

    it("builds a configured key set once per config array", () => {
        const list = ["aws:SourceVpce"];
        assert.strictEqual(configuredKeys(list), configuredKeys(list));
        assert.ok(configuredKeys(list).has("aws:sourcevpce"));
        assert.ok(configuredKeys(undefined).has("aws:principalorgid"));
    });
});

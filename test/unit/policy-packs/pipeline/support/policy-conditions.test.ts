import * as assert from "assert";
import {
    isMatchAllValue,
    isNarrowed,
    isPrincipalKey,
    isScopingKey,
    wideningConditions,
} from "../../../../../policy-packs/pipeline/support/policy-conditions";
import { statementsIn } from "../../../../../policy-packs/pipeline/support/policy-document";

const allow = (Condition: object, Effect = "Allow") =>
    statementsIn({ Statement: { Effect, Principal: "*", Action: "s3:GetObject", Condition } })[0];

describe("policy conditions", () => {
    describe("narrowing", () => {
        it("accepts a positive operator on a key that identifies the caller", () => {
            assert.ok(isNarrowed(allow({ StringEquals: { "aws:PrincipalOrgID": "o-abc" } }), "principal"));
            assert.ok(isNarrowed(allow({ ArnLike: { "aws:SourceArn": "arn:aws:cloudtrail:*:111111111111:trail/*" } }), "principal"));
            assert.ok(
                isNarrowed(
                    allow({ StringEquals: { "token.actions.githubusercontent.com:sub": "repo:o/r:ref:refs/heads/main" } }),
                    "principal",
                ),
            );
            assert.ok(isNarrowed(allow({ StringEquals: { "aws:PrincipalTag/team": "payments" } }), "principal"));
        });

        it("needs only one narrowing entry among several, as conditions are ANDed", () => {
            assert.ok(
                isNarrowed(
                    allow({ Bool: { "aws:SecureTransport": "true" }, StringEquals: { "aws:SourceAccount": "111111111111" } }),
                    "principal",
                ),
            );
        });

        it("does not count negations, IfExists, Null, match-all values or ForAllValues on a single-valued key", () => {
            for (const c of [
                { StringNotEquals: { "aws:PrincipalAccount": "111111111111" } },
                { StringEqualsIfExists: { "aws:SourceAccount": "111111111111" } },
                { Null: { "aws:PrincipalOrgID": "false" } },
                { StringLike: { "aws:PrincipalArn": "*" } },
                { ArnLike: { "aws:SourceArn": "arn:*:*:*:*:*" } },
                { "ForAllValues:StringEquals": { "aws:PrincipalOrgID": "o-abc" } },
            ]) {
                assert.ok(!isNarrowed(allow(c), "principal"), JSON.stringify(c));
                assert.ok(!isNarrowed(allow(c), "any"), JSON.stringify(c));
            }
        });

        it("does not count transport, time, region or request-tag keys as scoping anything", () => {
            for (const c of [
                { Bool: { "aws:SecureTransport": "true" } },
                { Bool: { "aws:MultiFactorAuthPresent": "true" } },
                { StringEquals: { "aws:RequestedRegion": "eu-west-1" } },
                { StringEquals: { "aws:RequestTag/team": "x" } },
                { NumericGreaterThanEquals: { "s3:TlsVersion": "1.2" } },
            ]) {
                assert.ok(!isNarrowed(allow(c), "any"), JSON.stringify(c));
            }
        });

        it("accepts service keys as scoping, but not as identifying the caller", () => {
            const s = allow({ StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } });
            assert.ok(isNarrowed(s, "any"));
            assert.ok(!isNarrowed(s, "principal"));
            assert.ok(
                isNarrowed(
                    allow({ "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] }, StringLike: { "s3:prefix": "home/" } }),
                    "any",
                ),
            );
        });

        it("classifies keys", () => {
            assert.ok(isPrincipalKey("sts:externalid"));
            assert.ok(isPrincipalKey("cognito-identity.amazonaws.com:aud"));
            assert.ok(!isPrincipalKey("s3:prefix"));
            assert.ok(isScopingKey("s3:prefix"));
            assert.ok(!isScopingKey("aws:currenttime"));
            assert.ok(isMatchAllValue("*"));
            assert.ok(isMatchAllValue("arn:*:*::*:*"));
            assert.ok(!isMatchAllValue("arn:aws:iam::*:role/x"));
        });
    });

    describe("widening", () => {
        it("names each entry of an Allow that widens", () => {
            assert.deepStrictEqual(
                wideningConditions(
                    allow({
                        Bool: { "aws:SecureTransport": "false" },
                        StringNotEquals: { "aws:PrincipalAccount": "111111111111" },
                        NotIpAddress: { "aws:SourceIp": "10.0.0.0/8" },
                        StringEqualsIfExists: { "aws:SourceArn": "arn:aws:sns:eu-west-1:111111111111:t" },
                        "ForAllValues:StringLike": { "aws:PrincipalArn": "arn:aws:iam::111111111111:role/*" },
                        StringLike: { "aws:PrincipalOrgID": "*" },
                    }),
                ),
                [
                    "`Bool` on `aws:securetransport` allows requests without TLS",
                    "`StringNotEquals` on `aws:principalaccount` allows everything except the values named",
                    "`NotIpAddress` on `aws:sourceip` allows every address except the values named",
                    "`StringEqualsIfExists` on `aws:sourcearn` passes when the request carries no `aws:sourcearn`",
                    "`ForAllValues:StringLike` on `aws:principalarn` passes when the request carries no `aws:principalarn` (use the " +
                        "operator without `ForAllValues:`)",
                    "`StringLike` on `aws:principalorgid` matches every value",
                ],
            );
        });

        it("leaves Deny statements alone: negations and IfExists are how guardrails are written", () => {
            assert.deepStrictEqual(wideningConditions(allow({ StringNotEquals: { "aws:PrincipalOrgID": "o-abc" } }, "Deny")), []);
        });

        it("leaves narrowing conditions and negations of non-identifying keys alone", () => {
            assert.deepStrictEqual(
                wideningConditions(
                    allow({
                        StringEquals: { "aws:SourceAccount": "111111111111" },
                        Bool: { "aws:SecureTransport": "true" },
                        StringNotLike: { "s3:prefix": "private/" },
                        "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] },
                    }),
                ),
                [],
            );
        });
    });
});

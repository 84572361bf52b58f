import { cloudfrontDistributionAccessLogging } from "../../../../../../policy-packs/pipeline/policies/cloudfront-distribution-access-logging";
import { cloudfrontDistributionDefaultRootObject } from "../../../../../../policy-packs/pipeline/policies/cloudfront-distribution-default-root-object";
import { cloudfrontDistributionEnabled } from "../../../../../../policy-packs/pipeline/policies/cloudfront-distribution-enabled";
import { cloudfrontDistributionGeoRestriction } from "../../../../../../policy-packs/pipeline/policies/cloudfront-distribution-geo-restriction";
import { cloudfrontDistributionHttpsOnly } from "../../../../../../policy-packs/pipeline/policies/cloudfront-distribution-https-only";
import { cloudfrontDistributionOriginFailover } from "../../../../../../policy-packs/pipeline/policies/cloudfront-distribution-origin-failover";
import { cloudfrontDistributionOriginTls } from "../../../../../../policy-packs/pipeline/policies/cloudfront-distribution-origin-tls";
import { cloudfrontDistributionResponseHeadersPolicy } from "../../../../../../policy-packs/pipeline/policies/cloudfront-distribution-response-headers-policy";
import { cloudfrontDistributionS3OriginAccessControl } from "../../../../../../policy-packs/pipeline/policies/cloudfront-distribution-s3-origin-access-control";
import { cloudfrontDistributionViewerTls } from "../../../../../../policy-packs/pipeline/policies/cloudfront-distribution-viewer-tls";
import { cloudfrontDistributionWaf } from "../../../../../../policy-packs/pipeline/policies/cloudfront-distribution-waf";
import { cloudfrontResponseHeadersPolicyHsts } from "../../../../../../policy-packs/pipeline/policies/cloudfront-response-headers-policy-hsts";
import { wafWebAclLogging } from "../../../../../../policy-packs/pipeline/policies/waf-web-acl-logging";
import { wafWebAclRulesEffective } from "../../../../../../policy-packs/pipeline/policies/waf-web-acl-rules-effective";
import { wafv2WebAclManagedRules } from "../../../../../../policy-packs/pipeline/policies/wafv2-web-acl-managed-rules";
import { describePolicy, runOne } from "../../../support/policy-cases";
import { changed, computeEstate, managedRule, only, patched, rec, UNKNOWN, without } from "./fixture";
import * as assert from "assert";

const CDN = "aws:cloudfront/distribution:Distribution";
const RHP = "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy";
const ACL = "aws:wafv2/webAcl:WebAcl";
const ACL_LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";
const FN = "aws:lambda/function:Function";
const cdn = (patch: Record<string, unknown>) => patched(CDN, "web-cdn", patch);
const cdnWith = (change: (p: Record<string, unknown>) => Record<string, unknown>) => changed(CDN, "web-cdn", change);
type Props = Record<string, unknown>;
const origins = (p: Props) => p.origins as Props[];

describe("CloudFront policies", () => {
    describePolicy(cloudfrontDistributionHttpsOnly, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "plain HTTP in the default behaviour",
                resources: cdnWith((p) => ({
                    ...p,
                    defaultCacheBehavior: { ...(p.defaultCacheBehavior as Props), viewerProtocolPolicy: "allow-all" },
                })),
                expect: /`web-cdn` must not serve plain HTTP in the default cache behaviour/,
            },
            {
                name: "plain HTTP in an ordered behaviour",
                resources: cdnWith((p) => ({
                    ...p,
                    orderedCacheBehaviors: [{ pathPattern: "/old/*", viewerProtocolPolicy: "allow-all" }],
                })),
                expect: /cache behaviour `\/old\/\*`/,
            },
        ],
        notApplicable: [{ name: "stacks without distributions", resources: only(FN) }],
        unknown: [
            {
                name: "the policy is another resource's output",
                resources: cdnWith((p) => ({ ...p, defaultCacheBehavior: { viewerProtocolPolicy: UNKNOWN } })),
            },
        ],
    });
    describePolicy(cloudfrontDistributionViewerTls, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "the default certificate",
                resources: cdn({ viewerCertificate: { cloudfrontDefaultCertificate: true } }),
                expect: /must serve its own certificate/,
            },
            {
                name: "TLS 1.0",
                resources: cdnWith((p) => ({
                    ...p,
                    viewerCertificate: { ...(p.viewerCertificate as Props), minimumProtocolVersion: "TLSv1" },
                })),
                expect: /minimumProtocolVersion` to TLSv1.2_2021 or another allowed version, not `TLSv1`/,
            },
            {
                name: "a dedicated-IP certificate",
                resources: cdnWith((p) => ({ ...p, viewerCertificate: { ...(p.viewerCertificate as Props), sslSupportMethod: "vip" } })),
                expect: /`sni-only`/,
            },
        ],
        notApplicable: [{ name: "stacks without distributions", resources: only(FN) }],
        unknown: [
            { name: "the certificate is another resource's output", resources: cdn({ viewerCertificate: { acmCertificateArn: UNKNOWN } }) },
        ],
    });
    describePolicy(cloudfrontDistributionOriginTls, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "an HTTP custom origin",
                resources: cdnWith((p) => ({
                    ...p,
                    origins: [
                        { ...origins(p)[1], customOriginConfig: { originProtocolPolicy: "match-viewer", originSslProtocols: ["TLSv1.2"] } },
                    ],
                })),
                expect: /must reach origin `api` over HTTPS only/,
            },
            {
                name: "an origin offered TLS 1.0",
                resources: cdnWith((p) => ({
                    ...p,
                    origins: [
                        {
                            ...origins(p)[1],
                            customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1", "TLSv1.2"] },
                        },
                    ],
                })),
                expect: /must not offer origin `api` TLSv1 \(allowed: TLSv1.2\)/,
            },
        ],
        notApplicable: [
            {
                name: "distributions with S3 origins only",
                resources: cdnWith((p) => ({ ...p, origins: [origins(p)[0]], originGroups: [] })),
            },
            { name: "stacks without distributions", resources: only(FN) },
        ],
        unknown: [
            {
                name: "the protocol policy is another resource's output",
                resources: cdnWith((p) => ({
                    ...p,
                    origins: [{ ...origins(p)[1], customOriginConfig: { originProtocolPolicy: UNKNOWN, originSslProtocols: ["TLSv1.2"] } }],
                })),
            },
        ],
    });
    describePolicy(cloudfrontDistributionAccessLogging, {
        compliant: computeEstate,
        nonCompliant: [
            { name: "no access logs", resources: cdn({ loggingConfig: undefined }), expect: /`web-cdn` must write access logs/ },
        ],
        notApplicable: [{ name: "stacks without distributions", resources: only(FN) }],
        unknown: [{ name: "the bucket is another resource's output", resources: cdn({ loggingConfig: { bucket: UNKNOWN } }) }],
    });
    describePolicy(cloudfrontDistributionWaf, {
        compliant: computeEstate,
        nonCompliant: [
            { name: "no web ACL", resources: cdn({ webAclId: undefined }), expect: /`web-cdn` must be protected by a WAF web ACL/ },
        ],
        notApplicable: [{ name: "stacks without distributions", resources: only(FN) }],
        unknown: [{ name: "the ACL is another resource's output", resources: cdn({ webAclId: UNKNOWN }) }],
    });
    describePolicy(cloudfrontDistributionS3OriginAccessControl, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a public S3 origin",
                resources: cdnWith((p) => ({ ...p, origins: [{ ...origins(p)[0], originAccessControlId: undefined }] })),
                expect: /must reach S3 origin `site` through an origin access control/,
            },
            {
                name: "an S3 website endpoint",
                resources: cdnWith((p) => ({
                    ...p,
                    origins: [
                        {
                            originId: "site",
                            domainName: "edf-site.s3-website-eu-west-1.amazonaws.com",
                            customOriginConfig: origins(p)[1].customOriginConfig,
                        },
                    ],
                })),
                expect: /must not serve origin `site` from a public S3 website endpoint/,
            },
            {
                name: "a legacy origin access identity",
                resources: cdnWith((p) => ({
                    ...p,
                    origins: [{ ...origins(p)[0], originAccessControlId: undefined, s3OriginConfig: { originAccessIdentity: "oai" } }],
                })),
                expect: /origin access control/,
            },
        ],
        notApplicable: [
            { name: "distributions without S3 origins", resources: cdnWith((p) => ({ ...p, origins: origins(p).slice(1) })) },
            { name: "stacks without distributions", resources: only(FN) },
        ],
        unknown: [
            {
                name: "the origin's domain is another resource's output",
                resources: cdnWith((p) => ({
                    ...p,
                    origins: [{ ...origins(p)[0], originAccessControlId: undefined, domainName: UNKNOWN }],
                })),
            },
        ],
    });
    it("accepts an origin access identity when configured to", async () => {
        const estate = cdnWith((p) => ({
            ...p,
            origins: [{ ...origins(p)[0], originAccessControlId: undefined, s3OriginConfig: { originAccessIdentity: "oai" } }],
        }))();
        const result = await runOne(cloudfrontDistributionS3OriginAccessControl, estate, {
            config: { "cloudfront-distribution-s3-origin-access-control": { allowOriginAccessIdentity: true } },
        });
        assert.deepStrictEqual(result.diagnostics, []);
    });
    describePolicy(cloudfrontDistributionGeoRestriction, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "no restriction",
                resources: cdn({ restrictions: { geoRestriction: { restrictionType: "none" } } }),
                expect: /must restrict the countries/,
            },
        ],
        notApplicable: [{ name: "stacks without distributions", resources: only(FN) }],
        unknown: [
            {
                name: "the type is another resource's output",
                resources: cdn({ restrictions: { geoRestriction: { restrictionType: UNKNOWN } } }),
            },
        ],
    });
    describePolicy(cloudfrontDistributionDefaultRootObject, {
        compliant: computeEstate,
        nonCompliant: [
            { name: "no root object", resources: cdn({ defaultRootObject: undefined }), expect: /must set `defaultRootObject`/ },
        ],
        notApplicable: [{ name: "stacks without distributions", resources: only(FN) }],
        unknown: [{ name: "the object is another resource's output", resources: cdn({ defaultRootObject: UNKNOWN }) }],
    });
    describePolicy(cloudfrontDistributionResponseHeadersPolicy, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a behaviour without a headers policy",
                resources: cdnWith((p) => ({
                    ...p,
                    orderedCacheBehaviors: [{ pathPattern: "/raw/*", viewerProtocolPolicy: "https-only" }],
                })),
                expect: /must attach a response headers policy to cache behaviour `\/raw\/\*`/,
            },
        ],
        notApplicable: [{ name: "stacks without distributions", resources: only(FN) }],
        unknown: [
            {
                name: "the policy id is another resource's output",
                resources: cdnWith((p) => ({ ...p, defaultCacheBehavior: { responseHeadersPolicyId: UNKNOWN } })),
            },
        ],
    });
    describePolicy(cloudfrontResponseHeadersPolicyHsts, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "no HSTS",
                resources: patched(RHP, "web-headers", { securityHeadersConfig: {} }),
                expect: /`web-headers` must send Strict-Transport-Security/,
            },
            {
                name: "a short HSTS without preload",
                resources: patched(RHP, "web-headers", {
                    securityHeadersConfig: {
                        strictTransportSecurity: { accessControlMaxAgeSec: 300, includeSubdomains: true, override: true },
                    },
                }),
                expect: /`accessControlMaxAgeSec` ≥ 31536000, `preload: true`/,
            },
        ],
        notApplicable: [{ name: "stacks without response headers policies", resources: only(CDN) }],
        unknown: [
            {
                name: "the max age is another resource's output",
                resources: patched(RHP, "web-headers", {
                    securityHeadersConfig: { strictTransportSecurity: { accessControlMaxAgeSec: UNKNOWN } },
                }),
            },
        ],
    });
    describePolicy(cloudfrontDistributionOriginFailover, {
        compliant: computeEstate,
        nonCompliant: [
            { name: "no origin group", resources: cdn({ originGroups: undefined }), expect: /must have an origin group with two members/ },
            {
                name: "a one-member group",
                resources: cdn({
                    originGroups: [{ originId: "g", failoverCriteria: { statusCodes: [500] }, members: [{ originId: "api" }] }],
                }),
                expect: /two members/,
            },
        ],
        notApplicable: [{ name: "stacks without distributions", resources: only(FN) }],
        unknown: [{ name: "the groups are another resource's output", resources: cdn({ originGroups: UNKNOWN }) }],
    });
    describePolicy(cloudfrontDistributionEnabled, {
        compliant: computeEstate,
        nonCompliant: [
            { name: "a disabled distribution", resources: cdn({ enabled: false }), expect: /`web-cdn` must be enabled or removed/ },
        ],
        notApplicable: [{ name: "stacks without distributions", resources: only(FN) }],
        unknown: [{ name: "the flag is another resource's output", resources: cdn({ enabled: UNKNOWN }) }],
    });
});

describe("WAF policies", () => {
    const rules = (rs: unknown[]) => patched(ACL, "edge", { rules: rs });
    describePolicy(wafWebAclLogging, {
        compliant: computeEstate,
        nonCompliant: [
            { name: "a web ACL without logging", resources: without(ACL_LOGGING), expect: /WAF web ACL `edge` must log requests/ },
            {
                name: "a classic web ACL without logging",
                resources: () => [
                    ...computeEstate(),
                    rec("aws:wafregional/webAcl:WebAcl", "legacy", { metricName: "legacy", defaultAction: { type: "ALLOW" } }),
                ],
                expect: /`legacy` must log requests \(`loggingConfiguration.logDestination`\)/,
            },
        ],
        notApplicable: [{ name: "stacks without web ACLs", resources: only(FN) }],
        unknown: [
            {
                name: "a classic ACL's log destination is another resource's output",
                resources: () => [
                    ...computeEstate(),
                    rec("aws:waf/webAcl:WebAcl", "classic", { loggingConfiguration: { logDestination: UNKNOWN } }),
                ],
            },
        ],
    });
    describePolicy(wafWebAclRulesEffective, {
        compliant: computeEstate,
        nonCompliant: [
            { name: "a web ACL without rules", resources: rules([]), expect: /WAF web ACL `edge` must have rules/ },
            {
                name: "a classic rule group rule without an action",
                resources: () => [
                    ...computeEstate(),
                    rec("aws:wafregional/ruleGroup:RuleGroup", "legacy-group", {
                        metricName: "g",
                        activatedRules: [{ priority: 1, ruleId: "r-1" }],
                    }),
                ],
                expect: /Rule `r-1` of WAF rule group `legacy-group` must have an `action`/,
            },
            {
                name: "a rule without an action",
                resources: rules([{ name: "geo", priority: 0, statement: { geoMatchStatement: { countryCodes: ["KP"] } } }]),
                expect: /Rule `geo` of WAF web ACL `edge` must have an `action`/,
            },
        ],
        notApplicable: [{ name: "stacks without web ACLs", resources: only(FN) }],
        unknown: [{ name: "the rules are another resource's output", resources: rules(UNKNOWN as unknown as unknown[]) }],
    });
    it("counts rules declared as separate WebAclRule resources", async () => {
        const acl = computeEstate().find((r) => r.type === ACL)!;
        const estate = [
            ...rules([])(),
            rec(
                "aws:wafv2/webAclRule:WebAclRule",
                "edge-common",
                { webAclArn: acl.props.arn, ...managedRule("AWSManagedRulesCommonRuleSet", 1) },
                { webAclArn: acl },
            ),
        ];
        assert.deepStrictEqual((await runOne(wafWebAclRulesEffective, estate)).diagnostics, []);
    });
    describePolicy(wafv2WebAclManagedRules, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a web ACL without the known-bad-inputs group",
                resources: rules([managedRule("AWSManagedRulesCommonRuleSet", 1)]),
                expect: /`edge` must run `AWSManagedRulesKnownBadInputsRuleSet` in blocking mode/,
            },
            {
                name: "the Log4j rule set to count",
                resources: rules([
                    managedRule("AWSManagedRulesCommonRuleSet", 1),
                    managedRule("AWSManagedRulesKnownBadInputsRuleSet", 2, {
                        ruleActionOverrides: [{ name: "Log4JRCE", actionToUse: { count: {} } }],
                    }),
                ]),
                expect: /with `Log4JRCE` not set to count/,
            },
            {
                name: "a group overridden to count",
                resources: rules([
                    { ...managedRule("AWSManagedRulesCommonRuleSet", 1), overrideAction: { count: {} } },
                    managedRule("AWSManagedRulesKnownBadInputsRuleSet", 2),
                ]),
                expect: /must run `AWSManagedRulesCommonRuleSet` in blocking mode/,
            },
        ],
        notApplicable: [{ name: "stacks without web ACLs", resources: only(FN) }],
        unknown: [{ name: "the rules are another resource's output", resources: rules(UNKNOWN as unknown as unknown[]) }],
    });
    it("reads rules given as JSON in the WAF API's shape", async () => {
        const json = JSON.stringify([
            {
                Name: "c",
                Priority: 1,
                OverrideAction: { None: {} },
                Statement: { ManagedRuleGroupStatement: { Name: "AWSManagedRulesCommonRuleSet", VendorName: "AWS" } },
            },
            {
                Name: "k",
                Priority: 2,
                OverrideAction: { None: {} },
                Statement: { ManagedRuleGroupStatement: { Name: "AWSManagedRulesKnownBadInputsRuleSet", VendorName: "AWS" } },
            },
        ]);
        const estate = patched(ACL, "edge", { rules: undefined, ruleJson: json })();
        assert.deepStrictEqual((await runOne(wafv2WebAclManagedRules, estate)).diagnostics, []);
    });
});

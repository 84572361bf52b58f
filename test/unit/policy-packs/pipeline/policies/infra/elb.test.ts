import * as assert from "assert";
import { albAccessLogsEnabled } from "../../../../../../policy-packs/pipeline/policies/alb-access-logs-enabled";
import { albHttpRedirectsToHttps } from "../../../../../../policy-packs/pipeline/policies/alb-http-redirects-to-https";
import { albMalformedRequestsRejected } from "../../../../../../policy-packs/pipeline/policies/alb-malformed-requests-rejected";
import { albWafManagedRuleGroups } from "../../../../../../policy-packs/pipeline/policies/alb-waf-managed-rule-groups";
import { elbClassicListenersEncrypted } from "../../../../../../policy-packs/pipeline/policies/elb-classic-listeners-encrypted";
import { elbClassicNoHttpListeners } from "../../../../../../policy-packs/pipeline/policies/elb-classic-no-http-listeners";
import { elbClassicTlsPolicySecure } from "../../../../../../policy-packs/pipeline/policies/elb-classic-tls-policy-secure";
import { lbHighAvailability } from "../../../../../../policy-packs/pipeline/policies/lb-high-availability";
import { lbListenerCertificateFromAcm } from "../../../../../../policy-packs/pipeline/policies/lb-listener-certificate-from-acm";
import { networkDeletionProtectionEnabled } from "../../../../../../policy-packs/pipeline/policies/network-deletion-protection-enabled";
import { describePolicy, runOne } from "../../../support/policy-cases";
import { change, rec, UNKNOWN } from "./records";

const LB = "aws:lb/loadBalancer:LoadBalancer";
const CLASSIC = "aws:elb/loadBalancer:LoadBalancer";
const LISTENER = "aws:lb/listener:Listener";
const TG = "aws:lb/targetGroup:TargetGroup";
const ACM = "arn:aws:acm:eu-west-1:111111111111:certificate/0f1e2d3c-4b5a-4697-8887-a9b8c7d6e5f4";

const alb = (props: Record<string, unknown> = {}) =>
    rec(LB, "web", {
        loadBalancerType: "application",
        internal: false,
        subnets: ["subnet-a", "subnet-b"],
        dropInvalidHeaderFields: true,
        desyncMitigationMode: "strictest",
        enableDeletionProtection: true,
        accessLogs: { enabled: true, bucket: "edf-logs" },
        ...props,
    });
const nlb = () =>
    rec(LB, "tcp", {
        loadBalancerType: "network",
        internal: true,
        subnets: ["subnet-a", "subnet-b"],
        enableCrossZoneLoadBalancing: true,
        enableDeletionProtection: true,
        accessLogs: { enabled: true, bucket: "edf-logs" },
    });
const classic = () =>
    rec(CLASSIC, "legacy", {
        subnets: ["subnet-a", "subnet-b"],
        listeners: [{ lbPort: 443, lbProtocol: "SSL", instancePort: 8443, instanceProtocol: "SSL", sslCertificateId: ACM }],
        connectionDraining: true,
        healthCheck: { target: "SSL:8443", interval: 30, timeout: 5, healthyThreshold: 2, unhealthyThreshold: 2 },
        accessLogs: { bucket: "edf-logs" },
    });
const https = () =>
    rec(LISTENER, "https", { protocol: "HTTPS", port: 443, certificateArn: ACM, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" });
const targets = () => rec(TG, "app", { protocol: "HTTP", port: 8080, healthCheck: { enabled: true, path: "/health" } });
const balancers = () => [alb(), nlb(), classic(), https(), targets()];

describe("infra: load balancers", () => {
    describePolicy(albAccessLogsEnabled, {
        // A bucket name that is another resource's output is still a bucket.
        compliant: () => change(balancers(), "web", (p) => ({ ...p, accessLogs: { enabled: true, bucket: UNKNOWN } })),
        nonCompliant: [
            {
                name: "an ALB without access logs",
                resources: () => change(balancers(), "web", (p) => ({ ...p, accessLogs: undefined })),
                expect: /Load balancer `web` must have access logs enabled/,
            },
            {
                name: "a classic load balancer with access logs switched off",
                resources: () => change(balancers(), "legacy", (p) => ({ ...p, accessLogs: { bucket: "edf-logs", enabled: false } })),
                expect: /Load balancer `legacy` must have access logs/,
            },
        ],
        notApplicable: [
            {
                name: "gateway load balancers, which write no access logs",
                resources: () => [rec(LB, "gw", { loadBalancerType: "gateway" })],
            },
            { name: "listeners", resources: () => [https()] },
        ],
        unknown: [{ name: "the log settings are another resource's output", resources: () => [alb({ accessLogs: UNKNOWN })] }],
    });

    describePolicy(albMalformedRequestsRejected, {
        compliant: balancers,
        nonCompliant: [
            {
                name: "an ALB forwarding invalid header fields",
                resources: () => change(balancers(), "web", (p) => ({ ...p, dropInvalidHeaderFields: undefined })),
                expect: /Application load balancer `web` must drop invalid HTTP header fields/,
            },
            {
                name: "a classic load balancer in desync mode monitor",
                resources: () => change(balancers(), "legacy", (p) => ({ ...p, desyncMitigationMode: "monitor" })),
                expect: /Load balancer `legacy` must use desync mitigation mode `defensive` or `strictest`/,
            },
        ],
        notApplicable: [{ name: "network load balancers", resources: () => [nlb()] }],
        unknown: [{ name: "the header setting is unknown", resources: () => [alb({ dropInvalidHeaderFields: UNKNOWN })] }],
    });

    describePolicy(networkDeletionProtectionEnabled, {
        compliant: () => [...balancers(), rec("aws:networkfirewall/firewall:Firewall", "fw", { deleteProtection: true })],
        nonCompliant: [
            {
                name: "an NLB without deletion protection",
                resources: () => change(balancers(), "tcp", (p) => ({ ...p, enableDeletionProtection: false })),
                expect: /Load balancer `tcp` must have deletion protection enabled/,
            },
            {
                name: "a network firewall without deletion protection",
                resources: () => [rec("aws:networkfirewall/firewall:Firewall", "fw", {})],
                expect: /Network firewall `fw` must have deletion protection enabled/,
            },
        ],
        notApplicable: [{ name: "classic load balancers and listeners", resources: () => [classic(), https()] }],
        unknown: [{ name: "deletion protection is unknown", resources: () => [alb({ enableDeletionProtection: UNKNOWN })] }],
    });

    describePolicy(lbListenerCertificateFromAcm, {
        compliant: () => [...balancers(), rec("aws:lb/listenerCertificate:ListenerCertificate", "extra", { certificateArn: ACM })],
        nonCompliant: [
            {
                name: "an HTTPS listener with an IAM server certificate",
                resources: () =>
                    change(balancers(), "https", (p) => ({ ...p, certificateArn: "arn:aws:iam::111111111111:server-certificate/web" })),
                expect: /Listener `https` must use an ACM certificate/,
            },
            {
                name: "an additional listener certificate from IAM",
                resources: () => [
                    rec("aws:lb/listenerCertificate:ListenerCertificate", "extra", {
                        certificateArn: "arn:aws:iam::1:server-certificate/x",
                    }),
                ],
                expect: /Listener certificate `extra` must use an ACM certificate/,
            },
            {
                name: "a classic listener without a certificate",
                resources: () =>
                    change(balancers(), "legacy", (p) => ({
                        ...p,
                        listeners: [{ lbPort: 80, lbProtocol: "TCP", instancePort: 80, instanceProtocol: "TCP" }],
                    })),
                expect: /Listener #0 \(port 80\) of classic load balancer `legacy` must use an ACM certificate/,
            },
        ],
        notApplicable: [
            { name: "plain HTTP listeners (they only redirect)", resources: () => [rec(LISTENER, "http", { protocol: "HTTP", port: 80 })] },
            { name: "load balancers themselves", resources: () => [alb(), nlb()] },
        ],
        unknown: [
            {
                name: "the certificate is issued in the same stack",
                resources: () => [change([https()], "https", (p) => ({ ...p, certificateArn: UNKNOWN }))[0]],
            },
        ],
    });

    describePolicy(elbClassicListenersEncrypted, {
        // A certificate issued in the same stack (unknown at preview) is still a certificate.
        compliant: () =>
            change([classic()], "legacy", (p) => ({
                ...p,
                listeners: [{ lbPort: 443, lbProtocol: "SSL", instancePort: 8443, instanceProtocol: "SSL", sslCertificateId: UNKNOWN }],
            })),
        nonCompliant: [
            {
                name: "a plain HTTP listener",
                resources: () =>
                    change([classic()], "legacy", (p) => ({
                        ...p,
                        listeners: [{ lbPort: 80, lbProtocol: "HTTP", instancePort: 80, instanceProtocol: "HTTP" }],
                    })),
                expect: /must accept only HTTPS or SSL, not `HTTP`/,
            },
            {
                name: "TLS terminated and forwarded in clear text",
                resources: () =>
                    change([classic()], "legacy", (p) => ({
                        ...p,
                        listeners: [{ lbPort: 443, lbProtocol: "SSL", instancePort: 80, instanceProtocol: "TCP", sslCertificateId: ACM }],
                    })),
                expect: /must re-encrypt to its instances/,
            },
            {
                name: "an SSL listener without a certificate",
                resources: () =>
                    change([classic()], "legacy", (p) => ({
                        ...p,
                        listeners: [{ lbPort: 443, lbProtocol: "SSL", instancePort: 443, instanceProtocol: "SSL" }],
                    })),
                expect: /must have a certificate/,
            },
        ],
        notApplicable: [{ name: "application load balancers", resources: () => [alb()] }],
        unknown: [
            {
                name: "the listeners are unknown",
                resources: () => [change([classic()], "legacy", (p) => ({ ...p, listeners: UNKNOWN }))[0]],
            },
        ],
    });

    describePolicy(elbClassicNoHttpListeners, {
        compliant: () => [classic()],
        nonCompliant: [
            {
                name: "an HTTPS listener on a classic load balancer",
                resources: () =>
                    change([classic()], "legacy", (p) => ({
                        ...p,
                        listeners: [
                            { lbPort: 443, lbProtocol: "HTTPS", instancePort: 443, instanceProtocol: "HTTPS", sslCertificateId: ACM },
                        ],
                    })),
                expect: /must not serve HTTPS: use an application load balancer/,
            },
        ],
        notApplicable: [{ name: "application load balancers", resources: () => [alb()] }],
        unknown: [
            {
                name: "the listeners are unknown",
                resources: () => [change([classic()], "legacy", (p) => ({ ...p, listeners: UNKNOWN }))[0]],
            },
        ],
    });

    describePolicy(elbClassicTlsPolicySecure, {
        compliant: () => [
            rec("aws:elb/loadBalancerPolicy:LoadBalancerPolicy", "tls", {
                policyTypeName: "SSLNegotiationPolicyType",
                policyAttributes: [{ name: "Reference-Security-Policy", value: "ELBSecurityPolicy-TLS-1-2-2017-01" }],
            }),
        ],
        nonCompliant: [
            {
                name: "a reference to a policy that still negotiates TLS 1.0",
                resources: () => [
                    rec("aws:elb/loadBalancerPolicy:LoadBalancerPolicy", "tls", {
                        policyTypeName: "SSLNegotiationPolicyType",
                        policyAttributes: [{ name: "Reference-Security-Policy", value: "ELBSecurityPolicy-2016-08" }],
                    }),
                ],
                expect: /must reference a TLS 1\.2\+ policy .* not `ELBSecurityPolicy-2016-08`/,
            },
            {
                name: "a custom policy enabling TLS 1.1",
                resources: () => [
                    rec("aws:elb/loadBalancerPolicy:LoadBalancerPolicy", "tls", {
                        policyTypeName: "SSLNegotiationPolicyType",
                        policyAttributes: [
                            { name: "Protocol-TLSv1.2", value: "true" },
                            { name: "Protocol-TLSv1.1", value: "true" },
                        ],
                    }),
                ],
                expect: /must not enable `Protocol-TLSv1\.1`/,
            },
        ],
        notApplicable: [
            {
                name: "other policy types",
                resources: () => [
                    rec("aws:elb/loadBalancerPolicy:LoadBalancerPolicy", "proxy", { policyTypeName: "ProxyProtocolPolicyType" }),
                ],
            },
        ],
        unknown: [
            {
                name: "the attributes are unknown",
                resources: () => [
                    rec("aws:elb/loadBalancerPolicy:LoadBalancerPolicy", "tls", {
                        policyTypeName: "SSLNegotiationPolicyType",
                        policyAttributes: UNKNOWN,
                    }),
                ],
            },
        ],
    });

    describePolicy(lbHighAvailability, {
        compliant: balancers,
        nonCompliant: [
            {
                name: "an NLB without cross-zone load balancing",
                resources: () => change(balancers(), "tcp", (p) => ({ ...p, enableCrossZoneLoadBalancing: undefined })),
                expect: /Network load balancer `tcp` must enable cross-zone load balancing/,
            },
            {
                name: "a classic load balancer in one zone without draining or health check",
                resources: () =>
                    change(balancers(), "legacy", (p) => ({
                        ...p,
                        subnets: ["subnet-a"],
                        connectionDraining: undefined,
                        healthCheck: undefined,
                    })),
                expect: /must span at least two availability zones/,
            },
            {
                name: "a classic load balancer that does not drain connections",
                resources: () => change(balancers(), "legacy", (p) => ({ ...p, connectionDraining: false })),
                expect: /must drain connections/,
            },
            {
                name: "an HTTP target group without a health-check path",
                resources: () => change(balancers(), "app", (p) => ({ ...p, healthCheck: { enabled: true } })),
                expect: /HTTP target group `app` must health-check a path/,
            },
        ],
        notApplicable: [
            { name: "TCP target groups", resources: () => [rec(TG, "tcp", { protocol: "TCP", port: 443 })] },
            { name: "listeners", resources: () => [https()] },
        ],
        unknown: [
            {
                name: "the health check is unknown",
                resources: () => [change([targets()], "app", (p) => ({ ...p, healthCheck: UNKNOWN }))[0]],
            },
        ],
    });

    const acl = (rules: unknown[]) =>
        rec("aws:wafv2/webAcl:WebAcl", "edge", {
            scope: "REGIONAL",
            rules,
        });
    const group = (name: string, count = false) => ({
        name,
        priority: 1,
        overrideAction: count ? { count: {} } : { none: {} },
        statement: { managedRuleGroupStatement: { name, vendorName: "AWS" } },
    });
    const protectedAlb = (rules: unknown[]) => {
        const lb = alb();
        const w = acl(rules);
        return [
            lb,
            w,
            rec(
                "aws:wafv2/webAclAssociation:WebAclAssociation",
                "edge-web",
                { resourceArn: "arn:lb", webAclArn: "arn:waf" },
                { resourceArn: lb, webAclArn: w },
            ),
        ];
    };
    describePolicy(albWafManagedRuleGroups, {
        compliant: () => protectedAlb([group("AWSManagedRulesCommonRuleSet"), group("AWSManagedRulesKnownBadInputsRuleSet")]),
        nonCompliant: [
            {
                name: "a web ACL without the known-bad-inputs (Log4Shell) rules",
                resources: () => protectedAlb([group("AWSManagedRulesCommonRuleSet")]),
                expect: /Web ACL `edge` protecting load balancer `web` must enforce the AWS managed rule groups `AWSManagedRulesKnownBadInputsRuleSet`/,
            },
            {
                name: "a required group left in count mode",
                resources: () => protectedAlb([group("AWSManagedRulesCommonRuleSet"), group("AWSManagedRulesKnownBadInputsRuleSet", true)]),
                expect: /`AWSManagedRulesKnownBadInputsRuleSet` \(not in count mode\)/,
            },
            {
                name: "rules given as API JSON without the common rule set",
                resources: () =>
                    change(protectedAlb([]), "edge", (p) => ({
                        ...p,
                        rules: undefined,
                        ruleJson: JSON.stringify([
                            {
                                Name: "bad",
                                Statement: {
                                    ManagedRuleGroupStatement: { Name: "AWSManagedRulesKnownBadInputsRuleSet", VendorName: "AWS" },
                                },
                                OverrideAction: { None: {} },
                            },
                        ]),
                    })),
                expect: /`AWSManagedRulesCommonRuleSet`/,
            },
        ],
        notApplicable: [
            { name: "stacks whose ALB uses a web ACL of another stack", resources: () => [alb()] },
            { name: "internal ALBs", resources: () => change(protectedAlb([]), "web", (p) => ({ ...p, internal: true })) },
        ],
        unknown: [
            {
                name: "the web ACL's rules are unknown",
                resources: () => change(protectedAlb([]), "edge", (p) => ({ ...p, rules: UNKNOWN })),
            },
        ],
    });

    it("alb-http-redirects-to-https reads a listener without a protocol as the HTTP listener it is", async () => {
        const plain = rec(LISTENER, "plain", { port: 80, defaultActions: [{ type: "forward", targetGroupArn: "arn:tg" }] });
        const gateway = rec(LISTENER, "geneve", { defaultActions: [{ type: "forward", targetGroupArn: "arn:tg" }] });
        const result = await runOne(albHttpRedirectsToHttps, [plain, gateway]);
        assert.deepStrictEqual(
            result.diagnostics.map((d) => [d.urn, d.message]),
            [[plain.urn, "HTTP listener `plain` must only redirect to HTTPS (default action `redirect` with protocol HTTPS)."]],
        );
    });
});

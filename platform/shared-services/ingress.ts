import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Tags, withGovernanceTags } from "../common/governance";
import { DEFAULT_WAF_RATE_LIMIT, webAclRules, webAclVisibility } from "./waf";

/** TLS policies the HTTPS listener may use: TLS 1.2+ with forward secrecy, TLS 1.3 preferred. */
export const ALLOWED_TLS_POLICIES = [
    "ELBSecurityPolicy-TLS13-1-2-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    "ELBSecurityPolicy-TLS13-1-3-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
] as const;
export type TlsPolicy = (typeof ALLOWED_TLS_POLICIES)[number];
export const DEFAULT_TLS_POLICY: TlsPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** Arguments of {@link PublicIngress}. */
export interface PublicIngressArgs {
    /** ALB name (≤ 32 characters). */
    readonly loadBalancerName: string;
    /** The landing-zone VPC. */
    readonly vpcId: pulumi.Input<string>;
    /** Public subnets, one per AZ. */
    readonly publicSubnetIds: pulumi.Input<string>[];
    /** Private subnet CIDRs: the only place the ALB sends traffic to (service tasks). */
    readonly targetCidrBlocks: readonly string[];
    /** ACM certificate of the HTTPS listener. */
    readonly certificateArn: string;
    /** TLS policy of the HTTPS listener. @default DEFAULT_TLS_POLICY */
    readonly tlsPolicy?: TlsPolicy;
    /** The access-logs bucket (SSE-S3, ELB delivery allowed under `alb/`). */
    readonly accessLogsBucketName: pulumi.Input<string>;
    /** Refuse deletion of the ALB. @default true */
    readonly deletionProtection?: boolean;
    /** WAF rate limit per IP per 5 minutes. @default DEFAULT_WAF_RATE_LIMIT */
    readonly wafRateLimit?: number;
    /** The logs key for the WAF log group. */
    readonly logsKmsKeyArn: pulumi.Input<string>;
    /** Governance tags for every taggable resource. */
    readonly tags: Tags;
}

/**
 * The public entry point: an internet-facing ALB in the public subnets, HTTPS only
 * (HTTP answers with a permanent redirect), a modern TLS policy, invalid headers
 * dropped, access logs to the access-log bucket, and a WAF web ACL (rate limit plus
 * AWS managed rule groups) with its own encrypted log. Services add listener rules
 * to the HTTPS listener; unmatched requests get a 404.
 */
export class PublicIngress extends pulumi.ComponentResource {
    readonly albArn: pulumi.Output<string>;
    readonly albDnsName: pulumi.Output<string>;
    readonly albZoneId: pulumi.Output<string>;
    readonly securityGroupId: pulumi.Output<string>;
    readonly httpsListenerArn: pulumi.Output<string>;
    readonly webAclArn: pulumi.Output<string>;

    constructor(name: string, args: PublicIngressArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:shared:PublicIngress", name, {}, opts);
        const parent = { parent: this };
        const tag = (n: string) => withGovernanceTags(args.tags, n);

        const group = new aws.ec2.SecurityGroup(
            `${name}-alb`,
            {
                vpcId: args.vpcId,
                description: "Public ALB: HTTP(S) from anywhere, out to service tasks only",
                ingress: [
                    {
                        protocol: "tcp",
                        fromPort: 443,
                        toPort: 443,
                        cidrBlocks: ["0.0.0.0/0"],
                        ipv6CidrBlocks: ["::/0"],
                        description: "HTTPS",
                    },
                    {
                        protocol: "tcp",
                        fromPort: 80,
                        toPort: 80,
                        cidrBlocks: ["0.0.0.0/0"],
                        ipv6CidrBlocks: ["::/0"],
                        description: "HTTP, redirected to HTTPS",
                    },
                ],
                egress: [
                    {
                        protocol: "tcp",
                        fromPort: 0,
                        toPort: 65535,
                        cidrBlocks: [...args.targetCidrBlocks],
                        description: "To service tasks in the private tier",
                    },
                ],
                // `tier=public-lb` marks the one kind of group the pipeline lets face the internet.
                tags: withGovernanceTags(args.tags, `${args.loadBalancerName}-alb`, { tier: "public-lb" }),
            },
            parent,
        );

        const alb = new aws.lb.LoadBalancer(
            name,
            {
                name: args.loadBalancerName,
                loadBalancerType: "application",
                internal: false,
                subnets: args.publicSubnetIds,
                securityGroups: [group.id],
                dropInvalidHeaderFields: true,
                desyncMitigationMode: "strictest",
                enableDeletionProtection: args.deletionProtection ?? true,
                accessLogs: { bucket: args.accessLogsBucketName, prefix: "alb", enabled: true },
                tags: tag(args.loadBalancerName),
            },
            parent,
        );

        const https = new aws.lb.Listener(
            `${name}-https`,
            {
                loadBalancerArn: alb.arn,
                port: 443,
                protocol: "HTTPS",
                sslPolicy: args.tlsPolicy ?? DEFAULT_TLS_POLICY,
                certificateArn: args.certificateArn,
                defaultActions: [
                    { type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404", messageBody: "Not found" } },
                ],
                tags: tag(`${args.loadBalancerName}-https`),
            },
            parent,
        );

        new aws.lb.Listener(
            `${name}-http`,
            {
                loadBalancerArn: alb.arn,
                port: 80,
                protocol: "HTTP",
                defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
                tags: tag(`${args.loadBalancerName}-http`),
            },
            parent,
        );

        const webAcl = new aws.wafv2.WebAcl(
            name,
            {
                name: args.loadBalancerName,
                scope: "REGIONAL",
                description: "Protects the landing zone's public ALB",
                defaultAction: { allow: {} },
                rules: webAclRules(args.wafRateLimit ?? DEFAULT_WAF_RATE_LIMIT),
                visibilityConfig: webAclVisibility(args.loadBalancerName),
                tags: tag(args.loadBalancerName),
            },
            parent,
        );
        new aws.wafv2.WebAclAssociation(name, { resourceArn: alb.arn, webAclArn: webAcl.arn }, parent);

        // WAF requires its log groups to be named `aws-waf-logs-…`.
        const wafLogs = new aws.cloudwatch.LogGroup(
            `${name}-waf`,
            {
                name: `aws-waf-logs-${args.loadBalancerName}`,
                kmsKeyId: args.logsKmsKeyArn,
                retentionInDays: 365,
                tags: tag(`aws-waf-logs-${args.loadBalancerName}`),
            },
            parent,
        );
        new aws.wafv2.WebAclLoggingConfiguration(
            name,
            {
                resourceArn: webAcl.arn,
                logDestinationConfigs: [wafLogs.arn],
                // Credentials never reach the log.
                redactedFields: [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }],
            },
            parent,
        );

        this.albArn = alb.arn;
        this.albDnsName = alb.dnsName;
        this.albZoneId = alb.zoneId;
        this.securityGroupId = group.id;
        this.httpsListenerArn = https.arn;
        this.webAclArn = webAcl.arn;
        this.registerOutputs({ albArn: this.albArn, httpsListenerArn: this.httpsListenerArn, webAclArn: this.webAclArn });
    }
}

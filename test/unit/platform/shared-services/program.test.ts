import { strict as assert } from "assert";
import program from "../../../../platform/shared-services/program";
import { contractKeys, parseSharedServicesOutputs } from "../../../../platform/contract";
import { UnitConfigError } from "../../../../platform/common/unit-config";
import { countByType, ofType, single, stateOf } from "../support/mock-run";
import { untaggedResources } from "../support/assertions";
import { runUnit, UnitRun } from "../support/units";

const CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-1234567890ab";
const UPSTREAM = {
    vpcId: "vpc-0abc",
    publicSubnetIds: ["subnet-p1", "subnet-p2"],
    privateSubnetCidrBlocks: ["10.0.0.0/20", "10.0.16.0/20"],
    accessLogsBucketName: "edf-dev-access-logs-123456789012-us-east-1",
    logsKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/logs",
};
const BASE_CONFIG = { certificateArn: CERTIFICATE, ecrPullThroughCache: { upstreamRegistryUrl: "registry.example.test" } };

const sharedServices = (run: UnitRun = {}) =>
    runUnit("platform/shared-services", program, {
        ...run,
        config: { ...BASE_CONFIG, ...(run.config ?? {}) },
        inputs: { ...UPSTREAM, ...(run.inputs ?? {}) },
    });

describe("platform/shared-services", () => {
    describe("dev size", () => {
        it("builds the cluster, registry settings, ALB with two listeners and WAF, and the namespace", async () => {
            const run = await sharedServices({ config: { environmentSize: "dev" } });
            assert.equal(run.error, undefined);
            const counts = countByType(run.resources);
            assert.deepEqual(
                {
                    clusters: counts["aws:ecs/cluster:Cluster"],
                    scanning: counts["aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration"],
                    cache: counts["aws:ecr/pullThroughCacheRule:PullThroughCacheRule"],
                    albs: counts["aws:lb/loadBalancer:LoadBalancer"],
                    listeners: counts["aws:lb/listener:Listener"],
                    webAcls: counts["aws:wafv2/webAcl:WebAcl"],
                    associations: counts["aws:wafv2/webAclAssociation:WebAclAssociation"],
                    namespaces: counts["aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace"],
                    logGroups: counts["aws:cloudwatch/logGroup:LogGroup"],
                },
                { clusters: 1, scanning: 1, cache: 1, albs: 1, listeners: 2, webAcls: 1, associations: 1, namespaces: 1, logGroups: 2 },
            );
            assert.equal(single(run.resources, "aws:lb/loadBalancer:LoadBalancer").props.enableDeletionProtection, false);
            assert.deepEqual(single(run.resources, "aws:ecs/cluster:Cluster").props.settings, [
                { name: "containerInsights", value: "enabled" },
            ]);
        });
    });

    describe("prod size", () => {
        it("protects the ALB from deletion and turns on enhanced Container Insights", async () => {
            const run = await sharedServices({ config: { environmentSize: "prod" } });
            assert.equal(single(run.resources, "aws:lb/loadBalancer:LoadBalancer").props.enableDeletionProtection, true);
            assert.deepEqual(single(run.resources, "aws:ecs/cluster:Cluster").props.settings, [
                { name: "containerInsights", value: "enhanced" },
            ]);
        });

        it("lets explicit config override the size", async () => {
            const run = await sharedServices({
                config: { environmentSize: "prod", deletionProtection: false, containerInsights: "enabled" },
            });
            assert.equal(single(run.resources, "aws:lb/loadBalancer:LoadBalancer").props.enableDeletionProtection, false);
        });
    });

    describe("security-critical properties", () => {
        it("serves HTTPS with a TLS 1.3 policy and the certificate, answering unmatched requests with 404", async () => {
            const run = await sharedServices({});
            const https = ofType(run.resources, "aws:lb/listener:Listener").find((l) => l.props.protocol === "HTTPS")!;
            assert.deepEqual(
                [https.props.port, https.props.sslPolicy, https.props.certificateArn],
                [443, "ELBSecurityPolicy-TLS13-1-2-2021-06", CERTIFICATE],
            );
            assert.equal(https.props.defaultActions[0].fixedResponse.statusCode, "404");
        });

        it("answers HTTP only with a permanent redirect to HTTPS", async () => {
            const run = await sharedServices({});
            const http = ofType(run.resources, "aws:lb/listener:Listener").find((l) => l.props.protocol === "HTTP")!;
            assert.deepEqual(http.props.defaultActions, [
                { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
            ]);
        });

        it(
            "places an internet-facing ALB in the public subnets, dropping invalid " + "headers and logging to the access-log bucket",
            async () => {
                const run = await sharedServices({});
                const alb = single(run.resources, "aws:lb/loadBalancer:LoadBalancer").props;
                assert.deepEqual([alb.internal, alb.loadBalancerType, alb.dropInvalidHeaderFields], [false, "application", true]);
                assert.deepEqual(alb.subnets, UPSTREAM.publicSubnetIds);
                assert.deepEqual(alb.accessLogs, { bucket: UPSTREAM.accessLogsBucketName, prefix: "alb", enabled: true });
                assert.equal(alb.name, "edf-dev-public");
            },
        );

        it("opens only 80 and 443 to the internet and sends only to the private tier", async () => {
            const run = await sharedServices({});
            const group = single(run.resources, "aws:ec2/securityGroup:SecurityGroup").props;
            assert.deepEqual(group.ingress.map((r: any) => r.fromPort).sort(), [443, 80]);
            assert.deepEqual(
                group.egress.map((r: any) => r.cidrBlocks),
                [UPSTREAM.privateSubnetCidrBlocks],
            );
        });

        it("puts the ALB behind a WAF with a rate limit and the AWS managed rule groups, logging encrypted and redacted", async () => {
            const run = await sharedServices({ config: { wafRateLimit: 500 } });
            const acl = single(run.resources, "aws:wafv2/webAcl:WebAcl").props;
            assert.equal(acl.scope, "REGIONAL");
            assert.deepEqual(
                acl.rules.map((r: any) => r.name),
                [
                    "rate-limit-per-ip",
                    "AWSManagedRulesAmazonIpReputationList",
                    "AWSManagedRulesCommonRuleSet",
                    "AWSManagedRulesKnownBadInputsRuleSet",
                    "AWSManagedRulesSQLiRuleSet",
                ],
            );
            assert.equal(acl.rules[0].statement.rateBasedStatement.limit, 500);
            const association = single(run.resources, "aws:wafv2/webAclAssociation:WebAclAssociation").props;
            assert.equal(association.resourceArn, stateOf(run, single(run.resources, "aws:lb/loadBalancer:LoadBalancer")).arn);
            assert.equal(association.webAclArn, stateOf(run, single(run.resources, "aws:wafv2/webAcl:WebAcl")).arn);
            const logging = single(run.resources, "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration").props;
            assert.deepEqual(
                logging.redactedFields.map((f: any) => f.singleHeader.name),
                ["authorization", "cookie"],
            );
            const wafLogs = ofType(run.resources, "aws:cloudwatch/logGroup:LogGroup").find((g) =>
                g.props.name.startsWith("aws-waf-logs-"),
            )!;
            assert.equal(wafLogs.props.kmsKeyId, UPSTREAM.logsKmsKeyArn);
        });

        it("scans every repository continuously with enhanced scanning and caches the configured upstream", async () => {
            const run = await sharedServices({});
            const scanning = single(run.resources, "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration").props;
            assert.equal(scanning.scanType, "ENHANCED");
            assert.deepEqual(scanning.rules, [
                { scanFrequency: "CONTINUOUS_SCAN", repositoryFilters: [{ filter: "*", filterType: "WILDCARD" }] },
            ]);
            const cache = single(run.resources, "aws:ecr/pullThroughCacheRule:PullThroughCacheRule").props;
            assert.deepEqual([cache.ecrRepositoryPrefix, cache.upstreamRegistryUrl], ["ecr-public", "registry.example.test"]);
        });

        it("logs ECS Exec sessions to a group encrypted with the logs key", async () => {
            const run = await sharedServices({});
            const exec = single(run.resources, "aws:ecs/cluster:Cluster").props.configuration.executeCommandConfiguration;
            assert.equal(exec.logging, "OVERRIDE");
            assert.equal(exec.logConfiguration.cloudWatchEncryptionEnabled, true);
            const group = ofType(run.resources, "aws:cloudwatch/logGroup:LogGroup").find(
                (g) => g.props.name === exec.logConfiguration.cloudWatchLogGroupName,
            )!;
            assert.equal(group.props.kmsKeyId, UPSTREAM.logsKmsKeyArn);
        });

        it("makes the namespace private to the landing-zone VPC", async () => {
            const run = await sharedServices({});
            const ns = single(run.resources, "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace").props;
            assert.deepEqual([ns.name, ns.vpc], ["dev.edf.internal", "vpc-0abc"]);
        });

        it(
            "sets the region's API Gateway logging role, trusted by API Gateway of " + "this account only and writing only its log groups",
            async () => {
                const run = await sharedServices({});
                const account = single(run.resources, "aws:apigateway/account:Account");
                const role = single(run.resources, "aws:iam/role:Role");
                assert.equal(role.props.name, "edf-dev-apigateway-logs");
                assert.equal(account.props.cloudwatchRoleArn, "arn:aws:iam::123456789012:role/edf-dev-apigateway-logs");
                const [trust] = JSON.parse(role.props.assumeRolePolicy).Statement;
                assert.deepEqual(trust.Principal, { Service: "apigateway.amazonaws.com" });
                assert.deepEqual(trust.Condition, { StringEquals: { "aws:SourceAccount": "123456789012" } });
                const [write] = JSON.parse(single(run.resources, "aws:iam/rolePolicy:RolePolicy").props.policy).Statement;
                assert.deepEqual(write.Resource, [
                    "arn:aws:logs:us-east-1:123456789012:log-group:*",
                    "arn:aws:logs:us-east-1:123456789012:log-group:*:log-stream:*",
                ]);
            },
        );

        it("tags every taggable resource with the governance tags", async () => {
            const run = await sharedServices({});
            assert.deepEqual(untaggedResources(run.resources), []);
        });
    });

    describe("contract", () => {
        it("exports exactly the shared-services part's keys, valid under the contract", async () => {
            const run = await sharedServices({});
            assert.deepEqual(Object.keys(run.outputs!).sort(), contractKeys("sharedServices"));
            assert.deepEqual(run.secretOutputNames, [], "contract outputs are facts, never secrets (they may go to Consul)");
            const parsed = parseSharedServicesOutputs(run.outputs, "dev-shared-services");
            assert.equal(parsed.ecsClusterName, "edf-dev");
            assert.equal(parsed.serviceDiscoveryNamespaceName, "dev.edf.internal");
            assert.equal(parsed.albDnsName, stateOf(run, single(run.resources, "aws:lb/loadBalancer:LoadBalancer")).dnsName);
            assert.match(parsed.albDnsName, /^edf-dev-public-[0-9a-f]{9}\.us-east-1\.elb\.amazonaws\.com$/);
        });

        it("publishes under `shared-services` in Consul and Vault", async () => {
            const run = await sharedServices({
                config: { publication: { consul: { enabled: true, datacenter: "dc1" }, vault: { enabled: true } } },
            });
            const prefix = single(run.resources, "consul:index/keyPrefix:KeyPrefix").props;
            assert.equal(prefix.pathPrefix, "edf/dev/landing-zone/shared-services/");
            assert.equal(prefix.datacenter, "dc1");
            assert.deepEqual(Object.keys(prefix.subkeys).sort(), contractKeys("sharedServices"));
            assert.equal(single(run.resources, "vault:kv/secretV2:SecretV2").props.name, "edf/dev/landing-zone/shared-services");
        });
    });

    describe("bad arguments fail before any resource is registered", () => {
        const cases: [string, UnitRun, RegExp][] = [
            [
                "a missing certificate",
                { config: { certificateArn: undefined } },
                /`certificateArn` is not set: the HTTPS listener needs an ACM certificate/,
            ],
            [
                "a certificate that is not from ACM",
                { config: { certificateArn: "arn:aws:iam::123456789012:server-certificate/x" } },
                /`certificateArn` is not an ACM certificate ARN/,
            ],
            [
                "a TLS policy below the bar",
                { config: { tlsPolicy: "ELBSecurityPolicy-2016-08" } },
                /`tlsPolicy` is `ELBSecurityPolicy-2016-08`: set `edf:tlsPolicy` to one of `ELBSecurityPolicy-TLS13-1-2-2021-06`/,
            ],
            ["a missing pull-through upstream", { config: { ecrPullThroughCache: undefined } }, /`ecrPullThroughCache` is not set/],
            [
                "an upstream given as a URL",
                { config: { ecrPullThroughCache: { upstreamRegistryUrl: "https://registry.example.test/v2" } } },
                /`ecrPullThroughCache.upstreamRegistryUrl` must be a registry host name/,
            ],
            [
                "a missing network input",
                { inputs: { vpcId: undefined } },
                /input `vpcId` is missing: inject `platform\/network`'s `vpcId` output as input `vpcId`/,
            ],
            [
                "a malformed security input",
                { inputs: { logsKmsKeyArn: "logs" } },
                /input `logsKmsKeyArn` is a string of 4 characters but must be an ARN/,
            ],
            [
                "a network without a public tier",
                { inputs: { publicSubnetIds: [] } },
                /input `publicSubnetIds` lists 0 subnets: the public ALB needs at least two AZs' public subnets/,
            ],
            ["a bad discovery domain", { config: { serviceDiscoveryDomain: "Dev_Zone" } }, /`serviceDiscoveryDomain` is `Dev_Zone`/],
            ["a WAF rate limit below AWS's minimum", { config: { wafRateLimit: 5 } }, /`wafRateLimit` is `5`/],
        ];
        for (const [label, run, message] of cases) {
            it(`rejects ${label}`, async () => {
                const result = await sharedServices(run);
                assert.ok(result.error instanceof UnitConfigError, `${label}: ${result.error}`);
                assert.match(result.error.message, /^Unit `platform\/shared-services` cannot run/);
                assert.match(result.error.message, message);
                assert.equal(result.resources.length, 0);
            });
        }
    });
});

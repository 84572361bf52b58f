import { strict as assert } from "assert";
import program from "../../../../platform/security/program";
import { contractKeys, parseSecurityOutputs } from "../../../../platform/contract";
import { UnitConfigError } from "../../../../platform/common/unit-config";
import { arnOf, countByType, MockRunResult, named, ofType, single, stateOf } from "../support/mock-run";
import { documentOf, untaggedResources } from "../support/assertions";
import { runUnit, UnitRun } from "../support/units";

const security = (run: UnitRun = {}) => runUnit("platform/security", program, run);
const byName = named;
/** The ARN synth's mock cloud gave the purpose key `keys-<purpose>` of a run. */
const keyArn = (run: MockRunResult<unknown>, purpose: "logs" | "data" | "secrets"): string =>
    arnOf(run, "aws:kms/key:Key", `keys-${purpose}`);

describe("platform/security", () => {
    describe("dev size", () => {
        it(
            "builds three keys, two hardened buckets without object lock, the " +
                "trail, Config, GuardDuty, Security Hub, the baseline and the boundary",
            async () => {
                const run = await security({ config: { environmentSize: "dev" } });
                assert.equal(run.error, undefined);
                const counts = countByType(run.resources);
                assert.deepEqual(
                    {
                        keys: counts["aws:kms/key:Key"],
                        aliases: counts["aws:kms/alias:Alias"],
                        buckets: counts["aws:s3/bucket:Bucket"],
                        objectLocks: counts["aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration"] ?? 0,
                        trails: counts["aws:cloudtrail/trail:Trail"],
                        recorders: counts["aws:cfg/recorder:Recorder"],
                        channels: counts["aws:cfg/deliveryChannel:DeliveryChannel"],
                        recorderStatus: counts["aws:cfg/recorderStatus:RecorderStatus"],
                        detectors: counts["aws:guardduty/detector:Detector"],
                        hubs: counts["aws:securityhub/account:Account"],
                        standards: counts["aws:securityhub/standardsSubscription:StandardsSubscription"],
                        passwordPolicy: counts["aws:iam/accountPasswordPolicy:AccountPasswordPolicy"],
                        accountPab: counts["aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock"],
                        ebsDefault: counts["aws:ebs/encryptionByDefault:EncryptionByDefault"],
                        boundary: counts["aws:iam/policy:Policy"],
                    },
                    {
                        keys: 3,
                        aliases: 3,
                        buckets: 2,
                        objectLocks: 0,
                        trails: 1,
                        recorders: 1,
                        channels: 1,
                        recorderStatus: 1,
                        detectors: 1,
                        hubs: 1,
                        standards: 2,
                        passwordPolicy: 1,
                        accountPab: 1,
                        ebsDefault: 1,
                        boundary: 1,
                    },
                );
                const archive = byName(run.resources, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "log-archive");
                assert.equal(archive.props.rules[0].expiration.days, 400);
            },
        );
    });

    describe("prod size", () => {
        it("locks every log-archive object version for a year and keeps seven years of history", async () => {
            const run = await security({ config: { environmentSize: "prod" } });
            assert.equal(run.error, undefined);
            const lock = single(run.resources, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration");
            assert.deepEqual(lock.props.rule.defaultRetention, { mode: "GOVERNANCE", days: 365 });
            assert.equal(byName(run.resources, "aws:s3/bucket:Bucket", "log-archive").props.objectLockEnabled, true);
            const lifecycle = byName(run.resources, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "log-archive");
            assert.equal(lifecycle.props.rules[0].expiration.days, 2557);
        });

        it("takes an explicit object lock and lifecycle over the size's defaults", async () => {
            const run = await security({
                config: { environmentSize: "prod", objectLock: false, logArchiveLifecycle: { expireAfterDays: 500 } },
            });
            assert.equal(ofType(run.resources, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration").length, 0);
            const lifecycle = byName(run.resources, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "log-archive");
            assert.deepEqual([lifecycle.props.rules[0].transitions[0].days, lifecycle.props.rules[0].expiration.days], [90, 500]);
        });
    });

    describe("keys", () => {
        it("rotates every key yearly with the longest deletion window, protected", async () => {
            const run = await security({});
            for (const key of ofType(run.resources, "aws:kms/key:Key")) {
                assert.equal(key.props.enableKeyRotation, true, key.name);
                assert.equal(key.props.rotationPeriodInDays, 365);
                assert.equal(key.props.deletionWindowInDays, 30);
            }
            assert.deepEqual(
                ofType(run.resources, "aws:kms/alias:Alias")
                    .map((a) => a.props.name)
                    .sort(),
                ["alias/edf/dev/data", "alias/edf/dev/logs", "alias/edf/dev/secrets"],
            );
        });

        it("grants no principal unconditional use of a key, and keeps administrators from using it", async () => {
            const run = await security({ config: { keyAdministratorArns: ["arn:aws:iam::123456789012:role/key-admins"] } });
            for (const key of ofType(run.resources, "aws:kms/key:Key")) {
                const statements = documentOf(key.props.policy).Statement;
                const admin = statements.find((s) => s.Sid === "KeyAdministration")!;
                assert.deepEqual(admin.Principal, { AWS: ["arn:aws:iam::123456789012:role/key-admins"] });
                assert.ok(!admin.Action.some((a: string) => /Encrypt|Decrypt|GenerateDataKey/.test(a)), "administration only");
                for (const s of statements.filter((x) => x.Sid !== "KeyAdministration")) {
                    assert.ok(s.Condition, `${key.name} ${s.Sid} is conditional`);
                    assert.notEqual(s.Action, "kms:*");
                }
            }
        });

        it("limits each key to its purpose's services", async () => {
            const run = await security({});
            const via = (name: string) =>
                documentOf(byName(run.resources, "aws:kms/key:Key", name).props.policy).Statement.find(
                    (s) => s.Sid === "UseThroughPurposeServices",
                )!.Condition!.StringEquals["kms:ViaService"];
            assert.deepEqual(via("keys-secrets"), ["secretsmanager.us-east-1.amazonaws.com", "ssm.us-east-1.amazonaws.com"]);
            assert.deepEqual(via("keys-logs"), ["s3.us-east-1.amazonaws.com"]);
            const logs = documentOf(byName(run.resources, "aws:kms/key:Key", "keys-logs").props.policy).Statement.map((s) => s.Sid);
            assert.deepEqual(logs.slice(3), [
                "CloudWatchLogsOfThisAccount",
                "CloudTrailOfThisAccount",
                "CloudTrailDescribesKey",
                "CloudTrailNotificationsOfThisAccount",
                "CloudWatchAlarmsOfThisAccount",
                "ConfigOfThisAccount",
            ]);
            const data = documentOf(byName(run.resources, "aws:kms/key:Key", "keys-data").props.policy).Statement.map((s) => s.Sid);
            assert.ok(!data.includes("CloudTrailOfThisAccount"), "only the logs key serves log delivery");
            // Calls that carry no encryption context are never granted under an encryption-context condition.
            for (const s of documentOf(byName(run.resources, "aws:kms/key:Key", "keys-logs").props.policy).Statement) {
                const context = JSON.stringify(s.Condition ?? {}).includes("kms:EncryptionContext");
                if (context)
                    assert.ok(!JSON.stringify(s.Action).includes("Describe"), `${s.Sid} grants a Describe call under a context condition`);
            }
        });
    });

    describe("log archive", () => {
        it("encrypts with the logs key, versions, blocks public access, enforces owner and never force-destroys", async () => {
            const run = await security({});
            const bucket = byName(run.resources, "aws:s3/bucket:Bucket", "log-archive");
            assert.equal(bucket.props.bucket, "edf-dev-log-archive-123456789012-us-east-1");
            assert.equal(bucket.props.forceDestroy, false);
            assert.equal(bucket.props.tags["edf:role"], "log-archive");
            const sse = byName(
                run.resources,
                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                "log-archive",
            );
            assert.deepEqual(sse.props.rules[0].applyServerSideEncryptionByDefault, {
                sseAlgorithm: "aws:kms",
                kmsMasterKeyId: keyArn(run, "logs"),
            });
            assert.equal(
                byName(run.resources, "aws:s3/bucketVersioning:BucketVersioning", "log-archive").props.versioningConfiguration.status,
                "Enabled",
            );
            const pab = byName(run.resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "log-archive").props;
            assert.deepEqual(
                [pab.blockPublicAcls, pab.blockPublicPolicy, pab.ignorePublicAcls, pab.restrictPublicBuckets],
                [true, true, true, true],
            );
            assert.equal(
                byName(run.resources, "aws:s3/bucketOwnershipControls:BucketOwnershipControls", "log-archive").props.rule.objectOwnership,
                "BucketOwnerEnforced",
            );
            const lifecycle = byName(run.resources, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "log-archive");
            assert.equal(lifecycle.props.rules[0].transitions[0].storageClass, "GLACIER");
        });

        it("denies every request without TLS or below TLS 1.2, and lets only this trail and this account's Config write", async () => {
            const run = await security({});
            const statements = documentOf(byName(run.resources, "aws:s3/bucketPolicy:BucketPolicy", "log-archive").props.policy).Statement;
            const tls = statements.find((s) => s.Sid === "DenyInsecureTransport")!;
            assert.deepEqual([tls.Effect, tls.Action, tls.Condition], ["Deny", "s3:*", { Bool: { "aws:SecureTransport": "false" } }]);
            assert.deepEqual(tls.Resource, [
                "arn:aws:s3:::edf-dev-log-archive-123456789012-us-east-1",
                "arn:aws:s3:::edf-dev-log-archive-123456789012-us-east-1/*",
            ]);
            assert.deepEqual(statements.find((s) => s.Sid === "DenyOutdatedTls")!.Condition, {
                NumericLessThan: { "s3:TlsVersion": "1.2" },
            });
            const trailWrite = statements.find((s) => s.Sid === "CloudTrailWrite")!;
            assert.equal(
                trailWrite.Condition.StringEquals["aws:SourceArn"],
                "arn:aws:cloudtrail:us-east-1:123456789012:trail/edf-dev-trail",
            );
            for (const s of statements.filter((x) => x.Effect === "Allow")) {
                assert.ok(s.Condition, `${s.Sid} is conditional`);
            }
        });

        it("keeps ALB access logs in an SSE-S3 bucket (the only encryption ELB delivery supports), writable by ELB only", async () => {
            const run = await security({});
            const sse = byName(
                run.resources,
                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                "access-logs",
            );
            assert.deepEqual(sse.props.rules[0].applyServerSideEncryptionByDefault, { sseAlgorithm: "AES256" });
            const statements = documentOf(byName(run.resources, "aws:s3/bucketPolicy:BucketPolicy", "access-logs").props.policy).Statement;
            assert.deepEqual(
                statements.map((s) => s.Sid),
                ["DenyInsecureTransport", "DenyOutdatedTls", "ElbRegionalAccountWrite", "ElbLogDeliveryWrite", "S3ServerAccessLogsWrite"],
            );
            assert.deepEqual(statements[2].Principal, { AWS: "arn:aws:iam::127311923021:root" });
            assert.equal(statements[2].Resource, "arn:aws:s3:::edf-dev-access-logs-123456789012-us-east-1/alb/AWSLogs/123456789012/*");
        });

        it(
            "logs access to the log archive into the access-logs bucket, which S3 " +
                "log delivery of this account only may write under s3/",
            async () => {
                const run = await security({});
                const logging = ofType(run.resources, "aws:s3/bucketLogging:BucketLogging");
                assert.deepEqual(
                    logging.map((l) => [l.name, l.props.bucket, l.props.targetBucket, l.props.targetPrefix]),
                    [
                        [
                            "log-archive",
                            byName(run.resources, "aws:s3/bucket:Bucket", "log-archive").id,
                            "edf-dev-access-logs-123456789012-us-east-1",
                            "s3/log-archive/",
                        ],
                    ],
                    "the access-logs bucket is the target and does not log into itself",
                );
                const statements = documentOf(
                    byName(run.resources, "aws:s3/bucketPolicy:BucketPolicy", "access-logs").props.policy,
                ).Statement;
                const write = statements.find((s) => s.Sid === "S3ServerAccessLogsWrite")!;
                assert.deepEqual(
                    [write.Principal, write.Action, write.Resource, write.Condition],
                    [
                        { Service: "logging.s3.amazonaws.com" },
                        "s3:PutObject",
                        "arn:aws:s3:::edf-dev-access-logs-123456789012-us-east-1/s3/*",
                        { StringEquals: { "aws:SourceAccount": "123456789012" } },
                    ],
                );
            },
        );
    });

    describe("audit and detection", () => {
        it("runs a multi-region, validated, KMS-encrypted trail delivered to CloudWatch Logs, recording S3 object writes", async () => {
            const run = await security({});
            const trail = single(run.resources, "aws:cloudtrail/trail:Trail").props;
            assert.deepEqual(
                [
                    trail.isMultiRegionTrail,
                    trail.includeGlobalServiceEvents,
                    trail.enableLogFileValidation,
                    trail.enableLogging,
                    trail.kmsKeyId,
                ],
                [true, true, true, true, keyArn(run, "logs")],
            );
            assert.equal(trail.s3BucketName, "edf-dev-log-archive-123456789012-us-east-1");
            assert.match(trail.cloudWatchLogsGroupArn, /:\*$/);
            assert.deepEqual(trail.advancedEventSelectors[1].fieldSelectors, [
                { field: "eventCategory", equals: ["Data"] },
                { field: "resources.type", equals: ["AWS::S3::Object"] },
                { field: "readOnly", equals: ["false"] },
                { field: "resources.ARN", notStartsWiths: ["arn:aws:s3:::edf-dev-log-archive-123456789012-us-east-1/"] },
            ]);
            const group = single(run.resources, "aws:cloudwatch/logGroup:LogGroup").props;
            assert.equal(group.kmsKeyId, keyArn(run, "logs"));
            assert.equal(group.retentionInDays, 365);
        });

        it("announces each delivery on a logs-key-encrypted topic only this trail may publish to, over TLS", async () => {
            const run = await security({});
            const trail = single(run.resources, "aws:cloudtrail/trail:Trail").props;
            const topic = byName(run.resources, "aws:sns/topic:Topic", "trail-deliveries").props;
            assert.equal(trail.snsTopicName, "edf-dev-trail-deliveries");
            assert.equal(topic.name, "edf-dev-trail-deliveries");
            assert.equal(topic.kmsMasterKeyId, keyArn(run, "logs"));
            const [publish, deny] = documentOf(
                byName(run.resources, "aws:sns/topicPolicy:TopicPolicy", "trail-deliveries").props.policy,
            ).Statement;
            assert.deepEqual(publish.Principal, { Service: "cloudtrail.amazonaws.com" });
            assert.deepEqual(publish.Condition, {
                StringEquals: { "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:123456789012:trail/edf-dev-trail" },
            });
            assert.deepEqual([deny.Effect, deny.Condition], ["Deny", { Bool: { "aws:SecureTransport": "false" } }]);
        });

        it(
            "alarms on each CIS monitoring event through a filter on the trail's " +
                "log group, to an encrypted topic only CloudWatch may publish to",
            async () => {
                const run = await security({});
                const filters = ofType(run.resources, "aws:cloudwatch/logMetricFilter:LogMetricFilter");
                const alarms = ofType(run.resources, "aws:cloudwatch/metricAlarm:MetricAlarm");
                assert.equal(filters.length, 15);
                assert.deepEqual(
                    alarms.map((a) => a.props.metricName),
                    filters.map((f) => f.props.metricTransformation.name),
                );
                assert.ok(filters.every((f) => f.props.logGroupName === "/edf/cloudtrail/edf-dev-trail"));
                const topic = byName(run.resources, "aws:sns/topic:Topic", "alarms");
                assert.equal(topic.props.kmsMasterKeyId, keyArn(run, "logs"));
                assert.ok(alarms.every((a) => a.props.actionsEnabled === true && a.props.alarmActions.length === 1));
                const [publish] = documentOf(byName(run.resources, "aws:sns/topicPolicy:TopicPolicy", "alarms").props.policy).Statement;
                assert.deepEqual(publish.Principal, { Service: "cloudwatch.amazonaws.com" });
                assert.equal(publish.Condition.StringEquals["aws:SourceAccount"], "123456789012");
            },
        );

        it("records every resource type with Config, enabled, delivered encrypted to the archive", async () => {
            const run = await security({});
            assert.deepEqual(single(run.resources, "aws:cfg/recorder:Recorder").props.recordingGroup, {
                allSupported: true,
                includeGlobalResourceTypes: true,
            });
            assert.equal(single(run.resources, "aws:cfg/recorderStatus:RecorderStatus").props.isEnabled, true);
            assert.equal(single(run.resources, "aws:cfg/deliveryChannel:DeliveryChannel").props.s3KmsKeyArn, keyArn(run, "logs"));
        });

        it("enables GuardDuty and Security Hub with PCI DSS and foundational best practices only", async () => {
            const run = await security({});
            assert.equal(single(run.resources, "aws:guardduty/detector:Detector").props.enable, true);
            assert.equal(single(run.resources, "aws:securityhub/account:Account").props.enableDefaultStandards, false);
            assert.deepEqual(
                ofType(run.resources, "aws:securityhub/standardsSubscription:StandardsSubscription")
                    .map((s) => s.props.standardsArn)
                    .sort(),
                [
                    "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0",
                    "arn:aws:securityhub:us-east-1::standards/pci-dss/v/4.0.1",
                ],
            );
        });
    });

    describe("account baseline and boundary", () => {
        it("sets a password policy beyond PCI DSS, blocks public S3 account-wide and encrypts EBS with the data key", async () => {
            const run = await security({});
            const pw = single(run.resources, "aws:iam/accountPasswordPolicy:AccountPasswordPolicy").props;
            assert.ok(pw.minimumPasswordLength >= 12 && pw.passwordReusePrevention >= 4 && pw.maxPasswordAge <= 90);
            const pab = single(run.resources, "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock").props;
            assert.deepEqual(
                [pab.blockPublicAcls, pab.blockPublicPolicy, pab.ignorePublicAcls, pab.restrictPublicBuckets],
                [true, true, true, true],
            );
            assert.equal(single(run.resources, "aws:ebs/encryptionByDefault:EncryptionByDefault").props.enabled, true);
            assert.equal(single(run.resources, "aws:ebs/defaultKmsKey:DefaultKmsKey").props.keyArn, keyArn(run, "data"));
        });

        it("names the boundary so the pipeline recognises it, and denies escalation, tampering and audit changes", async () => {
            const run = await security({ config: { allowedRegions: ["us-east-1"] } });
            const policy = single(run.resources, "aws:iam/policy:Policy");
            assert.equal(policy.props.name, "edf-dev-service-boundary");
            const statements = documentOf(policy.props.policy).Statement;
            const sids = statements.map((s) => s.Sid);
            for (const sid of [
                "DenyIamAdministration",
                "DenyBoundaryTampering",
                "DenyAuditAndSecurityChanges",
                "DenyLogArchive",
                "DenyKeyAdministration",
                "DenyNetworkPerimeterChanges",
                "DenyOutsideAllowedRegions",
            ]) {
                assert.ok(sids.includes(sid), sid);
            }
            assert.ok(
                statements
                    .find((s) => s.Sid === "DenyBoundaryTampering")!
                    .Resource.includes("arn:aws:iam::123456789012:policy/edf-dev-service-boundary"),
            );
            assert.ok(!statements.some((s) => s.Effect === "Allow" && (s.Action === "*" || s.Action.includes("*"))), "no allow-all");
            assert.deepEqual(statements.find((s) => s.Sid === "DenyLogArchive")!.Resource, [
                "arn:aws:s3:::edf-dev-log-archive-123456789012-us-east-1",
                "arn:aws:s3:::edf-dev-log-archive-123456789012-us-east-1/*",
            ]);
        });
    });

    describe("governance", () => {
        it("tags every taggable resource and protects keys and buckets unless told not to", async () => {
            const run = await security({});
            assert.deepEqual(untaggedResources(run.resources), []);
            const critical = run.resources.filter((r) => r.type === "aws:kms/key:Key" || r.type === "aws:s3/bucket:Bucket");
            assert.equal(critical.length, 5);
            assert.ok(
                critical.every((r) => r.options?.protect === true),
                "keys and buckets are protected",
            );
            const unprotected = await security({ config: { protect: false } });
            assert.ok(
                unprotected.resources.every((r) => r.options?.protect !== true),
                "`protect: false` turns protection off",
            );
        });

        it("starts the trail and Config delivery only once the archive's policy and encryption are in place", async () => {
            const run = await security({});
            const trail = single(run.resources, "aws:cloudtrail/trail:Trail");
            const policy = byName(run.resources, "aws:s3/bucketPolicy:BucketPolicy", "log-archive");
            assert.ok(
                trail.dependencies!.some((urn) => urn.endsWith("::log-archive") && urn.includes("bucketPolicy")),
                trail.dependencies!.join(" "),
            );
            assert.ok(policy);
            const channel = single(run.resources, "aws:cfg/deliveryChannel:DeliveryChannel");
            assert.ok(channel.dependencies!.some((urn) => urn.includes("bucketServerSideEncryptionConfiguration")));
        });
    });

    describe("contract", () => {
        it("exports exactly the security part's keys, valid under the contract", async () => {
            const run = await security({});
            assert.deepEqual(Object.keys(run.outputs!).sort(), contractKeys("security"));
            assert.deepEqual(run.secretOutputNames, [], "contract outputs are facts, never secrets (they may go to Consul)");
            const parsed = parseSecurityOutputs(run.outputs, "dev-security");
            assert.equal(parsed.logArchiveBucketName, "edf-dev-log-archive-123456789012-us-east-1");
            assert.equal(parsed.permissionsBoundaryArn, stateOf(run, single(run.resources, "aws:iam/policy:Policy")).arn);
            assert.match(parsed.permissionsBoundaryArn, /^arn:aws:iam::123456789012:policy\/edf-dev-service-boundary$/);
        });

        it("publishes the part to Consul and Vault when both are enabled", async () => {
            const run = await security({ config: { publication: { consul: { enabled: true, root: "acme" }, vault: { enabled: true } } } });
            const prefix = single(run.resources, "consul:index/keyPrefix:KeyPrefix");
            assert.equal(prefix.props.pathPrefix, "acme/dev/landing-zone/security/");
            assert.deepEqual(Object.keys(prefix.props.subkeys).sort(), contractKeys("security"));
            assert.equal(single(run.resources, "vault:kv/secretV2:SecretV2").props.name, "edf/dev/landing-zone/security");
        });
    });

    describe("bad arguments fail before any resource is registered", () => {
        const cases: [string, UnitRun, RegExp][] = [
            [
                "a deletion window outside 7–30 days",
                { config: { keyDeletionWindowDays: 3 } },
                /`keyDeletionWindowDays` is `3`: set `edf:keyDeletionWindowDays` to a whole number from 7 to 30/,
            ],
            ["log retention under a year", { config: { logRetentionDays: 90 } }, /`logRetentionDays` is `90`: .* from 365/],
            [
                "history under PCI's year",
                { config: { logArchiveLifecycle: { expireAfterDays: 200 } } },
                /`logArchiveLifecycle.expireAfterDays` is 200: PCI DSS 10.5.1 needs at least 365 days/,
            ],
            [
                "cold storage after expiry",
                { config: { logArchiveLifecycle: { coldAfterDays: 500, expireAfterDays: 400 } } },
                /`logArchiveLifecycle.coldAfterDays` is 500 but objects expire after 400/,
            ],
            ["a malformed object lock", { config: { objectLock: { mode: "STRICT", days: 1 } } }, /`objectLock` must be `false` or/],
            [
                "malformed key administrators",
                { config: { keyAdministratorArns: ["admin"] } },
                /`keyAdministratorArns` must be a non-empty list of IAM role, user or account-root ARNs/,
            ],
            ["malformed regions", { config: { allowedRegions: ["mars-1"] } }, /`allowedRegions` must be a list of region names/],
            [
                "an unknown PCI DSS version",
                { config: { pciDssVersion: "5" } },
                /`pciDssVersion` is `5`: set `edf:pciDssVersion` to one of `4.0.1`, `3.2.1`/,
            ],
            [
                "a malformed governance owner",
                { config: { governance: { owner: "" } } },
                /`governance.owner` must name the accountable team/,
            ],
            ["a malformed name prefix", { config: { namePrefix: "EDF!" } }, /`namePrefix` is `EDF!`/],
        ];
        for (const [label, run, message] of cases) {
            it(`rejects ${label}`, async () => {
                const result = await security(run);
                assert.ok(result.error instanceof UnitConfigError, `${label}: ${result.error}`);
                assert.match(result.error.message, /^Unit `platform\/security` cannot run/);
                assert.match(result.error.message, message);
                assert.equal(result.resources.length, 0);
            });
        }
    });
});

import { UNKNOWN } from "../../../../../../policy-packs/lib/resources";
import { cloudtrailCloudwatchLogsIntegrated } from "../../../../../../policy-packs/pipeline/policies/cloudtrail-cloudwatch-logs-integrated";
import { cloudtrailEventDataStoreKmsEncrypted } from "../../../../../../policy-packs/pipeline/policies/cloudtrail-event-data-store-kms-encrypted";
import { cloudtrailLoggingEnabled } from "../../../../../../policy-packs/pipeline/policies/cloudtrail-logging-enabled";
import { cloudtrailS3DataEventsRecorded } from "../../../../../../policy-packs/pipeline/policies/cloudtrail-s3-data-events-recorded";
import { cloudtrailSnsNotifications } from "../../../../../../policy-packs/pipeline/policies/cloudtrail-sns-notifications";
import { cloudwatchAlarmActionsEnabled } from "../../../../../../policy-packs/pipeline/policies/cloudwatch-alarm-actions-enabled";
import { cloudwatchSecurityEventAlarms } from "../../../../../../policy-packs/pipeline/policies/cloudwatch-security-event-alarms";
import { configAggregatorAllRegions } from "../../../../../../policy-packs/pipeline/policies/config-aggregator-all-regions";
import { configRecorderRecordsAllResources } from "../../../../../../policy-packs/pipeline/policies/config-recorder-records-all-resources";
import { guarddutyDetectorEnabled } from "../../../../../../policy-packs/pipeline/policies/guardduty-detector-enabled";
import { guarddutyOrganizationAutoEnable } from "../../../../../../policy-packs/pipeline/policies/guardduty-organization-auto-enable";
import { changeProps, withoutResources } from "../../../../../fixtures/policy/estate";
import { identityEstate } from "../../../../../fixtures/policy/identity-estate";
import { describePolicy } from "../../../support/policy-cases";

const TRAIL = "aws:cloudtrail/trail:Trail";
const LAKE = "aws:cloudtrail/eventDataStore:EventDataStore";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const RECORDER = "aws:cfg/recorder:Recorder";
const AGGREGATOR = "aws:cfg/configurationAggregator:ConfigurationAggregator";
const DETECTOR = "aws:guardduty/detector:Detector";
const ORG = "aws:guardduty/organizationConfiguration:OrganizationConfiguration";

const set = (type: string, name: string, patch: Record<string, unknown>) => () =>
    changeProps(identityEstate(), type, name, (p) => ({ ...p, ...patch }));
const only =
    (...types: string[]) =>
    () =>
        identityEstate().filter((r) => types.includes(r.type));

describe("CloudTrail", () => {
    describePolicy(cloudtrailCloudwatchLogsIntegrated, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "a trail delivering only to S3",
                resources: set(TRAIL, "org", { cloudWatchLogsGroupArn: undefined, cloudWatchLogsRoleArn: undefined }),
                expect: /CloudTrail trail `org` must deliver to CloudWatch Logs: set `cloudWatchLogsGroupArn` and `cloudWatchLogsRoleArn`\./,
            },
            {
                name: "a log group without the delivery role",
                resources: set(TRAIL, "org", { cloudWatchLogsRoleArn: "" }),
                expect: /set `cloudWatchLogsRoleArn`\./,
            },
        ],
        notApplicable: [{ name: "resources other than trails", resources: only(LAKE) }],
        unknown: [
            { name: "the log group ARN is another resource's output", resources: set(TRAIL, "org", { cloudWatchLogsGroupArn: UNKNOWN }) },
        ],
    });
    describePolicy(cloudtrailLoggingEnabled, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "a stopped trail",
                resources: set(TRAIL, "org", { enableLogging: false }),
                expect: /CloudTrail trail `org` must be logging/,
            },
        ],
        notApplicable: [{ name: "resources other than trails", resources: only(LAKE) }],
        unknown: [{ name: "the flag is unknown", resources: set(TRAIL, "org", { enableLogging: UNKNOWN }) }],
    });
    describePolicy(cloudtrailSnsNotifications, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "a trail without a topic",
                resources: set(TRAIL, "org", { snsTopicName: undefined }),
                expect: /must notify an SNS topic/,
            },
        ],
        notApplicable: [{ name: "resources other than trails", resources: only(LAKE) }],
        unknown: [{ name: "the topic is another resource's output", resources: set(TRAIL, "org", { snsTopicName: UNKNOWN }) }],
    });
    describePolicy(cloudtrailS3DataEventsRecorded, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "trails recording management events only",
                resources: set(TRAIL, "org", { eventSelectors: undefined }),
                expect: /The stack's CloudTrail trails \(`org`\) must record S3 object writes of every bucket as data events/,
            },
            {
                name: "data events of one bucket only",
                resources: set(TRAIL, "org", {
                    eventSelectors: [
                        { readWriteType: "All", dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3:::edf-data/"] }] },
                    ],
                }),
                expect: /must record S3 object writes/,
            },
            {
                name: "writes only, when reads are required",
                resources: set(TRAIL, "org", {
                    eventSelectors: [{ readWriteType: "WriteOnly", dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }],
                }),
                expect: /must record S3 object reads of every bucket/,
                options: { config: { "cloudtrail-s3-data-events-recorded": { requireReads: true } } },
            },
        ],
        notApplicable: [{ name: "stacks without trails", resources: only(LAKE) }],
        unknown: [{ name: "the selectors are unknown", resources: set(TRAIL, "org", { eventSelectors: UNKNOWN }) }],
    });
    describePolicy(cloudtrailEventDataStoreKmsEncrypted, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "an event data store with AWS's key",
                resources: set(LAKE, "lake", { kmsKeyId: undefined }),
                expect: /Event data store `lake` must be encrypted/,
            },
        ],
        notApplicable: [{ name: "trails", resources: only(TRAIL) }],
        unknown: [{ name: "the key is another resource's output", resources: set(LAKE, "lake", { kmsKeyId: UNKNOWN }) }],
    });
});

describe("CloudWatch alarms", () => {
    describePolicy(cloudwatchAlarmActionsEnabled, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "an alarm with its actions switched off",
                resources: set(ALARM, "root-usage", { actionsEnabled: false }),
                expect: /Alarm `root-usage` must keep its actions enabled/,
            },
        ],
        notApplicable: [{ name: "resources other than alarms", resources: only(TRAIL) }],
        unknown: [{ name: "the flag is unknown", resources: set(ALARM, "root-usage", { actionsEnabled: UNKNOWN }) }],
    });
});

const FILTER = "aws:cloudwatch/logMetricFilter:LogMetricFilter";
describe("CloudWatch security event alarms", () => {
    describePolicy(cloudwatchSecurityEventAlarms, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "no filter for root use",
                resources: () => withoutResources(identityEstate(), FILTER, "alarms-RootUsage"),
                expect: /The audit trail's log group `\/edf\/cloudtrail` must alarm on use of the root user \(CIS 4\.3\)/,
            },
            {
                name: "an alarm that notifies no one",
                resources: set(ALARM, "alarms-RootUsage", { alarmActions: [] }),
                expect: /must alarm on use of the root user/,
            },
            {
                name: "a filter on another log group",
                resources: set(FILTER, "alarms-RootUsage", { logGroupName: "/edf/app" }),
                expect: /must alarm on use of the root user/,
            },
            {
                name: "a route-table filter that leaves out CreateRoute (CreateRouteTable does not count)",
                resources: () =>
                    changeProps(identityEstate(), FILTER, "alarms-RouteTableChanges", (p) => ({
                        ...p,
                        pattern: String(p.pattern).replace("($.eventName = CreateRoute) || ", ""),
                    })),
                expect: /must alarm on route table changes \(CIS 4\.13\)/,
            },
            {
                name: "the security unit holding no trail when told it must",
                resources: only("aws:kms/key:Key"),
                expect: /The security baseline's audit trail log group must alarm on unauthorized API calls/,
                options: { config: { "cloudwatch-security-event-alarms": { requireInStack: true } } },
            },
        ],
        notApplicable: [
            {
                name: "stacks whose trails do not deliver to CloudWatch Logs",
                resources: set(TRAIL, "org", { cloudWatchLogsGroupArn: undefined }),
            },
            { name: "stacks without trails", resources: only(ALARM) },
        ],
        unknown: [
            {
                name: "the trail's log group is another resource's output",
                resources: set(TRAIL, "org", { cloudWatchLogsGroupArn: UNKNOWN }),
            },
        ],
    });
    describePolicy(cloudwatchSecurityEventAlarms, {
        compliant: () => withoutResources(identityEstate(), FILTER, "alarms-RootUsage"),
        options: { config: { "cloudwatch-security-event-alarms": { events: ["unauthorized-api-calls", "iam-policy-changes"] } } },
        nonCompliant: [],
        notApplicable: [],
    });
});

describe("AWS Config", () => {
    describePolicy(configRecorderRecordsAllResources, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "a recorder left at AWS's defaults (no global resources)",
                resources: set(RECORDER, "main", { recordingGroup: undefined }),
                expect: /Config recorder `main` must record every resource type: its `recordingGroup` needs `includeGlobalResourceTypes: true`\./,
            },
            {
                name: "a recorder with a list of types",
                resources: set(RECORDER, "main", { recordingGroup: { allSupported: false, resourceTypes: ["AWS::S3::Bucket"] } }),
                expect: /needs `allSupported: true`, `includeGlobalResourceTypes: true`, no `resourceTypes` list/,
            },
            {
                name: "a recorder with exclusions",
                resources: set(RECORDER, "main", {
                    recordingGroup: {
                        allSupported: false,
                        includeGlobalResourceTypes: true,
                        exclusionByResourceTypes: [{ resourceTypes: ["AWS::EC2::Instance"] }],
                        recordingStrategies: [{ useOnly: "EXCLUSION_BY_RESOURCE_TYPES" }],
                    },
                }),
                expect: /no `exclusionByResourceTypes`, `recordingStrategies` of `ALL_SUPPORTED_RESOURCE_TYPES`/,
            },
        ],
        notApplicable: [{ name: "resources other than recorders", resources: only(AGGREGATOR) }],
        unknown: [{ name: "the recording group is unknown", resources: set(RECORDER, "main", { recordingGroup: UNKNOWN }) }],
    });
    describePolicy(configAggregatorAllRegions, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "an aggregator over a list of regions",
                resources: set(AGGREGATOR, "organization", { organizationAggregationSource: { regions: ["eu-west-1"], roleArn: "arn:r" } }),
                expect: /Config aggregator `organization` must aggregate every region/,
            },
        ],
        notApplicable: [{ name: "resources other than aggregators", resources: only(RECORDER) }],
        unknown: [
            { name: "the source is unknown", resources: set(AGGREGATOR, "organization", { organizationAggregationSource: UNKNOWN }) },
        ],
    });
});

describe("GuardDuty", () => {
    describePolicy(guarddutyDetectorEnabled, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "a disabled detector",
                resources: set(DETECTOR, "main", { enable: false }),
                expect: /GuardDuty detector `main` must be enabled/,
            },
        ],
        notApplicable: [{ name: "resources other than detectors", resources: only(ORG) }],
        unknown: [{ name: "the flag is unknown", resources: set(DETECTOR, "main", { enable: UNKNOWN }) }],
    });
    describePolicy(guarddutyOrganizationAutoEnable, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "members left to enable GuardDuty themselves",
                resources: set(ORG, "organization", { autoEnableOrganizationMembers: "NONE" }),
                expect: /must enable member accounts automatically/,
            },
        ],
        notApplicable: [{ name: "detectors", resources: only(DETECTOR) }],
        unknown: [{ name: "the setting is unknown", resources: set(ORG, "organization", { autoEnableOrganizationMembers: UNKNOWN }) }],
    });
});

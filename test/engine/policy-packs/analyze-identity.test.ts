// Slow suite: the identity area's policies in the real engine. `pulumi policy analyze --file`
// runs the pipeline pack over identity, key and governance resources (a deployment document, no
// provider plugin), and its verdicts must equal the in-process harness's, for records that
// comply and for records that break at least one policy of each service.
import * as assert from "assert";
import { buildPackConfig } from "../../../policy-packs/lib/config";
import type { ResourceRecord } from "../../../policy-packs/lib/resources";
import { pipelinePolicies } from "../../../policy-packs/pipeline/policy-list";
import { changeProps, ESTATE_CONFIG } from "../../fixtures/policy/estate";
import { doc, identityEstate } from "../../fixtures/policy/identity-estate";
import { engineVerdicts, harnessVerdicts } from "./verdicts";

/** One change per service of the area, each breaking the policy named. */
const BREAKS: { service: string; policy: string; change: (e: ResourceRecord[]) => ResourceRecord[] }[] = [
    {
        service: "IAM (documents)",
        policy: "iam-policy-resources-scoped",
        change: (e) =>
            changeProps(e, "aws:iam/rolePolicy:RolePolicy", "app-task-s3", (p) => ({
                ...p,
                policy: doc({ Effect: "Allow", Action: ["s3:GetObject", "iam:PassRole", "ec2:RunInstances"], Resource: "*" }),
            })),
    },
    {
        service: "IAM (trust)",
        policy: "iam-role-trust-principals-scoped",
        change: (e) =>
            changeProps(e, "aws:iam/role:Role", "deploy", (p) => ({
                ...p,
                assumeRolePolicy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }),
            })),
    },
    {
        service: "IAM (account)",
        policy: "iam-account-password-policy-strong",
        change: (e) =>
            changeProps(e, "aws:iam/accountPasswordPolicy:AccountPasswordPolicy", "account", (p) => ({ ...p, minimumPasswordLength: 8 })),
    },
    {
        service: "KMS",
        policy: "kms-key-policy-no-wildcard-principal",
        change: (e) =>
            changeProps(e, "aws:kms/key:Key", "data", (p) => ({
                ...p,
                policy: doc({ Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" }),
            })),
    },
    {
        service: "CloudTrail",
        policy: "cloudtrail-cloudwatch-logs-integrated",
        change: (e) => changeProps(e, "aws:cloudtrail/trail:Trail", "org", (p) => ({ ...p, cloudWatchLogsGroupArn: undefined })),
    },
    {
        service: "CloudWatch",
        policy: "cloudwatch-alarm-actions-enabled",
        change: (e) => changeProps(e, "aws:cloudwatch/metricAlarm:MetricAlarm", "root-usage", (p) => ({ ...p, actionsEnabled: false })),
    },
    {
        service: "Config",
        policy: "config-recorder-records-all-resources",
        change: (e) => changeProps(e, "aws:cfg/recorder:Recorder", "main", (p) => ({ ...p, recordingGroup: { allSupported: false } })),
    },
    {
        service: "GuardDuty",
        policy: "guardduty-organization-auto-enable",
        change: (e) =>
            changeProps(e, "aws:guardduty/organizationConfiguration:OrganizationConfiguration", "organization", (p) => ({
                ...p,
                autoEnableOrganizationMembers: "NONE",
            })),
    },
    {
        service: "SSM",
        policy: "ssm-parameter-secure-string-cmk",
        change: (e) => changeProps(e, "aws:ssm/parameter:Parameter", "db-password", (p) => ({ ...p, type: "String", keyId: undefined })),
    },
    {
        service: "CloudFormation",
        policy: "cloudformation-stack-notifications",
        change: (e) => changeProps(e, "aws:cloudformation/stack:Stack", "legacy", (p) => ({ ...p, notificationArns: [] })),
    },
];

function brokenIdentityEstate(): ResourceRecord[] {
    return BREAKS.reduce((e, b) => b.change(e), identityEstate());
}

describe("the identity area's policies in the real engine (`pulumi policy analyze --file`)", function () {
    this.timeout(600_000);
    const prodConfig = () => buildPackConfig({ policies: pipelinePolicies, environment: "prod", config: ESTATE_CONFIG });

    it("finds nothing on identity, key and governance resources that comply, like the harness", async () => {
        const engine = await engineVerdicts(identityEstate(), prodConfig());
        assert.deepStrictEqual(engine.verdicts, await harnessVerdicts(identityEstate(), prodConfig()));
        assert.deepStrictEqual(engine.verdicts, []);
        assert.strictEqual(engine.exitCode, 0);
    });

    it("gives the same verdicts as the harness where one policy of each service is broken", async () => {
        const engine = await engineVerdicts(brokenIdentityEstate(), prodConfig());
        const harness = await harnessVerdicts(brokenIdentityEstate(), prodConfig());
        assert.deepStrictEqual(engine.verdicts, harness);
        const fired = new Set(harness.map((v) => v[0]));
        for (const b of BREAKS)
            assert.ok(fired.has(b.policy), `${b.service}: expected ${b.policy} to fire; fired ${[...fired].join(", ")}`);
        // The escalation and exfiltration behind the first change are caught by their own policies too.
        assert.ok(fired.has("iam-policy-no-privilege-escalation") && fired.has("iam-no-passrole-wildcard"));
        assert.notStrictEqual(engine.exitCode, 0);
    });
});

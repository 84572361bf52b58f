import { strict as assert } from "assert";
import fc from "fast-check";
import {
    denyAccountBaselineChanges,
    denyIamUsers,
    denyLeavingOrganization,
    denyLogArchiveChanges,
    denyProtectedRolesChanges,
    denyRegionsOutsideAllowList,
    denyRootUser,
    denySecurityServicesChanges,
    GuardrailContext,
    GUARDRAILS,
    SCP_MAX_CHARACTERS,
    scpContent,
} from "../../../../platform/organization/guardrails";
import {
    DEFAULT_ORGANIZATIONAL_UNITS,
    DEFAULT_ROOT_GUARDRAILS,
    effectiveGuardrails,
    findParentCycle,
    organizationalUnitProblems,
    planOrganizationalUnits,
} from "../../../../platform/organization/ou-tree";

const CONTEXT: GuardrailContext = {
    partition: "aws",
    allowedRegions: ["eu-west-1", "eu-central-1"],
    deploymentRoleName: "edf-deployment",
    breakGlassRoleName: "edf-break-glass",
    bootstrapRoleName: "OrganizationAccountAccessRole",
    namePrefix: "edf",
};
const PIPELINE = ["arn:aws:iam::*:role/edf-deployment", "arn:aws:iam::*:role/OrganizationAccountAccessRole"];

describe("the SCP guardrail baseline", () => {
    it("has eight separate documents that only deny, each documented, each within the SCP size limit", () => {
        assert.equal(GUARDRAILS.length, 8);
        for (const guardrail of GUARDRAILS) {
            const document = guardrail.document(CONTEXT);
            assert.ok(
                document.Statement.every((s) => s.Effect === "Deny"),
                `${guardrail.id} only denies`,
            );
            assert.ok(scpContent(document).length <= SCP_MAX_CHARACTERS, `${guardrail.id} fits an SCP`);
            assert.ok(guardrail.description.length <= 512 && guardrail.rationale.includes("PCI DSS"), `${guardrail.id} says why`);
        }
    });

    it("denies leaving the organisation to everyone", () => {
        assert.deepEqual(denyLeavingOrganization.document(CONTEXT).Statement, [
            { Sid: "DenyLeavingOrganization", Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" },
        ]);
    });

    it("denies the root user every action", () => {
        const [s] = denyRootUser.document(CONTEXT).Statement;
        assert.equal(s!.Action, "*");
        assert.deepEqual(s!.Condition, { StringLike: { "aws:PrincipalArn": "arn:aws:iam::*:root" } });
    });

    it("denies stopping or deleting CloudTrail, Config, GuardDuty, Security Hub and Access Analyzer, except to the pipeline", () => {
        const [s] = denySecurityServicesChanges.document(CONTEXT).Statement;
        for (const action of [
            "cloudtrail:StopLogging",
            "config:StopConfigurationRecorder",
            "guardduty:DeleteDetector",
            "securityhub:DisableSecurityHub",
            "access-analyzer:DeleteAnalyzer",
        ]) {
            assert.ok((s!.Action as string[]).includes(action), action);
        }
        assert.deepEqual(s!.Condition, { ArnNotLike: { "aws:PrincipalArn": PIPELINE } });
    });

    it("denies deleting any log of the archives to everyone, and archive settings to all but the pipeline", () => {
        const [objects, buckets, keys] = denyLogArchiveChanges.document(CONTEXT).Statement;
        assert.equal(objects!.Resource, "arn:aws:s3:::edf-*-log-archive-*/*");
        assert.equal(objects!.Condition, undefined, "no exemption for deleting evidence");
        assert.ok((buckets!.Action as string[]).includes("s3:PutBucketPolicy"));
        assert.deepEqual(keys!.Condition!.StringEquals, { "aws:ResourceTag/edf:role": "log-archive" });
    });

    it("protects the deployment and break-glass roles, changeable only through the bootstrap role", () => {
        const [s] = denyProtectedRolesChanges.document(CONTEXT).Statement;
        assert.deepEqual(s!.Resource, ["arn:aws:iam::*:role/edf-deployment", "arn:aws:iam::*:role/edf-break-glass"]);
        assert.ok((s!.Action as string[]).includes("iam:UpdateAssumeRolePolicy"));
        assert.deepEqual(s!.Condition, { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/OrganizationAccountAccessRole" } });
    });

    it("denies every region outside the allow-list, global services excepted (NotAction in a Deny only)", () => {
        const [s] = denyRegionsOutsideAllowList.document(CONTEXT).Statement;
        assert.equal(s!.Action, undefined);
        for (const global of ["iam:*", "organizations:*", "sts:*", "cloudfront:*", "route53:*", "support:*"])
            assert.ok((s!.NotAction as string[]).includes(global), global);
        assert.deepEqual(s!.Condition, { StringNotEquals: { "aws:RequestedRegion": ["eu-west-1", "eu-central-1"] } });
    });

    it("keeps the account's S3 public access block and EBS default encryption to the pipeline", () => {
        const [s] = denyAccountBaselineChanges.document(CONTEXT).Statement;
        for (const action of ["s3:PutAccountPublicAccessBlock", "ec2:DisableEbsEncryptionByDefault"])
            assert.ok((s!.Action as string[]).includes(action));
        assert.deepEqual(s!.Condition, { ArnNotLike: { "aws:PrincipalArn": PIPELINE } });
    });

    it("denies IAM users, passwords and access keys without exception", () => {
        const [s] = denyIamUsers.document(CONTEXT).Statement;
        assert.deepEqual(s!.Action, ["iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:CreateUser", "iam:UpdateLoginProfile"]);
        assert.equal(s!.Condition, undefined);
    });

    it("stays within the SCP size limit for any allow-list of regions (property)", () => {
        fc.assert(
            fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{2}-[a-z]{4,9}-\d$/), { minLength: 1, maxLength: 30 }), (regions) => {
                const document = denyRegionsOutsideAllowList.document({ ...CONTEXT, allowedRegions: regions });
                return scpContent(document).length <= SCP_MAX_CHARACTERS;
            }),
        );
    });
});

describe("the OU tree", () => {
    const planned = planOrganizationalUnits(DEFAULT_ORGANIZATIONAL_UNITS);

    it("plans parents first, with paths, and marks Workloads and what hangs from it as workload OUs", () => {
        assert.deepEqual(
            planned.map((u) => `${u.path}${u.workload ? " (workload)" : ""}`),
            [
                "Security",
                "Infrastructure",
                "Workloads (workload)",
                "Workloads/Prod (workload)",
                "Workloads/NonProd (workload)",
                "Sandbox",
                "Suspended",
            ],
        );
    });

    it("lets every baseline guardrail reach every workload OU, with at most four SCPs of ours on any target", () => {
        for (const unit of planned.filter((u) => u.workload)) {
            assert.deepEqual(
                effectiveGuardrails(unit, planned, DEFAULT_ROOT_GUARDRAILS),
                GUARDRAILS.map((g) => g.id),
                unit.path,
            );
        }
        assert.ok(DEFAULT_ROOT_GUARDRAILS.length <= 4);
        for (const unit of planned) assert.ok(unit.guardrails.length <= 4, unit.path);
    });

    it("names a cycle of parents once, from its smallest name", () => {
        assert.deepEqual(
            findParentCycle([
                { name: "c", parent: "b" },
                { name: "b", parent: "a" },
                { name: "a", parent: "c" },
            ]),
            ["a", "c", "b", "a"],
        );
        assert.equal(findParentCycle(DEFAULT_ORGANIZATIONAL_UNITS), undefined);
    });

    it("names every problem of a bad tree: a duplicate, an unknown parent, a bad adopted id, an unknown guardrail", () => {
        assert.deepEqual(
            organizationalUnitProblems([
                { name: "A" },
                { name: "A" },
                { name: "B", parent: "Nope", id: "ou-bad" },
                { name: "C", guardrails: ["deny-everything"] },
            ]),
            [
                "`organizationalUnits[1]`.name `A` is already the name of `organizationalUnits[0]`: OU names must be unique.",
                "`organizationalUnits[2]`.id must be an OU id such as `ou-ab12-cd34ef56` (the OU to adopt), or be left out to create it.",
                "`organizationalUnits[3]`.guardrails names `deny-everything`, which is not a guardrail: use " +
                    GUARDRAILS.map((g) => `\`${g.id}\``).join(", ") +
                    ".",
                "`organizationalUnits[2]`.parent `Nope` is not an OU of the list: name one of `A`, `B`, `C`, or leave it out for the root.",
            ],
        );
    });
});

import { strict as assert } from "assert";
import organizationProgram from "../../../../platform/organization/program";
import { UnitConfigError } from "../../../../platform/common/unit-config";
import { contractProblems } from "../../../../platform/contract";
import { GUARDRAIL_IDS } from "../../../../platform/organization/guardrails";
import { CapturedResource, ofType, single } from "../support/mock-run";
import { runUnit } from "../support/units";

const UNIT = "platform/organization";

/**
 * The organisation's root id, as the mock cloud answers the organisation's `roots` (`r-` and four
 * characters, as AWS forms it): the parent the program gives its top-level OU `Security`.
 */
function rootId(resources: readonly CapturedResource[]): string {
    const ous = ofType(resources, "aws:organizations/organizationalUnit:OrganizationalUnit");
    const id = String(ous.find((o) => o.props.name === "Security")?.props.parentId ?? "");
    assert.match(id, /^r-[0-9a-z]{4}$/);
    return id;
}

/** Whether the resource stays in the cloud when the stack deletes it (`retainOnDelete`, as synth captures it). */
const retained = (r: CapturedResource): boolean => (r.options as Record<string, unknown> | undefined)?.retainOnDelete === true;
const EXTERNAL_ID = "sample-not-a-secret-external-id";

const ACCOUNTS = {
    logArchive: { email: "aws+log-archive@example.com", ou: "Security" },
    audit: { email: "aws+audit@example.com", ou: "Security" },
    dev: { email: "aws+dev@example.com", ou: "NonProd" },
    prod: { email: "aws+prod@example.com", ou: "Prod" },
};

/** The default configuration: the default OU tree, four accounts created. */
function defaultConfig(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        region: "eu-west-1",
        allowedRegions: ["eu-west-1", "eu-central-1"],
        accounts: ACCOUNTS,
        deployment: { trustedPrincipalArn: "arn:aws:iam::123456789012:role/edf-ci" },
        ...extra,
    };
}

function run(config: Record<string, unknown>, inputs: Record<string, unknown> = { deploymentExternalId: EXTERNAL_ID }) {
    return runUnit(UNIT, organizationProgram, { environment: "organization", config, inputs });
}

describe("platform/organization", () => {
    describe("in the default configuration", () => {
        let result: Awaited<ReturnType<typeof run>>;
        before(async () => {
            result = await run(defaultConfig());
            assert.equal(result.error, undefined, result.error?.message);
        });

        it("creates an organisation with every feature, SCPs and tag policies, and trusted access for the security services", () => {
            const org = single(result.resources, "aws:organizations/organization:Organization");
            assert.equal(org.props.featureSet, "ALL");
            assert.deepEqual(org.props.enabledPolicyTypes, ["SERVICE_CONTROL_POLICY", "TAG_POLICY"]);
            for (const service of ["cloudtrail", "config", "guardduty", "securityhub", "inspector2", "access-analyzer", "sso"]) {
                assert.ok((org.props.awsServiceAccessPrincipals as string[]).includes(`${service}.amazonaws.com`), service);
            }
            assert.ok(org.options?.protect && retained(org), "the organisation is protected and retained");
        });

        it("builds the default OU tree: Security, Infrastructure, Workloads/Prod, Workloads/NonProd, Sandbox, Suspended", () => {
            const ous = ofType(result.resources, "aws:organizations/organizationalUnit:OrganizationalUnit");
            assert.deepEqual(ous.map((o) => o.props.name).sort(), [
                "Infrastructure",
                "NonProd",
                "Prod",
                "Sandbox",
                "Security",
                "Suspended",
                "Workloads",
            ]);
            const workloads = ous.find((o) => o.props.name === "Workloads")!;
            assert.equal(workloads.props.parentId, rootId(result.resources));
            assert.equal(ous.find((o) => o.props.name === "Prod")!.props.parentId, workloads.id);
            assert.equal(workloads.props.tags["edf:workload"], "true");
            assert.equal(ous.find((o) => o.props.name === "Security")!.props.tags["edf:workload"], "false");
        });

        it("creates each account in its OU, protected, retained on delete, never closed, create-only settings ignored", () => {
            const accounts = ofType(result.resources, "aws:organizations/account:Account");
            assert.equal(accounts.length, 4);
            const ous = ofType(result.resources, "aws:organizations/organizationalUnit:OrganizationalUnit");
            const prod = accounts.find((a) => a.props.email === "aws+prod@example.com")!;
            assert.equal(prod.props.parentId, ous.find((o) => o.props.name === "Prod")!.id);
            for (const account of accounts) {
                assert.ok(account.options?.protect && retained(account), account.name);
                assert.equal(account.props.closeOnDeletion, false);
                assert.deepEqual([...(account.options?.ignoreChanges ?? [])].sort(), [
                    "email",
                    "iamUserAccessToBilling",
                    "name",
                    "roleName",
                ]);
                assert.equal(account.importId, undefined, "created, not adopted");
            }
        });

        it("registers each guardrail as its own SCP and attaches four at the root and the baseline on every top-level OU", () => {
            const scps = ofType(result.resources, "aws:organizations/policy:Policy").filter(
                (p) => p.props.type === "SERVICE_CONTROL_POLICY",
            );
            assert.deepEqual(scps.map((p) => p.props.tags["edf:guardrail"]).sort(), [...GUARDRAIL_IDS].sort());
            for (const scp of scps) assert.ok((scp.props.content as string).length <= 5120, `${scp.name} fits an SCP`);
            const attachments = ofType(result.resources, "aws:organizations/policyAttachment:PolicyAttachment");
            const toRoot = attachments.filter((a) => a.props.targetId === rootId(result.resources));
            assert.equal(toRoot.length, 5, "four guardrails and the tag policy at the root");
            // Five top-level OUs with three OU guardrails each, and deny-iam-users on Workloads (Prod and NonProd inherit).
            assert.equal(attachments.length - toRoot.length, 5 * 3 + 1);
            const tagPolicy = single(
                ofType(result.resources, "aws:organizations/policy:Policy").filter((p) => p.props.type === "TAG_POLICY"),
                "aws:organizations/policy:Policy",
            );
            assert.deepEqual(Object.keys(JSON.parse(tagPolicy.props.content as string).tags), [
                "owner",
                "environment",
                "data-classification",
                "pci-scope",
            ]);
        });

        it("delegates GuardDuty, Security Hub, Inspector, Config and Access Analyzer to the audit account", () => {
            const audit = ofType(result.resources, "aws:organizations/account:Account").find(
                (a) => a.props.email === "aws+audit@example.com",
            )!;
            assert.equal(
                single(result.resources, "aws:guardduty/organizationAdminAccount:OrganizationAdminAccount").props.adminAccountId,
                audit.id,
            );
            assert.equal(
                single(result.resources, "aws:securityhub/organizationAdminAccount:OrganizationAdminAccount").props.adminAccountId,
                audit.id,
            );
            assert.equal(single(result.resources, "aws:inspector2/delegatedAdminAccount:DelegatedAdminAccount").props.accountId, audit.id);
            const delegated = ofType(result.resources, "aws:organizations/delegatedAdministrator:DelegatedAdministrator");
            assert.deepEqual(delegated.map((d) => d.props.servicePrincipal).sort(), [
                "access-analyzer.amazonaws.com",
                "config.amazonaws.com",
            ]);
        });

        it("creates a deployment role in each member account, trusted only by the CI principal with the external id, for an hour", () => {
            const providers = ofType(result.resources, "pulumi:providers:aws");
            assert.equal(providers.length, 4);
            for (const provider of providers) {
                const [assume] = JSON.parse(provider.props.assumeRoles as string) as { roleArn: string }[];
                assert.match(assume!.roleArn, /:role\/OrganizationAccountAccessRole$/);
            }
            const roles = ofType(result.resources, "aws:iam/role:Role");
            assert.equal(roles.length, 4);
            for (const role of roles) {
                assert.equal(role.props.name, "edf-deployment");
                assert.equal(role.props.maxSessionDuration, 3600);
                assert.ok(role.provider, "created through the member account's provider");
                const trust = JSON.parse(role.props.assumeRolePolicy.value ?? role.props.assumeRolePolicy);
                assert.deepEqual(trust.Statement, [
                    {
                        Sid: "PipelineWithExternalId",
                        Effect: "Allow",
                        Principal: { AWS: "arn:aws:iam::123456789012:role/edf-ci" },
                        Action: "sts:AssumeRole",
                        Condition: { StringEquals: { "sts:ExternalId": EXTERNAL_ID } },
                    },
                ]);
            }
        });

        it("publishes the organization part of the contract (1.1)", () => {
            assert.deepEqual(contractProblems("organization", result.outputs), []);
            assert.equal(result.outputs!.contractVersion, "1.1");
            assert.deepEqual(Object.keys(result.outputs!.organizationalUnitIds).sort(), [
                "Infrastructure",
                "Sandbox",
                "Security",
                "Suspended",
                "Workloads",
                "Workloads/NonProd",
                "Workloads/Prod",
            ]);
            assert.deepEqual(Object.keys(result.outputs!.accountIds).sort(), ["audit", "dev", "logArchive", "prod"]);
        });
    });

    it("builds a small configuration: two OUs, the two core accounts, the regions and roles it is given", async () => {
        const result = await run(
            defaultConfig({
                organizationalUnits: [{ name: "Core" }, { name: "Apps", workload: true }],
                accounts: { logArchive: { email: "a@example.com", ou: "Core" }, audit: { email: "b@example.com", ou: "Core" } },
                allowedRegions: ["eu-west-1"],
                deployment: { trustedPrincipalArn: "arn:aws:iam::123456789012:role/ci", roleName: "pipeline", maxSessionSeconds: 7200 },
            }),
        );
        assert.equal(result.error, undefined, result.error?.message);
        assert.equal(ofType(result.resources, "aws:organizations/organizationalUnit:OrganizationalUnit").length, 2);
        assert.equal(ofType(result.resources, "aws:organizations/account:Account").length, 2);
        const regions = ofType(result.resources, "aws:organizations/policy:Policy").find(
            (p) => p.props.tags["edf:guardrail"] === "deny-regions-outside-allow-list",
        )!;
        assert.deepEqual(JSON.parse(regions.props.content).Statement[0].Condition, {
            StringNotEquals: { "aws:RequestedRegion": ["eu-west-1"] },
        });
        for (const role of ofType(result.resources, "aws:iam/role:Role")) {
            assert.equal(role.props.name, "pipeline");
            assert.equal(role.props.maxSessionDuration, 7200);
        }
    });

    it("adopts an existing organisation, OU and accounts by id instead of creating them", async () => {
        const result = await run(
            defaultConfig({
                organizationId: "o-abcdef1234",
                organizationalUnits: [
                    { name: "Security", id: "ou-ab12-cd34ef56" },
                    { name: "Workloads", workload: true },
                ],
                accounts: {
                    logArchive: { email: "a@example.com", ou: "Security", id: "333333333333" },
                    audit: { email: "b@example.com", ou: "Security", id: "444444444444" },
                    dev: { email: "c@example.com", ou: "Workloads" },
                },
            }),
        );
        assert.equal(result.error, undefined, result.error?.message);
        assert.equal(single(result.resources, "aws:organizations/organization:Organization").importId, "o-abcdef1234");
        const ous = ofType(result.resources, "aws:organizations/organizationalUnit:OrganizationalUnit");
        assert.equal(ous.find((o) => o.props.name === "Security")!.importId, "ou-ab12-cd34ef56");
        assert.equal(ous.find((o) => o.props.name === "Workloads")!.importId, undefined);
        const accounts = ofType(result.resources, "aws:organizations/account:Account");
        assert.deepEqual(accounts.map((a) => a.importId ?? "created").sort(), ["333333333333", "444444444444", "created"]);
        assert.equal(result.outputs!.logArchiveAccountId, "333333333333");
        assert.equal(result.outputs!.auditAccountId, "444444444444");
    });

    it("refuses bad config before registering anything, naming every problem at once", async () => {
        const result = await run(
            defaultConfig({
                organizationalUnits: [{ name: "A", parent: "B" }, { name: "B", parent: "A" }, { name: "Security" }],
                allowedRegions: ["eu-central-1"],
                accounts: {
                    logArchive: { email: "not-an-email", ou: "Security" },
                    audit: { email: "same@example.com", ou: "Security" },
                    dev: { email: "SAME@example.com", ou: "Security" },
                },
            }),
            {},
        );
        assert.ok(result.error instanceof UnitConfigError, String(result.error));
        assert.deepEqual(result.resources, []);
        const message = result.error.message;
        assert.match(message, /`organizationalUnits` has a cycle of parents: A → B → A/);
        assert.match(message, /`accounts\.logArchive`\.email is `not-an-email`: give the account's root email address/);
        assert.match(message, /`accounts\.dev`\.email is also the email of `accounts\.audit`/);
        assert.match(message, /`allowedRegions` does not include the home region `eu-west-1`/);
        assert.match(message, /input `deploymentExternalId` is missing/);
        assert.ok(!message.includes(EXTERNAL_ID));
    });

    it("refuses a tree that would attach more SCPs to an OU than AWS Organizations allows", async () => {
        const result = await run(
            defaultConfig({
                organizationalUnits: [
                    { name: "Security", guardrails: [...GUARDRAIL_IDS] },
                    { name: "Prod", workload: true },
                    { name: "NonProd" },
                ],
            }),
        );
        assert.ok(result.error instanceof UnitConfigError);
        assert.match(
            result.error.message,
            /OU `Security` would carry 8 guardrails, but AWS Organizations attaches at most 5 SCPs to a target/,
        );
        assert.deepEqual(result.resources, []);
    });
});

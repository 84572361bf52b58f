import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import { EXIT_CODES } from "../../../../automation/errors";
import { PROJECT_ROOT } from "../../../support/toolchain";
import { CliRun, edfSynth, golden, normalise } from "./support";

// The three-environment estate through the real `edf` executable: environments/organization.yaml
// (the management account's stacks and the log-archive and audit accounts'), then dev and prod,
// each stack evaluated as the account it targets. A deliberately broken organisation
// (test/fixtures/units/broken-organization) must be caught by the organisation policies.
const DAY = ["--date", "2026-11-27"];

function edfGraph(env: string): {
    code: number;
    json: { accounts: { account: string; stacks: { unit: string; role: string | null }[] }[] };
    mermaid: string;
} {
    const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "automation", "cli", "bin.js"), "--json", "graph", "--env", env], {
        cwd: PROJECT_ROOT,
        encoding: "utf8",
    });
    const json = JSON.parse(result.stdout) as {
        accounts: { account: string; stacks: { unit: string; role: string | null }[] }[];
        mermaid: string;
    };
    return { code: result.status ?? -1, json, mermaid: json.mermaid };
}

describe("edf synth of the three-environment estate", function () {
    this.timeout(600_000);
    let organization: CliRun;
    let broken: CliRun;
    before(() => {
        organization = edfSynth(["--env", "organization", ...DAY]);
        broken = edfSynth(["--env", "test/fixtures/synth/broken-organization.yaml", ...DAY]);
    });

    it("synthesizes and inspects the organisation's four stacks and passes", () => {
        assert.equal(organization.code, EXIT_CODES.ok, organization.stderr + organization.stdout);
        const report = organization.report();
        assert.deepEqual(report.graph.units, ["organization", "log-archive", "audit", "organization-trail"]);
        assert.ok(report.stacks.every((s) => s.status === "passed"));
        assert.match(organization.stdout, /^synth organization: passed — 4 stack\(s\)/m);
    });

    it("evaluates each stack as the account it targets: ids, ARNs and invokes answer for that account", () => {
        const stacks = Object.fromEntries(organization.report().stacks.map((s) => [s.unit, s]));
        assert.deepEqual(Object.fromEntries(Object.entries(stacks).map(([unit, s]) => [unit, [s.account, s.assumeRole ?? null]])), {
            organization: ["999999999999", null],
            "log-archive": ["333333333333", "arn:aws:iam::333333333333:role/edf-deployment"],
            audit: ["444444444444", "arn:aws:iam::444444444444:role/edf-deployment"],
            "organization-trail": ["999999999999", null],
        });
        assert.match(String(stacks["log-archive"]!.outputs.logArchiveKmsKeyArn), /^arn:aws:kms:eu-west-1:333333333333:key\//);
        assert.equal(stacks.organization!.outputs.managementAccountId, "999999999999");
        const provider = stacks["log-archive"]!.resources.find((r) => r.type === "pulumi:providers:aws")!;
        assert.deepEqual(provider.props.allowedAccountIds, '["333333333333"]');
        assert.deepEqual(
            provider.props.assumeRoles,
            [
                {
                    roleArn: "arn:aws:iam::333333333333:role/edf-deployment",
                    sessionName: "edf-organization-log-archive",
                    duration: "3600s",
                    externalId: "[secret]",
                },
            ],
            "the role is named, the external id never reaches a report",
        );
        // The deployment role each member account gets is created there, through that account's provider.
        const roles = stacks.organization!.resources.filter((r) => r.type === "aws:iam/role:Role");
        assert.deepEqual(roles.map((r) => String(r.props.arn ?? r.id)).length, 5);
        const sandbox = stacks.organization!.resources.find((r) => r.name === "organization-account-sandbox")!;
        assert.match(String(sandbox.id), /^\d{12}$/, "a created account gets an id of its own");
    });

    it("says which stacks exist in which account in edf graph", () => {
        const graph = edfGraph("organization");
        assert.equal(graph.code, EXIT_CODES.ok);
        assert.deepEqual(graph.json.accounts, [
            {
                account: "999999999999",
                stacks: [
                    { unit: "organization", role: null },
                    { unit: "organization-trail", role: null },
                ],
            },
            { account: "333333333333", stacks: [{ unit: "log-archive", role: "arn:aws:iam::333333333333:role/edf-deployment" }] },
            { account: "444444444444", stacks: [{ unit: "audit", role: "arn:aws:iam::444444444444:role/edf-deployment" }] },
        ]);
        assert.match(graph.mermaid, /subgraph account_333333333333\["account 333333333333"\]/);
        const dev = edfGraph("dev");
        assert.deepEqual(
            dev.json.accounts.map((a) => [a.account, a.stacks.length]),
            [["111111111111", 5]],
        );
    });

    it("catches a broken organisation: an SCP detached, an account in the root, a NotAction allow, no delegated administrators", () => {
        assert.equal(broken.code, EXIT_CODES.policyViolation, broken.stderr + broken.stdout);
        const findings = broken.report().stacks[0]!.findings.filter((f) => f.level === "mandatory" && !f.waivedBy);
        const byPolicy = (id: string) => findings.filter((f) => f.policyId === id).map((f) => f.message);
        assert.ok(byPolicy("organization-workload-ous-guardrails-attached").some((m) => m.includes("`deny-security-services-changes`")));
        assert.deepEqual(byPolicy("organization-accounts-in-organizational-units"), [
            "Account `stray` must sit in an organisational unit, not directly under the root: set `parentId` to an OU.",
        ]);
        assert.equal(byPolicy("organization-scp-no-allow-bypass").length, 1);
        assert.equal(byPolicy("organization-delegated-administrators-set").length, 5);
        // Each finding's policy evidences PCI DSS requirements (policy-packs/frameworks/pci-dss-4.0.1.yaml).
        const pci = broken.report().frameworks.find((fw) => fw.id === "pci-dss-4.0.1");
        assert.ok(pci, "the organisation's spec chooses PCI DSS");
        const mapped = new Set(pci.controls.flatMap((c) => c.policies));
        for (const f of findings) assert.ok(mapped.has(f.policyId), `${f.policyId} is mapped to PCI DSS requirements`);
    });

    it("matches the golden report (normalised) of the organisation", () => {
        const { expected, actual } = golden("organization.json", normalise(organization.report()));
        assert.deepEqual(actual, expected, "organization.json changed: if intended, rerun with EDF_UPDATE_GOLDEN=1 and review the diff");
    });
});

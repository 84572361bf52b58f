import * as assert from "assert";
import * as path from "path";
import { inspect } from "../../../../policy-packs/lib/inspect";
import { globMatch, loadWaiverFiles, parseWaivers, waiverPolicyProblems } from "../../../../policy-packs/lib/waivers";
import { pipelinePolicies } from "../../../../policy-packs/pipeline/policy-list";
import { changeProps, compliantEstate, ESTATE_CONFIG } from "../../../fixtures/policy/estate";

const dir = path.join(__dirname, "../../../fixtures/policy/waivers");
const DAY = new Date("2026-11-27T00:00:00Z");
const broken = () => {
    let e = changeProps(compliantEstate(), "aws:ebs/volume:Volume", "scratch", (p) => ({ ...p, encrypted: false }));
    e = changeProps(e, "aws:sqs/queue:Queue", "jobs", (p) => ({
        ...p,
        kmsMasterKeyId: undefined,
        tags: { "data-classification": "public" },
    }));
    return changeProps(e, "aws:rds/instance:Instance", "db", (p) => ({ ...p, storageEncrypted: false }));
};

describe("waivers as code", () => {
    const waivers = loadWaiverFiles([path.join(dir, "valid.yaml")], pipelinePolicies);

    it("suppresses a finding matched by an active waiver and reports the waiver applied", async () => {
        const r = await inspect({
            policies: pipelinePolicies,
            resources: broken(),
            environment: "prod",
            config: ESTATE_CONFIG,
            waivers,
            now: DAY,
        });
        const ebs = r.findings.find((f) => f.policyId === "ebs-volume-encrypted");
        assert.strictEqual(ebs?.waivedBy?.id, "W-2026-001");
        assert.deepStrictEqual(
            r.waivers.applied.map((w) => [w.id, w.policyId]),
            [["W-2026-001", "ebs-volume-encrypted"]],
        );
    });

    it("turns an expired waiver into a mandatory finding and does not apply it", async () => {
        const r = await inspect({
            policies: pipelinePolicies,
            resources: broken(),
            environment: "prod",
            config: ESTATE_CONFIG,
            waivers,
            now: DAY,
        });
        const sqs = r.findings.filter((f) => f.policyId === "sqs-queue-encrypted");
        assert.deepStrictEqual(sqs.map((f) => [f.kind, f.level, f.waivedBy === undefined]).sort(), [
            ["violation", "mandatory", true],
            ["waiver-expired", "mandatory", true],
        ]);
        assert.match(sqs.find((f) => f.kind === "waiver-expired")?.message ?? "", /Waiver `W-2026-002` .* expired on 2026-10-31/);
        assert.deepStrictEqual(
            r.waivers.expired.map((w) => w.id),
            ["W-2026-002"],
        );
    });

    it("rejects a waiver for a non-waivable policy, keeping the violation blocking", async () => {
        const r = await inspect({
            policies: pipelinePolicies,
            resources: broken(),
            environment: "prod",
            config: ESTATE_CONFIG,
            waivers,
            now: DAY,
        });
        const rds = r.findings.filter((f) => f.policyId === "rds-storage-encrypted");
        assert.deepStrictEqual(rds.map((f) => f.kind).sort(), ["violation", "waiver-rejected"]);
        assert.ok(rds.every((f) => !f.waivedBy && f.level === "mandatory"));
        assert.strictEqual(r.summary.passed, false);
    });

    it("reports a malformed waiver file with every problem, naming the file, path and fix", () => {
        assert.throws(
            () => loadWaiverFiles([path.join(dir, "malformed.yaml")], pipelinePolicies),
            (e: Error) => {
                assert.match(e.message, /malformed\.yaml: `waivers\.0` must have required property 'ticket'/);
                assert.match(
                    e.message,
                    /`waivers\.0\.reason` must NOT have fewer than 20 characters \(say why in at least 20 characters\)/,
                );
                assert.match(e.message, /`waivers\.0\.expires` must match pattern .*\(use a YYYY-MM-DD date\)/);
                assert.match(e.message, /`waivers\.0\.selector` must NOT have fewer than 1 properties/);
                assert.match(e.message, /must NOT have additional properties `colour`/);
                return true;
            },
        );
    });

    it("rejects waivers for policies the pack does not have", () => {
        assert.throws(
            () => loadWaiverFiles([path.join(dir, "unknown-policy.json")], pipelinePolicies),
            /`waivers\.0\.policy` `s3-bucket-encryptd` is not a policy of this pack/,
        );
    });

    it("rejects unparseable YAML and missing files clearly", () => {
        assert.throws(() => loadWaiverFiles([path.join(dir, "broken.yaml")], pipelinePolicies), /broken\.yaml: not valid YAML/);
        assert.throws(
            () => loadWaiverFiles([path.join(dir, "absent.yaml")], pipelinePolicies),
            /absent\.yaml: cannot read the waiver file \(ENOENT\)/,
        );
    });

    it("records where each waiver is, for messages about it", () => {
        assert.deepStrictEqual(
            waivers.map((w) => [w.id, w.line]),
            [
                ["W-2026-001", 2],
                ["W-2026-002", 10],
                ["W-2026-003", 19],
            ],
        );
    });

    describe("approvals and lifetimes", () => {
        const one = (extra: string): string =>
            "waivers:\n  - id: W-9\n    policy: ebs-volume-encrypted\n    selector: { type: aws:ebs/volume:Volume }\n" +
            "    reason: Scratch volumes hold only public build caches.\n    owner: team-platform\n    ticket: SEC-9\n" +
            `    expires: "2027-02-28"\n${extra}`;

        it("reads the approver and the approval day", () => {
            const [w] = parseWaivers(one('    approver: security-lead\n    approved: "2026-12-01"\n'), "w.yaml", pipelinePolicies);
            assert.deepStrictEqual([w!.approver, w!.approved, w!.line], ["security-lead", "2026-12-01", 2]);
        });

        it("refuses an approval day after the expiry, or one that is not a day", () => {
            assert.throws(
                () => parseWaivers(one('    approved: "2027-03-01"\n'), "w.yaml", pipelinePolicies),
                /`waivers\.0\.approved` \(2027-03-01\) is after `expires`/,
            );
            assert.throws(
                () => parseWaivers(one("    approved: last week\n"), "w.yaml", pipelinePolicies),
                /`waivers\.0\.approved` must match pattern/,
            );
        });

        it("checks a waiver policy: lifetime from the approval day (else the decision day), approver not the owner", () => {
            const [w] = parseWaivers(one('    approver: team-platform\n    approved: "2026-10-01"\n'), "w.yaml", pipelinePolicies);
            assert.deepStrictEqual(
                waiverPolicyProblems([w!], { maxDays: 90, requireApprover: true }, "2026-12-05").map((p) => [p.field, p.message]),
                [
                    ["approver", "waiver `W-9` is approved by its own owner (`team-platform`)"],
                    ["expires", "waiver `W-9` runs 150 days (approved 2026-10-01 to 2027-02-28), longer than this environment's 90"],
                ],
            );
            const [unapproved] = parseWaivers(one(""), "w.yaml", pipelinePolicies);
            assert.deepStrictEqual(waiverPolicyProblems([unapproved!], { maxDays: 90 }, "2026-12-05"), []);
            assert.strictEqual(waiverPolicyProblems([unapproved!], { maxDays: 60 }, "2026-12-05")[0]?.field, "expires");
        });
    });

    it("matches URN globs across `/` and `::`", () => {
        assert.ok(globMatch("urn:pulumi:prod::*::aws:s3/*", "urn:pulumi:prod::edf::aws:s3/bucket:Bucket::logs"));
        assert.ok(!globMatch("urn:pulumi:dev::*", "urn:pulumi:prod::edf::x::y"));
    });
});

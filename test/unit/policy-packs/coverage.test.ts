import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import {
    COVERAGE_JSON_PATH,
    COVERAGE_MARKDOWN_PATH,
    coverageInput,
    CoverageInput,
    currentCoverage,
    judge,
    totals,
} from "../../../policy-packs/scripts/policy-coverage";

// docs/policy-coverage.{md,json} are generated from the policies' `peerChecks` and the data in
// policy-packs/coverage/; these tests keep them current and the data consistent.
const REGENERATE = "run: npm run docs:coverage";

describe("the policy coverage documents", () => {
    const input = coverageInput();

    it("docs/policy-coverage.md is up to date with the policies and the coverage data", () => {
        assert.strictEqual(fs.readFileSync(COVERAGE_MARKDOWN_PATH, "utf8"), currentCoverage(input).markdown, REGENERATE);
    });

    it("docs/policy-coverage.json is up to date with the policies and the coverage data", () => {
        assert.strictEqual(fs.readFileSync(COVERAGE_JSON_PATH, "utf8"), currentCoverage(input).json, REGENERATE);
    });

    it("rests on data that agree: every peer check named exists, and every uncovered check says why", () => {
        assert.deepStrictEqual(judge(input).problems, []);
    });

    it("keeps the repository's copy of the peers' checks equal to the shared anchor, when the anchor is beside the checkout", function () {
        const anchor = path.join(__dirname, "..", "..", "..", "..", "shared", "anchors", "peer-checks.json");
        if (!fs.existsSync(anchor)) this.skip(); // a clean clone has only the copy: nothing to compare
        const shared = JSON.parse(fs.readFileSync(anchor, "utf8")) as {
            checks: { peer: string; id: string; title: string; service: string }[];
        };
        assert.deepStrictEqual(
            input.peers.checks.map((c) => [c.peer, c.id, c.title, c.service]),
            shared.checks.map((c) => [c.peer, c.id, c.title, c.service]),
        );
    });

    describe("the accounting", () => {
        const tiny = (over: Partial<CoverageInput> = {}): CoverageInput => ({
            peers: {
                copiedFrom: "test",
                copied: "2026-12-05",
                sources: { checkov: { repo: "r", commit: "c d", where: "w" } },
                checks: ["CKV_AWS_1", "CKV_AWS_2", "CKV_AWS_3", "CKV_AWS_4"].map((id) => ({
                    peer: "checkov",
                    id,
                    service: "S3",
                    family: "f",
                    title: `check ${id}`,
                })),
            },
            notApplicable: [{ id: "CKV_AWS_4", peer: "checkov", reason: "No Pulumi AWS resource has this setting at all." }],
            notCovered: [{ id: "CKV_AWS_3", peer: "checkov", reason: "A resilience choice left to each service's owner." }],
            policies: [
                { id: "a", peerChecks: { full: ["CKV_AWS_1"], partial: ["CKV_AWS_2"] } },
                { id: "b", peerChecks: { partial: ["CKV_AWS_1"] } },
            ],
            ...over,
        });

        it("counts a check full when one policy covers it fully, partial when only partly, and leaves out what cannot apply", () => {
            const { judged, problems } = judge(tiny());
            assert.deepStrictEqual(problems, []);
            assert.deepStrictEqual(totals(judged).checkov, { checks: 4, applicable: 3, full: 1, partial: 1 });
        });

        it("refuses an uncovered check without a reason, a stale reason, an unknown id and a check both excluded and claimed", () => {
            const { problems } = judge(
                tiny({
                    notCovered: [{ id: "CKV_AWS_2", peer: "checkov", reason: "A resilience choice left to each service's owner." }],
                    notApplicable: [{ id: "CKV_AWS_1", peer: "checkov", reason: "No Pulumi AWS resource has this setting at all." }],
                    policies: [{ id: "a", peerChecks: { full: ["CKV_AWS_1", "CKV_AWS_9"], partial: ["CKV_AWS_2"] } }],
                }),
            );
            assert.deepStrictEqual(
                problems.map((p) => p.split(":")[0]),
                [
                    "policy `a`",
                    "`CKV_AWS_1` is judged not applicable, yet a cover(s) it",
                    "policy-packs/coverage/not-covered.json",
                    "`CKV_AWS_3` (checkov, S3) is neither covered nor judged",
                    "`CKV_AWS_4` (checkov, S3) is neither covered nor judged",
                ],
            );
        });
    });
});

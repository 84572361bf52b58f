import { strict as assert } from "assert";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EdfError } from "../../../../automation/errors";
import { affectedUnits, AffectedReport } from "../../../../automation/fingerprint/affected";
import { PROJECT_ROOT } from "../../../support/toolchain";
import { GitProject } from "./git-project";

// `edf affected` against a real git repository the test builds: a copy of the example estate,
// then one commit per kind of change. Each pair of commits must give exactly the expected units,
// in dependency order, with the expected reasons.

const LEDGER_WAIVER = `  - id: W-LEDGER-001
    policy: sqs-queue-encrypted
    selector: { urn: "urn:pulumi:prod.ledger-worker::*" }
    reason: The ledger queue carries only public reference data while the KMS migration lands.
    owner: team-ledger
    ticket: LEDGER-7
    approver: security-lead
    approved: "2026-12-01"
    expires: "2027-02-28"
`;

describe("edf affected on a real git repository", function () {
    this.timeout(300_000);
    let repo: GitProject;
    let memoFile: string;
    const commits: Record<string, string> = {};

    const affected = (env: string, base: string, head?: string): AffectedReport =>
        affectedUnits({ env, projectRoot: repo.root, base, ...(head ? { head } : {}), memoFile });
    // The CLI keeps what it learns about imports beside the test's memo; TypeScript comes from the project's transpile cache.
    const cliEnv = (): NodeJS.ProcessEnv => ({
        ...process.env,
        EDF_HOME: path.dirname(memoFile),
        EDF_TS_CACHE: path.join(PROJECT_ROOT, ".edf", "cache", "ts"),
    });
    const units = (report: AffectedReport): string[] => report.units.map((u) => u.unit);
    const reasons = (report: AffectedReport, unit: string): string[] =>
        report.units.find((u) => u.unit === unit)!.reasons.map((r) => r.text);

    before(() => {
        repo = GitProject.create();
        memoFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "edf-memo-")), "sources.json");
        commits.initial = repo.git("rev-parse", "HEAD");
        commits.service = repo.change("payments-api: a new comment in its program", {
            "services/payments-api/program.ts": (t) => `${t}\n// The payments API, reviewed.\n`,
        });
        commits.sdk = repo.change("service SDK: queue documentation", {
            "services/sdk/queue.ts": (t) => `${t}\n// Queues of the service SDK.\n`,
        });
        commits.spec = repo.change("prod: two availability zones", {
            "environments/prod.yaml": (t) => t.replace("azCount: 3", "azCount: 2"),
        });
        commits.waiver = repo.change("prod: a waiver for the ledger worker", {
            "environments/waivers/prod.yaml": (t) => `${t}${LEDGER_WAIVER}`,
        });
        commits.pack = repo.change("pipeline pack: one policy's comment", {
            "policy-packs/pipeline/policies/acm-certificate-no-wildcard.ts": (t) => `${t}\n// Reviewed.\n`,
        });
        commits.readme = repo.change("README: a line", { "README.md": (t) => `${t}\nA line for the test.\n` });
        commits.role = repo.change("prod: another deployment role", {
            "environments/prod.yaml": (t) => t.replace("roleName: edf-deployment", "roleName: edf-deployment-v2"),
        });
    });

    after(() => repo?.remove());

    it("finds only the service whose program changed", () => {
        const report = affected("prod", commits.initial!, commits.service);
        assert.deepEqual(units(report), ["payments-api"]);
        assert.deepEqual(reasons(report, "payments-api"), ["source `services/payments-api/program.ts` changed"]);
        assert.deepEqual(report.unaffected, ["security", "network", "shared-services", "ledger-worker"]);
        assert.deepEqual(report.levels, [["payments-api"]]);
    });

    it("finds every service that imports a changed shared SDK file, and no platform unit", () => {
        const report = affected("prod", commits.service!, commits.sdk);
        assert.deepEqual(units(report), ["payments-api", "ledger-worker"]);
        for (const unit of ["payments-api", "ledger-worker"]) {
            assert.deepEqual(reasons(report, unit), ["source `services/sdk/queue.ts` changed"]);
        }
    });

    it("finds the unit whose spec entry changed and everything downstream of it, saying which upstream", () => {
        const report = affected("prod", commits.sdk!, commits.spec);
        assert.deepEqual(units(report), ["network", "shared-services", "payments-api", "ledger-worker"]);
        assert.deepEqual(reasons(report, "network"), ["spec `/units/network/config/azCount` changed"]);
        assert.deepEqual(reasons(report, "shared-services"), ["upstream unit `network` is affected"]);
        assert.deepEqual(reasons(report, "payments-api"), [
            "upstream unit `network` is affected",
            "upstream unit `shared-services` is affected",
        ]);
        assert.deepEqual(report.levels, [["network"], ["shared-services"], ["payments-api", "ledger-worker"]]);
        // The dev spec did not change.
        assert.deepEqual(units(affected("dev", commits.sdk!, commits.spec)), []);
    });

    it("finds only the stack a URN-scoped waiver can match, in its environment alone", () => {
        const report = affected("prod", commits.spec!, commits.waiver);
        assert.deepEqual(units(report), ["ledger-worker"]);
        assert.deepEqual(reasons(report, "ledger-worker"), ["waiver `W-LEDGER-001` (environments/waivers/prod.yaml) added"]);
        assert.deepEqual(units(affected("dev", commits.spec!, commits.waiver)), []);
    });

    it("finds every stack of every environment when the policy pack changed", () => {
        for (const env of ["dev", "prod"]) {
            const report = affected(env, commits.waiver!, commits.pack);
            assert.deepEqual(units(report), ["security", "network", "shared-services", "payments-api", "ledger-worker"], env);
            for (const unit of report.units) {
                assert.ok(
                    unit.reasons.some(
                        (r) => r.text === "policy pack source `policy-packs/pipeline/policies/acm-certificate-no-wildcard.ts` changed",
                    ),
                    `${env} ${unit.unit}: ${unit.reasons.map((r) => r.text).join("; ")}`,
                );
            }
        }
    });

    it("finds nothing when only the README changed", () => {
        const report = affected("prod", commits.pack!, commits.readme);
        assert.deepEqual(units(report), []);
        assert.deepEqual(report.levels, []);
    });

    it("finds every stack of the environment when the role its stacks assume changed", () => {
        const report = affected("prod", commits.readme!, commits.role);
        assert.deepEqual(units(report), ["security", "network", "shared-services", "payments-api", "ledger-worker"]);
        assert.ok(
            reasons(report, "network").includes("shared setting `/assumeRole/roleName` changed"),
            reasons(report, "network").join("\n"),
        );
        assert.deepEqual(units(affected("dev", commits.readme!, commits.role)), []);
    });

    it("adds up the reasons of several commits, and compares against the working tree without --head", () => {
        const report = affected("prod", commits.initial!, commits.readme);
        assert.deepEqual(units(report), ["security", "network", "shared-services", "payments-api", "ledger-worker"]);
        assert.ok(reasons(report, "payments-api").includes("source `services/payments-api/program.ts` changed"));
        assert.ok(reasons(report, "ledger-worker").includes("waiver `W-LEDGER-001` (environments/waivers/prod.yaml) added"));
        assert.ok(!reasons(report, "payments-api").some((r) => r.startsWith("waiver")), "the ledger waiver cannot match payments-api");
        // An uncommitted edit counts when no --head is given.
        fs.appendFileSync(path.join(repo.root, "services/ledger-worker/program.ts"), "\n// Not committed yet.\n");
        try {
            const working = affected("prod", commits.role!);
            assert.deepEqual(working.head, { ref: "working tree" });
            assert.deepEqual(units(working), ["ledger-worker"]);
        } finally {
            repo.git("checkout", "--", "services/ledger-worker/program.ts");
        }
    });

    it("prints only unit names on stdout, in order, so `--only $(edf affected …)` works", () => {
        const run = spawnSync(
            process.execPath,
            [
                path.join(PROJECT_ROOT, "automation/cli/bin.js"),
                "--project",
                repo.root,
                "affected",
                "--env",
                "prod",
                "--base",
                commits.sdk!,
                "--head",
                commits.spec!,
            ],
            { encoding: "utf8", env: cliEnv() },
        );
        assert.equal(run.status, 0, run.stderr);
        assert.equal(run.stdout, "network\nshared-services\npayments-api\nledger-worker\n");
        assert.match(run.stderr, /spec `\/units\/network\/config\/azCount` changed/);
        const none = spawnSync(
            process.execPath,
            [
                path.join(PROJECT_ROOT, "automation/cli/bin.js"),
                "--project",
                repo.root,
                "affected",
                "--env",
                "prod",
                "--base",
                commits.pack!,
                "--head",
                commits.readme!,
            ],
            { encoding: "utf8", env: cliEnv() },
        );
        assert.equal(none.status, 0, none.stderr);
        assert.equal(none.stdout, "", "nothing affected prints nothing");
    });

    it("names the unknown ref", () => {
        assert.throws(
            () => affected("prod", "no-such-branch"),
            (e: unknown) => e instanceof EdfError && e.code === "EDF_GIT" && e.exitCode === 3 && /no-such-branch/.test(e.message),
        );
    });

    describe("in a shallow clone", () => {
        let shallow: string;
        before(() => {
            shallow = fs.mkdtempSync(path.join(os.tmpdir(), "edf-shallow-"));
            execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo.root}`, shallow]);
        });
        after(() => fs.rmSync(shallow, { recursive: true, force: true }));

        it("names the missing commit and how to fetch it", () => {
            assert.throws(
                () => affectedUnits({ env: "prod", projectRoot: shallow, base: commits.initial! }),
                (e: unknown) => {
                    assert.ok(e instanceof EdfError);
                    assert.equal(e.code, "EDF_GIT_SHALLOW");
                    assert.equal(e.exitCode, 3);
                    assert.match(e.message, new RegExp(`${commits.initial}.*not in this clone: it is shallow \\(1 commit\\(s\\)`));
                    assert.match(e.problems[0]!.fix!, new RegExp(`git fetch --depth=1 origin ${commits.initial}`));
                    return true;
                },
            );
        });

        it("names the fetch depth a relative ref needs", () => {
            assert.throws(
                () => affectedUnits({ env: "prod", projectRoot: shallow, base: "HEAD~3" }),
                (e: unknown) =>
                    e instanceof EdfError &&
                    e.code === "EDF_GIT_SHALLOW" &&
                    /at least 4 commits.*--deepen=3.*fetch-depth: 4/.test(e.problems[0]!.fix!),
            );
        });
    });
});

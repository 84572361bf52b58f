import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { frameworkReferenceProblems, readFrameworkFiles } from "../../../../policy-packs/lib/framework-files";
import { coverageOf } from "../../../../policy-packs/lib/frameworks";
import { pipelinePolicies } from "../../../../policy-packs/pipeline/policy-list";
import { runtimePolicies } from "../../../../policy-packs/runtime/policy-list";

// The compliance frameworks are mapping files over policy ids (policy-packs/frameworks/*.yaml):
// these tests hold them to the packs — every id they name exists, every policy evidences at least
// one control of some framework — and show that a broken mapping fails, naming file and line.
const POLICY_IDS = [...pipelinePolicies, ...runtimePolicies].map((p) => p.id);

const MAPPING = `framework: test-framework-1.0
name: Test Framework
version: "1.0"
source: https://example.org/test-framework
published: "2026-01-01"
mapped: "2026-12-05"
scope: Everything a test needs.
controls:
  - id: "1.1"
    title: Buckets are private.
    policies:
      - s3-bucket-public-access-blocked
  - id: "1.2"
    title: The root user has MFA.
    notApplicable: Not a resource a program declares.
`;

describe("the framework mapping files", () => {
    const { files, problems } = readFrameworkFiles();

    it("are well formed", () => {
        assert.deepStrictEqual(problems, []);
    });

    it("map PCI DSS 4.0.1, NIST SP 800-53 Rev. 5 and the CIS AWS Foundations Benchmark 3.0, each with its source and dates", () => {
        assert.deepStrictEqual(
            files.map((f) => [f.mapping.id, f.mapping.name, f.mapping.version]),
            [
                ["cis-aws-3.0", "CIS AWS Foundations Benchmark", "3.0.0"],
                ["nist-800-53-r5", "NIST SP 800-53", "Rev. 5 (5.1.1)"],
                ["pci-dss-4.0.1", "PCI DSS", "4.0.1"],
            ],
        );
        for (const { mapping } of files) {
            assert.match(mapping.source, /^https:\/\//);
            assert.match(mapping.published, /^\d{4}-\d{2}-\d{2}$/);
        }
    });

    it("name only policies the packs have, and map every policy of both packs to a control", () => {
        assert.deepStrictEqual(frameworkReferenceProblems(files, POLICY_IDS), []);
    });

    it("list every recommendation of CIS AWS Foundations v3.0.0, the ones that cannot apply with a reason", () => {
        const cis = files.find((f) => f.mapping.id === "cis-aws-3.0")!.mapping;
        assert.strictEqual(cis.controls.length, 62);
        const excluded = cis.controls.filter((c) => c.notApplicable);
        assert.ok(excluded.every((c) => c.policies.length === 0 && c.notApplicable!.length > 20));
        assert.deepStrictEqual(coverageOf(cis), { applicable: 51, covered: 45 });
    });

    it("say why a control that applies has no policy", () => {
        for (const { mapping } of files) {
            for (const c of mapping.controls.filter((c) => !c.notApplicable && c.policies.length === 0)) {
                assert.ok(c.note, `${mapping.id} ${c.id} applies but has no policy and no note saying why`);
            }
        }
    });

    describe("a broken mapping", () => {
        let dir: string;
        beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-frameworks-"))));
        afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
        const write = (text: string, name = "test-framework-1.0.yaml"): void => fs.writeFileSync(path.join(dir, name), text);

        it("fails when it names a policy no pack has, with the file, the line and the closest id", () => {
            write(MAPPING.replace("      - s3-bucket-public-access-blocked", "      - s3-bucket-public-acess-blocked"));
            const read = readFrameworkFiles(dir);
            assert.deepStrictEqual(read.problems, []);
            const found = frameworkReferenceProblems(read.files, POLICY_IDS, { requireEveryPolicy: false });
            assert.deepStrictEqual(found, [
                `${path.join(dir, "test-framework-1.0.yaml")}:12: control \`1.1\` maps policy \`s3-bucket-public-acess-blocked\`, ` +
                    "which no pack has: did you mean `s3-bucket-public-access-blocked`?",
            ]);
        });

        it("fails when a policy maps to no control of any framework", () => {
            write(MAPPING);
            const found = frameworkReferenceProblems(readFrameworkFiles(dir).files, [
                "s3-bucket-public-access-blocked",
                "s3-bucket-tls-only",
            ]);
            assert.strictEqual(found.length, 1);
            assert.match(found[0]!, /^1 policy maps to no control of any framework \(`s3-bucket-tls-only`\)/);
        });

        it("fails on a wrong shape, naming each problem's line", () => {
            write(
                MAPPING.replace("framework: test-framework-1.0", "framework: another-name")
                    .replace('  - id: "1.2"\n', '  - id: "1.1"\n')
                    .replace(
                        "    notApplicable: Not a resource a program declares.\n",
                        "    policies: [x]\n    notApplicable: Not a resource.\n",
                    ),
            );
            const { files: parsed, problems: found } = readFrameworkFiles(dir);
            assert.deepStrictEqual(parsed, []);
            assert.deepStrictEqual(
                found.map((p) => [p.line, p.message.split(":")[0]]),
                [
                    [1, "`framework` is `another-name` but the file is test-framework-1.0.yaml"],
                    [13, "control `1.1` is listed twice."],
                    [13, "control `1.1` is not applicable, so it maps no policies"],
                ],
            );
        });

        it("fails on a control with neither policies nor a reason it does not apply", () => {
            write(MAPPING.replace("    notApplicable: Not a resource a program declares.\n", ""));
            assert.match(readFrameworkFiles(dir).problems[0]!.message, /needs `policies` .* or `notApplicable`/);
        });
    });
});

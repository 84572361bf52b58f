import { strict as assert } from "assert";
import { EXIT_CODES } from "../../../../automation/errors";
import { CliRun, edfSynth, removeFreshHomes } from "./support";

// Deliberately broken service units (test/fixtures/units/broken-*), each with one flaw, next
// to the real landing-zone network in a production spec: every flaw must be caught by the
// policy made for it, on the resource that has it, and the run must exit non-zero.
const EXPECTED: readonly (readonly [string, string, string])[] = [
    ["public-bucket", "s3-bucket-public-access-blocked", "reports"],
    ["open-admin-port", "security-group-no-admin-ports-open", "bastion"],
    ["plaintext-secret", "ecs-container-no-plaintext-secrets", "broken-plaintext"],
    ["privileged-container", "ecs-container-not-privileged", "broken-privileged"],
    ["unpinned-image", "ecs-image-pinned-by-digest", "broken-unpinned"],
];

describe("edf synth of deliberately broken services", function () {
    this.timeout(600_000);
    after(removeFreshHomes);

    let run: CliRun;
    before(() => {
        run = edfSynth(["--env", "test/fixtures/synth/broken-prod.yaml", "--date", "2026-11-27"]);
    });

    it("exits with the documented policy-violation code", () => {
        assert.equal(run.code, EXIT_CODES.policyViolation, run.stderr);
        assert.match(run.stdout, /^synth prod: FAILED: mandatory policy violations/m);
    });

    for (const [unit, policy, resource] of EXPECTED) {
        it(`catches ${unit} with ${policy} on \`${resource}\``, () => {
            const stack = run.report().stacks.find((s) => s.unit === unit)!;
            assert.equal(stack.status, "policy-violation");
            const hit = stack.findings.find((f) => f.policyId === policy && f.resourceName === resource);
            assert.ok(hit, `${policy} did not fire on ${resource}; findings: ${stack.findings.map((f) => f.policyId).join(", ")}`);
            assert.equal(hit.level, "mandatory");
            const pci = run.report().frameworks.find((f) => f.id === "pci-dss-4.0.1")!;
            const failed = pci.controls.filter((c) => c.policies.includes(policy) && c.status === "failed");
            assert.ok(failed.length > 0, "the report shows the PCI DSS controls the finding fails");
        });
    }

    it("names the plaintext variable in the finding, never its value", () => {
        for (const file of ["summary.md", "report.sarif"]) {
            assert.ok(!run.file(file).includes("plaintext-in-the-task-definition"), `${file} repeats the plaintext value`);
        }
        assert.match(run.file("summary.md"), /must pass `DB_PASSWORD` through `secrets`/);
    });

    it("feeds the broken unit the network's synthesized VPC", () => {
        const report = run.report();
        const vpcId = report.stacks.find((s) => s.unit === "network")!.outputs.vpcId;
        const group = report.stacks
            .find((s) => s.unit === "open-admin-port")!
            .resources.find((r) => r.type === "aws:ec2/securityGroup:SecurityGroup")!;
        assert.equal(group.props.vpcId, vpcId);
    });
});

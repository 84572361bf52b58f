import * as assert from "assert";
import * as path from "path";
import { EdfError, EXIT_CODES } from "../../../../automation/errors";
import { MemoryReporter } from "../../../../automation/reporter";
import { InThreadEvaluator } from "../../../../automation/synth/pool";
import { defaultParallel, loweredByLoad, synthEnvironment } from "../../../../automation/synth/synth";
import { FIXTURE_PROJECT, synthFixture } from "./support";

describe("synth: a whole estate", () => {
    it("evaluates every unit in dependency order and feeds stack inputs from synthesized outputs", async () => {
        const run = await synthFixture("mini");
        const { report } = run;
        assert.deepEqual(report.graph.units, ["producer", "consumer", "leaky", "kitchen-sink"]);
        const producer = report.stacks.find((s) => s.unit === "producer")!;
        const consumer = report.stacks.find((s) => s.unit === "consumer")!;
        assert.equal(consumer.outputs.seenVpcId, producer.outputs.vpcId);
        assert.deepEqual(
            consumer.inputs.map((i) => [i.name, i.source, i.key, i.origin]),
            [["upstreamVpc", "stack", "mini.producer#vpcId", "synthesized"]],
        );
        const leaky = report.stacks.find((s) => s.unit === "leaky")!;
        assert.deepEqual(
            leaky.inputs.map((i) => [i.name, i.source, i.key, i.secret, i.origin]),
            [["password", "vault", "secret/mini/db#password", true, "sample"]],
        );
        assert.equal(producer.outputs.token, "[secret]", "a secret output is never shown");
        assert.deepEqual(report.inputs, { source: "sample", file: "environments/samples/mini.yaml" });
    });

    it("inspects every stack with the environment's pack and reports the verdict and exit code", async () => {
        const { report } = await synthFixture("mini");
        const sink = report.stacks.find((s) => s.unit === "kitchen-sink")!;
        assert.ok(sink.findings.some((f) => f.policyId === "s3-bucket-public-access-blocked" && f.level === "mandatory"));
        assert.equal(sink.status, "policy-violation");
        assert.equal(report.outcome, "policy-violation");
        assert.equal(report.exitCode, EXIT_CODES.policyViolation);
        assert.ok(report.policies.length > 40);
        assert.equal(
            report.summary.resources,
            report.stacks.reduce((n, s) => n + s.resourceCounts.total, 0),
        );
    });

    it("applies waivers: an active one suppresses, an unused one is reported", async () => {
        const { report } = await synthFixture("mini", { waiverFiles: [path.join(FIXTURE_PROJECT, "waivers", "mini.yaml")] });
        const sink = report.stacks.find((s) => s.unit === "kitchen-sink")!;
        const waived = sink.findings.filter((f) => f.waivedBy);
        assert.ok(waived.length > 0 && waived.every((f) => f.policyId === "s3-bucket-kms-encrypted" && f.waivedBy!.id === "W-TEST-001"));
        assert.ok(sink.waivers.unused.some((w) => w.id === "W-TEST-002"));
    });

    it("fails a unit that throws, skips its dependents and finishes the independent stacks", async () => {
        const reporter = new MemoryReporter();
        const { report } = await synthFixture("failing", { reporter, environment: { EDF_TEST_LEAKY_PASSWORD: "from-the-environment" } });
        const status = Object.fromEntries(report.stacks.map((s) => [s.unit, s.status]));
        assert.deepEqual(status, { producer: "passed", consumer: "passed", leaky: "failed", "after-leaky": "skipped" });
        const leaky = report.stacks.find((s) => s.unit === "leaky")!;
        assert.match(String(leaky.reason), /the program failed: leaky: failing on purpose/);
        assert.match(String(report.stacks.find((s) => s.unit === "after-leaky")!.reason), /dependency `leaky` did not succeed/);
        assert.equal(report.outcome, "failed");
        assert.equal(report.exitCode, EXIT_CODES.failure);
        assert.equal(report.pack, null, "policy enforcement is off in this spec");
        assert.ok(reporter.finished.some((r) => r.unit === "leaky" && r.status === "failed"));
    });

    it("rejects an unknown environment, naming the known ones", async () => {
        await assert.rejects(
            synthEnvironment({
                env: "nowhere",
                projectRoot: FIXTURE_PROJECT,
                reporter: new MemoryReporter(),
                evaluator: new InThreadEvaluator(),
            }),
            (e: unknown) =>
                e instanceof EdfError &&
                e.code === "EDF_SPEC_NOT_FOUND" &&
                e.exitCode === EXIT_CODES.badInput &&
                /`mini`/.test(e.problems[0]?.fix ?? ""),
        );
    });

    it("rejects a dependency cycle before evaluating anything", async () => {
        const reporter = new MemoryReporter();
        await assert.rejects(
            synthFixture("cycle", { reporter }),
            (e: unknown) => e instanceof EdfError && e.code === "EDF_CYCLE" && /a → b → a|b → a → b/.test(e.message),
        );
        assert.equal(reporter.finished.length, 0);
    });

    it("rejects inputs it cannot resolve, all at once, before evaluating anything", async () => {
        const reporter = new MemoryReporter();
        await assert.rejects(
            synthFixture("failing", { reporter }),
            (e: unknown) =>
                e instanceof EdfError &&
                e.code === "EDF_INPUT_UNRESOLVED" &&
                e.problems.some((p) => /EDF_TEST_LEAKY_PASSWORD/.test(p.message)),
        );
        assert.equal(reporter.finished.length, 0);
    });

    it("refuses a stack input whose producer is not selected, suggesting --with-dependencies", async () => {
        await assert.rejects(
            synthFixture("mini", { only: ["consumer"] }),
            (e: unknown) =>
                e instanceof EdfError && e.code === "EDF_INPUT_UNRESOLVED" && /--with-dependencies/.test(e.problems[0]?.fix ?? ""),
        );
        const { report } = await synthFixture("mini", { only: ["consumer"], withDependencies: true });
        assert.deepEqual(report.graph.units, ["producer", "consumer"]);
    });

    it("rejects a bad --date", async () => {
        await assert.rejects(synthFixture("mini", { date: "27/11/2026" }), (e: unknown) => e instanceof EdfError && e.code === "EDF_USAGE");
    });

    for (const date of ["2027-02-30", "2026-02-29", "2026-13-01", "2026-04-31"]) {
        it(`rejects --date ${date}, a day the calendar does not have`, async () => {
            await assert.rejects(
                synthFixture("mini", { date }),
                (e: unknown) => e instanceof EdfError && e.code === "EDF_USAGE" && e.problems.some((p) => p.path === "--date"),
            );
        });
    }
});

describe("synth: how many stacks it evaluates at once by default", () => {
    it("uses one thread per idle core beyond two, at most 4 and at most one per stack", () => {
        assert.equal(defaultParallel(100, { cores: 16, load: 0 }), 4);
        assert.equal(defaultParallel(3, { cores: 16, load: 0 }), 3);
        assert.equal(defaultParallel(100, { cores: 3, load: 0 }), 3);
    });

    it("evaluates in this thread alone (inspecting aside) while at most two cores are free", () => {
        assert.equal(defaultParallel(100, { cores: 2, load: 0.1 }), 1);
        assert.equal(defaultParallel(100, { cores: 1, load: 0 }), 1);
        assert.equal(defaultParallel(100, { cores: 4, load: 2.2 }), 1);
    });

    it("leaves out the cores other work keeps busy (cores minus the load average, rounded)", () => {
        assert.equal(defaultParallel(100, { cores: 8, load: 5.4 }), 3);
        assert.equal(defaultParallel(100, { cores: 8, load: 4.6 }), 3);
        assert.equal(defaultParallel(100, { cores: 2, load: 9 }), 1, "a machine busier than its cores still evaluates in this thread");
    });

    it("says the load lowered it only when the same machine idle would run more", () => {
        assert.equal(loweredByLoad(100, { cores: 2, load: 1.5 }), false, "two cores evaluate on one thread, busy or not");
        assert.equal(loweredByLoad(100, { cores: 8, load: 5.4 }), true);
        assert.equal(loweredByLoad(2, { cores: 8, load: 6 }), true, "two stacks: two at a time idle, one with two cores free");
    });
});

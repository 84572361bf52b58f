import * as assert from "assert";
import { MixedEvaluator, WorkerPool } from "../../../../automation/synth/pool";
import { renderReportJson as renderSynthJson } from "../../../../automation/run/report/json";
import { synthFixture } from "./support";

describe("synth: where stacks run", function () {
    this.timeout(180_000);

    it("gives the same report from worker threads as from this thread", async () => {
        const here = await synthFixture("mini");
        const pool = new WorkerPool(2);
        try {
            const there = await synthFixture("mini", { evaluator: pool });
            assert.strictEqual(renderSynthJson(there.report), renderSynthJson(here.report));
        } finally {
            await pool.close();
        }
    });

    it("starts its own workers, preloading each unit's program, when the caller gives no evaluator", async () => {
        const here = await synthFixture("mini");
        const run = await synthFixture("mini", { evaluator: undefined, parallel: 2 });
        assert.strictEqual(renderSynthJson(run.report), renderSynthJson(here.report));
    });

    it("shares a run between this thread and a worker, reusing the worker across stacks", async () => {
        const here = await synthFixture("mini");
        const pool = new WorkerPool(1);
        const mixed = new MixedEvaluator(pool);
        try {
            const run = await synthFixture("mini", { evaluator: mixed });
            assert.equal(mixed.size, 2);
            assert.strictEqual(renderSynthJson(run.report), renderSynthJson(here.report));
        } finally {
            await mixed.close();
        }
    });

    it("runs the stacks a busy worker holds one after another, each with its own result", async () => {
        const here = await synthFixture("mini");
        const pool = new WorkerPool(1);
        try {
            assert.equal(pool.accepts, 2, "one running, one waiting in the worker");
            const there = await synthFixture("mini", { evaluator: pool });
            assert.strictEqual(renderSynthJson(there.report), renderSynthJson(here.report));
        } finally {
            await pool.close();
        }
    });

    it("gives a stack waiting in a stopped worker to a new one: every stack gets its own verdict", async () => {
        const pool = new WorkerPool(1, 1); // one millisecond: every stack overruns, each on a worker of its own
        try {
            const run = await synthFixture("mini", { evaluator: pool });
            const byUnit = Object.fromEntries(run.report.stacks.map((s) => [s.unit, s]));
            for (const unit of ["producer", "leaky", "kitchen-sink"]) {
                assert.equal(byUnit[unit]!.status, "failed", unit);
                assert.match(String(byUnit[unit]!.reason), /stack took longer than 0.001s; its worker was stopped/, unit);
            }
            assert.equal(byUnit.consumer!.status, "skipped");
        } finally {
            await pool.close();
        }
    });

    it("fails the stack, not the run, when a worker cannot finish it", async () => {
        const pool = new WorkerPool(1, 1); // one millisecond: every stack overruns
        try {
            const run = await synthFixture("mini", { evaluator: pool, only: ["producer"] });
            const producer = run.report.stacks[0]!;
            assert.equal(producer.status, "failed");
            assert.match(
                String(producer.reason),
                /synth could not evaluate the unit: stack took longer than 0.001s; its worker was stopped/,
            );
            assert.equal(run.report.exitCode, 1);
        } finally {
            await pool.close();
        }
    });
});

import * as os from "os";
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { diyLockDir } from "../../../automation/engine/locks";
import { Estate, prepareEstate, runDriver, stackOf } from "./support/estate";

async function waitFor(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting for ${what}`);
        }
        await new Promise((r) => setTimeout(r, 100));
    }
}

describe("edf on the real engine: transient errors", function () {
    this.timeout(240_000);
    let estate: Estate;

    before(async () => {
        estate = prepareEstate("single", { VALUE: "initial", DELAY: "0" });
        const { report } = await runDriver(estate, "up");
        assert.strictEqual(report.outcome, "succeeded");
    });
    after(() => estate.remove());

    it("retries a stack another update holds locked, with backoff, until it is free", async () => {
        // GIVEN a real update of the stack in flight (slow records), holding its lock
        estate.write({ VALUE: "first", DELAY: "4000" });
        const first = runDriver(estate, "up");
        const locks = diyLockDir(path.join(estate.home, "backend"), "single.slow");
        await waitFor(() => fs.existsSync(locks) && fs.readdirSync(locks).some((f) => f.endsWith(".json")), "the first update's lock");
        // WHEN a second run updates the same stack
        estate.write({ VALUE: "second", DELAY: "0" });
        const second = runDriver(estate, "up", { retry: { attempts: 10, baseDelayMs: 1000, maxDelayMs: 3000 } });
        const [a, b] = await Promise.all([first, second]);
        // THEN both succeed: the second one after retrying the lock conflict (the live lock was left alone)
        assert.strictEqual(a.report.outcome, "succeeded");
        assert.strictEqual(b.report.outcome, "succeeded", JSON.stringify(b.report.stacks));
        assert.ok(stackOf(b.report, "slow").attempts >= 2, `attempts: ${stackOf(b.report, "slow").attempts}`);
        assert.ok(
            b.reporter.lines.some((l) => /transient error .*locked/.test(l)),
            b.reporter.lines.join("\n"),
        );
        assert.ok(!b.reporter.lines.some((l) => /stale lock/.test(l)), "a live lock is never removed");
        assert.strictEqual(estate.record("single.slow-0"), "second");
    });

    it("gives up after the bound and fails the stack with the last reason", async () => {
        // A lock owned by a live process of this host (this test process) is never cleared.
        const locks = diyLockDir(path.join(estate.home, "backend"), "single.slow");
        fs.mkdirSync(locks, { recursive: true });
        const lock = path.join(locks, "held-by-test.json");
        fs.writeFileSync(
            lock,
            JSON.stringify({ pid: process.pid, username: "test", hostname: os.hostname(), timestamp: new Date().toISOString() }),
        );
        try {
            estate.write({ VALUE: "third", DELAY: "0" });
            const { report } = await runDriver(estate, "up", { retry: { attempts: 2, baseDelayMs: 200, maxDelayMs: 200 } });
            const slow = stackOf(report, "slow");
            assert.strictEqual(slow.status, "failed");
            assert.strictEqual(slow.attempts, 2);
            assert.match(slow.reason!, /still failing after 2 attempts/);
        } finally {
            fs.rmSync(lock, { force: true });
        }
    });
});

import * as assert from "assert";
import { backoffDelay, DEFAULT_RETRY_POLICY, isTransientError } from "../../../../automation/engine/retry";

describe("transient errors and backoff", () => {
    it("treats lock conflicts and throttling as transient", () => {
        const concurrent = Object.assign(new Error("code: 255"), { name: "ConcurrentUpdateError" });
        assert.ok(isTransientError(concurrent));
        assert.ok(isTransientError(new Error("error: the stack is currently locked by 1 lock(s)")));
        assert.ok(isTransientError(new Error("[409] Conflict: Another update is currently in progress.")));
        assert.ok(isTransientError(new Error("ThrottlingException: Rate exceeded")));
        assert.ok(isTransientError(new Error("429 Too Many Requests")));
    });

    it("never retries a program's own errors", () => {
        // Each program runs in its own thread, so these are always the stack's own
        // (test/engine/automation/isolation.test.ts).
        assert.ok(!isTransientError(new Error("error: One or more errors occurred: Resource monitor is terminating")));
        assert.ok(!isTransientError(new Error("One or more errors occurred: TypeError: x is undefined")));
    });

    it("fails everything else at once", () => {
        assert.ok(!isTransientError(new Error("error: program failed: TypeError: x is undefined")));
        assert.ok(!isTransientError(new Error("simulated provider failure")));
    });

    it("doubles the delay each retry within ±20 % jitter and never exceeds the bound", () => {
        const policy = { attempts: 6, baseDelayMs: 1000, maxDelayMs: 5000 };
        assert.strictEqual(
            backoffDelay(policy, 1, () => 0.5),
            1000,
        );
        assert.strictEqual(
            backoffDelay(policy, 2, () => 0.5),
            2000,
        );
        assert.strictEqual(
            backoffDelay(policy, 3, () => 0.5),
            4000,
        );
        assert.strictEqual(
            backoffDelay(policy, 4, () => 0.5),
            5000,
        );
        assert.strictEqual(
            backoffDelay(policy, 9, () => 1),
            6000,
        );
        assert.strictEqual(
            backoffDelay(policy, 1, () => 0),
            800,
        );
        assert.ok(DEFAULT_RETRY_POLICY.attempts > 1 && DEFAULT_RETRY_POLICY.maxDelayMs >= DEFAULT_RETRY_POLICY.baseDelayMs);
    });
});

import * as assert from "assert";

/** Awaits a promise that must reject with an error of `type`, and returns that error. */
export async function rejectsWith<T extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
    try {
        await promise;
    } catch (error) {
        assert.ok(error instanceof type, String(error));
        return error;
    }
    assert.fail(`expected a ${type.name}`);
}

import { strict as assert } from "assert";
import { loadUnitProgram } from "../../../unit/load";
import { runSelectedUnit } from "../../../unit/run";
import { contractKeys } from "../../../platform/contract";
import { runUnderMocks } from "./support/mock-run";
import { TEST_GOVERNANCE } from "./support/units";

describe("platform units through the root program", () => {
    it("runs `platform/security` when the stack selects it with `edf:unit`, exporting its contract part", async () => {
        const run = await runUnderMocks(() => runSelectedUnit(), {
            stack: "dev-security",
            config: {
                "edf:unit": "platform/security",
                "edf:environment": "dev",
                "edf:environmentSize": "dev",
                "edf:governance": TEST_GOVERNANCE,
            },
        });
        assert.equal(run.error, undefined, run.error?.message);
        assert.deepEqual(Object.keys(run.outputs!).sort(), contractKeys("security"));
    });

    it("loads every platform unit folder's program", () => {
        for (const unit of ["platform/network", "platform/security", "platform/shared-services"]) {
            assert.equal(typeof loadUnitProgram(unit), "function", unit);
        }
    });
});

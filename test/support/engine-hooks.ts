// Root hooks of the engine suite (test/mocharc.engine.json): every engine test runs the
// project's own toolchain, never whatever `pulumi` happens to be on the machine.
import { applyEngineEnv, toolchain } from "./toolchain";

export const mochaHooks = {
    beforeAll(): void {
        toolchain(); // fails fast, naming the fix, when the toolchain is not installed
        applyEngineEnv();
    },
};

import { strict as assert } from "assert";
import {
    DEFAULT_FUNCTION_RUNTIME,
    DEPRECATED_FUNCTION_RUNTIMES,
    functionRuntimeProblems,
    SUPPORTED_FUNCTION_RUNTIMES,
} from "../../../../../services/sdk/validation/lambda-runtime";

describe("Lambda runtimes", () => {
    it("accepts every supported runtime and defaults to the newest Node.js", () => {
        for (const runtime of SUPPORTED_FUNCTION_RUNTIMES) {
            assert.deepEqual(functionRuntimeProblems(runtime), []);
        }
        assert.equal(DEFAULT_FUNCTION_RUNTIME, "nodejs24.x");
    });

    it("never lists a runtime as both supported and deprecated", () => {
        assert.deepEqual(
            SUPPORTED_FUNCTION_RUNTIMES.filter((r) => DEPRECATED_FUNCTION_RUNTIMES.includes(r)),
            [],
        );
    });

    it("refuses a deprecated runtime, offering the family's supported successor", () => {
        assert.match(functionRuntimeProblems("python3.9")[0], /`runtime` is `python3.9`, which AWS has deprecated .*use `python3.14`/);
        assert.match(functionRuntimeProblems("provided.al2")[0], /use `provided.al2023`/);
        assert.match(functionRuntimeProblems("dotnet6")[0], /use `dotnet10`/);
    });

    it("refuses an unknown runtime, listing the supported ones", () => {
        assert.match(
            functionRuntimeProblems("cobol85", "fn.runtime")[0],
            /^`fn.runtime` is `cobol85`, not a supported Lambda runtime: use one of `nodejs24.x`/,
        );
    });
});

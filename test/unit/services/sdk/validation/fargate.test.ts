import { strict as assert } from "assert";
import * as fc from "fast-check";
import {
    FARGATE_SIZES,
    fargateMemoryOptions,
    fargateSizeProblems,
    isValidFargateSize,
} from "../../../../../services/sdk/validation/fargate";

describe("Fargate task sizes", () => {
    it("pins the memory options of every cpu value as AWS documents them", () => {
        assert.deepEqual(fargateMemoryOptions(256), [512, 1024, 2048]);
        assert.deepEqual(fargateMemoryOptions(512), [1024, 2048, 3072, 4096]);
        assert.deepEqual(fargateMemoryOptions(1024), [2048, 3072, 4096, 5120, 6144, 7168, 8192]);
        assert.equal(fargateMemoryOptions(2048).length, 13);
        assert.deepEqual([fargateMemoryOptions(4096)[0], fargateMemoryOptions(4096).at(-1)], [8192, 30720]);
        assert.deepEqual(
            [fargateMemoryOptions(8192)[0], fargateMemoryOptions(8192)[1], fargateMemoryOptions(8192).at(-1)],
            [16384, 20480, 61440],
        );
        assert.deepEqual(
            [fargateMemoryOptions(16384)[0], fargateMemoryOptions(16384)[1], fargateMemoryOptions(16384).at(-1)],
            [32768, 40960, 122880],
        );
        assert.deepEqual(Object.keys(FARGATE_SIZES).map(Number), [256, 512, 1024, 2048, 4096, 8192, 16384]);
    });

    it("accepts exactly the pairs in the table (property)", () => {
        const cpus = Object.keys(FARGATE_SIZES).map(Number);
        fc.assert(
            fc.property(fc.constantFrom(...cpus, 128, 300, 32768), fc.integer({ min: 0, max: 130000 }), (cpu, memory) => {
                const valid = fargateMemoryOptions(cpu).includes(memory);
                assert.equal(isValidFargateSize(cpu, memory), valid);
                assert.equal(fargateSizeProblems(cpu, memory).length === 0, valid);
            }),
        );
    });

    it("offers a cpu that fits the memory when there is one", () => {
        assert.deepEqual(fargateSizeProblems(512, 512), [
            "`memory` is `512` but with `cpu` 512 Fargate accepts `1024` to `4096` " +
                "in steps of 1024 MiB; or keep the memory and set `cpu` to `256`.",
        ]);
        assert.match(fargateSizeProblems(256, 1000)[0], /accepts `512`, `1024`, `2048` MiB\.$/);
    });

    it("names a missing or non-numeric argument", () => {
        assert.match(fargateSizeProblems(undefined, 512)[0], /^`cpu` is missing/);
        assert.match(fargateSizeProblems(256, "512")[0], /^`memory` is a string/);
    });
});

/**
 * Fargate task sizes. AWS accepts only these cpu/memory pairs (Linux, platform 1.4.0;
 * "Task CPU and memory" in the Amazon ECS developer guide): each cpu value allows a
 * memory range in fixed steps.
 */
export interface FargateMemoryRange {
    /** Smallest memory (MiB) for this cpu. */
    readonly min: number;
    /** Largest memory (MiB) for this cpu. */
    readonly max: number;
    /** Memory must be `min + k × step`. */
    readonly step: number;
    /** Values outside the arithmetic range that are also allowed (0.25 vCPU allows 512, 1024, 2048). */
    readonly explicit?: readonly number[];
}

/** cpu units (1024 = 1 vCPU) → allowed memory (MiB). */
export const FARGATE_SIZES: Readonly<Record<number, FargateMemoryRange>> = {
    256: { min: 512, max: 2048, step: 1024, explicit: [512, 1024, 2048] },
    512: { min: 1024, max: 4096, step: 1024 },
    1024: { min: 2048, max: 8192, step: 1024 },
    2048: { min: 4096, max: 16384, step: 1024 },
    4096: { min: 8192, max: 30720, step: 1024 },
    8192: { min: 16384, max: 61440, step: 4096 },
    16384: { min: 32768, max: 122880, step: 8192 },
};

/** Every memory value (MiB) Fargate accepts with `cpu`, ascending; empty for an unknown cpu. */
export function fargateMemoryOptions(cpu: number): number[] {
    const range = FARGATE_SIZES[cpu];
    if (!range) {
        return [];
    }
    if (range.explicit) {
        return [...range.explicit];
    }
    const values: number[] = [];
    for (let memory = range.min; memory <= range.max; memory += range.step) {
        values.push(memory);
    }
    return values;
}

/** Whether Fargate accepts this cpu/memory pair. Pure. */
export function isValidFargateSize(cpu: number, memory: number): boolean {
    return fargateMemoryOptions(cpu).includes(memory);
}

/**
 * Why `cpu`/`memory` is not a Fargate size, naming the argument and a valid choice;
 * empty when valid. Pure.
 */
export function fargateSizeProblems(cpu: unknown, memory: unknown): string[] {
    const cpus = Object.keys(FARGATE_SIZES).map(Number);
    if (typeof cpu !== "number" || !cpus.includes(cpu)) {
        return [`\`cpu\` is ${describe(cpu)}: Fargate accepts ${cpus.map((c) => `\`${c}\``).join(", ")} (1024 = 1 vCPU).`];
    }
    const options = fargateMemoryOptions(cpu);
    if (typeof memory !== "number" || !options.includes(memory)) {
        const range = FARGATE_SIZES[cpu]!;
        const allowed = range.explicit
            ? range.explicit.map((m) => `\`${m}\``).join(", ")
            : `\`${range.min}\` to \`${range.max}\` in steps of ${range.step}`;
        const fitting = suggestCpu(memory);
        return [
            `\`memory\` is ${describe(memory)} but with \`cpu\` ${cpu} Fargate accepts ${allowed} MiB` +
                (fitting === undefined ? "." : `; or keep the memory and set \`cpu\` to \`${fitting}\`.`),
        ];
    }
    return [];
}

// The smallest cpu that accepts this memory, so the message can offer both fixes.
function suggestCpu(memory: unknown): number | undefined {
    if (typeof memory !== "number") {
        return undefined;
    }
    return Object.keys(FARGATE_SIZES)
        .map(Number)
        .find((cpu) => isValidFargateSize(cpu, memory));
}

function describe(value: unknown): string {
    return typeof value === "number" ? `\`${value}\`` : value === undefined ? "missing" : `a ${typeof value}`;
}

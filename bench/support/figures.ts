/**
 * What every benchmark under bench/ shares: the machine line its figures are read against,
 * the median, and the `--smoke` mode that `npm test` runs (scripts/test.sh, stage "bench smoke").
 *
 * A smoke run is the benchmark at its smallest size, once, with its figures printed and no
 * threshold judged: figures from one run on a shared CI machine mean nothing against a target.
 * What it does judge is whether the benchmark still works: a failing command, a report that
 * does not parse or a run that measured nothing makes it exit non-zero, so a benchmark
 * cannot rot unnoticed between the reviews that read its figures.
 */
import * as os from "os";

/** True when the script was started with `--smoke`. */
export const SMOKE = process.argv.includes("--smoke");

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
    if (values.length === 0) throw new BenchmarkBroken("a median of no samples: the benchmark measured nothing");
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** CPU model, cores, memory, Node version and load: figures from another machine are not comparable. */
export function describeMachine(): string {
    const cpus = os.cpus();
    const model = cpus[0]?.model.trim() || "unknown CPU";
    const load = os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ");
    return (
        `machine: ${model}, ${cpus.length} cores, ` +
        `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ` +
        `load average ${load}`
    );
}

/** How many samples each figure is the median of, said the same way by every benchmark. */
export function describeRuns(runs: number): string {
    return SMOKE ? "smoke run: smallest size, 1 run, figures are single samples and judged against no target" : `medians of ${runs} runs`;
}

/** ` (target <text>)` after a figure; nothing in a smoke run, whose single samples are judged against no target. */
export function target(text: string): string {
    return SMOKE ? "" : ` (target ${text})`;
}

/** The benchmark itself is broken (as opposed to slow): its figures would be meaningless. */
export class BenchmarkBroken extends Error {
    override readonly name = "BenchmarkBroken";
}

/** A bad command line: said plainly, without a stack trace. */
export class UsageError extends Error {
    override readonly name = "UsageError";
}

/** Fails the benchmark, naming what is wrong, when a figure it is about to print cannot be right. */
export function expect(condition: boolean, what: string): asserts condition {
    if (!condition) throw new BenchmarkBroken(what);
}

/**
 * Reads a number option (`--runs 3`); a missing or bad value is an error, never a silent
 * default. In smoke mode `smoke` wins over the command line: the smoke has one size.
 */
export function numberOption(
    name: string,
    fallback: number,
    options: { smoke?: number; allowZero?: boolean; fractional?: boolean } = {},
): number {
    if (SMOKE) return options.smoke ?? fallback;
    const i = process.argv.indexOf(`--${name}`);
    if (i < 0) return fallback;
    const value = Number(process.argv[i + 1]);
    const whole = options.fractional ? "" : " whole";
    if (!Number.isFinite(value) || value < 0 || (value === 0 && !options.allowZero) || (whole && !Number.isInteger(value))) {
        throw new UsageError(
            `\`--${name}\` must be a ` +
                `${options.allowZero ? "non-negative" : "positive"}${whole} number, ` +
                `got \`${process.argv[i + 1] ?? ""}\`.`,
        );
    }
    return value;
}

/** Runs a benchmark's main; any error exits 1 with its message (and the stack only for an unexpected one). */
export function runBenchmark(main: () => Promise<void> | void): void {
    const started = Date.now();
    Promise.resolve()
        .then(main)
        .then(
            () => {
                if (SMOKE) console.log(`smoke passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
            },
            (error: unknown) => {
                if (error instanceof BenchmarkBroken) console.error(`benchmark broken: ${error.message}`);
                else if (error instanceof UsageError) console.error(error.message);
                else console.error(error);
                process.exitCode = 1;
            },
        );
}

import { spawn } from "child_process";
import * as path from "path";

/** A script under test/support/race/ run by {@link race}: it waits for the start time, acts once, and prints one line. */
export const RACE_SCRIPTS = path.join(__dirname);

/**
 * Starts `count` Node processes of `script` (TypeScript, transpiled) at once and resolves with
 * each one's stdout. The processes load first and then wait for a common start time, so their
 * racing part begins within the same millisecond or so, as two runs started together would.
 */
export async function race(count: number, script: string, args: readonly string[], loadMs = 8000): Promise<string[]> {
    const startAt = Date.now() + loadMs;
    const runs = Array.from(
        { length: count },
        () =>
            new Promise<string>((resolve, reject) => {
                const child = spawn(
                    process.execPath,
                    ["-r", "ts-node/register/transpile-only", path.join(RACE_SCRIPTS, script), String(startAt), ...args],
                    { cwd: path.resolve(__dirname, "..", "..", ".."), stdio: ["ignore", "pipe", "pipe"] },
                );
                let out = "";
                let err = "";
                child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
                child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
                child.on("error", reject);
                child.on("close", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`${script} exited ${code}: ${err}`))));
            }),
    );
    return Promise.all(runs);
}

/**
 * In a race script: blocks until the start time given as the first argument. The racers sleep
 * rather than spin (spinning racers on a small machine would take turns on its cores and run one
 * after another), so they all wake when the time comes and race for the cores at once.
 */
export function waitForStart(): void {
    const startAt = Number(process.argv[2]);
    const wait = startAt - Date.now();
    if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
}

import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runEnvironment, RunOptions } from "../../../../automation/driver";
import type { Operation, StackResult } from "../../../../automation/engine/types";
import { MemoryReporter } from "../../../../automation/reporter";
import type { RunReport } from "../../../../automation/engine/report";
import { PROJECT_ROOT } from "../../../support/toolchain";

/** A copy of a test estate in a temporary folder, with its own records folder and edf home. */
export interface Estate {
    readonly root: string;
    readonly specFile: string;
    readonly recordsDir: string;
    readonly home: string;
    /** Rewrites the spec from the estate template with extra substitutions. */
    write(substitutions?: Record<string, string>): void;
    /** The stored value of a record (`<stack>-<i>`), or undefined when the file is gone. */
    record(key: string): string | undefined;
    remove(): void;
}

/** Copies `test/fixtures/estates/<name>.yaml`, replacing `__DIR__` (and any other `__KEY__`). */
export function prepareEstate(name: string, substitutions: Record<string, string> = {}): Estate {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), `edf-${name}-`));
    const recordsDir = path.join(root, "records");
    const specFile = path.join(root, `${name}.yaml`);
    const template = fs.readFileSync(path.join(PROJECT_ROOT, "test", "fixtures", "estates", `${name}.yaml`), "utf8");
    const write = (extra: Record<string, string> = {}): void => {
        let text = template.replace(/__DIR__/g, recordsDir);
        for (const [key, value] of Object.entries({ ...substitutions, ...extra })) {
            text = text.split(`__${key}__`).join(value);
        }
        fs.writeFileSync(specFile, text);
    };
    write();
    return {
        root,
        specFile,
        recordsDir,
        home: path.join(root, "home"),
        write,
        record: (key) => {
            const file = path.join(recordsDir, `${key}.json`);
            return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as { value: string }).value : undefined;
        },
        remove: () => fs.rmSync(root, { recursive: true, force: true }),
    };
}

/** Runs the driver in this process (the library the CLI calls). */
export async function runDriver(
    estate: Estate,
    operation: Operation,
    options: Partial<Omit<RunOptions, "env" | "operation">> = {},
): Promise<{ report: RunReport; reporter: MemoryReporter }> {
    const reporter = new MemoryReporter();
    const report = await runEnvironment({
        env: estate.specFile,
        operation,
        projectRoot: PROJECT_ROOT,
        edfHome: estate.home,
        reporter,
        signal: new AbortController().signal,
        ...options,
    });
    return { report, reporter };
}

/** The result of one stack in a report. */
export function stackOf(report: RunReport, unit: string): StackResult {
    const found = report.stacks.find((s) => s.unit === unit);
    if (!found) {
        throw new Error(`no stack ${unit} in the report (${report.stacks.map((s) => s.unit).join(", ")})`);
    }
    return found;
}

/** When a stack's operation started and ended (ms since epoch). */
export function interval(result: StackResult): { start: number; end: number } {
    const start = Date.parse(result.startedAt ?? "");
    return { start, end: start + result.durationMs };
}

/** A running `edf` child process (the real CLI entry point). */
export interface EdfProcess {
    readonly pid: number;
    /** What it printed so far. */
    output(): { stdout: string; stderr: string };
    readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts `node automation/cli/bin.js <args>` with the engine environment. */
export function startEdf(args: string[], env: NodeJS.ProcessEnv = {}): EdfProcess {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "automation", "cli", "bin.js"), ...args], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
        child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
    );
    return { pid: child.pid!, done, output: () => ({ stdout, stderr }) };
}

/** Runs `edf` to completion. */
export function runEdf(args: string[], env: NodeJS.ProcessEnv = {}): EdfProcess["done"] {
    return startEdf(args, env).done;
}

/** Every file under `dir`, as text (for secret-leak checks). */
export function readTree(dir: string): { file: string; text: string }[] {
    const out: { file: string; text: string }[] = [];
    const walk = (folder: string): void => {
        if (!fs.existsSync(folder)) return;
        for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
            const full = path.join(folder, entry.name);
            if (entry.isDirectory()) walk(full);
            else out.push({ file: full, text: fs.readFileSync(full, "utf8") });
        }
    };
    walk(dir);
    return out;
}

import { EdfError, formatProblem } from "./errors";
import type { FinishedStack, StackProgress } from "./run/outcome";

/**
 * The one output channel of the driver. The library reports through it and never
 * writes to the console; the CLI picks the human or the JSON implementation.
 */
export interface Reporter {
    /** Progress and notes for people (stderr; silent in JSON mode). */
    info(message: string): void;
    warn(message: string): void;
    /** Live progress of one stack. */
    progress(progress: StackProgress): void;
    /** A stack reached a final state. */
    stackFinished(result: FinishedStack): void;
    /** The command's result: `human` for people (stdout), `data` for machines (stdout, JSON). */
    result(data: unknown, human: string): void;
    /** A failure of the whole command. */
    error(error: unknown): void;
}

interface Stream {
    write(text: string): unknown;
    readonly isTTY?: boolean;
}

/** Human output: progress lines on stderr, results on stdout. */
export class HumanReporter implements Reporter {
    private readonly lastStatus = new Map<string, string>();
    private readonly lastHeartbeat = new Map<string, number>();

    constructor(
        private readonly debug = false,
        private readonly out: Stream = process.stdout,
        private readonly err: Stream = process.stderr,
        /** How often a running stack prints its elapsed time and counts. */
        private readonly heartbeatMs = process.stderr.isTTY ? 5000 : 15000,
    ) {}

    info(message: string): void {
        this.err.write(`${message}\n`);
    }

    warn(message: string): void {
        this.err.write(`warning: ${message}\n`);
    }

    progress(p: StackProgress): void {
        const previous = this.lastStatus.get(p.unit);
        const now = Date.now();
        const due = now - (this.lastHeartbeat.get(p.unit) ?? 0) >= this.heartbeatMs;
        if (previous !== p.status || due) {
            this.lastStatus.set(p.unit, p.status);
            this.lastHeartbeat.set(p.unit, now);
            const tries = p.attempt > 1 ? ` (attempt ${p.attempt})` : "";
            const what = p.detail ?? `${p.resourcesDone} done, ${p.resourcesInFlight} in flight`;
            this.err.write(
                `  ${p.unit.padEnd(20)} ${p.status.padEnd(9)} ${(p.elapsedMs / 1000).toFixed(1).padStart(6)}s  ${what}${tries}\n`,
            );
        }
    }

    stackFinished(r: FinishedStack): void {
        this.err.write(
            `  ${r.unit.padEnd(20)} ${r.status.padEnd(9)} ${(r.durationMs / 1000).toFixed(1).padStart(6)}s${r.reason ? `  ${r.reason}` : ""}\n`,
        );
    }

    result(_data: unknown, human: string): void {
        this.out.write(human.endsWith("\n") ? human : `${human}\n`);
    }

    error(error: unknown): void {
        if (error instanceof EdfError) {
            this.err.write(`error ${error.code}: ${error.message}\n`);
            for (const problem of error.problems) {
                this.err.write(`  - ${formatProblem(problem)}\n`);
            }
            if (error.omittedProblems > 0) {
                this.err.write(`  … and ${error.omittedProblems} more problem(s) not shown: fix these first.\n`);
            }
        } else {
            this.err.write(`error: ${(error as Error)?.message ?? String(error)}\n`);
        }
        if (this.debug && error instanceof Error && error.stack) {
            this.err.write(`${error.stack}\n`);
        }
    }
}

/** JSON output: exactly one JSON document on stdout; progress as JSON lines on stderr. */
export class JsonReporter implements Reporter {
    constructor(
        private readonly debug = false,
        private readonly out: Stream = process.stdout,
        private readonly err: Stream = process.stderr,
    ) {}

    info(message: string): void {
        this.line({ type: "info", message });
    }

    warn(message: string): void {
        this.line({ type: "warning", message });
    }

    progress(p: StackProgress): void {
        this.line({ type: "progress", ...p });
    }

    stackFinished(r: FinishedStack): void {
        this.line({ type: "stack", unit: r.unit, status: r.status, durationMs: r.durationMs });
    }

    result(data: unknown): void {
        this.out.write(`${JSON.stringify(data, null, 2)}\n`);
    }

    error(error: unknown): void {
        const e = error as Error;
        const body =
            error instanceof EdfError
                ? {
                      code: error.code,
                      message: error.message,
                      problems: error.problems,
                      ...(error.omittedProblems > 0 ? { omittedProblems: error.omittedProblems } : {}),
                  }
                : { code: "EDF_INTERNAL", message: e?.message ?? String(error) };
        // The same keys as a result document's: a failed run has no findings, and says so.
        const document = { error: { ...body, ...(this.debug && e?.stack ? { stack: e.stack } : {}) }, findings: [] };
        this.out.write(`${JSON.stringify(document, null, 2)}\n`);
    }

    private line(data: Record<string, unknown>): void {
        this.err.write(`${JSON.stringify(data)}\n`);
    }
}

/** A reporter that records everything (tests, embedding). */
export class MemoryReporter implements Reporter {
    readonly lines: string[] = [];
    readonly progressEvents: StackProgress[] = [];
    readonly finished: FinishedStack[] = [];
    results: unknown[] = [];
    errors: unknown[] = [];

    info(message: string): void {
        this.lines.push(message);
    }

    warn(message: string): void {
        this.lines.push(`warning: ${message}`);
    }

    progress(progress: StackProgress): void {
        this.progressEvents.push(progress);
    }

    stackFinished(result: FinishedStack): void {
        this.finished.push(result);
    }

    result(data: unknown): void {
        this.results.push(data);
    }

    error(error: unknown): void {
        this.errors.push(error);
    }
}

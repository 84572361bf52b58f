/**
 * Typed errors of the driver: problems that stop a command before or outside the stack
 * runs. Outcomes of the runs themselves (failed stacks, policy violations, drift,
 * interrupts) are not errors: they are the run report's `outcome` and exit code.
 * Each carries a stable code (for scripts and docs) and a
 * message that says what to do; the CLI maps the code to a documented exit code.
 */
export type EdfErrorCode =
    | "EDF_SPEC_NOT_FOUND"
    | "EDF_PROJECT_NOT_FOUND"
    | "EDF_INIT_EXISTS"
    | "EDF_SPEC_INVALID"
    | "EDF_CYCLE"
    | "EDF_SELECTION_INVALID"
    | "EDF_USAGE"
    | "EDF_INPUT_UNRESOLVED"
    | "EDF_PREFLIGHT"
    | "EDF_GIT"
    | "EDF_GIT_SHALLOW"
    | "EDF_CI_EDITED"
    | "EDF_UPSTREAM_NOT_DEPLOYED"
    | "EDF_CONFIRMATION_REQUIRED"
    | "EDF_PROTECTED"
    | "EDF_TOOL_MISSING"
    | "EDF_BACKEND"
    | "EDF_WRITE_FAILED"
    | "EDF_NOT_DEPLOYED"
    | "EDF_AWS_CREDENTIALS"
    | "EDF_INSPECTION_STATE"
    | "EDF_PUBLISH_FAILED"
    | "EDF_INTERNAL";

/** Documented process exit codes of `edf` (docs/driver.md). */
export const EXIT_CODES = {
    /** Everything requested succeeded (for `drift`: nothing drifted). */
    ok: 0,
    /** At least one stack failed (engine or program error). */
    failure: 1,
    /** A mandatory policy violation failed at least one stack (and nothing else failed). */
    policyViolation: 2,
    /**
     * Bad input or a refusal before anything ran: invalid spec, cycle, unknown unit, unresolved
     * input, bad option, an upstream never deployed, a confirmation not given, protected resources
     * without `--unprotect`, a missing tool. Nothing ran.
     */
    badInput: 3,
    /** `drift` found at least one drifted stack. */
    drift: 4,
    /** Interrupted by SIGINT or SIGTERM; running operations were cancelled. */
    interrupted: 130,
} as const;

const EXIT_CODE_BY_ERROR: Record<EdfErrorCode, number> = {
    EDF_SPEC_NOT_FOUND: EXIT_CODES.badInput,
    EDF_PROJECT_NOT_FOUND: EXIT_CODES.badInput,
    EDF_INIT_EXISTS: EXIT_CODES.badInput,
    EDF_SPEC_INVALID: EXIT_CODES.badInput,
    EDF_CYCLE: EXIT_CODES.badInput,
    EDF_SELECTION_INVALID: EXIT_CODES.badInput,
    EDF_USAGE: EXIT_CODES.badInput,
    EDF_INPUT_UNRESOLVED: EXIT_CODES.badInput,
    EDF_PREFLIGHT: EXIT_CODES.badInput,
    EDF_GIT: EXIT_CODES.badInput,
    EDF_GIT_SHALLOW: EXIT_CODES.badInput,
    EDF_CI_EDITED: EXIT_CODES.badInput,
    EDF_UPSTREAM_NOT_DEPLOYED: EXIT_CODES.badInput,
    EDF_CONFIRMATION_REQUIRED: EXIT_CODES.badInput,
    EDF_PROTECTED: EXIT_CODES.badInput,
    EDF_TOOL_MISSING: EXIT_CODES.badInput,
    EDF_BACKEND: EXIT_CODES.failure,
    EDF_WRITE_FAILED: EXIT_CODES.failure,
    // `inspect` of an environment none of whose selected stacks exists: nothing ran.
    EDF_NOT_DEPLOYED: EXIT_CODES.badInput,
    // `inspect --publish`/`--state`: no AWS region or credentials, or a state location that cannot be read: nothing ran.
    EDF_AWS_CREDENTIALS: EXIT_CODES.badInput,
    EDF_INSPECTION_STATE: EXIT_CODES.badInput,
    // The inspection ran and its reports are written; sending its findings on failed (the next run retries).
    EDF_PUBLISH_FAILED: EXIT_CODES.failure,
    EDF_INTERNAL: EXIT_CODES.failure,
};

/** One concrete problem; several are reported together under one error. */
export interface Problem {
    /** The file the problem is in, when there is one. */
    readonly file?: string;
    /** Where in the document or which input (a JSON path such as `/units/network/dependsOn/0`). */
    readonly path?: string;
    /** 1-based line in `file`, when known. */
    readonly line?: number;
    /** What is wrong. */
    readonly message: string;
    /** What to do about it. */
    readonly fix?: string;
}

/** The most problems one error carries: a file with a million mistakes costs what one with fifty does. */
export const MAX_PROBLEMS = 50;

/** An error of the driver with a stable code and the problems found (the first {@link MAX_PROBLEMS}, then a count). */
export class EdfError extends Error {
    readonly code: EdfErrorCode;
    readonly problems: readonly Problem[];
    /** Problems found beyond the first {@link MAX_PROBLEMS}, counted but not kept. */
    readonly omittedProblems: number;

    constructor(code: EdfErrorCode, message: string, problems: readonly Problem[] = [], omittedProblems = 0) {
        super(message);
        this.name = "EdfError";
        this.code = code;
        this.problems = problems.length > MAX_PROBLEMS ? problems.slice(0, MAX_PROBLEMS) : problems;
        this.omittedProblems = omittedProblems + Math.max(0, problems.length - MAX_PROBLEMS);
    }

    get exitCode(): number {
        return EXIT_CODE_BY_ERROR[this.code];
    }
}

/** Formats one problem as `file:line path: message — fix`. */
export function formatProblem(problem: Problem): string {
    const where = [problem.file && (problem.line ? `${problem.file}:${problem.line}` : problem.file), problem.path]
        .filter(Boolean)
        .join(" ");
    const fix = problem.fix ? ` Fix: ${problem.fix}` : "";
    return `${where ? `${where}: ` : ""}${problem.message}${fix}`;
}

/** The exit code for any thrown value. */
export function exitCodeOf(error: unknown): number {
    return error instanceof EdfError ? error.exitCode : EXIT_CODES.failure;
}

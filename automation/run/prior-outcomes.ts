import * as fs from "fs";
import * as path from "path";
import { EdfError, Problem } from "../errors";
import type { StackStatus } from "./outcome";

/** How a stack ended in an earlier job of the same fanned-out run. */
export interface PriorOutcome {
    readonly status: StackStatus;
    /** The report it was read from, for messages. */
    readonly report: string;
}

/** Every status, least severe first: a stack in several reports keeps the most severe. */
const SEVERITY: readonly StackStatus[] = ["not-deployed", "succeeded", "policy-violation", "skipped", "cancelled", "failed"];

/** The outcomes of earlier jobs, by environment and unit. */
export class PriorOutcomes {
    private readonly outcomes = new Map<string, PriorOutcome>();

    get(environment: string, unit: string): PriorOutcome | undefined {
        return this.outcomes.get(`${environment}\0${unit}`);
    }

    /** Records an outcome; a stack met twice keeps the more severe. */
    add(environment: string, unit: string, outcome: PriorOutcome): void {
        const key = `${environment}\0${unit}`;
        const known = this.outcomes.get(key);
        if (!known || SEVERITY.indexOf(outcome.status) > SEVERITY.indexOf(known.status)) this.outcomes.set(key, outcome);
    }

    get size(): number {
        return this.outcomes.size;
    }
}

/**
 * The stack outcomes recorded by earlier jobs of a fanned-out run: every `report.json` under
 * `dir` (the run reports those jobs uploaded, however the CI system lays out its artifacts)
 * written by `command`. A stack in several reports keeps its most severe outcome. A file named
 * `report.json` that is not a run report is an `EDF_USAGE` error.
 */
export function readPriorOutcomes(dir: string, command: string): PriorOutcomes {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
        throw new EdfError("EDF_USAGE", `\`--after ${dir}\` is not a folder of run reports.`, [
            { path: "--after", message: `no folder \`${dir}\``, fix: "pass the folder the earlier jobs' reports were downloaded to." },
        ]);
    }
    const outcomes = new PriorOutcomes();
    const problems: Problem[] = [];
    for (const file of reportFiles(dir)) {
        let report: { environment?: unknown; command?: unknown; stacks?: { unit?: unknown; status?: unknown }[] };
        try {
            report = JSON.parse(fs.readFileSync(file, "utf8")) as typeof report;
        } catch (error) {
            problems.push({
                file,
                message: `not JSON: ${(error as Error).message}`,
                fix: "pass only the run reports (`report.json`) of earlier jobs.",
            });
            continue;
        }
        if (!Array.isArray(report.stacks)) {
            problems.push({
                file,
                message: "not a run report (no `stacks`)",
                fix: "pass only the run reports (`report.json`) of earlier jobs.",
            });
            continue;
        }
        if (report.command !== command || typeof report.environment !== "string") continue;
        for (const stack of report.stacks) {
            if (typeof stack.unit !== "string" || !SEVERITY.includes(stack.status as StackStatus)) continue;
            outcomes.add(report.environment, stack.unit, { status: stack.status as StackStatus, report: file });
        }
    }
    if (problems.length > 0) {
        throw new EdfError("EDF_USAGE", `\`--after ${dir}\` holds ${problems.length} file(s) that are not run reports.`, problems);
    }
    return outcomes;
}

function reportFiles(dir: string): string[] {
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((entry) => {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) return reportFiles(full);
            return entry.name === "report.json" ? [full] : [];
        })
        .sort();
}

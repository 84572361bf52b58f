import { CliCommand, EXIT_CODES } from "../context";

/** At most this many reasons of one kind per unit on the terminal (`--json` has them all). */
const REASONS_PER_KIND = 4;

/** The reasons of a unit for people: long runs of one kind (a pack upgrade touches every policy) are cut short. */
export function reasonLines(reasons: readonly { kind: string; text: string }[]): string[] {
    const lines: string[] = [];
    const shown = new Map<string, number>();
    for (const reason of reasons) {
        const n = (shown.get(reason.kind) ?? 0) + 1;
        shown.set(reason.kind, n);
        if (n <= REASONS_PER_KIND) lines.push(reason.text);
    }
    for (const [kind, n] of shown)
        if (n > REASONS_PER_KIND) lines.push(`… and ${n - REASONS_PER_KIND} more ${kind} change(s) (see --json)`);
    return lines;
}

interface AffectedCliOptions {
    env: string;
    base: string;
    head?: string;
    inputs?: string;
}

/**
 * `edf affected`: the units whose fingerprint differs between two commits, in dependency order.
 * stdout holds only the unit names, one per line, so `--only $(edf affected …)` works; the
 * reasons go to stderr as progress. `--json` prints the whole answer (reasons, levels) instead.
 */
export const commands: CliCommand[] = [
    {
        register(program, context) {
            program
                .command("affected")
                .description(
                    "list the units whose fingerprint differs between two commits (or a commit and the working tree), with reasons",
                )
                .requiredOption("-e, --env <name|file>", "environment name (environments/<name>.yaml) or spec file")
                .requiredOption("--base <ref>", "the commit to compare against: a branch, tag, SHA or HEAD~1")
                .option("--head <ref>", "the commit to compare (default: the working tree, uncommitted edits included)")
                .option("--inputs <file>", "the sample inputs file synth reads (default: environments/samples/<env>.yaml)")
                .action(async (options: AffectedCliOptions) => {
                    const ctx = context();
                    const { affectedUnits, sourceMemoFile } = await import("../../fingerprint/affected");
                    const report = affectedUnits({
                        env: options.env,
                        projectRoot: ctx.projectRoot,
                        base: options.base,
                        ...(options.head !== undefined ? { head: options.head } : {}),
                        ...(options.inputs ? { samplesFile: options.inputs } : {}),
                        progress: (message) => ctx.reporter.info(message),
                        memoFile: sourceMemoFile(),
                    });
                    if (report.baseProblem) ctx.reporter.warn(report.baseProblem);
                    for (const unit of report.units) {
                        ctx.reporter.info(`  ${unit.unit.padEnd(20)} level ${unit.level}`);
                        for (const line of reasonLines(unit.reasons)) ctx.reporter.info(`      - ${line}`);
                    }
                    if (report.removed.length > 0)
                        ctx.reporter.info(`  removed from the spec since the base: ${report.removed.map((u) => `\`${u}\``).join(", ")}`);
                    ctx.reporter.result(report, report.units.map((u) => u.unit).join("\n"));
                    ctx.exit(EXIT_CODES.ok);
                });
        },
    },
];

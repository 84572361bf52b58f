import * as fs from "fs";
import * as path from "path";
import { CliCommand } from "../context";

/**
 * `edf report merge`: the run reports of a fanned-out run's jobs merged into one environment
 * report (report.json and summary.md in `--out`); exits with the merged run's exit code, so
 * the job that merges fails exactly when one runner running every stack would have.
 */
export const commands: CliCommand[] = [
    {
        register(program, context) {
            const group = program.command("report").description("work with run reports");
            group
                .command("merge")
                .description("merge the run reports of a fanned-out run's jobs into one environment report")
                .argument("<reports...>", "run reports (report.json) or folders holding them")
                .option("-o, --out <dir>", "write report.json and summary.md of the merged run here")
                .action(async (reports: string[], options: { out?: string }) => {
                    const ctx = context();
                    const { mergeRunReports } = await import("../../report-merge");
                    const { summaryTable } = await import("../../engine/report");
                    const { renderReportJson } = await import("../../run/report/json");
                    const { renderReportMarkdown } = await import("../../run/report/markdown");
                    const merged = mergeRunReports(reports, ctx.projectRoot);
                    ctx.reporter.info(`report merge: ${merged.merged.reports.length} report(s), ${merged.stacks.length} stack(s)`);
                    if (options.out) {
                        fs.mkdirSync(options.out, { recursive: true });
                        fs.writeFileSync(path.join(options.out, "report.json"), renderReportJson(merged));
                        // The one writer's summary, as every command's run folder has it.
                        fs.writeFileSync(path.join(options.out, "summary.md"), renderReportMarkdown(merged));
                        ctx.reporter.info(`report merge: wrote ${path.join(options.out, "report.json")} and summary.md`);
                    }
                    ctx.reporter.result(merged, summaryTable(merged));
                    ctx.exit(merged.exitCode);
                });
        },
    },
];

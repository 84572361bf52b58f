import { stableStringify } from "../../../policy-packs/lib/reports/json";
import type { EnvironmentReport } from "./model";

/** report.json: the whole run, keys sorted at every depth; equal runs give equal bytes. */
export function renderReportJson(report: EnvironmentReport): string {
    return `${stableStringify(report)}\n`;
}

import { stableStringify } from "../../../policy-packs/lib/reports/json";
import type { InspectReport } from "./model";

/** report.json: the whole run, keys sorted at every depth. */
export function renderInspectJson(report: InspectReport): string {
    return `${stableStringify(report)}\n`;
}

import { stableStringify, stableStringifyParts } from "../../../policy-packs/lib/reports/json";
import type { EnvironmentReport } from "./model";

/** report.json: the whole run, keys sorted at every depth; equal runs give equal bytes. */
export function renderReportJson(report: EnvironmentReport): string {
    return `${stableStringify(report)}\n`;
}

/** report.json in parts (see stableStringifyParts): the kept stacks' big parts are the same strings run after run. */
export function renderReportJsonParts(report: EnvironmentReport): string[] {
    return [...stableStringifyParts(report), "\n"];
}

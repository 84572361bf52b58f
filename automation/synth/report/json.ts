import { stableStringify } from "../../../policy-packs/lib/reports/json";
import type { SynthReport } from "./model";

/** report.json: the whole run, keys sorted at every depth; equal runs give equal bytes. */
export function renderSynthJson(report: SynthReport): string {
    return `${stableStringify(report)}\n`;
}

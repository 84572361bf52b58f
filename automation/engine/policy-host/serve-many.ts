import { analyzerSettingsKeys, wrapAnalyzerService } from "../../../policy-packs/lib/analyzer-internals";
import { multiTenant } from "./tenancy";

/**
 * Runs in the resident analyzer before the pack loads: its Analyzer service becomes
 * multi-tenant, and the process lives only as long as the driver that started it.
 */
export function install(): void {
    wrapAnalyzerService((service, implementation) => multiTenant(service, implementation, analyzerSettingsKeys));
    // The driver holds this process's stdin: when the driver goes — stopped, crashed or killed —
    // the pipe closes and the analyzer goes too, instead of outliving the run.
    process.stdin.on("end", () => process.exit(0));
    process.stdin.resume();
}

import * as fs from "fs";
import type { ReportViolation } from "@pulumi/policy";
/**
 * The analyzer's own unknown-value proxy from `@pulumi/policy` (marked internal, so not in its
 * typings). Using the very same code keeps the harness's preview semantics identical to the
 * engine's; if a future `@pulumi/policy` moves it, this fails loudly at load instead of drifting.
 */
interface AnalyzerProxyModule {
    unknownCheckingProxy<T>(value: T): T;
    UnknownValueError: new (...args: never[]) => Error;
    getSpecialProxyTarget: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a private module path is what this fence exists for
const proxyModule = require("@pulumi/policy/proxy") as Partial<AnalyzerProxyModule>;
if (
    typeof proxyModule.unknownCheckingProxy !== "function" ||
    typeof proxyModule.UnknownValueError !== "function" ||
    typeof proxyModule.getSpecialProxyTarget !== "string"
) {
    throw new Error(
        "`@pulumi/policy/proxy` no longer exports " +
            "`unknownCheckingProxy`/`UnknownValueError`: pin @pulumi/policy 1.21.x " +
            "or update policy-packs/lib/analyzer-internals.ts.",
    );
}

export const unknownCheckingProxy = proxyModule.unknownCheckingProxy;
export const UnknownValueError = proxyModule.UnknownValueError;
export const getSpecialProxyTarget = proxyModule.getSpecialProxyTarget;

/**
 * `reportViolation` with a level of the policy's own choosing. The analyzer's report function
 * also takes an object (`{ message, urn, enforcementLevel, ... }`, not in @pulumi/policy's
 * typings) and then reports at the object's level instead of the policy's configured one. A
 * published pack uses it to judge each stack at its environment's level (pack-entry.ts). The
 * object's message is shown as is, so the engine's usual "description, newline, message" is
 * built here to keep messages identical to the string form's.
 */
export function reportAtLevel(
    report: ReportViolation,
    description: string,
    message: string,
    urn: string | undefined,
    level: "advisory" | "mandatory",
): void {
    const violation = {
        message: message ? `${description}\n${message}` : description,
        description,
        enforcementLevel: level,
        ...(urn ? { urn } : {}),
    };
    (report as unknown as (violation: object) => void)(violation);
}

// The object form is the analyzer's own code path (server.js `makeReportViolationFun`); it has no
// export to call, so its source is checked, and the engine suite proves the behaviour end to end.
const analyzerSource = fs.readFileSync(require.resolve("@pulumi/policy/server"), "utf8");
if (!analyzerSource.includes("policyInfo.enforcementLevel || enforcementLevel")) {
    throw new Error(
        "@pulumi/policy no longer reports an object violation at the object's " +
            "own enforcement level: pin @pulumi/policy 1.21.x or update " +
            "reportAtLevel in policy-packs/lib/analyzer-internals.ts.",
    );
}

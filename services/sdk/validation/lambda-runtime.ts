/**
 * Lambda runtimes a function may use: those AWS still supports (patches) and has not
 * announced for deprecation within the next months, as of 2026-12 (AWS's "Lambda
 * runtimes" page). Review when AWS deprecates one: the peers flag deprecated runtimes
 * (Checkov CKV_AWS_363) and runtimes older than the family's latest (cdk-nag L1).
 */
export const SUPPORTED_FUNCTION_RUNTIMES = [
    "nodejs24.x",
    "nodejs22.x",
    "python3.14",
    "python3.13",
    "python3.12",
    "java25",
    "java21",
    "dotnet10",
    "ruby3.4",
    "provided.al2023",
] as const;

export type FunctionRuntime = (typeof SUPPORTED_FUNCTION_RUNTIMES)[number];

/** The newest Node.js runtime: the default, so a new function starts on the family's latest (cdk-nag L1). */
export const DEFAULT_FUNCTION_RUNTIME: FunctionRuntime = "nodejs24.x";

/** Runtimes AWS has deprecated or will shortly (no more patches), for a precise message. */
export const DEPRECATED_FUNCTION_RUNTIMES: readonly string[] = [
    "nodejs20.x",
    "nodejs18.x",
    "nodejs16.x",
    "nodejs14.x",
    "nodejs12.x",
    "python3.11",
    "python3.10",
    "python3.9",
    "python3.8",
    "python3.7",
    "java17",
    "java11",
    "java8.al2",
    "java8",
    "dotnet8",
    "dotnet6",
    "ruby3.3",
    "ruby3.2",
    "provided.al2",
    "provided",
    "go1.x",
];

/** Why `runtime` cannot be used, naming the argument and the fix; empty when it can. Pure. */
export function functionRuntimeProblems(runtime: unknown, argument = "runtime"): string[] {
    if (SUPPORTED_FUNCTION_RUNTIMES.includes(runtime as FunctionRuntime)) {
        return [];
    }
    const family = typeof runtime === "string" ? runtime.replace(/[\d.]+(\.x)?$/, "") : "";
    const successor = SUPPORTED_FUNCTION_RUNTIMES.find((r) => family !== "" && r.startsWith(family));
    const fix = successor ? `use \`${successor}\`` : `use one of ${SUPPORTED_FUNCTION_RUNTIMES.map((r) => `\`${r}\``).join(", ")}`;
    if (typeof runtime === "string" && DEPRECATED_FUNCTION_RUNTIMES.includes(runtime)) {
        return [`\`${argument}\` is \`${runtime}\`, which AWS has deprecated or is about to (no more security patches): ${fix}.`];
    }
    return [`\`${argument}\` is \`${String(runtime)}\`, not a supported Lambda runtime: ${fix}.`];
}

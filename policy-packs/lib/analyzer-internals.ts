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

// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxyModule = require("@pulumi/policy/proxy") as Partial<AnalyzerProxyModule>;
if (
    typeof proxyModule.unknownCheckingProxy !== "function" ||
    typeof proxyModule.UnknownValueError !== "function" ||
    typeof proxyModule.getSpecialProxyTarget !== "string"
) {
    throw new Error(
        "`@pulumi/policy/proxy` no longer exports `unknownCheckingProxy`/`UnknownValueError`: pin @pulumi/policy 1.21.x or update policy-packs/lib/analyzer-internals.ts.",
    );
}

export const unknownCheckingProxy = proxyModule.unknownCheckingProxy;
export const UnknownValueError = proxyModule.UnknownValueError;
export const getSpecialProxyTarget = proxyModule.getSpecialProxyTarget;

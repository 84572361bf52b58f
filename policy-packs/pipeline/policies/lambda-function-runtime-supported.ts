import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

/** Runtimes AWS has deprecated (no security patches): Checkov's list and the deprecations since. */
export const DEFAULT_DEPRECATED_RUNTIMES = [
    "dotnetcore1.0",
    "dotnetcore2.0",
    "dotnetcore2.1",
    "dotnetcore3.1",
    "dotnet5.0",
    "dotnet6",
    "dotnet7",
    "go1.x",
    "java8",
    "nodejs",
    "nodejs4.3",
    "nodejs4.3-edge",
    "nodejs6.10",
    "nodejs8.10",
    "nodejs10.x",
    "nodejs12.x",
    "nodejs14.x",
    "nodejs16.x",
    "nodejs18.x",
    "nodejs20.x",
    "provided",
    "python2.7",
    "python3.6",
    "python3.7",
    "python3.8",
    "python3.9",
    "ruby2.5",
    "ruby2.7",
    "ruby3.2",
];

interface Config {
    deprecatedRuntimes: string[];
}

export const lambdaFunctionRuntimeSupported: ResourcePolicyDefinition = {
    kind: "resource",
    id: "lambda-function-runtime-supported",
    description: "Checks whether Lambda functions use a runtime that AWS still patches.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Move the function to a supported runtime (e.g. `nodejs22.x`, `python3.13`, `java21`) and redeploy.",
    configSchema: {
        properties: { deprecatedRuntimes: { type: "array", items: { type: "string" }, default: DEFAULT_DEPRECATED_RUNTIMES } },
    },
    peerChecks: { full: ["CKV_AWS_363"] },
    resourceTypes: [T.lambdaFunction],
    validateResource: forTypes([T.lambdaFunction], (args, report) => {
        const runtime = args.props.runtime;
        // Container images carry their own runtime.
        if (typeof runtime !== "string") return args.notApplicable("The function is a container image.");
        if (args.getConfig<Config>().deprecatedRuntimes.includes(runtime))
            report(`Lambda function \`${args.name}\` must use a supported runtime; \`${runtime}\` is deprecated.`);
    }),
};

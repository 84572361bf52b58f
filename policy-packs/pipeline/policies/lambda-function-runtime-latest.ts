import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

/** The newest runtime of each family in @pulumi/aws 7.48's `lambda.Runtime`. */
export const DEFAULT_LATEST_RUNTIMES = ["dotnet10", "java25", "nodejs24.x", "python3.14", "ruby3.4"];

const FAMILY = /^([a-z]+)/;

interface Config {
    latestRuntimes: string[];
}

export const lambdaFunctionRuntimeLatest: ResourcePolicyDefinition = {
    kind: "resource",
    id: "lambda-function-runtime-latest",
    description: "Checks whether Lambda functions use the latest runtime version of their language family.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "Move the function to the newest runtime of its family (see the policy's `latestRuntimes` config).",
    configSchema: { properties: { latestRuntimes: { type: "array", items: { type: "string" }, default: DEFAULT_LATEST_RUNTIMES } } },
    peerChecks: { full: ["AwsSolutions-L1"] },
    resourceTypes: [T.lambdaFunction],
    validateResource: forTypes([T.lambdaFunction], (args, report) => {
        const runtime = args.props.runtime;
        if (typeof runtime !== "string") return args.notApplicable("The function is a container image.");
        const family = FAMILY.exec(runtime)?.[1];
        // OS-only runtimes (`provided.*`) carry no language version, as cdk-nag also judges.
        if (!family || family === "provided") return args.notApplicable("The function uses an OS-only runtime.");
        const latest = args.getConfig<Config>().latestRuntimes.find((r) => FAMILY.exec(r)?.[1] === family);
        if (latest !== undefined && runtime !== latest)
            report(`Lambda function \`${args.name}\` must use \`${latest}\`, the latest ${family} runtime, not \`${runtime}\`.`);
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const lambdaFunctionConcurrencyLimit: ResourcePolicyDefinition = {
    kind: "resource",
    id: "lambda-function-concurrency-limit",
    description: "Checks whether Lambda functions reserve their concurrency, so one function cannot exhaust the account's pool.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Set `reservedConcurrentExecutions` to the most instances the function may run at once (0 or more; -1 means unreserved).",
    peerChecks: { full: ["CKV_AWS_115"] },
    resourceTypes: [T.lambdaFunction],
    validateResource: forTypes([T.lambdaFunction], (args, report) => {
        const reserved = args.props.reservedConcurrentExecutions;
        if (typeof reserved !== "number" || reserved < 0)
            report(`Lambda function \`${args.name}\` must set \`reservedConcurrentExecutions\` to a limit (0 or more).`);
    }),
};

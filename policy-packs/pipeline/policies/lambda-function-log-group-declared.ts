import type { StackPolicyDefinition } from "../../lib/model";
import { known, ofTypes } from "../support/props";
import { T } from "../support/types";

export const lambdaFunctionLogGroupDeclared: StackPolicyDefinition = {
    kind: "stack",
    id: "lambda-function-log-group-declared",
    description:
        "Checks whether every Lambda function logs to a log group declared in " +
        "the stack, so its retention and encryption are set rather than left " +
        "to " +
        "the implicit group.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Declare an `aws.cloudwatch.LogGroup` (KMS key, retention ≥ 365 days) and point `loggingConfig.logGroup` at its name, or name it " +
        "`/aws/lambda/<function name>`.",
    resourceTypes: [T.lambdaFunction, T.logGroup],
    validateStack: (args, report) => {
        const functions = ofTypes(args.resources, [T.lambdaFunction]);
        if (functions.length === 0) args.notApplicable("The stack declares no Lambda function.");
        const groups = ofTypes(args.resources, [T.logGroup]);
        const groupUrns = new Set(groups.map((g) => g.urn));
        const groupNames = new Set<string>();
        for (const g of groups) {
            const name = known(() => g.props.name);
            if (typeof name === "string") groupNames.add(name);
        }
        for (const fn of functions) {
            if ((fn.propertyDependencies.loggingConfig ?? []).some((d) => groupUrns.has(d.urn))) continue;
            const custom = (fn.props.loggingConfig as { logGroup?: unknown } | undefined)?.logGroup;
            const expected =
                typeof custom === "string" ? custom : typeof fn.props.name === "string" ? `/aws/lambda/${fn.props.name}` : undefined;
            if (expected !== undefined && groupNames.has(expected)) continue;
            report(
                `Lambda function \`${fn.name}\` must log to a log group declared in the stack ` +
                    `(${expected ? `\`${expected}\`` : "set `loggingConfig.logGroup`"}).`,
                fn.urn,
            );
        }
    },
};

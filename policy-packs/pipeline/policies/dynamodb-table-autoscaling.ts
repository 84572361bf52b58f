import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { subject } from "../support/data-settings";
import { known, ofTypes, refersTo } from "../support/props";
import { T } from "../support/types";

// A scaling target or policy of the table: by reference, or by its `resourceId` (`table/<name>`).
function scales(x: PolicyResource, table: PolicyResource): boolean {
    if (known(() => x.props.serviceNamespace) !== "dynamodb") return false;
    if (refersTo(x, "resourceId", table, [])) return true;
    const name = known(() => table.props.name);
    return typeof name === "string" && known(() => x.props.resourceId) === `table/${name}`;
}

export const dynamodbTableAutoscaling: StackPolicyDefinition = {
    kind: "stack",
    id: "dynamodb-table-autoscaling",
    description:
        "Checks whether DynamoDB tables with provisioned capacity scale it " +
        "with Application Auto Scaling (on-demand tables scale by themselves).",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        'Use `billingMode: "PAY_PER_REQUEST"`, or add an ' +
        '`aws.appautoscaling.Target` (`serviceNamespace: "dynamodb"`, ' +
        "`resourceId: table/<name>`) with an `aws.appautoscaling.Policy` for " +
        "its read and write capacity.",
    peerChecks: { full: ["CKV2_AWS_16"] },
    resourceTypes: [T.dynamoTable, T.appAutoscalingTarget, T.appAutoscalingPolicy],
    validateStack: (args, report) => {
        const provisioned = ofTypes(args.resources, [T.dynamoTable]).filter(
            (t) => (t.props.billingMode ?? "PROVISIONED") === "PROVISIONED",
        );
        if (provisioned.length === 0) args.notApplicable("The stack declares no DynamoDB table with provisioned capacity.");
        const targets = ofTypes(args.resources, [T.appAutoscalingTarget]);
        const policies = ofTypes(args.resources, [T.appAutoscalingPolicy]);
        for (const table of provisioned) {
            if (!targets.some((t) => scales(t, table)) || !policies.some((p) => scales(p, table)))
                report(
                    `${subject(table.type, table.name)} must scale its provisioned ` +
                        `capacity (aws.appautoscaling.Target and Policy) or be on-demand.`,
                    table.urn,
                );
        }
    },
};

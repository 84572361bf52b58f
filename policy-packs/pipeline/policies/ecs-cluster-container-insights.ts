import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

/** Task-level CPU, memory, network and restart metrics are what shows a task being abused or crash-looping. */
export const ecsClusterContainerInsights: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ecs-cluster-container-insights",
    description: "Checks whether ECS clusters have CloudWatch Container Insights enabled.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: 'Add `settings: [{ name: "containerInsights", value: "enhanced" }]` (or `"enabled"`) to the cluster.',
    peerChecks: { full: ["CKV_AWS_65", "AwsSolutions-ECS4"] },
    resourceTypes: [T.ecsCluster],
    validateResource: forTypes([T.ecsCluster], (args, report) => {
        const setting = asArray(args.props.settings as { name?: string; value?: string }[]).find((s) => s.name === "containerInsights");
        if (setting?.value !== "enabled" && setting?.value !== "enhanced")
            report(`ECS cluster \`${args.name}\` must enable Container Insights (setting \`containerInsights\` enabled or enhanced).`);
    }),
};

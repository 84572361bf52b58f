import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

interface Config {
    requiredLogTypes: string[];
}

/** Every control-plane log type: the API and audit logs record who did what to the cluster. */
export const DEFAULT_EKS_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

export const eksClusterControlPlaneLogging: ResourcePolicyDefinition = {
    kind: "resource",
    id: "eks-cluster-control-plane-logging",
    description:
        "Checks whether EKS clusters send their control-plane logs (API, " +
        "audit, authenticator, controller manager, scheduler) to CloudWatch Logs.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        `Set \`enabledClusterLogTypes: ` +
        `${JSON.stringify(DEFAULT_EKS_LOG_TYPES)}\` and create the log group ` +
        `\`/aws/eks/<cluster>/cluster\` with retention and a KMS key first.`,
    configSchema: {
        properties: { requiredLogTypes: { type: "array", items: { type: "string", minLength: 1 }, default: DEFAULT_EKS_LOG_TYPES } },
    },
    peerChecks: { full: ["CKV_AWS_37", "AwsSolutions-EKS2"] },
    resourceTypes: [T.eksCluster],
    validateResource: forTypes([T.eksCluster], (args, report) => {
        const { requiredLogTypes } = args.getConfig<Config>();
        const enabled = new Set(asArray(args.props.enabledClusterLogTypes as string[]));
        const missing = requiredLogTypes.filter((t) => !enabled.has(t));
        if (missing.length > 0)
            report(`EKS cluster \`${args.name}\` must log ${missing.map((m) => `\`${m}\``).join(", ")} (\`enabledClusterLogTypes\`).`);
    }),
};

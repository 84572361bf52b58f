import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const mskClusterNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "msk-cluster-not-public",
    description: "Checks whether MSK cluster brokers are reachable only from inside the VPC.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        "Remove `brokerNodeGroupInfo.connectivityInfo.publicAccess` or set its " +
        "`type` to `DISABLED`; reach the cluster over private subnets or PrivateLink.",
    peerChecks: { full: ["CKV_AWS_291"] },
    resourceTypes: [T.mskCluster],
    validateResource: forTypes([T.mskCluster], (args, report) => {
        const info = args.props.brokerNodeGroupInfo as { connectivityInfo?: { publicAccess?: { type?: unknown } } } | undefined;
        if (info?.connectivityInfo?.publicAccess?.type === "SERVICE_PROVIDED_EIPS")
            report(
                `MSK cluster \`${args.name}\` must not give its brokers public addresses (\`publicAccess.type: "SERVICE_PROVIDED_EIPS"\`).`,
            );
    }),
};

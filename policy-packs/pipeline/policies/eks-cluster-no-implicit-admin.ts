import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

/**
 * By default EKS makes whoever creates the cluster (the pipeline's role) a permanent, invisible
 * cluster administrator. Administrators are granted as access entries, in the open, instead.
 */
export const eksClusterNoImplicitAdmin: ResourcePolicyDefinition = {
    kind: "resource",
    id: "eks-cluster-no-implicit-admin",
    description: "Checks whether EKS clusters refrain from making their creator an implicit cluster administrator.",
    severity: "medium",
    enforcementLevel: "advisory",
    enforceAfter: "2027-03-01",
    waivable: true,
    remediationSteps:
        'Set `accessConfig: { authenticationMode: "API", ' +
        "bootstrapClusterCreatorAdminPermissions: false }` and grant " +
        "administrators with `aws.eks.AccessEntry` and `AccessPolicyAssociation`.",
    resourceTypes: [T.eksCluster],
    validateResource: forTypes([T.eksCluster], (args, report) => {
        const access = args.props.accessConfig as { bootstrapClusterCreatorAdminPermissions?: boolean } | undefined;
        if (access?.bootstrapClusterCreatorAdminPermissions !== false)
            report(
                `EKS cluster \`${args.name}\` must not make its creator an implicit ` +
                    `administrator ` +
                    `(\`accessConfig.bootstrapClusterCreatorAdminPermissions: false\`).`,
            );
    }),
};

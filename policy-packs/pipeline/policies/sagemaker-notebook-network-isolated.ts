import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

/**
 * A notebook outside a VPC, or with SageMaker's own internet access, can reach (and be reached
 * from) the internet around every network control of the landing zone.
 */
export const sagemakerNotebookNetworkIsolated: ResourcePolicyDefinition = {
    kind: "resource",
    id: "sagemaker-notebook-network-isolated",
    description: "Checks whether SageMaker notebook instances run in a VPC subnet with SageMaker's direct internet access disabled.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Set `subnetId` to a private subnet, `securityGroups`, and `directInternetAccess: "Disabled"`; reach package mirrors ' +
        "through the VPC's endpoints or NAT.",
    resourceTypes: [T.sagemakerNotebook],
    peerChecks: {
        full: ["AwsSolutions-SM1", "AwsSolutions-SM3", "PCI.DSS.321-SageMakerNotebookNoDirectInternetAccess", "CKV_AWS_122", "CKV_AWS_306"],
    },
    validateResource: forTypes([T.sagemakerNotebook], (args, report) => {
        const subnet = args.props.subnetId;
        if (typeof subnet !== "string" || subnet === "")
            report(`SageMaker notebook \`${args.name}\` must run in a VPC subnet (\`subnetId\`).`);
        if (args.props.directInternetAccess !== "Disabled")
            report(
                `SageMaker notebook \`${args.name}\` must disable SageMaker's direct ` +
                    `internet access (\`directInternetAccess: "Disabled"\`).`,
            );
    }),
};

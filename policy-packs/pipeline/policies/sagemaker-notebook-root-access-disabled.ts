import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const sagemakerNotebookRootAccessDisabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "sagemaker-notebook-root-access-disabled",
    description: "Checks whether SageMaker notebook instances deny their users root access.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Set `rootAccess: "Disabled"` (lifecycle configurations still run as root); install packages through a lifecycle configuration.',
    resourceTypes: [T.sagemakerNotebook],
    peerChecks: { full: ["CKV_AWS_307"] },
    validateResource: forTypes([T.sagemakerNotebook], (args, report) => {
        if (args.props.rootAccess !== "Disabled")
            report(`SageMaker notebook \`${args.name}\` must deny its users root access (\`rootAccess: "Disabled"\`).`);
    }),
};

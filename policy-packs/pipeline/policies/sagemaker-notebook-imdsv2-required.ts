import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

/** IMDSv1 answers any request from the instance, so an SSRF in notebook code hands out the role's credentials. */
export const sagemakerNotebookImdsv2Required: ResourcePolicyDefinition = {
    kind: "resource",
    id: "sagemaker-notebook-imdsv2-required",
    description: "Checks whether SageMaker notebook instances accept only IMDSv2 (session-token) metadata requests.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: 'Set `instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: "2" }`.',
    resourceTypes: [T.sagemakerNotebook],
    peerChecks: { full: ["CKV_AWS_371"] },
    validateResource: forTypes([T.sagemakerNotebook], (args, report) => {
        const imds = args.props.instanceMetadataServiceConfiguration as { minimumInstanceMetadataServiceVersion?: unknown } | undefined;
        if (imds?.minimumInstanceMetadataServiceVersion !== "2")
            report(
                `SageMaker notebook \`${args.name}\` must accept only IMDSv2 ` +
                    '(`instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion: "2"`).',
            );
    }),
};

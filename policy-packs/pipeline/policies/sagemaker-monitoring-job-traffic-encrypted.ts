import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const sagemakerMonitoringJobTrafficEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "sagemaker-monitoring-job-traffic-encrypted",
    description: "Checks whether SageMaker data quality monitoring jobs encrypt the traffic between their instances.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `networkConfig: { enableInterContainerTrafficEncryption: true }` on the job definition.",
    resourceTypes: [T.sagemakerDataQualityJob],
    peerChecks: { full: ["CKV_AWS_369"] },
    validateResource: forTypes([T.sagemakerDataQualityJob], (args, report) => {
        const network = args.props.networkConfig as { enableInterContainerTrafficEncryption?: unknown } | undefined;
        if (network?.enableInterContainerTrafficEncryption !== true)
            report(
                `SageMaker monitoring job \`${args.name}\` must encrypt traffic between its instances ` +
                    "(`networkConfig.enableInterContainerTrafficEncryption: true`).",
            );
    }),
};

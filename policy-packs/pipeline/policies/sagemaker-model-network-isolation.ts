import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

/** An isolated model container makes no network calls: a compromised or malicious model cannot exfiltrate inference data. */
export const sagemakerModelNetworkIsolation: ResourcePolicyDefinition = {
    kind: "resource",
    id: "sagemaker-model-network-isolation",
    description: "Checks whether SageMaker models run their containers with network isolation.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Set `enableNetworkIsolation: true` (SageMaker still fetches the model artifacts); models that must call other services " +
        "run in `vpcConfig` private subnets instead, with a waiver.",
    resourceTypes: [T.sagemakerModel],
    peerChecks: { full: ["CKV_AWS_370"] },
    validateResource: forTypes([T.sagemakerModel], (args, report) => {
        if (args.props.enableNetworkIsolation !== true)
            report(`SageMaker model \`${args.name}\` should run its containers with network isolation (\`enableNetworkIsolation: true\`).`);
    }),
};

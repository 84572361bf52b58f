import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { customerKeyProblem, valueAt } from "../support/customer-key";
import { T } from "../support/types";

/** Where each SageMaker resource names the key of the data it stores (volumes, model artifacts, outputs). */
const KEY_PATHS: Readonly<Record<string, readonly (readonly string[])[]>> = {
    [T.sagemakerNotebook]: [["kmsKeyId"]],
    [T.sagemakerDomain]: [["kmsKeyId"]],
    [T.sagemakerEndpointConfig]: [["kmsKeyArn"]],
    [T.sagemakerDataQualityJob]: [
        ["dataQualityJobOutputConfig", "kmsKeyId"],
        ["jobResources", "clusterConfig", "volumeKmsKeyId"],
    ],
    [T.sagemakerFlowDefinition]: [["outputConfig", "kmsKeyId"]],
};
const TYPES = Object.keys(KEY_PATHS);

export const sagemakerResourcesKmsEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "sagemaker-resources-kms-encrypted",
    description:
        "Checks whether SageMaker notebooks, domains, endpoint configurations, monitoring jobs and flow definitions " +
        "encrypt their storage with a customer managed KMS key.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set the resource's key to a customer managed key: `kmsKeyId` (notebook instance, domain), `kmsKeyArn` (endpoint configuration), " +
        "`dataQualityJobOutputConfig.kmsKeyId` and " +
        "`jobResources.clusterConfig.volumeKmsKeyId` (data quality job), " +
        "`outputConfig.kmsKeyId` (flow definition).",
    resourceTypes: TYPES,
    peerChecks: {
        full: [
            "AwsSolutions-SM2",
            "PCI.DSS.321-SageMakerNotebookInstanceKMSKeyConfigured",
            "PCI.DSS.321-SageMakerEndpointConfigurationKMSKeyConfigured",
            "CKV_AWS_22",
            "CKV_AWS_98",
            "CKV_AWS_187",
            "CKV_AWS_367",
            "CKV_AWS_368",
            "CKV_AWS_372",
        ],
    },
    validateResource: forTypes(TYPES, (args, report) => {
        for (const path of KEY_PATHS[args.type]) {
            const problem = customerKeyProblem(valueAt(args.props, path), path.join("."));
            if (problem)
                report(`SageMaker resource \`${args.name}\` must encrypt its storage with a customer managed KMS key: ${problem}.`);
        }
    }),
};

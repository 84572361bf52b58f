import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { customerKeyProblem } from "../support/customer-key";
import { T } from "../support/types";

export const mwaaEnvironmentKmsEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "mwaa-environment-kms-encrypted",
    description:
        "Checks whether Managed Workflows for Apache Airflow environments " +
        "encrypt their metadata database and logs with a customer managed KMS key.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `kmsKey` to a customer managed key (chosen at creation: replace the environment).",
    resourceTypes: [T.mwaaEnvironment],
    validateResource: forTypes([T.mwaaEnvironment], (args, report) => {
        const problem = customerKeyProblem(args.props.kmsKey, "kmsKey");
        if (problem) report(`MWAA environment \`${args.name}\` must be encrypted with a customer managed KMS key: ${problem}.`);
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { customerKeyProblem } from "../support/customer-key";
import { T } from "../support/types";

const TYPES = [T.appFlowFlow, T.appFlowConnectorProfile];

/** Flows stage the data they move, and connector profiles hold the credentials to SaaS sources. */
export const appflowKmsEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "appflow-kms-encrypted",
    description: "Checks whether AppFlow flows and connector profiles encrypt their data and credentials with a customer managed KMS key.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `kmsArn` to a customer managed key on the flow and on the connector profile.",
    resourceTypes: TYPES,
    peerChecks: {
        full: [
            "CKV_AWS_263",
            "CKV_AWS_264",
            "aws-appflow-flow-configure-customer-managed-key",
            "aws-appflow-connectorprofile-configure-customer-managed-key",
        ],
    },
    validateResource: forTypes(TYPES, (args, report) => {
        const problem = customerKeyProblem(args.props.kmsArn, "kmsArn");
        if (problem) report(`AppFlow resource \`${args.name}\` must be encrypted with a customer managed KMS key: ${problem}.`);
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { customerKeyProblem } from "../support/customer-key";
import { T } from "../support/types";

export const bedrockAgentKmsEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "bedrock-agent-kms-encrypted",
    description: "Checks whether Bedrock agents encrypt their data (sessions, memory) with a customer managed KMS key.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `customerEncryptionKeyArn` to a customer managed key whose policy lets the agent's role use it.",
    resourceTypes: [T.bedrockAgent],
    peerChecks: { full: ["CKV_AWS_373"] },
    validateResource: forTypes([T.bedrockAgent], (args, report) => {
        const problem = customerKeyProblem(args.props.customerEncryptionKeyArn, "customerEncryptionKeyArn");
        if (problem) report(`Bedrock agent \`${args.name}\` must be encrypted with a customer managed KMS key: ${problem}.`);
    }),
};

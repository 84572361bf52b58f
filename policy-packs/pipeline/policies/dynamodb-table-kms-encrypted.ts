import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const dynamodbTableKmsEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "dynamodb-table-kms-encrypted",
    description: "Checks whether DynamoDB tables are encrypted with a KMS key rather than an AWS owned key.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `serverSideEncryption: { enabled: true, kmsKeyArn: <customer managed key> }`.",
    // Partial: the AWS managed key passes here; dynamodb-customer-managed-key asks for a customer managed one.
    peerChecks: { partial: ["CKV_AWS_119"] },
    resourceTypes: [T.dynamoTable],
    validateResource: forTypes([T.dynamoTable], (args, report) => {
        const sse = args.props.serverSideEncryption as { enabled?: boolean } | undefined;
        if (sse?.enabled !== true)
            report(`DynamoDB table \`${args.name}\` must be encrypted with KMS (\`serverSideEncryption.enabled: true\`).`);
    }),
};

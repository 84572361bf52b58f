import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isCustomerManagedKey } from "../support/encryption-keys";
import { T } from "../support/types";

export const lambdaFunctionEnvironmentKmsEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "lambda-function-environment-kms-encrypted",
    description: "Checks whether Lambda functions with environment variables encrypt them with a customer managed KMS key.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `kmsKeyArn` to a customer managed KMS key (the service's data key) on every function that sets `environment.variables`.",
    // Checkov also fails an empty \`environment\` block without a key, and a key without environment variables.
    peerChecks: { partial: ["CKV_AWS_173"] },
    resourceTypes: [T.lambdaFunction],
    validateResource: forTypes([T.lambdaFunction], (args, report) => {
        const env = args.props.environment as { variables?: Record<string, unknown> } | undefined;
        const variables = env?.variables;
        if (!variables || Object.keys(variables).length === 0) return args.notApplicable("The function sets no environment variables.");
        if (!isCustomerManagedKey(args.props.kmsKeyArn))
            report(`Lambda function \`${args.name}\` must encrypt its environment variables with a customer managed key (\`kmsKeyArn\`).`);
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { customerKeyProblem } from "../support/customer-key";
import { T } from "../support/types";

interface Config {
    allowedEncryptionOptions: string[];
}

export const athenaDatabaseEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "athena-database-encrypted",
    description: "Checks whether Athena databases encrypt the results of their queries with a customer managed KMS key.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: 'Set `encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKey: <customer managed key> }`.',
    configSchema: {
        properties: { allowedEncryptionOptions: { type: "array", items: { type: "string" }, default: ["SSE_KMS", "CSE_KMS"] } },
    },
    resourceTypes: [T.athenaDatabase],
    peerChecks: {
        full: ["CKV_AWS_77", "aws-athena-database-disallow-unencrypted-database"],
        partial: ["aws-athena-database-configure-customer-managed-key"],
    },
    validateResource: forTypes([T.athenaDatabase], (args, report) => {
        const { allowedEncryptionOptions } = args.getConfig<Config>();
        const encryption = args.props.encryptionConfiguration as { encryptionOption?: unknown; kmsKey?: unknown } | undefined;
        const option = encryption?.encryptionOption;
        if (typeof option !== "string" || !allowedEncryptionOptions.includes(option)) {
            report(
                `Athena database \`${args.name}\` must encrypt query results with ${allowedEncryptionOptions.join(" or ")} ` +
                    `(\`encryptionConfiguration.encryptionOption\` is \`${String(option)}\`).`,
            );
            return;
        }
        const problem = customerKeyProblem(encryption?.kmsKey, "encryptionConfiguration.kmsKey");
        if (problem) report(`Athena database \`${args.name}\` must encrypt query results with a customer managed KMS key: ${problem}.`);
    }),
};

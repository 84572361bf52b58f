import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { customerKeyProblem } from "../support/customer-key";
import { T } from "../support/types";

interface Config {
    allowedEncryptionOptions: string[];
}

type Configuration = {
    enforceWorkgroupConfiguration?: unknown;
    resultConfiguration?: { encryptionConfiguration?: { encryptionOption?: unknown; kmsKeyArn?: unknown } };
};

/** Query results hold the data a query read; the workgroup must encrypt them and forbid clients to override that. */
export const athenaWorkgroupEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "athena-workgroup-encrypted",
    description: "Checks whether Athena workgroups encrypt query results with a customer managed KMS key and enforce that on every client.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `configuration: { enforceWorkgroupConfiguration: true, " +
        "resultConfiguration: { encryptionConfiguration: { encryptionOption: " +
        '"SSE_KMS", ' +
        "kmsKeyArn: <customer managed key> } } }`.",
    configSchema: {
        properties: { allowedEncryptionOptions: { type: "array", items: { type: "string" }, default: ["SSE_KMS", "CSE_KMS"] } },
    },
    resourceTypes: [T.athenaWorkgroup],
    peerChecks: {
        full: [
            "CKV_AWS_82",
            "CKV_AWS_159",
            "aws-athena-workgroup-disallow-unencrypted-workgroup",
            "aws-athena-workgroup-enforce-configuration",
        ],
        partial: ["aws-athena-workgroup-configure-customer-managed-key"],
    },
    validateResource: forTypes([T.athenaWorkgroup], (args, report) => {
        const { allowedEncryptionOptions } = args.getConfig<Config>();
        const configuration = args.props.configuration as Configuration | undefined;
        if (configuration?.enforceWorkgroupConfiguration !== true)
            report(
                `Athena workgroup \`${args.name}\` must enforce its configuration on ` +
                    `clients (\`configuration.enforceWorkgroupConfiguration: true\`).`,
            );
        const encryption = configuration?.resultConfiguration?.encryptionConfiguration;
        const option = encryption?.encryptionOption;
        if (typeof option !== "string" || !allowedEncryptionOptions.includes(option)) {
            report(
                `Athena workgroup \`${args.name}\` must encrypt query results with ${allowedEncryptionOptions.join(" or ")} ` +
                    `(\`configuration.resultConfiguration.encryptionConfiguration.encryptionOption\` is \`${String(option)}\`).`,
            );
            return;
        }
        const problem = customerKeyProblem(encryption?.kmsKeyArn, "encryptionConfiguration.kmsKeyArn");
        if (problem) report(`Athena workgroup \`${args.name}\` must encrypt query results with a customer managed KMS key: ${problem}.`);
    }),
};

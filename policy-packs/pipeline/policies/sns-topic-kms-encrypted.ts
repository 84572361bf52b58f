import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isAwsManagedKey, isKeySet } from "../support/encryption-keys";
import { T } from "../support/types";

interface Config {
    allowAwsManagedKey: boolean;
}

export const snsTopicKmsEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "sns-topic-kms-encrypted",
    description: "Checks whether SNS topics encrypt messages at rest with a customer managed KMS key.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `kmsMasterKeyId` to a customer managed key whose key policy lets the publishing services (`sns.amazonaws.com`, and e.g. " +
        "`events.amazonaws.com`) use it.",
    configSchema: { properties: { allowAwsManagedKey: { type: "boolean", default: false } } },
    peerChecks: { full: ["CKV_AWS_26", "PCI.DSS.321-SNSEncryptedKMS"] },
    resourceTypes: [T.snsTopic],
    validateResource: forTypes([T.snsTopic], (args, report) => {
        const key = args.props.kmsMasterKeyId;
        if (!isKeySet(key)) report(`SNS topic \`${args.name}\` must be encrypted with a KMS key (\`kmsMasterKeyId\`).`);
        else if (isAwsManagedKey(key) && !args.getConfig<Config>().allowAwsManagedKey)
            report(`SNS topic \`${args.name}\` must use a customer managed KMS key, not \`${key}\`.`);
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isPresent } from "../support/present";
import { T } from "../support/types";

interface Config {
    allowAwsOwnedKey: boolean;
}

export const kinesisFirehoseEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "kinesis-firehose-encrypted",
    description: "Checks whether Firehose delivery streams encrypt buffered records at rest with a customer managed KMS key.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `serverSideEncryption` to `{ enabled: true, keyType: " +
        '"CUSTOMER_MANAGED_CMK", keyArn }`. A stream fed by a Kinesis data ' +
        "stream is " +
        "encrypted by that stream's key instead.",
    configSchema: { properties: { allowAwsOwnedKey: { type: "boolean", default: false } } },
    // cdk-nag also asks it of streams fed by a Kinesis data stream, where AWS refuses server-side encryption.
    peerChecks: { full: ["CKV_AWS_240", "CKV_AWS_241"], partial: ["AwsSolutions-KDF1"] },
    resourceTypes: [T.firehoseDeliveryStream],
    validateResource: forTypes([T.firehoseDeliveryStream], (args, report) => {
        if (args.props.kinesisSourceConfiguration)
            return args.notApplicable("The stream reads a Kinesis data stream, whose encryption applies.");
        const sse = args.props.serverSideEncryption as { enabled?: unknown; keyType?: unknown; keyArn?: unknown } | undefined;
        if (sse?.enabled !== true)
            report(`Firehose delivery stream \`${args.name}\` must encrypt at rest (\`serverSideEncryption.enabled\`).`);
        else if (!args.getConfig<Config>().allowAwsOwnedKey && (sse.keyType !== "CUSTOMER_MANAGED_CMK" || !isPresent(sse.keyArn)))
            report(
                `Firehose delivery stream \`${args.name}\` must use a customer managed ` +
                    `key (\`keyType: "CUSTOMER_MANAGED_CMK"\` and \`keyArn\`).`,
            );
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isCustomerManagedKey } from "../support/encryption-keys";
import { T } from "../support/types";

type Encryption = { encryptionConfig?: { encryptionType?: unknown; keyId?: unknown } };

export const connectInstanceStorageCustomerManagedKey: ResourcePolicyDefinition = {
    kind: "resource",
    id: "connect-instance-storage-customer-managed-key",
    description:
        "Checks whether Amazon Connect stores call recordings, transcripts and " +
        "media in S3 or Kinesis Video with a customer managed KMS key.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Set `storageConfig.s3Config.encryptionConfig` (or " +
        "`kinesisVideoStreamConfig.encryptionConfig`) to `{ encryptionType: " +
        '"KMS", keyId }` with the ' +
        "contact centre's data key.",
    // Each Checkov check also fails every storage config of the other kind (its key path is missing there).
    peerChecks: { partial: ["CKV_AWS_269", "CKV_AWS_270"] },
    resourceTypes: [T.connectInstanceStorageConfig],
    validateResource: forTypes([T.connectInstanceStorageConfig], (args, report) => {
        const storage = args.props.storageConfig as { s3Config?: Encryption; kinesisVideoStreamConfig?: Encryption } | undefined;
        const target = storage?.s3Config ?? storage?.kinesisVideoStreamConfig;
        // Kinesis stream and Firehose targets are encrypted by their own configuration.
        if (!target) return args.notApplicable("The storage config targets a Kinesis stream or Firehose.");
        if (!isCustomerManagedKey(target.encryptionConfig?.keyId))
            report(
                `Amazon Connect storage config \`${args.name}\` must encrypt with a customer managed KMS key (\`encryptionConfig.keyId\`).`,
            );
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isAwsManagedKey, isKeySet } from "../support/encryption-keys";
import { T } from "../support/types";

interface Config {
    allowAwsManagedKey: boolean;
}

const TYPES = [T.kinesisStream, T.kinesisVideoStream];

export const kinesisStreamEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "kinesis-stream-encrypted",
    description: "Checks whether Kinesis data streams and video streams encrypt records at rest with a customer managed KMS key.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Data streams: set `encryptionType: "KMS"` and `kmsKeyId` to the ' +
        "service's data key. Video streams: set `kmsKeyId` (the default is " +
        "the AWS " +
        "managed `aws/kinesisvideo` key).",
    configSchema: { properties: { allowAwsManagedKey: { type: "boolean", default: false } } },
    // cdk-nag's KDS3 asks for the AWS managed `aws/kinesis` key instead: the opposite of CKV_AWS_185, and not followed here.
    peerChecks: { full: ["AwsSolutions-KDS1", "CKV_AWS_43", "CKV_AWS_185", "CKV_AWS_177"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const what = args.type === T.kinesisStream ? "Kinesis stream" : "Kinesis video stream";
        if (args.type === T.kinesisStream && args.props.encryptionType !== "KMS") {
            report(`${what} \`${args.name}\` must be encrypted at rest (\`encryptionType: "KMS"\`).`);
            return;
        }
        const key = args.props.kmsKeyId;
        if (!isKeySet(key)) report(`${what} \`${args.name}\` must name its KMS key (\`kmsKeyId\`).`);
        else if (isAwsManagedKey(key) && !args.getConfig<Config>().allowAwsManagedKey)
            report(`${what} \`${args.name}\` must use a customer managed KMS key, not \`${key}\`.`);
    }),
};

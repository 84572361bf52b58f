import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isSet } from "../support/presence";
import { dlmCrossRegionCopies, ebsDevicesOf } from "../support/block-devices";
import { T } from "../support/types";

const TYPES = [T.ebsVolume, T.ec2Instance, T.launchTemplate, T.snapshotCopy, T.amiCopy, T.dlmLifecyclePolicy];

const WHAT: Record<string, string> = {
    [T.ebsVolume]: "EBS volume",
    [T.ec2Instance]: "EC2 instance",
    [T.launchTemplate]: "Launch template",
    [T.snapshotCopy]: "Snapshot copy",
    [T.amiCopy]: "AMI copy",
    [T.dlmLifecyclePolicy]: "Lifecycle policy",
};

/**
 * The AWS managed key `aws/ebs` can be used by anyone in the account and never be disabled,
 * rotated on our schedule or refused to a principal: card data on EBS is encrypted under a
 * customer-managed key whose policy says who may read it. Launch configurations cannot name a
 * key (and are refused by the Auto Scaling policies in favour of launch templates).
 */
export const ebsKmsCustomerManagedKey: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ebs-kms-customer-managed-key",
    description:
        "Checks whether EBS volumes, instance and launch-template volumes, " +
        "snapshot and AMI copies, and lifecycle cross-region copies name a " +
        "customer-managed KMS key.",
    severity: "medium",
    enforcementLevel: "advisory",
    enforceAfter: "2027-03-01",
    waivable: true,
    remediationSteps:
        "Set `kmsKeyId` (lifecycle policies: `cmkArn`) to the ARN of the " +
        "landing zone's data key, or another customer-managed key, on every " +
        "encrypted EBS volume and copy.",
    peerChecks: {
        full: [
            "CKV_AWS_189",
            "CKV_AWS_183",
            "CKV_AWS_236",
            "CKV_AWS_254",
            "CKV_AWS_256",
            "aws-ebs-volume-configure-customer-managed-key",
            "aws-ec2-launchtemplate-configure-customer-managed-key",
        ],
    },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const what = `${WHAT[args.type]} \`${args.name}\``;
        switch (args.type) {
            case T.ec2Instance:
            case T.launchTemplate:
                for (const d of ebsDevicesOf(args.type, args.props))
                    if (!isSet(d.settings, "kmsKeyId"))
                        report(`${what} must encrypt its ${d.label} with a customer-managed KMS key (\`kmsKeyId\`).`);
                return;
            case T.dlmLifecyclePolicy:
                // A key on an unencrypted copy protects nothing: both are asked.
                for (const c of dlmCrossRegionCopies(args.props))
                    if (c.settings.encrypted !== true || !isSet(c.settings, "cmkArn"))
                        report(`${what} must encrypt its ${c.label} with a customer-managed KMS key (\`encrypted: true\`, \`cmkArn\`).`);
                return;
            default:
                if (!isSet(args.props, "kmsKeyId")) report(`${what} must be encrypted with a customer-managed KMS key (\`kmsKeyId\`).`);
        }
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isCustomerManagedKey } from "../support/encryption-keys";
import { asArray } from "../support/props";
import { T } from "../support/types";

export const codebuildProjectEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "codebuild-project-encrypted",
    description: "Checks whether CodeBuild projects encrypt build output and S3 logs, with a customer managed KMS key.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `encryptionKey` to the pipeline's KMS key and remove " +
        "`encryptionDisabled: true` from `artifacts`, `secondaryArtifacts` and `logsConfig.s3Logs`.",
    peerChecks: { full: ["AwsSolutions-CB4", "CKV_AWS_78", "CKV_AWS_311", "CKV_AWS_147"] },
    resourceTypes: [T.codebuildProject],
    validateResource: forTypes([T.codebuildProject], (args, report) => {
        if (!isCustomerManagedKey(args.props.encryptionKey))
            report(`CodeBuild project \`${args.name}\` must encrypt with a customer managed KMS key (\`encryptionKey\`).`);
        const artifacts = [args.props.artifacts, ...asArray(args.props.secondaryArtifacts as unknown[])] as (
            { encryptionDisabled?: unknown } | undefined
        )[];
        if (artifacts.some((a) => a?.encryptionDisabled === true))
            report(`CodeBuild project \`${args.name}\` must not turn off artifact encryption (\`encryptionDisabled\`).`);
        const s3Logs = (args.props.logsConfig as { s3Logs?: { encryptionDisabled?: unknown } } | undefined)?.s3Logs;
        if (s3Logs?.encryptionDisabled === true)
            report(`CodeBuild project \`${args.name}\` must not turn off S3 log encryption (\`logsConfig.s3Logs.encryptionDisabled\`).`);
    }),
};

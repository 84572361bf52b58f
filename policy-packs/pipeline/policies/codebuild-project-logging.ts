import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const codebuildProjectLogging: ResourcePolicyDefinition = {
    kind: "resource",
    id: "codebuild-project-logging",
    description:
        "Checks whether CodeBuild projects declare where build logs go (CloudWatch Logs or S3) and keep at least one destination on.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Set `logsConfig.cloudwatchLogs` to `{ status: "ENABLED", groupName }` ' +
        "(a KMS-encrypted log group with retention), or `logsConfig.s3Logs` to " +
        '`{ status: "ENABLED", location }`.',
    peerChecks: { full: ["CKV_AWS_314"] },
    resourceTypes: [T.codebuildProject],
    validateResource: forTypes([T.codebuildProject], (args, report) => {
        const logs = args.props.logsConfig as { cloudwatchLogs?: { status?: unknown }; s3Logs?: { status?: unknown } } | undefined;
        // A declared CloudWatch destination is on unless DISABLED; S3 logs are off unless ENABLED.
        const on = (!!logs?.cloudwatchLogs && logs.cloudwatchLogs.status !== "DISABLED") || logs?.s3Logs?.status === "ENABLED";
        if (!on) report(`CodeBuild project \`${args.name}\` must send build logs to CloudWatch Logs or S3 (\`logsConfig\`).`);
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const codebuildProjectNotPrivileged: ResourcePolicyDefinition = {
    kind: "resource",
    id: "codebuild-project-not-privileged",
    description: "Checks whether CodeBuild projects build without privileged mode (root access to the build host's Docker daemon).",
    severity: "high",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Set `environment.privilegedMode: false`; build images with a rootless " +
        "builder (e.g. BuildKit rootless, kaniko) or waive for an " +
        "image-building " +
        "project with a dated reason.",
    peerChecks: { full: ["CKV_AWS_316"] },
    resourceTypes: [T.codebuildProject],
    validateResource: forTypes([T.codebuildProject], (args, report) => {
        if ((args.props.environment as { privilegedMode?: unknown } | undefined)?.privilegedMode === true)
            report(`CodeBuild project \`${args.name}\` must not run in privileged mode (\`environment.privilegedMode\`).`);
    }),
};

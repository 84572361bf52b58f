import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

/** NFS is clear text: an EFS volume mounted by a task goes over TLS or not at all. */
export const ecsTaskEfsTransitEncryption: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ecs-task-efs-transit-encryption",
    description: "Checks whether ECS task definitions mount EFS volumes with encryption in transit.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Set `efsVolumeConfiguration.transitEncryption: "ENABLED"` (and IAM authorisation through an access point) on every EFS volume.',
    peerChecks: { full: ["CKV_AWS_97"] },
    resourceTypes: [T.taskDefinition],
    validateResource: forTypes([T.taskDefinition], (args, report) => {
        for (const v of asArray(args.props.volumes as { name?: string; efsVolumeConfiguration?: { transitEncryption?: string } }[])) {
            if (v.efsVolumeConfiguration && v.efsVolumeConfiguration.transitEncryption !== "ENABLED")
                report(
                    `EFS volume \`${String(v.name)}\` of task definition \`${args.name}\` ` +
                        `must be mounted with encryption in transit (\`transitEncryption: "ENABLED"\`).`,
                );
        }
    }),
};

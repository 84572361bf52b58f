import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

/** A WorkSpace is a desktop with an operator's files and cached credentials on two volumes: both are encrypted. */
export const workspacesVolumesEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "workspaces-volumes-encrypted",
    description: "Checks whether WorkSpaces encrypt both their root and user volumes.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `rootVolumeEncryptionEnabled: true`, `userVolumeEncryptionEnabled: true` and a `volumeEncryptionKey`.",
    peerChecks: { full: ["CKV_AWS_155", "CKV_AWS_156"] },
    resourceTypes: [T.workspace],
    validateResource: forTypes([T.workspace], (args, report) => {
        if (args.props.rootVolumeEncryptionEnabled !== true)
            report(`WorkSpace \`${args.name}\` must encrypt its root volume (\`rootVolumeEncryptionEnabled: true\`).`);
        if (args.props.userVolumeEncryptionEnabled !== true)
            report(`WorkSpace \`${args.name}\` must encrypt its user volume (\`userVolumeEncryptionEnabled: true\`).`);
    }),
};

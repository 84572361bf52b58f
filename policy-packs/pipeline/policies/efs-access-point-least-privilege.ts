import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

/**
 * An access point is how an application should mount a shared file system: it pins the
 * client's POSIX identity and confines it to a sub-directory, so one application cannot read
 * or overwrite another's files, nor act as root on the whole file system.
 */
export const efsAccessPointLeastPrivilege: ResourcePolicyDefinition = {
    kind: "resource",
    id: "efs-access-point-least-privilege",
    description: "Checks whether EFS access points enforce a POSIX user and a root directory other than the file system's root.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `posixUser: { uid, gid }` (not 0) and `rootDirectory: { path: " +
        '"/<application>", creationInfo: { ownerUid, ownerGid, permissions: ' +
        '"750" } }`.',
    resourceTypes: [T.efsAccessPoint],
    peerChecks: { full: ["CKV_AWS_329", "CKV_AWS_330"] },
    validateResource: forTypes([T.efsAccessPoint], (args, report) => {
        const user = args.props.posixUser as { uid?: unknown; gid?: unknown } | undefined;
        if (typeof user?.uid !== "number" || typeof user?.gid !== "number")
            report(`EFS access point \`${args.name}\` must enforce a POSIX user (\`posixUser.uid\` and \`posixUser.gid\`).`);
        else if (user.uid === 0) report(`EFS access point \`${args.name}\` must not enforce the root user (\`posixUser.uid\` is 0).`);
        const path = (args.props.rootDirectory as { path?: unknown } | undefined)?.path;
        if (typeof path !== "string" || path === "" || path === "/")
            report(`EFS access point \`${args.name}\` must confine clients to a sub-directory (\`rootDirectory.path\` other than \`/\`).`);
    }),
};

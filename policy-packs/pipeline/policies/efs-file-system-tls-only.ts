import type { StackPolicyDefinition } from "../../lib/model";
import { ofTypes, refersTo } from "../support/props";
import { isEveryone, rawStatements, statementCovers } from "../support/resource-policy";
import { T } from "../support/types";

/** A Deny to everyone of mounting when `aws:SecureTransport` is false: what the console's "enforce in-transit encryption" writes. */
function deniesInsecureTransport(policy: unknown): boolean {
    return rawStatements(policy).some((s) => {
        if (s.Effect !== "Deny" || !isEveryone(s.Principal)) return false;
        const v = (s.Condition as Record<string, Record<string, unknown>> | undefined)?.Bool?.["aws:SecureTransport"];
        return (v === false || v === "false") && statementCovers(s, "elasticfilesystem:ClientMount");
    });
}

/** Stack policy: the file system policy is its own resource (`efs.FileSystemPolicy`). */
export const efsFileSystemTlsOnly: StackPolicyDefinition = {
    kind: "stack",
    id: "efs-file-system-tls-only",
    description: "Checks whether every EFS file system's policy refuses clients that mount without TLS.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Add an `aws.efs.FileSystemPolicy` with a statement `Deny *` (or `elasticfilesystem:Client*`) to `Principal: { AWS: "*" }` ' +
        'when `Bool: { "aws:SecureTransport": "false" }`, and mount with the `tls` option (amazon-efs-utils).',
    resourceTypes: [T.efsFileSystem, T.efsFileSystemPolicy],
    validateStack: (args, report) => {
        const systems = ofTypes(args.resources, [T.efsFileSystem]);
        if (systems.length === 0) args.notApplicable("The stack declares no EFS file system.");
        const policies = ofTypes(args.resources, [T.efsFileSystemPolicy]);
        for (const fs of systems) {
            const mine = policies.filter((p) => refersTo(p, "fileSystemId", fs, ["id"]));
            if (!mine.some((p) => deniesInsecureTransport(p.props.policy)))
                report(
                    `EFS file system \`${fs.name}\` must have a file system policy ` +
                        `refusing clients without TLS (aws:SecureTransport false).`,
                    fs.urn,
                );
        }
    },
};

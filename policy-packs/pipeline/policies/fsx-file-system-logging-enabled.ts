import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

const TYPES = [T.fsxWindows, T.fsxLustre];

/** Windows File Server audits file and share access (as Windows would to its event log); Lustre logs its data repository events. */
export const fsxFileSystemLoggingEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "fsx-file-system-logging-enabled",
    description: "Checks whether FSx for Windows File Server audits file and share access, and FSx for Lustre logs its events.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Windows: set `auditLogConfiguration: { fileAccessAuditLogLevel: " +
        '"SUCCESS_AND_FAILURE", fileShareAccessAuditLogLevel: ' +
        '"SUCCESS_AND_FAILURE" }` ' +
        '(optionally `auditLogDestination`); Lustre: set `logConfiguration: { level: "WARN_ERROR" }`.',
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        if (args.type === T.fsxLustre) {
            const level = (args.props.logConfiguration as { level?: unknown } | undefined)?.level;
            if (typeof level !== "string" || level === "DISABLED")
                report(`FSx for Lustre file system \`${args.name}\` must log its events (\`logConfiguration.level\` other than DISABLED).`);
            return;
        }
        const audit = args.props.auditLogConfiguration as Record<string, unknown> | undefined;
        const off = ["fileAccessAuditLogLevel", "fileShareAccessAuditLogLevel"].filter(
            (k) => typeof audit?.[k] !== "string" || audit?.[k] === "DISABLED",
        );
        if (off.length > 0)
            report(
                `FSx for Windows file system \`${args.name}\` must audit access ` +
                    `(${off.map((k) => `\`auditLogConfiguration.${k}\``).join(", ")} not DISABLED).`,
            );
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    environment: string;
    productionEnvironments: string[];
}

export const efsFileSystemMultiAz: ResourcePolicyDefinition = {
    kind: "resource",
    id: "efs-file-system-multi-az",
    description: "Checks whether production EFS file systems store data across availability zones (Regional, not One Zone).",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Leave `availabilityZoneName` unset so the file system is Regional (chosen at creation: replace the file system).",
    configSchema: {
        properties: {
            environment: { type: "string", default: "" },
            productionEnvironments: { type: "array", items: { type: "string" }, default: ["prod", "production"] },
        },
    },
    resourceTypes: [T.efsFileSystem],
    peerChecks: { partial: ["aws-efs-filesystem-disallow-single-availability-zone"] },
    validateResource: forTypes([T.efsFileSystem], (args, report) => {
        const cfg = args.getConfig<Config>();
        const env = cfg.environment || args.stackTags.get("edf:environment") || "";
        if (!cfg.productionEnvironments.includes(env))
            args.notApplicable(`Regional storage is required only in production (environment is \`${env || "unknown"}\`).`);
        const zone = args.props.availabilityZoneName;
        if (typeof zone === "string" && zone !== "")
            report(
                `EFS file system \`${args.name}\` must be Regional in production, not One Zone (\`availabilityZoneName\` is \`${zone}\`).`,
            );
    }),
};

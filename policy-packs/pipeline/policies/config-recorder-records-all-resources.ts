import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

interface Config {
    requireGlobalResourceTypes: boolean;
}

interface RecordingGroup {
    allSupported?: boolean;
    includeGlobalResourceTypes?: boolean;
    resourceTypes?: unknown[];
    exclusionByResourceTypes?: unknown[];
    recordingStrategies?: { useOnly?: string }[];
}

export const configRecorderRecordsAllResources: ResourcePolicyDefinition = {
    kind: "resource",
    id: "config-recorder-records-all-resources",
    description: "Checks whether AWS Config recorders record every supported resource type, global ones (IAM) included.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `recordingGroup: { allSupported: true, includeGlobalResourceTypes: true }` with no resource-type list or " +
        "exclusions (in one region per account when several record).",
    configSchema: { properties: { requireGlobalResourceTypes: { type: "boolean", default: true } } },
    resourceTypes: [T.configRecorder],
    peerChecks: { full: ["CKV2_AWS_48"], partial: ["CKV2_AWS_45"] },
    validateResource: forTypes([T.configRecorder], (args, report) => {
        const g = (args.props.recordingGroup ?? {}) as RecordingGroup;
        const missing = [
            g.allSupported === false ? "`allSupported: true`" : undefined,
            args.getConfig<Config>().requireGlobalResourceTypes && g.includeGlobalResourceTypes !== true
                ? "`includeGlobalResourceTypes: true`"
                : undefined,
            asArray(g.resourceTypes).length > 0 ? "no `resourceTypes` list" : undefined,
            asArray(g.exclusionByResourceTypes).length > 0 ? "no `exclusionByResourceTypes`" : undefined,
            asArray(g.recordingStrategies).some((s) => s.useOnly !== undefined && s.useOnly !== "ALL_SUPPORTED_RESOURCE_TYPES")
                ? "`recordingStrategies` of `ALL_SUPPORTED_RESOURCE_TYPES`"
                : undefined,
        ].filter((m): m is string => m !== undefined);
        if (missing.length > 0)
            report(`Config recorder \`${args.name}\` must record every resource type: its \`recordingGroup\` needs ${missing.join(", ")}.`);
    }),
};

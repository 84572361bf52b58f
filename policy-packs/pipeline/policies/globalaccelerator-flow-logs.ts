import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const globalacceleratorFlowLogs: ResourcePolicyDefinition = {
    kind: "resource",
    id: "globalaccelerator-flow-logs",
    description: "Checks whether Global Accelerator accelerators write flow logs of the traffic they carry.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `attributes: { flowLogsEnabled: true, flowLogsS3Bucket, flowLogsS3Prefix }` with the log-archive bucket.",
    peerChecks: { full: ["CKV_AWS_75"] },
    resourceTypes: [T.globalAccelerator],
    validateResource: forTypes([T.globalAccelerator], (args, report) => {
        if ((args.props.attributes as { flowLogsEnabled?: unknown } | undefined)?.flowLogsEnabled !== true)
            report(`Global Accelerator \`${args.name}\` must write flow logs (\`attributes.flowLogsEnabled\`).`);
    }),
};

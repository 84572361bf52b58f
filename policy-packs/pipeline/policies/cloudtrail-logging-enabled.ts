import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const cloudtrailLoggingEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudtrail-logging-enabled",
    description: "Checks whether CloudTrail trails are logging, not declared and then stopped.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps: "Remove `enableLogging: false` from the trail (logging is on by default).",
    resourceTypes: [T.trail],
    peerChecks: { full: ["CKV_AWS_251"] },
    validateResource: forTypes([T.trail], (args, report) => {
        if (args.props.enableLogging === false) report(`CloudTrail trail \`${args.name}\` must be logging (\`enableLogging\` is false).`);
    }),
};

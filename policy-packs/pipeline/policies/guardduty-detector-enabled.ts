import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const guarddutyDetectorEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "guardduty-detector-enabled",
    description: "Checks whether every GuardDuty detector declared is enabled.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps: "Remove `enable: false` from the detector (detectors are enabled by default).",
    resourceTypes: [T.guardDutyDetector],
    peerChecks: { full: ["CKV_AWS_238"], partial: ["CKV2_AWS_3"] },
    validateResource: forTypes([T.guardDutyDetector], (args, report) => {
        if (args.props.enable === false) report(`GuardDuty detector \`${args.name}\` must be enabled (\`enable\` is false).`);
    }),
};

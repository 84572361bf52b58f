import type { StackPolicyDefinition } from "../../lib/model";
import { ofTypes } from "../support/props";
import { T } from "../support/types";

interface Config {
    requireInStack: boolean;
    organizationManaged: boolean;
}

/**
 * Stack policy for the security baseline unit: GuardDuty, AWS Config and Security Hub are
 * three services and four resources. It applies where any of them is declared, or where the
 * pack config says the stack must hold them (`requireInStack`, set for `platform/security`).
 */
export const accountSecurityServicesEnabled: StackPolicyDefinition = {
    kind: "stack",
    id: "account-security-services-enabled",
    description: "Checks whether the security baseline enables GuardDuty, AWS Config recording and Security Hub together.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        "Declare an enabled `aws.guardduty.Detector`, an `aws.cfg.Recorder` " +
        "with an enabled `aws.cfg.RecorderStatus`, and an " +
        "`aws.securityhub.Account` in the security unit — or, in a member account whose organisation's audit account " +
        "auto-enables GuardDuty and Security Hub, set `organizationManaged` and keep the Config recorder.",
    configSchema: {
        properties: {
            requireInStack: { type: "boolean", default: false },
            // A member account of an organisation whose audit account (delegated administrator) auto-enables
            // GuardDuty and Security Hub: those two are the organisation's, AWS Config stays the stack's.
            organizationManaged: { type: "boolean", default: false },
        },
    },
    // Partial: one enabled detector, recorder and hub per baseline; the per-resource checks are the dedicated policies'.
    peerChecks: { partial: ["CKV2_AWS_45", "CKV2_AWS_3", "CKV_AWS_121", "CKV_AWS_238"] },
    resourceTypes: [T.guardDutyDetector, T.configRecorder, T.configRecorderStatus, T.securityHubAccount],
    validateStack: (args, report) => {
        const detectors = ofTypes(args.resources, [T.guardDutyDetector]);
        const recorders = ofTypes(args.resources, [T.configRecorder]);
        const statuses = ofTypes(args.resources, [T.configRecorderStatus]);
        const hubs = ofTypes(args.resources, [T.securityHubAccount]);
        const declared = detectors.length + recorders.length + statuses.length + hubs.length > 0;
        const config = args.getConfig<Config>();
        if (!declared && !config.requireInStack) args.notApplicable("The stack is not the security baseline.");
        const byOrganization = config.organizationManaged && detectors.length === 0 && hubs.length === 0;
        if (!byOrganization && !detectors.some((d) => d.props.enable !== false))
            report("The security baseline must enable GuardDuty (an aws.guardduty.Detector with `enable: true`).");
        if (recorders.length === 0 || !statuses.some((s) => s.props.isEnabled === true))
            report(
                "The security baseline must record with AWS Config (an " +
                    "aws.cfg.Recorder and an aws.cfg.RecorderStatus with `isEnabled: true`).",
            );
        if (!byOrganization && hubs.length === 0) report("The security baseline must enable Security Hub (an aws.securityhub.Account).");
    },
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

const AUTO = ["ALL", "NEW"];

export const guarddutyOrganizationAutoEnable: ResourcePolicyDefinition = {
    kind: "resource",
    id: "guardduty-organization-auto-enable",
    description: "Checks whether the GuardDuty organization configuration turns GuardDuty on for member accounts automatically.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `autoEnableOrganizationMembers` to `ALL` (every member account) or at least `NEW`.",
    resourceTypes: [T.guardDutyOrganizationConfiguration],
    peerChecks: { partial: ["CKV2_AWS_3"] },
    validateResource: forTypes([T.guardDutyOrganizationConfiguration], (args, report) => {
        const auto = args.props.autoEnableOrganizationMembers;
        if (!(typeof auto === "string" && AUTO.includes(auto)))
            report(
                `GuardDuty organization configuration \`${args.name}\` must enable member accounts automatically ` +
                    "(`autoEnableOrganizationMembers` `ALL` or `NEW`).",
            );
    }),
};

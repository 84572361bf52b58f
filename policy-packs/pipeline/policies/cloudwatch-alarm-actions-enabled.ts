import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

const TYPES = [T.metricAlarm, T.compositeAlarm];

export const cloudwatchAlarmActionsEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudwatch-alarm-actions-enabled",
    description: "Checks whether CloudWatch alarms keep their actions enabled, so a state change reaches someone.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Remove `actionsEnabled: false` (actions are enabled by default) and give the alarm `alarmActions`.",
    resourceTypes: TYPES,
    peerChecks: { full: ["CKV_AWS_319"] },
    validateResource: forTypes(TYPES, (args, report) => {
        if (args.props.actionsEnabled === false)
            report(`Alarm \`${args.name}\` must keep its actions enabled (\`actionsEnabled\` is false).`);
    }),
};

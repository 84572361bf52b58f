import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const mqBrokerLogging: ResourcePolicyDefinition = {
    kind: "resource",
    id: "mq-broker-logging",
    description: "Checks whether Amazon MQ brokers send their general logs, and ActiveMQ brokers their audit logs, to CloudWatch Logs.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `logs: { general: true, audit: true }` (RabbitMQ brokers have general logs only).",
    peerChecks: { full: ["CKV_AWS_48", "CKV_AWS_197"] },
    resourceTypes: [T.mqBroker],
    validateResource: forTypes([T.mqBroker], (args, report) => {
        const logs = (args.props.logs ?? {}) as { general?: unknown; audit?: unknown };
        const missing: string[] = [];
        if (logs.general !== true) missing.push("`general`");
        if (args.props.engineType !== "RabbitMQ" && logs.audit !== true) missing.push("`audit`");
        if (missing.length > 0) report(`Amazon MQ broker \`${args.name}\` must turn on ${missing.join(" and ")} logs.`);
    }),
};

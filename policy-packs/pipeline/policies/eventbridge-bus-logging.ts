import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    allowedLevels: string[];
}

export const eventbridgeBusLogging: ResourcePolicyDefinition = {
    kind: "resource",
    id: "eventbridge-bus-logging",
    description: "Checks whether EventBridge custom event buses log event delivery (at least failures).",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        'Set `logConfig: { level: "ERROR" }` (or `INFO`), add an ' +
        "`aws.cloudwatch.LogDelivery` to a KMS-encrypted log group, and keep " +
        "`includeDetail: " +
        '"NONE"` if events carry card data or secrets.',
    configSchema: {
        properties: { allowedLevels: { type: "array", items: { type: "string" }, minItems: 1, default: ["ERROR", "INFO", "TRACE"] } },
    },
    resourceTypes: [T.eventBus],
    validateResource: forTypes([T.eventBus], (args, report) => {
        const level = (args.props.logConfig as { level?: unknown } | undefined)?.level;
        const { allowedLevels } = args.getConfig<Config>();
        if (typeof level !== "string" || !allowedLevels.includes(level))
            report(
                `Event bus \`${args.name}\` must log event delivery ` +
                    `(\`logConfig.level\` ${allowedLevels.join(", ")}), not \`${String(level ?? "OFF")}\`.`,
            );
    }),
};

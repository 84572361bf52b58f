import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

/** Oldest engine version (major.minor) still allowed per engine type. */
export const DEFAULT_MINIMUM_MQ_VERSIONS: Record<string, string> = { ActiveMQ: "5.18", RabbitMQ: "3.13" };

interface Config {
    minimumVersions: Record<string, string>;
}

const MAJOR_MINOR = /^(\d+)\.(\d+)/;

function older(version: string, minimum: string): boolean {
    const v = MAJOR_MINOR.exec(version);
    const m = MAJOR_MINOR.exec(minimum);
    if (!v || !m) return false;
    return Number(v[1]) < Number(m[1]) || (Number(v[1]) === Number(m[1]) && Number(v[2]) < Number(m[2]));
}

export const mqBrokerPatched: ResourcePolicyDefinition = {
    kind: "resource",
    id: "mq-broker-patched",
    description: "Checks whether Amazon MQ brokers run a supported engine version and take minor version upgrades automatically.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Set `autoMinorVersionUpgrade: true` and an `engineVersion` at or " +
        "above the policy's minimum for the engine (e.g. ActiveMQ 5.18, " +
        "RabbitMQ 3.13).",
    configSchema: {
        properties: {
            minimumVersions: { type: "object", additionalProperties: { type: "string" }, default: DEFAULT_MINIMUM_MQ_VERSIONS },
        },
    },
    peerChecks: { full: ["CKV_AWS_207", "CKV_AWS_208"] },
    resourceTypes: [T.mqBroker],
    validateResource: forTypes([T.mqBroker], (args, report) => {
        if (args.props.autoMinorVersionUpgrade !== true)
            report(`Amazon MQ broker \`${args.name}\` must set \`autoMinorVersionUpgrade: true\`.`);
        const minimum = args.getConfig<Config>().minimumVersions[String(args.props.engineType)];
        const version = args.props.engineVersion;
        if (minimum !== undefined && typeof version === "string" && older(version, minimum))
            report(`Amazon MQ broker \`${args.name}\` must run ${String(args.props.engineType)} ${minimum} or later, not ${version}.`);
    }),
};

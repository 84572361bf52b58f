import type { StackPolicyDefinition } from "../../lib/model";
import { asArray, known, ofTypes, refersTo } from "../support/props";
import { T } from "../support/types";

interface Config {
    requiredLogTypes: string[];
}

/**
 * Stack policy: a firewall's logging is a separate resource. Alert logs record what the rules
 * stopped, flow logs what passed: both are the network's audit trail.
 */
export const networkFirewallLoggingEnabled: StackPolicyDefinition = {
    kind: "stack",
    id: "network-firewall-logging-enabled",
    description: "Checks whether every network firewall sends its alert and flow logs to a destination.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add an `aws.networkfirewall.LoggingConfiguration` for the firewall " +
        "with a `logDestinationConfigs` entry for each of ALERT and FLOW " +
        "(CloudWatch Logs with a KMS key, or the log archive bucket).",
    configSchema: {
        properties: {
            requiredLogTypes: { type: "array", items: { type: "string", enum: ["ALERT", "FLOW", "TLS"] }, default: ["ALERT", "FLOW"] },
        },
    },
    peerChecks: { full: ["CKV2_AWS_63"] },
    resourceTypes: [T.networkFirewall, T.networkFirewallLogging],
    validateStack: (args, report) => {
        const firewalls = ofTypes(args.resources, [T.networkFirewall]);
        if (firewalls.length === 0) args.notApplicable("The stack declares no network firewall.");
        const { requiredLogTypes } = args.getConfig<Config>();
        const configs = ofTypes(args.resources, [T.networkFirewallLogging]);
        for (const fw of firewalls) {
            const types = new Set(
                configs
                    .filter((c) => refersTo(c, "firewallArn", fw, ["arn"]))
                    .flatMap((c) =>
                        asArray(
                            (known(() => c.props.loggingConfiguration) as { logDestinationConfigs?: { logType?: string }[] } | undefined)
                                ?.logDestinationConfigs,
                        ),
                    )
                    .map((d) => d.logType),
            );
            const missing = requiredLogTypes.filter((t) => !types.has(t));
            if (missing.length > 0)
                report(
                    `Network firewall \`${fw.name}\` must log ${missing.join(" and ")} traffic (aws.networkfirewall.LoggingConfiguration).`,
                    fw.urn,
                );
        }
    },
};

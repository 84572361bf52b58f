import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { asArray, known, ofTypes } from "../support/props";
import { patternCovers, SECURITY_EVENT_CLASSES } from "../support/security-events";
import { T } from "../support/types";

interface Config {
    events: string[];
    requireInStack: boolean;
}

/** The log group name inside a log-group ARN (`arn:aws:logs:<region>:<account>:log-group:<name>[:*]`). */
function logGroupOfArn(arn: unknown): string | undefined {
    if (typeof arn !== "string") return undefined;
    const at = arn.indexOf(":log-group:");
    if (at < 0) return undefined;
    const name = arn.slice(at + ":log-group:".length);
    return name.endsWith(":*") ? name.slice(0, -2) : name;
}

/** The metrics (`namespace/name`) of the filters on the trail log groups whose pattern selects the class. */
function metricsOf(filters: readonly PolicyResource[], groups: ReadonlySet<string>, covers: (pattern: string) => boolean): Set<string> {
    const out = new Set<string>();
    for (const f of filters) {
        const group = known(() => f.props.logGroupName);
        const pattern = known(() => f.props.pattern);
        const metric = known(() => f.props.metricTransformation) as { name?: string; namespace?: string } | undefined;
        if (typeof group !== "string" || !groups.has(group) || typeof pattern !== "string" || !covers(pattern)) continue;
        if (metric?.name && metric.namespace) out.add(`${metric.namespace}/${metric.name}`);
    }
    return out;
}

function alarmed(alarms: readonly PolicyResource[], metrics: ReadonlySet<string>): boolean {
    return alarms.some((a) => {
        const metric = `${String(known(() => a.props.namespace))}/${String(known(() => a.props.metricName))}`;
        return (
            metrics.has(metric) &&
            known(() => a.props.actionsEnabled) !== false &&
            asArray(known(() => a.props.alarmActions) as unknown[]).length > 0
        );
    });
}

/**
 * Stack policy over the stack whose CloudTrail trail delivers to CloudWatch Logs: for each kind
 * of account activity the CIS benchmark names, a metric filter on that log group selecting it and
 * an alarm with actions on the filter's metric. Filters, alarms and trails are separate resources.
 */
export const cloudwatchSecurityEventAlarms: StackPolicyDefinition = {
    kind: "stack",
    id: "cloudwatch-security-event-alarms",
    description:
        "Checks whether the audit trail's log group has a metric filter and an alarm with actions for each kind of " +
        "security-relevant account activity (CIS 4.1–4.15).",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "For each missing kind, add an `aws.cloudwatch.LogMetricFilter` on the trail's log group with the CIS pattern, " +
        "and an `aws.cloudwatch.MetricAlarm` on its metric with `alarmActions` (the security alarms topic); the landing " +
        "zone's `SecurityAlarms` component does both.",
    configSchema: {
        properties: {
            events: {
                type: "array",
                items: { type: "string", enum: SECURITY_EVENT_CLASSES.map((c) => c.id) },
                default: SECURITY_EVENT_CLASSES.map((c) => c.id),
            },
            requireInStack: { type: "boolean", default: false },
        },
    },
    resourceTypes: [T.trail, T.logMetricFilter, T.metricAlarm],
    validateStack: (args, report) => {
        const cfg = args.getConfig<Config>();
        const trails = ofTypes(args.resources, [T.trail]);
        const groups = new Set(
            trails.map((t) => logGroupOfArn(t.props.cloudWatchLogsGroupArn)).filter((g): g is string => g !== undefined),
        );
        if (groups.size === 0 && !cfg.requireInStack) args.notApplicable("No CloudTrail trail of the stack delivers to CloudWatch Logs.");
        const filters = ofTypes(args.resources, [T.logMetricFilter]);
        const alarms = ofTypes(args.resources, [T.metricAlarm]);
        const subject =
            groups.size > 0
                ? `The audit trail's log group ${[...groups].map((g) => `\`${g}\``).join(", ")}`
                : "The security baseline's audit trail log group";
        for (const c of SECURITY_EVENT_CLASSES.filter((e) => cfg.events.includes(e.id))) {
            const metrics = metricsOf(filters, groups, (p) => patternCovers(p, c));
            if (!alarmed(alarms, metrics))
                report(
                    `${subject} must alarm on ${c.title}: ` +
                        `a metric filter matching ${c.words.map((w) => `\`${w}\``).join(", ")} and an alarm with actions on its metric.`,
                    trails[0]?.urn,
                );
        }
    },
};

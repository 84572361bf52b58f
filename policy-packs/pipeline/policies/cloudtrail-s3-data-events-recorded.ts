import type { StackPolicyDefinition } from "../../lib/model";
import { s3ObjectEventCoverage } from "../support/cloudtrail";
import { ofTypes } from "../support/props";
import { T } from "../support/types";

interface Config {
    requireReads: boolean;
}

/**
 * Management events say who changed a bucket, not who wrote or read its objects: that takes S3
 * data events. Stack policy: one trail of the stack may carry them (management and data events
 * are often split over two trails), so the stack as a whole is judged.
 */
export const cloudtrailS3DataEventsRecorded: StackPolicyDefinition = {
    kind: "stack",
    id: "cloudtrail-s3-data-events-recorded",
    description:
        "Checks whether the stack's CloudTrail trails record object-level S3 events (writes, and reads when configured) for every bucket.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add an advanced event selector with `eventCategory` = `Data`, `resources.type` = `AWS::S3::Object` (and " +
        "`readOnly` = `false` for writes), leaving out at most the trail's own log bucket with `resources.ARN` " +
        "`notStartsWiths`.",
    configSchema: { properties: { requireReads: { type: "boolean", default: false } } },
    resourceTypes: [T.trail],
    validateStack: (args, report) => {
        const trails = ofTypes(args.resources, [T.trail]);
        if (trails.length === 0) args.notApplicable("The stack declares no CloudTrail trail.");
        const { requireReads } = args.getConfig<Config>();
        const coverage = trails.map((t) => s3ObjectEventCoverage(t.props));
        const missing = [
            coverage.some((c) => c.writes) ? undefined : "writes",
            requireReads && !coverage.some((c) => c.reads) ? "reads" : undefined,
        ].filter((m): m is string => m !== undefined);
        if (missing.length > 0)
            report(
                `The stack's CloudTrail trails (${trails.map((t) => `\`${t.name}\``).join(", ")}) ` +
                    `must record S3 object ${missing.join(" and ")} of every bucket as data events.`,
                trails[0].urn,
            );
    },
};

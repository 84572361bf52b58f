import { EdfError } from "../errors";

// Light on purpose: the CLI parses `--publish` before it loads the AWS SDK (publication.ts).

/** Where `edf inspect --publish` can send findings (the landing zone's `runtimeInspection.publishTo` uses the same names). */
export const INSPECT_PUBLISH_TARGETS = ["securityhub"] as const;
export type InspectPublishTarget = (typeof INSPECT_PUBLISH_TARGETS)[number];
/** The inspection state's location when `--state` is not given (the scheduled task sets it). */
export const STATE_VARIABLE = "EDF_INSPECTION_STATE";
/** An SNS topic that receives a summary of new mandatory findings (the scheduled task sets it with `notifications`). */
export const TOPIC_VARIABLE = "EDF_INSPECTION_TOPIC_ARN";

/** `--publish` values, each checked; a comma list is accepted as the other list options are. */
export function parsePublishTargets(values: readonly string[] | undefined): InspectPublishTarget[] {
    const targets = (values ?? [])
        .flatMap((v) => v.split(","))
        .map((v) => v.trim().toLowerCase())
        .filter(Boolean);
    const unknown = targets.filter((t) => !(INSPECT_PUBLISH_TARGETS as readonly string[]).includes(t));
    if (unknown.length > 0) {
        throw new EdfError("EDF_USAGE", `\`--publish\` does not know ${unknown.map((t) => `\`${t}\``).join(", ")}.`, [
            ...unknown.map((t) => ({
                path: "--publish",
                message: `unknown target \`${t}\``,
                fix: `publish to ${INSPECT_PUBLISH_TARGETS.map((k) => `\`${k}\``).join(", ")}, or leave out \`--publish\`.`,
            })),
        ]);
    }
    return [...new Set(targets)] as InspectPublishTarget[];
}

import regionData from "./aws-regions.json";
import { closestName } from "../../policy-packs/lib/names";

/**
 * What AWS itself would refuse at deploy time, checked while the spec is read: a region no
 * partition has, and tags that break AWS's tag rules.
 */

/** Every region of every AWS partition (automation/spec/aws-regions.json, generated from the AWS SDK's partition data). */
export const AWS_REGIONS: ReadonlySet<string> = new Set(Object.values(regionData.partitions).flat());

/** The day the region list was taken, and where from: messages name it so a new region is not a mystery. */
export const AWS_REGIONS_AS_OF = `${regionData.asOf}, from ${regionData.source}`;

/** A region problem, or undefined for a region AWS has. */
export function regionProblem(region: string, field = "region"): { message: string; fix: string } | undefined {
    if (AWS_REGIONS.has(region)) return undefined;
    const near = closestName(region, [...AWS_REGIONS]);
    return {
        message: `\`${field}\` is not an AWS region: \`${clip(region)}\` is in no AWS partition (regions as of ${AWS_REGIONS_AS_OF})`,
        fix: near
            ? `did you mean \`${near}\`?`
            : "use a region such as `eu-west-1`; if AWS opened it since, update the AWS SDK and run `npm run regions:update`.",
    };
}

/** AWS's limits for tags (the Tagging API and every service that takes `Tags`). */
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 256;
/** Letters, digits and spaces in any script, and `_ . : / = + - @`. */
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** The problems of one tag under AWS's rules: lengths in characters, the allowed characters, and no `aws:` prefix on a key. */
export function tagProblems(key: string, value: unknown): { target: "key" | "value"; message: string; fix: string }[] {
    const problems: { target: "key" | "value"; message: string; fix: string }[] = [];
    const keyLength = codePoints(key);
    if (keyLength === 0 || keyLength > TAG_KEY_MAX) {
        problems.push({ target: "key", message: `tag key \`${clip(key)}\` has ${keyLength} characters`, fix: `use 1 to ${TAG_KEY_MAX}.` });
    }
    if (/^aws:/i.test(key)) {
        problems.push({
            target: "key",
            message: `tag key \`${clip(key)}\` starts with \`aws:\`, which AWS reserves`,
            fix: "use another prefix, e.g. `edf:`.",
        });
    }
    if (!TAG_CHARACTERS.test(key)) {
        problems.push({
            target: "key",
            message: `tag key \`${clip(key)}\` has a character AWS does not allow in tags`,
            fix: "use letters, digits, spaces and `_ . : / = + - @`.",
        });
    }
    if (typeof value === "string") {
        if (codePoints(value) > TAG_VALUE_MAX) {
            problems.push({
                target: "value",
                message: `the value of tag \`${clip(key)}\` is longer than ${TAG_VALUE_MAX} characters`,
                fix: "shorten it.",
            });
        }
        if (!TAG_CHARACTERS.test(value)) {
            problems.push({
                target: "value",
                message: `the value of tag \`${clip(key)}\` has a character AWS does not allow in tags`,
                fix: "use letters, digits, spaces and `_ . : / = + - @`.",
            });
        }
    }
    return problems;
}

/**
 * Characters as AWS counts them (code points). A string has at least as many UTF-16 units as code
 * points, so only a long one is counted: 100,000 tags then cost no array each.
 */
function codePoints(text: string): number {
    if (text.length <= TAG_KEY_MAX) return [...text].length;
    let count = 0;
    for (const _ of text) count++;
    return count;
}

/** A key as messages quote it: at most 60 characters, control characters shown as `?`. */
function clip(text: string): string {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a terminal
    const printable = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
    return printable.length > 60 ? `${printable.slice(0, 60)}…` : printable;
}

import { GOVERNANCE_TAG_KEYS } from "../../../../platform/common/governance";
import { TAGGABLE_TYPES } from "../../../../policy-packs/pipeline/support/taggable";
import { CapturedResource, isSecretInput } from "./mock-run";

/**
 * Every place a canary text appears in the registered inputs outside a Pulumi secret —
 * as the mock monitor received them, secrets arrive wrapped (`{<sig>: <secret sig>, value}`)
 * and are stored encrypted; anything else would land in state in plain text.
 * Returns `type name path` strings; empty means no leak.
 */
export function plaintextOccurrences(resources: readonly CapturedResource[], canaries: readonly string[]): string[] {
    const found: string[] = [];
    const walk = (value: unknown, where: string): void => {
        if (typeof value === "string") {
            if (canaries.some((c) => value.includes(c))) {
                found.push(where);
            }
        } else if (Array.isArray(value)) {
            value.forEach((v, i) => walk(v, `${where}[${i}]`));
        } else if (value && typeof value === "object") {
            if (isSecretInput(value)) {
                return; // a secret: encrypted in state, masked in output
            }
            for (const [k, v] of Object.entries(value)) {
                walk(v, `${where}.${k}`);
            }
        }
    };
    for (const r of resources) {
        walk(r.props, `${r.type} ${r.name}`);
    }
    return found;
}

/** Every place a canary appears at all, secret or not (to prove the check looks where the value is). */
export function secretOccurrences(resources: readonly CapturedResource[], canary: string): string[] {
    return resources.filter((r) => JSON.stringify(r.props).includes(canary)).map((r) => `${r.type} ${r.name}`);
}

/**
 * `aws:` resources of a taggable type that lack a governance tag (should be empty).
 * "Taggable" is the pipeline policy pack's own list, generated from @pulumi/aws, so the
 * tests and the `resource-required-tags` policy agree on what must be tagged.
 */
export function untaggedResources(resources: readonly CapturedResource[]): string[] {
    return resources
        .filter((r) => TAGGABLE_TYPES.has(r.type))
        .filter((r) => GOVERNANCE_TAG_KEYS.some((key) => typeof r.props.tags?.[key] !== "string"))
        .map((r) => `${r.type} ${r.name}`);
}

/** A resource's JSON policy input (string or object), parsed. */
export function documentOf(input: unknown): { Statement: Record<string, any>[] } {
    return (typeof input === "string" ? JSON.parse(input) : input) as { Statement: Record<string, any>[] };
}

/** The parsed container definitions of a task definition. */
export function containersOf(taskDefinition: CapturedResource): Record<string, any>[] {
    return JSON.parse(taskDefinition.props.containerDefinitions as string) as Record<string, any>[];
}

/** Every resource ARN a role policy's Allow statements name, flattened. */
export function allowedResources(policy: { Statement: Record<string, any>[] }): string[] {
    return policy.Statement.filter((s) => s.Effect === "Allow").flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]));
}

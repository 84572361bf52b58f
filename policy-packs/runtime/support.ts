import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { containersOf } from "../pipeline/support/containers";
import { EMPTY_EVIDENCE, ImageEvidence, RuntimeEvidence } from "./evidence/model";

export const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";

/** Every runtime policy takes the evidence as config (so the policy itself stays a pure function). */
export const EVIDENCE_PROPERTY: PolicyConfigJSONSchema = { type: "object", default: EMPTY_EVIDENCE as unknown as Record<string, never> };

export interface EvidenceConfig {
    evidence: RuntimeEvidence;
}

/** A container's declared image and the digest it resolves to (pinned, or via evidence tags). */
export interface DeclaredImage {
    readonly container: string;
    readonly image: string;
    readonly digest?: string;
    readonly evidence?: ImageEvidence;
}

export function declaredImages(props: Record<string, unknown>, evidence: RuntimeEvidence): DeclaredImage[] {
    return containersOf(props).map((c, i) => {
        const image = String(c.image ?? "");
        const digest = image.match(/@(sha256:[a-f0-9]{64})$/)?.[1] ?? evidence.tags?.[image];
        return {
            container: c.name ?? `#${i}`,
            image,
            ...(digest ? { digest } : {}),
            ...(digest && evidence.images[digest] ? { evidence: evidence.images[digest] } : {}),
        };
    });
}

/** The evidence's collection time: the policies' "now". */
export function evidenceTime(evidence: RuntimeEvidence): number {
    const t = Date.parse(evidence.collectedAt);
    return Number.isNaN(t) ? Number.NaN : t;
}

export const DAY_MS = 86_400_000;

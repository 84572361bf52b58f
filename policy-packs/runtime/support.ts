import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import type { ResourceValidation } from "@pulumi/policy";
import { containersOf } from "../pipeline/support/containers";
import { AnalysisEvidence, EMPTY_EVIDENCE, ImageEvidence, RuntimeEvidence } from "./evidence/model";

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
    /** The container definition's `user` (ECS runs the container as it, whatever the image says). */
    readonly user?: string;
}

export function declaredImages(props: Record<string, unknown>, evidence: RuntimeEvidence): DeclaredImage[] {
    return containersOf(props).map((c, i) => {
        const image = String(c.image ?? "");
        const digest = image.match(/@(sha256:[a-f0-9]{64})$/)?.[1] ?? evidence.tags?.[image];
        const user = (c as { user?: unknown }).user;
        return {
            container: c.name ?? `#${i}`,
            image,
            ...(digest ? { digest } : {}),
            ...(digest && evidence.images[digest] ? { evidence: evidence.images[digest] } : {}),
            ...(typeof user === "string" && user ? { user } : {}),
        };
    });
}

/** An image a runtime policy judges: one a container runs (or, when nothing runs, the one it declares). */
export interface JudgedImage extends DeclaredImage {
    readonly digest?: string;
    /** Observed running (ECS), or only declared. */
    readonly running: boolean;
}

/**
 * The images of a task definition's containers that runtime policies judge: every distinct
 * digest ECS reports running for the container (what actually runs, drift included), or the
 * declared digest when nothing of the family runs.
 */
export function judgedImages(props: Record<string, unknown>, evidence: RuntimeEvidence): JudgedImage[] {
    const family = props.family;
    const out: JudgedImage[] = [];
    for (const declared of declaredImages(props, evidence)) {
        const running = [
            ...new Set(evidence.running.filter((r) => r.family === family && r.container === declared.container).map((r) => r.digest)),
        ].sort();
        if (running.length === 0) {
            out.push({ ...declared, running: false });
            continue;
        }
        for (const digest of running) {
            const { evidence: _declaredEvidence, ...rest } = declared;
            out.push({ ...rest, digest, running: true, ...(evidence.images[digest] ? { evidence: evidence.images[digest] } : {}) });
        }
    }
    return out;
}

/** The inspector's analysis of an image, when it analysed it and every digest matched (a refused image is judged by nothing else). */
export function trustedAnalysis(image: DeclaredImage): AnalysisEvidence | undefined {
    const analysis = image.evidence?.analysis;
    return analysis && analysis.integrity.length === 0 ? analysis : undefined;
}

/** `sha256:0123456789ab…` for messages. */
export function short(digest: string | undefined): string {
    return digest ? `${digest.slice(0, 19)}…` : "(no digest)";
}

/** The evidence's collection time: the policies' "now". */
export function evidenceTime(evidence: RuntimeEvidence): number {
    const t = Date.parse(evidence.collectedAt);
    return Number.isNaN(t) ? Number.NaN : t;
}

export const DAY_MS = 86_400_000;

/** The config of a check that lists paths in an image and lets an allow-list keep some. */
export interface PathAllowListConfig extends EvidenceConfig {
    allowList: string[];
}

/** Config schema of such a check: the evidence and the allow-list. */
export const PATH_ALLOW_LIST_SCHEMA = {
    properties: {
        evidence: EVIDENCE_PROPERTY,
        allowList: { type: "array", items: { type: "string" }, default: [] },
    },
} as const;

/**
 * The body of a check that finds paths in each analysed image of a task definition (setuid
 * programs, world-writable files): reports every image with paths outside the allow-list, ten
 * named and the rest counted.
 */
export function pathsOutsideAllowList<T extends { readonly path: string }>(
    select: (analysis: AnalysisEvidence) => readonly T[],
    describe: (path: T) => string,
    message: (where: string, list: string) => string,
): ResourceValidation {
    return (args, report) => {
        const cfg = args.getConfig<PathAllowListConfig>();
        const allowed = new Set(cfg.allowList);
        const analysed = judgedImages(args.props, cfg.evidence).filter((i) => trustedAnalysis(i));
        if (analysed.length === 0) args.notApplicable("No image of this task definition was analysed.");
        for (const img of analysed) {
            const found = select(trustedAnalysis(img)!).filter((f) => !allowed.has(f.path));
            if (found.length === 0) continue;
            const list = found.map(describe);
            const where = `Image of container \`${img.container}\` (${short(img.digest)}) in \`${args.name}\``;
            report(message(where, `${list.slice(0, 10).join(", ")}${list.length > 10 ? ` and ${list.length - 10} more` : ""}`));
        }
    };
}

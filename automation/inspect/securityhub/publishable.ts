import { FrameworkIndex, FrameworkMapping } from "../../../policy-packs/lib/frameworks";
import { parseImageReference } from "../../image/reference";
import type { InspectReport, InspectStackReport, ServiceReport } from "../report/model";
import type { ImageRef, PublishableFinding } from "./asff";

/** The stacks whose findings a run knows now: inspected (passed or with violations). Others keep what was published. */
export function inspectedUnits(report: Pick<InspectReport, "stacks">): Set<string> {
    return new Set(report.stacks.filter((s) => s.status === "passed" || s.status === "policy-violation").map((s) => s.unit));
}

/**
 * Units whose published findings are to be archived when absent now: the inspected ones, and the
 * ones that are no longer deployed (their services are gone). A stack that failed, was cancelled
 * or was not selected keeps its findings as they are until a run inspects it again.
 */
export function settledUnits(report: Pick<InspectReport, "stacks">): Set<string> {
    return new Set([...inspectedUnits(report), ...report.stacks.filter((s) => s.status === "not-deployed").map((s) => s.unit)]);
}

/** `arn:<partition>:ecs:<region>:<account>:service/<cluster>/<service>`, the cluster's account when it is an ARN. */
function serviceArn(service: ServiceReport, account: { readonly partition: string; readonly accountId: string }): string {
    const cluster = /^arn:([^:]+):ecs:([^:]+):(\d{12}):cluster\/(.+)$/.exec(service.cluster);
    if (cluster) return `arn:${cluster[1]}:ecs:${cluster[2]}:${cluster[3]}:service/${cluster[4]}/${service.service}`;
    return `arn:${account.partition}:ecs:${service.region}:${account.accountId}:service/${service.cluster}/${service.service}`;
}

function clusterName(cluster: string): string {
    return cluster.replace(/^arn:[^:]+:ecs:[^:]+:\d{12}:cluster\//, "");
}

/** `registry/repository` of an image reference; the reference itself when it cannot be parsed. */
function repositoryOf(image: string): string {
    try {
        const ref = parseImageReference(image);
        return `${ref.registry}/${ref.repository}`;
    } catch {
        return image.replace(/[@:][^/]*$/, "");
    }
}

/** The images a service's finding is about: each digest that runs, else the ones analysed for it. */
function imagesOf(services: readonly ServiceReport[]): ImageRef[] {
    const out = new Map<string, ImageRef>();
    for (const service of services) {
        for (const c of service.containers) {
            const declared = repositoryOf(c.declared.image);
            for (const r of c.running) out.set(r.digest, { repository: r.image ? repositoryOf(r.image) : declared, digest: r.digest });
            if (c.running.length === 0) for (const digest of c.images) out.set(digest, { repository: declared, digest });
        }
    }
    return [...out.values()].sort((a, b) => a.digest.localeCompare(b.digest));
}

/**
 * What Security Hub (and the notifier) are given of an inspect report: each finding of every
 * inspected stack with its unit and fingerprint, the ECS service it is about (its task
 * definition's family is the finding's resource) and the digests that service runs, and the PCI
 * DSS requirements its policy evidences according to the PCI DSS mapping file
 * (policy-packs/frameworks/), whether or not the spec chooses that framework for its reports:
 * Security Hub's PCI DSS standard is where the landing zone reports. Pure.
 */
export function publishableFindings(
    report: Pick<InspectReport, "stacks">,
    context: { readonly pciDss?: FrameworkMapping; readonly partition: string; readonly accountId: string },
): PublishableFinding[] {
    const index = context.pciDss ? new FrameworkIndex([context.pciDss]) : undefined;
    const inspected = inspectedUnits(report);
    const out: PublishableFinding[] = [];
    for (const stack of report.stacks as readonly InspectStackReport[]) {
        if (!inspected.has(stack.unit)) continue;
        for (const f of stack.findings) {
            const services = stack.services.filter((s) => f.resourceName !== undefined && s.taskDefinition.family === f.resourceName);
            const first = services[0];
            const requirements = index?.controlsOf(f.policyId)[0]?.controls ?? [];
            const images = imagesOf(services);
            out.push({
                unit: stack.unit,
                policyId: f.policyId,
                urn: f.urn,
                level: f.level,
                severity: f.severity,
                message: f.message,
                kind: f.kind,
                ...(f.waivedBy ? { waivedBy: f.waivedBy } : {}),
                fingerprint: f.fingerprint,
                pciDssRequirements: requirements,
                ...(first
                    ? { service: { arn: serviceArn(first, context), cluster: clusterName(first.cluster), name: first.service } }
                    : {}),
                ...(images.length > 0 ? { images } : {}),
            });
        }
    }
    return out;
}

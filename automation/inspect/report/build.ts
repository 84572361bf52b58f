import { frameworkResults } from "../../../policy-packs/lib/frameworks";
import type { PolicySummary } from "../../../policy-packs/lib/inspect";
import type { EnvironmentRun } from "../../run/environment-run";
import type { EnvironmentPolicy } from "../../policy/environment-policy";
import { previousDigests, StackBaseline } from "../delta";
import type { PastInspection } from "../history";
import type { AnalysedImage, InspectStackDetail } from "../executor";
import type { FindingRef, ImageReport, InspectReport, InspectStackReport, InspectStackStatus } from "./model";

/** The file an image's SBOM is written to, in the run folder (`:` is written `-`: CI artifact stores refuse it in names). */
export function sbomFileOf(digest: string): string {
    return `sbom/${digest.replace(":", "-")}.cdx.json`;
}

function imageReport(image: AnalysedImage): ImageReport {
    const a = image.analysis;
    const vulnerabilities = image.scans.evidence.flatMap((e) =>
        (e.scans ?? []).flatMap((s) => s.vulnerabilities.map((v) => ({ ...v, source: s.source }))),
    );
    return {
        reference: a.reference,
        digest: a.digest,
        manifestDigest: a.manifestDigest,
        platform: [a.platform.os, a.platform.architecture, a.platform.variant].filter(Boolean).join("/"),
        ...(a.os ? { os: a.os } : {}),
        sizeBytes: a.sizeBytes,
        layers: a.layers.length,
        ...(a.created ? { created: a.created } : {}),
        ...(a.config ? { config: a.config } : {}),
        packages: a.packages.map((p) => ({ name: p.name, version: p.version, type: p.type, purl: p.purl, location: p.locations[0] ?? "" })),
        tools: a.tools,
        setuidFiles: a.setuidFiles,
        worldWritable: a.worldWritable,
        secrets: a.secrets,
        integrity: a.integrity,
        notes: a.notes,
        scans: image.scans.evidence.flatMap((e) => (e.scans ?? []).map(({ vulnerabilities: _v, ...scan }) => scan)),
        vulnerabilities,
        ...(a.integrity.length === 0 ? { sbom: sbomFileOf(a.digest) } : {}),
    };
}

function statusOf(status: string): InspectStackStatus {
    return status === "succeeded" ? "passed" : (status as InspectStackStatus);
}

/**
 * The report of an inspect run: every stack with what it declares, runs and contains, its
 * findings (each marked new or known), every analysed image, and the delta against the earlier
 * inspections.
 */
export function inspectReport(
    run: EnvironmentRun<InspectStackDetail>,
    context: {
        readonly policy: EnvironmentPolicy;
        readonly policies: readonly PolicySummary[];
        readonly analysed: ReadonlyMap<string, AnalysedImage>;
        readonly backend: string;
        readonly collectedAt: string;
        readonly failOn: "any" | "new";
        readonly baselines: ReadonlyMap<string, StackBaseline>;
        readonly history: readonly PastInspection[];
    },
): InspectReport {
    const stacks: InspectStackReport[] = run.stacks.map((s) => {
        const status = statusOf(s.status);
        const explains = status === "failed" || status === "skipped" || status === "cancelled" || status === "not-deployed";
        return { unit: s.unit, stack: s.stack, ...s.detail, status, ...(explains && s.reason ? { reason: s.reason } : {}) };
    });
    const images: Record<string, ImageReport> = {};
    for (const [digest, image] of [...context.analysed].sort(([a], [b]) => (a < b ? -1 : 1))) images[digest] = imageReport(image);
    const newFindings: FindingRef[] = [];
    const resolvedFindings: FindingRef[] = [];
    const ref = (unit: string, f: FindingRef | InspectStackReport["findings"][number]): FindingRef => ({
        unit,
        policyId: f.policyId,
        urn: f.urn,
        level: f.level,
        message: f.message,
        fingerprint: f.fingerprint,
    });
    for (const stack of stacks) {
        if (stack.status !== "passed" && stack.status !== "policy-violation") continue;
        newFindings.push(...stack.findings.filter((f) => f.new).map((f) => ref(stack.unit, f)));
        const now = new Set(stack.findings.map((f) => f.fingerprint));
        resolvedFindings.push(...(context.baselines.get(stack.unit)?.findings ?? []).filter((f) => !now.has(f.fingerprint)));
    }
    const runningNow = new Set(
        stacks.flatMap((s) => s.services.flatMap((svc) => svc.containers.flatMap((c) => c.running.map((r) => r.digest)))),
    );
    const before = previousDigests(context.history);
    const newDigests = [...runningNow].filter((d) => !before?.has(d)).sort();
    const baselineRuns = [
        ...new Set([...context.baselines.values()].map((b) => b.runDir?.split(/[\\/]/).pop()).filter((d): d is string => Boolean(d))),
    ].sort();
    const count = (status: InspectStackStatus): number => stacks.filter((s) => s.status === status).length;
    const sum = (read: (s: InspectStackReport) => number): number => stacks.reduce((n, s) => n + read(s), 0);
    return {
        reportVersion: 1,
        command: "inspect",
        environment: run.plan.loaded.spec.environment,
        spec: run.plan.loaded.file,
        date: context.policy.date,
        collectedAt: context.collectedAt,
        backend: context.backend,
        pack: { name: context.policy.pack.name, version: context.policy.pack.version, path: context.policy.pack.display },
        failOn: context.failOn,
        outcome: run.outcome === "succeeded" || run.outcome === "drifted" ? "passed" : run.outcome,
        exitCode: run.exitCode,
        summary: {
            stacks: stacks.length,
            passed: count("passed"),
            policyViolation: count("policy-violation"),
            failed: count("failed") + count("skipped"),
            cancelled: count("cancelled"),
            notDeployed: count("not-deployed"),
            services: sum((s) => s.services.length),
            images: Object.keys(images).length,
            packages: Object.values(images).reduce((n, i) => n + i.packages.length, 0),
            mandatory: sum((s) => s.inspection?.mandatory ?? 0),
            advisory: sum((s) => s.inspection?.advisory ?? 0),
            waived: sum((s) => s.inspection?.waived ?? 0),
            newFindings: newFindings.length,
            resolvedFindings: resolvedFindings.length,
            newDigests: newDigests.length,
        },
        policies: context.policies,
        frameworks: frameworkResults(
            context.policy.frameworks,
            stacks.flatMap((s) => s.findings),
            new Set(context.policies.filter((p) => p.level !== "disabled").map((p) => p.id)),
        ),
        stacks,
        images,
        delta: { ...(baselineRuns.length ? { baseline: { runs: baselineRuns } } : {}), newFindings, resolvedFindings, newDigests },
    };
}

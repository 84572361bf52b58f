import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { DAY_MS, judgedImages, EVIDENCE_PROPERTY, EvidenceConfig, evidenceTime, TASK_DEFINITION } from "../support";

interface Config extends EvidenceConfig {
    maxScanAgeDays: number;
}

export const imageScanCompleteAndFresh: ResourcePolicyDefinition = {
    kind: "resource",
    id: "image-scan-complete-and-fresh",
    description: "Checks whether every running image has a completed vulnerability scan no older than the allowed age.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Scan the image (ECR enhanced continuous scanning, or " +
        "`start-image-scan`; or Trivy/Grype in the pipeline) and collect the " +
        "evidence again.",
    configSchema: { properties: { evidence: EVIDENCE_PROPERTY, maxScanAgeDays: { type: "integer", minimum: 0, default: 7 } } },
    resourceTypes: [TASK_DEFINITION],
    validateResource: forTypes([TASK_DEFINITION], (args, report) => {
        const cfg = args.getConfig<Config>();
        const now = evidenceTime(cfg.evidence);
        for (const img of judgedImages(args.props, cfg.evidence)) {
            const where = `Image of container \`${img.container}\` in \`${args.name}\``;
            if (!img.digest) {
                report(
                    `${where} cannot be matched to scan evidence: \`${img.image}\` is ` +
                        `neither pinned by digest nor resolved in the evidence tags.`,
                );
                continue;
            }
            const scans = img.evidence?.scans ?? [];
            const complete = scans.filter((s) => s.status === "COMPLETE");
            if (complete.length === 0) {
                report(
                    `${where} (${img.digest.slice(0, 19)}…) must have a completed ` +
                        `vulnerability scan (${scans.length === 0 ? "no scan evidence" : `status ${scans.map((s) => s.status).join(", ")}`}).`,
                );
                continue;
            }
            const newest = Math.max(...complete.map((s) => Date.parse(s.completedAt ?? "")).filter((t) => !Number.isNaN(t)));
            const ageDays = (now - newest) / DAY_MS;
            if (!Number.isFinite(ageDays) || ageDays > cfg.maxScanAgeDays) {
                report(
                    `${where} (${img.digest.slice(0, 19)}…) must have been scanned within ` +
                        `${cfg.maxScanAgeDays} days (last complete scan ${Number.isFinite(ageDays) ? `${Math.floor(ageDays)} days before the evidence` : "has no date"}).`,
                );
            }
        }
    }),
};

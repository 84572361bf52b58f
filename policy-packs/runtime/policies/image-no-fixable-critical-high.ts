import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { DAY_MS, judgedImages, EVIDENCE_PROPERTY, EvidenceConfig, evidenceTime, TASK_DEFINITION } from "../support";

interface Config extends EvidenceConfig {
    maxAgeDays: number;
    severities: string[];
    unknownFixIsFixable: boolean;
}

/** VEX states that take a finding off the table. */
const SETTLED = new Set(["not_affected", "false_positive", "resolved", "resolved_with_pedigree"]);

export const imageNoFixableCriticalHigh: ResourcePolicyDefinition = {
    kind: "resource",
    id: "image-no-fixable-critical-high",
    description:
        "Checks whether running images carry no fixable critical or high " +
        "vulnerability older than the allowed age, unless VEX marks it not affected.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Rebuild the image on a patched base or bump the vulnerable package, " +
        "push, and deploy the new digest; record a VEX `not_affected` analysis " +
        "in the SBOM if the code path is unreachable.",
    configSchema: {
        properties: {
            evidence: EVIDENCE_PROPERTY,
            maxAgeDays: { type: "integer", minimum: 0, default: 30 },
            severities: { type: "array", items: { type: "string" }, default: ["CRITICAL", "HIGH"] },
            unknownFixIsFixable: { type: "boolean", default: true },
        },
    },
    resourceTypes: [TASK_DEFINITION],
    validateResource: forTypes([TASK_DEFINITION], (args, report) => {
        const cfg = args.getConfig<Config>();
        const now = evidenceTime(cfg.evidence);
        for (const img of judgedImages(args.props, cfg.evidence)) {
            const ev = img.evidence;
            if (!ev) continue; // no evidence: image-scan-complete-and-fresh reports it
            const seen = new Set<string>();
            for (const scan of ev.scans ?? []) {
                for (const v of scan.vulnerabilities) {
                    if (!cfg.severities.includes(v.severity) || seen.has(v.id)) continue;
                    if (SETTLED.has(ev.vex?.[v.id] ?? "")) continue;
                    const fixable = v.fixable ?? cfg.unknownFixIsFixable;
                    if (!fixable) continue;
                    const since = Date.parse(v.firstObservedAt ?? scan.completedAt ?? "");
                    const ageDays = Number.isNaN(since) || Number.isNaN(now) ? Number.POSITIVE_INFINITY : (now - since) / DAY_MS;
                    if (ageDays <= cfg.maxAgeDays) continue;
                    seen.add(v.id);
                    const age = Number.isFinite(ageDays) ? `${Math.floor(ageDays)} days` : "an unknown time";
                    report(
                        `Image of container \`${img.container}\` (${ev.digest.slice(0, 19)}…) ` +
                            `in \`${args.name}\` must not carry fixable ${v.severity} ` +
                            `${v.id}${v.package ? ` in ${v.package}${v.fixedVersion ? ` (fixed in ${v.fixedVersion})` : ""}` : ""}, ` +
                            `open ${age} (limit ${cfg.maxAgeDays}).`,
                    );
                }
            }
        }
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { releaseOf, TABLE_DATE } from "../distribution-eol";
import { DAY_MS, EVIDENCE_PROPERTY, EvidenceConfig, evidenceTime, judgedImages, short, TASK_DEFINITION, trustedAnalysis } from "../support";

interface Config extends EvidenceConfig {
    /** Report this many days before the end of support (as advisory text in the same finding). */
    warnDays: number;
}

/**
 * A distribution past its end of support gets no more security fixes: every vulnerability found
 * in it from then on stays. Judged against the dated table in `distribution-eol.ts`, as of the
 * evidence's collection time.
 */
export const imageDistributionSupported: ResourcePolicyDefinition = {
    kind: "resource",
    id: "image-distribution-supported",
    description: "Checks whether the Linux distribution of each running image still receives security updates from its publisher.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Rebuild the image on a supported release of its base (e.g. `debian:12-slim`, `alpine:3.22`, `ubi9`) and redeploy it.",
    configSchema: {
        properties: {
            evidence: EVIDENCE_PROPERTY,
            warnDays: { type: "integer", minimum: 0, default: 0 },
        },
    },
    resourceTypes: [TASK_DEFINITION],
    validateResource: forTypes([TASK_DEFINITION], (args, report) => {
        const cfg = args.getConfig<Config>();
        const now = evidenceTime(cfg.evidence);
        const withOs = judgedImages(args.props, cfg.evidence).filter((i) => trustedAnalysis(i)?.os);
        if (withOs.length === 0)
            args.notApplicable("No analysed image of this task definition names a distribution (scratch or static images have none).");
        const unknown: string[] = [];
        for (const img of withOs) {
            const os = trustedAnalysis(img)!.os!;
            const release = releaseOf(os.id, os.versionId);
            if (!release) {
                unknown.push(`${os.prettyName ?? `${os.id} ${os.versionId ?? ""}`.trim()}`);
                continue;
            }
            const end = Date.parse(`${release.endOfSupport}T23:59:59Z`);
            const daysLeft = Math.floor((end - now) / DAY_MS);
            if (now > end || daysLeft < cfg.warnDays)
                report(
                    `Image of container \`${img.container}\` (${short(img.digest)}) in \`${args.name}\` runs ${release.name}, ` +
                        (now > end
                            ? `which stopped receiving security updates on ${release.endOfSupport}`
                            : `whose security updates end on ${release.endOfSupport} (in ${daysLeft} days)`) +
                        ` (end-of-life table of ${TABLE_DATE}).`,
                );
        }
        if (unknown.length === withOs.length)
            args.notApplicable(`The end-of-life table (${TABLE_DATE}) does not know ${[...new Set(unknown)].join(", ")}.`);
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { EVIDENCE_PROPERTY, EvidenceConfig, judgedImages, short, TASK_DEFINITION } from "../support";

/**
 * A manifest, config or layer whose bytes do not hash to the digest that names it was changed
 * after it was pushed (or the registry serves something else): the image is not what was
 * built, scanned and approved. The inspector refuses to read it; this policy makes it a finding.
 */
export const imageContentMatchesDigest: ResourcePolicyDefinition = {
    kind: "resource",
    id: "image-content-matches-digest",
    description:
        "Checks whether every running image's manifest, config and layers hash to the digests that name them " +
        "(the image was not tampered with).",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        "Treat it as an incident: find who could write to the registry's storage, push the image again from the build that produced it, " +
        "and redeploy by digest.",
    configSchema: { properties: { evidence: EVIDENCE_PROPERTY } },
    resourceTypes: [TASK_DEFINITION],
    validateResource: forTypes([TASK_DEFINITION], (args, report) => {
        const { evidence } = args.getConfig<EvidenceConfig>();
        const analysed = judgedImages(args.props, evidence).filter((i) => i.evidence?.analysis);
        if (analysed.length === 0) args.notApplicable("No image of this task definition was analysed.");
        for (const img of analysed) {
            for (const problem of img.evidence!.analysis!.integrity) {
                report(
                    `Image of container \`${img.container}\` (${short(img.digest)}) in \`${args.name}\` must match its digests: ${problem.message}.`,
                );
            }
        }
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { EVIDENCE_PROPERTY, EvidenceConfig, judgedImages, TASK_DEFINITION, trustedAnalysis } from "../support";

export const imageSbomPresent: ResourcePolicyDefinition = {
    kind: "resource",
    id: "image-sbom-present",
    description:
        "Checks whether every running image has a CycloneDX SBOM listing its components: one supplied as evidence, " +
        "or the one `edf inspect` writes from its own analysis.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Generate a CycloneDX SBOM at build time (e.g. `syft <image> -o cyclonedx-json`) and attach it to the image's evidence.",
    configSchema: { properties: { evidence: EVIDENCE_PROPERTY } },
    resourceTypes: [TASK_DEFINITION],
    validateResource: forTypes([TASK_DEFINITION], (args, report) => {
        const { evidence } = args.getConfig<EvidenceConfig>();
        for (const img of judgedImages(args.props, evidence)) {
            const components = (img.evidence?.sbom?.components.length ?? 0) + (trustedAnalysis(img)?.packages.length ?? 0);
            if (components === 0)
                report(
                    `Image of container \`${img.container}\` in \`${args.name}\` must have ` +
                        `a CycloneDX SBOM with its components (${img.digest ? img.digest.slice(0, 19) + "…" : img.image}).`,
                );
        }
    }),
};

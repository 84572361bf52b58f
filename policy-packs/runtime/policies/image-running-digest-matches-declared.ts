import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { declaredImages, EVIDENCE_PROPERTY, EvidenceConfig, TASK_DEFINITION } from "../support";

export const imageRunningDigestMatchesDeclared: ResourcePolicyDefinition = {
    kind: "resource",
    id: "image-running-digest-matches-declared",
    description: "Checks whether the image digests actually running equal the digests the task definition declares (no drift).",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps: "Redeploy the service from its declared task definition, and find out who changed what runs outside the pipeline.",
    configSchema: { properties: { evidence: EVIDENCE_PROPERTY } },
    resourceTypes: [TASK_DEFINITION],
    validateResource: forTypes([TASK_DEFINITION], (args, report) => {
        const { evidence } = args.getConfig<EvidenceConfig>();
        const family = args.props.family;
        const running = evidence.running.filter((r) => r.family === family);
        if (running.length === 0) args.notApplicable("Nothing of this task family was observed running.");
        for (const img of declaredImages(args.props, evidence)) {
            for (const r of running.filter((x) => x.container === img.container)) {
                if (r.digest !== img.digest)
                    report(
                        `Container \`${img.container}\` of \`${args.name}\` runs ` +
                            `${r.digest.slice(0, 19)}…${r.observedIn ? ` in ${r.observedIn}` : ""} ` +
                            `but declares ${img.digest ? `${img.digest.slice(0, 19)}…` : `\`${img.image}\``}.`,
                    );
            }
        }
    }),
};

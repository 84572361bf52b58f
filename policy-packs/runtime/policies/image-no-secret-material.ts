import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { EVIDENCE_PROPERTY, EvidenceConfig, judgedImages, short, TASK_DEFINITION, trustedAnalysis } from "../support";

interface Config extends EvidenceConfig {
    /** Paths (exact, as the image has them) whose secret material is known and accepted, e.g. a public test key. */
    allowPaths: string[];
}

/**
 * Secret material in an image reaches everyone who can pull it, and a later `RUN rm` does not
 * take it out: the layer that added it still holds it. Judged in every layer; only the path,
 * the kind and the layer are ever reported, never the secret.
 */
export const imageNoSecretMaterial: ResourcePolicyDefinition = {
    kind: "resource",
    id: "image-no-secret-material",
    description:
        "Checks whether running images carry no private keys, cloud or registry credentials, .env files or secret-looking " +
        "environment values in any layer, including layers whose files a later layer deleted.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Rotate the secret now (anyone with pull access has it). Rebuild without it: pass build secrets with `RUN --mount=type=secret`, " +
        "use a multi-stage build so no layer of the final image ever held it, " +
        "and deliver runtime secrets through the task definition's `secrets`.",
    configSchema: {
        properties: {
            evidence: EVIDENCE_PROPERTY,
            allowPaths: { type: "array", items: { type: "string" }, default: [] },
        },
    },
    resourceTypes: [TASK_DEFINITION],
    validateResource: forTypes([TASK_DEFINITION], (args, report) => {
        const cfg = args.getConfig<Config>();
        const allowed = new Set(cfg.allowPaths);
        const analysed = judgedImages(args.props, cfg.evidence).filter((i) => trustedAnalysis(i));
        if (analysed.length === 0) args.notApplicable("No image of this task definition was analysed.");
        for (const img of analysed) {
            const analysis = trustedAnalysis(img)!;
            const where = `Image of container \`${img.container}\` (${short(img.digest)}) in \`${args.name}\``;
            for (const s of analysis.secrets) {
                if (allowed.has(s.path)) continue;
                const state = s.present ? "" : `, deleted by a later layer but still in layer ${s.layerIndex}`;
                report(`${where} must not contain ${s.kind} material: \`${s.path}\` (layer ${s.layerIndex} ${short(s.layer)}${state}).`);
            }
            for (const name of analysis.secretEnvNames ?? []) {
                report(`${where} must not set the secret-looking environment variable \`${name}\` in the image (its value is not shown).`);
            }
        }
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { EVIDENCE_PROPERTY, EvidenceConfig, judgedImages, short, TASK_DEFINITION, trustedAnalysis } from "../support";

interface Config extends EvidenceConfig {
    /** Paths that may stay world-writable. */
    allowList: string[];
}

/** Files or directories anyone may write let any process of the container change what others run or read. */
export const imageNoWorldWritableFiles: ResourcePolicyDefinition = {
    kind: "resource",
    id: "image-no-world-writable-files",
    description: "Checks whether running images have no world-writable files or directories (sticky directories such as /tmp excepted).",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "Tighten the modes in the image build (`chmod o-w`), or add a path that must stay writable to `allowList`.",
    configSchema: {
        properties: {
            evidence: EVIDENCE_PROPERTY,
            allowList: { type: "array", items: { type: "string" }, default: [] },
        },
    },
    resourceTypes: [TASK_DEFINITION],
    validateResource: forTypes([TASK_DEFINITION], (args, report) => {
        const cfg = args.getConfig<Config>();
        const allowed = new Set(cfg.allowList);
        const analysed = judgedImages(args.props, cfg.evidence).filter((i) => trustedAnalysis(i));
        if (analysed.length === 0) args.notApplicable("No image of this task definition was analysed.");
        for (const img of analysed) {
            const found = trustedAnalysis(img)!.worldWritable.filter((f) => !allowed.has(f.path));
            if (found.length === 0) continue;
            const list = found.map((f) => `${f.path} (${f.mode})`);
            report(
                `Image of container \`${img.container}\` (${short(img.digest)}) in \`${args.name}\` must not have world-writable paths: ` +
                    `${list.slice(0, 10).join(", ")}${list.length > 10 ? ` and ${list.length - 10} more` : ""}.`,
            );
        }
    }),
};

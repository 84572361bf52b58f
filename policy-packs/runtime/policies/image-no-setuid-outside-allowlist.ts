import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { EVIDENCE_PROPERTY, EvidenceConfig, judgedImages, short, TASK_DEFINITION, trustedAnalysis } from "../support";

interface Config extends EvidenceConfig {
    /** Paths allowed to keep their setuid/setgid bit (`/usr/bin/passwd`). */
    allowList: string[];
}

/**
 * A setuid or setgid program runs with its owner's rights whoever starts it: in a container
 * that runs as a non-root user, each one is a way back to root (CIS Docker Benchmark 4.8). Base
 * images ship several (`su`, `passwd`, `mount`); production images strip them.
 */
export const imageNoSetuidOutsideAllowlist: ResourcePolicyDefinition = {
    kind: "resource",
    id: "image-no-setuid-outside-allowlist",
    description: "Checks whether running images have no setuid or setgid files other than those the allow-list names.",
    severity: "medium",
    enforcementLevel: "advisory",
    environmentLevels: { prod: "mandatory", production: "mandatory" },
    waivable: true,
    remediationSteps:
        "Remove the bits in the image build (`RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +`), " +
        "or add a program that truly needs one to `allowList`.",
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
            const found = trustedAnalysis(img)!.setuidFiles.filter((f) => !allowed.has(f.path));
            if (found.length === 0) continue;
            const list = found.map(
                (f) => `${f.path} (${[f.setuid ? "setuid" : "", f.setgid ? "setgid" : ""].filter(Boolean).join("+")} ${f.mode})`,
            );
            report(
                `Image of container \`${img.container}\` (${short(img.digest)}) in \`${args.name}\` must not have setuid/setgid files ` +
                    `outside the allow-list: ${list.slice(0, 10).join(", ")}${list.length > 10 ? ` and ${list.length - 10} more` : ""}.`,
            );
        }
    }),
};

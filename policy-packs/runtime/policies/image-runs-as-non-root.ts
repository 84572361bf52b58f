import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { EVIDENCE_PROPERTY, EvidenceConfig, judgedImages, short, TASK_DEFINITION, trustedAnalysis } from "../support";

/** `root`, `0`, `root:<group>`, `0:<group>`, or nothing at all (the image default: root). */
export function isRootUser(user: string | undefined): boolean {
    const name = (user ?? "").split(":")[0]!.trim();
    return name === "" || name === "root" || name === "0";
}

/**
 * What a container runs as is the task definition's `user` when it sets one, else the image's
 * `USER`. The pipeline checks the task definition; this policy reads the image that actually
 * runs, so an image built to run as root is caught even when nobody thought to override it.
 */
export const imageRunsAsNonRoot: ResourcePolicyDefinition = {
    kind: "resource",
    id: "image-runs-as-non-root",
    description: "Checks whether each running container runs as a non-root user, as its image's USER or its task definition's user says.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add a `USER <uid>` line (a numeric, non-zero uid) to the image's Dockerfile, " +
        "or set the container's `user` in the task definition.",
    configSchema: { properties: { evidence: EVIDENCE_PROPERTY } },
    resourceTypes: [TASK_DEFINITION],
    validateResource: forTypes([TASK_DEFINITION], (args, report) => {
        const { evidence } = args.getConfig<EvidenceConfig>();
        const analysed = judgedImages(args.props, evidence).filter((i) => trustedAnalysis(i)?.user !== undefined);
        if (analysed.length === 0) args.notApplicable("No image of this task definition was analysed.");
        for (const img of analysed) {
            const imageUser = trustedAnalysis(img)!.user!;
            const effective = img.user ?? imageUser;
            if (!isRootUser(effective)) continue;
            const why = img.user
                ? `the task definition sets \`user\` to \`${img.user}\``
                : `the image ${imageUser ? `sets USER \`${imageUser}\`` : "sets no USER"} and the task definition no \`user\``;
            report(`Container \`${img.container}\` of \`${args.name}\` (${short(img.digest)}) must not run as root: ${why}.`);
        }
    }),
};

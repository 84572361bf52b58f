import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { PATH_ALLOW_LIST_SCHEMA, pathsOutsideAllowList, TASK_DEFINITION } from "../support";

// `allowList`: paths allowed to keep their setuid/setgid bit (`/usr/bin/passwd`).

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
    configSchema: PATH_ALLOW_LIST_SCHEMA,
    resourceTypes: [TASK_DEFINITION],
    validateResource: forTypes(
        [TASK_DEFINITION],
        pathsOutsideAllowList(
            (analysis) => analysis.setuidFiles,
            (f) => `${f.path} (${[f.setuid ? "setuid" : "", f.setgid ? "setgid" : ""].filter(Boolean).join("+")} ${f.mode})`,
            (where, list) => `${where} must not have setuid/setgid files outside the allow-list: ${list}.`,
        ),
    ),
};

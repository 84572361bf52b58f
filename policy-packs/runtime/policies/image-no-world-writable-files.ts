import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { PATH_ALLOW_LIST_SCHEMA, pathsOutsideAllowList, TASK_DEFINITION } from "../support";

// `allowList`: paths that may stay world-writable.

/** Files or directories anyone may write let any process of the container change what others run or read. */
export const imageNoWorldWritableFiles: ResourcePolicyDefinition = {
    kind: "resource",
    id: "image-no-world-writable-files",
    description: "Checks whether running images have no world-writable files or directories (sticky directories such as /tmp excepted).",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "Tighten the modes in the image build (`chmod o-w`), or add a path that must stay writable to `allowList`.",
    configSchema: PATH_ALLOW_LIST_SCHEMA,
    resourceTypes: [TASK_DEFINITION],
    validateResource: forTypes(
        [TASK_DEFINITION],
        pathsOutsideAllowList(
            (analysis) => analysis.worldWritable,
            (f) => `${f.path} (${f.mode})`,
            (where, list) => `${where} must not have world-writable paths: ${list}.`,
        ),
    ),
};

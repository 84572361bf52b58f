import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const appflowFlowDescribed: ResourcePolicyDefinition = {
    kind: "resource",
    id: "appflow-flow-described",
    description: "Checks whether AppFlow flows say what data they move, and why.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "Set `description` to the data the flow moves, from where to where, and who owns it.",
    resourceTypes: [T.appFlowFlow],
    peerChecks: { full: ["aws-appflow-flow-missing-description"] },
    validateResource: forTypes([T.appFlowFlow], (args, report) => {
        const text = args.props.description;
        if (typeof text !== "string" || text.trim() === "")
            report(`AppFlow flow \`${args.name}\` should say what it moves (\`description\`).`);
    }),
};

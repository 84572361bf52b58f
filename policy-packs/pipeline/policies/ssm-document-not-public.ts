import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const ssmDocumentNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ssm-document-not-public",
    description: "Checks whether Systems Manager documents are shared only with named accounts, never with every AWS account.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps: "Set `permissions.accountIds` to the account ids that need the document (comma-separated), never `All`.",
    resourceTypes: [T.ssmDocument],
    peerChecks: { full: ["CKV_AWS_303"] },
    validateResource: forTypes([T.ssmDocument], (args, report) => {
        const permissions = args.props.permissions as Record<string, unknown> | undefined;
        const ids = typeof permissions?.accountIds === "string" ? permissions.accountIds.split(",").map((s) => s.trim().toLowerCase()) : [];
        if (ids.includes("all"))
            report(`SSM document \`${args.name}\` must not be shared with every AWS account (\`permissions.accountIds\` is \`All\`).`);
    }),
};

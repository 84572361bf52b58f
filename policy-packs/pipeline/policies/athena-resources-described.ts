import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

/** The property that describes each Athena resource (databases call it `comment`). */
const DESCRIPTION: Readonly<Record<string, string>> = {
    [T.athenaDataCatalog]: "description",
    [T.athenaDatabase]: "comment",
    [T.athenaNamedQuery]: "description",
    [T.athenaWorkgroup]: "description",
};
const TYPES = Object.keys(DESCRIPTION);

export const athenaResourcesDescribed: ResourcePolicyDefinition = {
    kind: "resource",
    id: "athena-resources-described",
    description: "Checks whether Athena data catalogs, databases, named queries and workgroups say what they are for.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "Set `description` (`comment` on a database) to what the resource holds or does and who owns it.",
    resourceTypes: TYPES,
    peerChecks: {
        full: [
            "aws-athena-datacatalog-missing-description",
            "aws-athena-database-missing-description",
            "aws-athena-namedquery-missing-description",
            "aws-athena-workgroup-missing-description",
        ],
    },
    validateResource: forTypes(TYPES, (args, report) => {
        const property = DESCRIPTION[args.type];
        const text = args.props[property];
        if (typeof text !== "string" || text.trim() === "")
            report(`Athena resource \`${args.name}\` should say what it is for (\`${property}\`).`);
    }),
};

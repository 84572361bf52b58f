import type { StackPolicyDefinition } from "../../lib/model";
import { organizationTree } from "../support/organizations";
import { known, ofTypes } from "../support/props";
import { T } from "../support/types";

interface Config {
    managementAccountIds: string[];
}

/**
 * An account directly under the root gets only the root's SCPs: none of the OU guardrails (regions,
 * protected roles, the account baseline, no IAM users). Every account but the management account
 * (which SCPs never reach anyway) must sit in an OU.
 */
export const organizationAccountsInOrganizationalUnits: StackPolicyDefinition = {
    kind: "stack",
    id: "organization-accounts-in-organizational-units",
    description:
        "Checks whether every member account of the organisation sits in an organisational unit rather than directly under the root.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set the account's `parentId` to an OU (platform/organization: `accounts.<name>.ou`); " +
        "only the management account stays at the root.",
    configSchema: {
        properties: { managementAccountIds: { type: "array", items: { type: "string" }, default: [] } },
    },
    resourceTypes: [T.organizationsAccount],
    validateStack: (args, report) => {
        const accounts = ofTypes(args.resources, [T.organizationsAccount]);
        if (accounts.length === 0) {
            args.notApplicable("The stack declares no account.");
            return;
        }
        const tree = organizationTree(args.resources);
        const management = new Set(args.getConfig<Config>().managementAccountIds);
        const master = tree.organization && known(() => tree.organization!.props.masterAccountId);
        if (typeof master === "string") management.add(master);
        for (const account of accounts) {
            const id = known(() => account.props.id);
            if (typeof id === "string" && management.has(id)) continue;
            const parent = known(() => account.props.parentId);
            if (tree.pointsAtUnit(account, "parentId")) continue;
            if (parent === undefined || tree.pointsAtRoot(account, "parentId"))
                report(
                    `Account \`${account.name}\` must sit in an organisational unit, not directly under the root: set \`parentId\` to an OU.`,
                );
        }
    },
};

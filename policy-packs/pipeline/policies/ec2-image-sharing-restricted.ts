import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    allowedAccountIds: string[];
    allowedOrganizationArns: string[];
}

const TYPES = [T.amiLaunchPermission, T.snapshotCreateVolumePermission];

/**
 * An AMI or snapshot holds a disk: sharing it hands its data (keys, configuration, card data in
 * a database volume) to the other account. Sharing is allowed only with the accounts and
 * organisation units configured here, never with `all`.
 */
export const ec2ImageSharingRestricted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ec2-image-sharing-restricted",
    description: "Checks whether AMIs and EBS snapshots are shared only with allowed accounts or organisations, never publicly.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Share images only with accounts (or organisation / OU ARNs) listed in " +
        'this policy\'s config; never set `group: "all"`. Publish public ' +
        "images from a dedicated account, if at all.",
    configSchema: {
        properties: {
            allowedAccountIds: { type: "array", items: { type: "string", pattern: "^\\d{12}$" }, default: [] },
            allowedOrganizationArns: { type: "array", items: { type: "string" }, default: [] },
        },
    },
    peerChecks: { full: ["CKV_AWS_205"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const cfg = args.getConfig<Config>();
        const p = args.props;
        const what =
            args.type === T.amiLaunchPermission ? `AMI launch permission \`${args.name}\`` : `Snapshot permission \`${args.name}\``;
        if (p.group === "all") {
            report(`${what} must not make the image public (\`group: "all"\`).`);
            return;
        }
        const org = (p.organizationArn ?? p.organizationalUnitArn) as string | undefined;
        if (org !== undefined) {
            if (!cfg.allowedOrganizationArns.includes(org)) report(`${what} must share only with an allowed organisation, not \`${org}\`.`);
            return;
        }
        const account = String(p.accountId ?? "");
        if (!cfg.allowedAccountIds.includes(account)) report(`${what} must share only with an allowed account, not \`${account}\`.`);
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

/** Security policies published in the last two years (as of 2026-12): current SSH and TLS algorithms only. */
export const DEFAULT_ALLOWED_TRANSFER_POLICIES = [
    "TransferSecurityPolicy-2025-03",
    "TransferSecurityPolicy-FIPS-2025-03",
    "TransferSecurityPolicy-SshAuditCompliant-2025-02",
    "TransferSecurityPolicy-AS2Restricted-2025-07",
];

interface Config {
    allowedSecurityPolicies: string[];
}

export const transferServerSecureTransport: ResourcePolicyDefinition = {
    kind: "resource",
    id: "transfer-server-secure-transport",
    description: "Checks whether Transfer Family servers refuse plain FTP and use a current security policy for SFTP, FTPS and AS2.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Remove `FTP` from `protocols` (use `SFTP` or `FTPS`) and set " +
        "`securityPolicyName` to `TransferSecurityPolicy-2025-03` or another " +
        "allowed policy.",
    configSchema: {
        properties: {
            allowedSecurityPolicies: { type: "array", items: { type: "string" }, minItems: 1, default: DEFAULT_ALLOWED_TRANSFER_POLICIES },
        },
    },
    peerChecks: { full: ["CKV_AWS_357", "CKV_AWS_380"] },
    resourceTypes: [T.transferServer],
    validateResource: forTypes([T.transferServer], (args, report) => {
        if (asArray(args.props.protocols as string[]).includes("FTP"))
            report(`Transfer server \`${args.name}\` must not offer plain \`FTP\`.`);
        const { allowedSecurityPolicies } = args.getConfig<Config>();
        const policy = args.props.securityPolicyName;
        if (typeof policy !== "string" || !allowedSecurityPolicies.includes(policy))
            report(
                `Transfer server \`${args.name}\` must use a current security policy ` +
                    `(${allowedSecurityPolicies[0]} or another allowed one), ` +
                    `not \`${String(policy ?? "TransferSecurityPolicy-2018-11")}\`.`,
            );
    }),
};

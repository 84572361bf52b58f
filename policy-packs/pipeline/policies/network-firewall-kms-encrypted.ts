import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isSet } from "../support/presence";
import { T } from "../support/types";

const TYPES = [T.networkFirewall, T.networkFirewallPolicy, T.networkFirewallRuleGroup];

const WHAT: Record<string, string> = {
    [T.networkFirewall]: "Network firewall",
    [T.networkFirewallPolicy]: "Firewall policy",
    [T.networkFirewallRuleGroup]: "Firewall rule group",
};

/**
 * A firewall's rules and policy describe the network's defences; at rest they are encrypted
 * under an AWS-owned key unless a customer-managed one, whose use is logged and revocable, is named.
 */
export const networkFirewallKmsEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "network-firewall-kms-encrypted",
    description: "Checks whether network firewalls, firewall policies and rule groups are encrypted with a customer-managed KMS key.",
    severity: "medium",
    enforcementLevel: "advisory",
    enforceAfter: "2027-03-01",
    waivable: true,
    remediationSteps:
        'Set `encryptionConfiguration: { type: "CUSTOMER_KMS", keyId: <key ARN> }` on the firewall, its policy and its rule groups.',
    peerChecks: { full: ["CKV_AWS_345", "CKV_AWS_346"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const enc = args.props.encryptionConfiguration as { type?: string; keyId?: string } | undefined;
        if (enc?.type !== "CUSTOMER_KMS" || !isSet(enc, "keyId"))
            report(
                `${WHAT[args.type]} \`${args.name}\` must be encrypted with a ` +
                    `customer-managed KMS key (\`encryptionConfiguration\` CUSTOMER_KMS ` +
                    `with \`keyId\`).`,
            );
    }),
};

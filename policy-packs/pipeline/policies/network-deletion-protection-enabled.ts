import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

const TYPES = [T.lb, T.albLegacy, T.networkFirewall];

/** Deleting the edge of the network takes every service behind it offline; AWS refuses it only when asked to. */
export const networkDeletionProtectionEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "network-deletion-protection-enabled",
    description: "Checks whether load balancers and network firewalls have deletion protection enabled.",
    severity: "medium",
    enforcementLevel: "advisory",
    environmentLevels: { prod: "mandatory", production: "mandatory" },
    waivable: true,
    remediationSteps:
        "Set `enableDeletionProtection: true` on the load balancer and " +
        "`deleteProtection: true` on the network firewall; turn it off in a " +
        "reviewed change before a planned removal.",
    peerChecks: { full: ["CKV_AWS_150", "CKV_AWS_344"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        if (args.type === T.networkFirewall) {
            if (args.props.deleteProtection !== true)
                report(`Network firewall \`${args.name}\` must have deletion protection enabled (\`deleteProtection: true\`).`);
        } else if (args.props.enableDeletionProtection !== true) {
            report(`Load balancer \`${args.name}\` must have deletion protection enabled (\`enableDeletionProtection: true\`).`);
        }
    }),
};

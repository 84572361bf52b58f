import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

const TYPES = [T.route53RegisteredDomain, T.route53Domain];

export const route53DomainTransferLock: ResourcePolicyDefinition = {
    kind: "resource",
    id: "route53-domain-transfer-lock",
    description:
        "Checks whether domains registered through Route 53 keep the transfer " +
        "lock on, so they cannot be moved to another registrar unnoticed.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `transferLock: true` (the default); unlock only for a planned transfer, under a dated waiver.",
    peerChecks: { full: ["CKV_AWS_377"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        if (args.props.transferLock === false) report(`Domain \`${args.name}\` must keep \`transferLock: true\`.`);
    }),
};

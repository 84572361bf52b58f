import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

const TYPES = [T.lb, T.albLegacy, T.elbClassic];

/**
 * Request smuggling and header injection ride on requests the load balancer forwards although
 * they are malformed: an ALB must drop header fields that are not valid HTTP, and no HTTP load
 * balancer may stay in desync mitigation mode `monitor` (which forwards ambiguous requests).
 */
export const albMalformedRequestsRejected: ResourcePolicyDefinition = {
    kind: "resource",
    id: "alb-malformed-requests-rejected",
    description:
        "Checks whether HTTP load balancers reject malformed requests: invalid " +
        "header fields dropped, desync mitigation defensive or strictest.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `dropInvalidHeaderFields: true` on application load balancers, " +
        "and leave `desyncMitigationMode` at `defensive` or set it to " +
        '`"strictest"` (never `"monitor"`).',
    peerChecks: { full: ["CKV_AWS_131", "CKV_AWS_328", "PCI.DSS.321-ALBHttpDropInvalidHeaderEnabled"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const classic = args.type === T.elbClassic;
        const kind = classic ? "classic" : ((args.props.loadBalancerType as string | undefined) ?? "application");
        if (kind !== "application" && kind !== "classic") args.notApplicable("Only HTTP load balancers parse requests.");
        if (!classic && args.props.dropInvalidHeaderFields !== true)
            report(`Application load balancer \`${args.name}\` must drop invalid HTTP header fields (\`dropInvalidHeaderFields: true\`).`);
        if (args.props.desyncMitigationMode === "monitor")
            report(`Load balancer \`${args.name}\` must use desync mitigation mode \`defensive\` or \`strictest\`, not \`monitor\`.`);
    }),
};

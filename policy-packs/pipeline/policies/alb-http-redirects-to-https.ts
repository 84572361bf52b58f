import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { LISTENER_TYPES } from "../support/types";

export const albHttpRedirectsToHttps: ResourcePolicyDefinition = {
    kind: "resource",
    id: "alb-http-redirects-to-https",
    description: "Checks whether plain-HTTP load-balancer listeners only redirect to HTTPS.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Give HTTP listeners a single default action `{ type: "redirect", ' +
        'redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }`.',
    peerChecks: {
        full: ["PCI.DSS.321-ALBHttpToHttpsRedirection", "CKV_AWS_2", "CKV2_AWS_20"],
        partial: [
            "aws-alb-listener-disallow-unencrypted-traffic",
            "aws-lb-listener-disallow-unencrypted-traffic",
            "CKV_AWS_378",
            "CKV_AWS_103",
        ],
    },
    resourceTypes: [...LISTENER_TYPES],
    validateResource: forTypes(LISTENER_TYPES, (args, report) => {
        // An ALB listener without a protocol is HTTP; gateway listeners have neither protocol nor port.
        const protocol = args.props.protocol ?? (args.props.port !== undefined ? "HTTP" : undefined);
        if (protocol !== "HTTP") return;
        const actions = asArray(args.props.defaultActions as { type?: string; redirect?: { protocol?: string } }[]);
        const redirects = actions.length > 0 && actions.every((a) => a.type === "redirect" && a.redirect?.protocol === "HTTPS");
        if (!redirects)
            report(`HTTP listener \`${args.name}\` must only redirect to HTTPS (default action \`redirect\` with protocol HTTPS).`);
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

export const acmCertificateNoWildcard: ResourcePolicyDefinition = {
    kind: "resource",
    id: "acm-certificate-no-wildcard",
    description:
        "Checks whether ACM certificates name their hosts rather than a wildcard, so one leaked key does not cover every subdomain.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "List the host names in `domainName` and `subjectAlternativeNames` instead of `*.example.com`.",
    peerChecks: { full: ["CKV2_AWS_71"] },
    resourceTypes: [T.acmCertificate],
    validateResource: forTypes([T.acmCertificate], (args, report) => {
        const names = [args.props.domainName, ...asArray(args.props.subjectAlternativeNames as string[])].filter(
            (n) => typeof n === "string",
        );
        const wild = names.filter((n) => (n as string).includes("*"));
        if (wild.length > 0)
            report(`ACM certificate \`${args.name}\` must not cover wildcard names (${wild.map((n) => `\`${n}\``).join(", ")}).`);
    }),
};

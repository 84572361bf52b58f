import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const acmCertificateTransparencyLogging: ResourcePolicyDefinition = {
    kind: "resource",
    id: "acm-certificate-transparency-logging",
    description:
        "Checks whether ACM certificates are recorded in public certificate " +
        "transparency logs, so a mis-issued certificate for the domain can be spotted.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: 'Remove `options.certificateTransparencyLoggingPreference: "DISABLED"` (the default is `ENABLED`).',
    peerChecks: { full: ["CKV_AWS_234"] },
    resourceTypes: [T.acmCertificate],
    validateResource: forTypes([T.acmCertificate], (args, report) => {
        const options = args.props.options as { certificateTransparencyLoggingPreference?: unknown } | undefined;
        // Unset, ACM logs (ENABLED is the default).
        if (options?.certificateTransparencyLoggingPreference === "DISABLED")
            report(`ACM certificate \`${args.name}\` must keep certificate transparency logging \`ENABLED\`.`);
    }),
};

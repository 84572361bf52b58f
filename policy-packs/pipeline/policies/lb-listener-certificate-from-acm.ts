import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { LISTENER_TYPES, T } from "../support/types";

const CERTIFICATE_TYPES = [T.listenerCertificate, T.albListenerCertificateLegacy];
const TYPES = [...LISTENER_TYPES, ...CERTIFICATE_TYPES, T.elbClassic];
const IS_CERTIFICATE: ReadonlySet<string> = new Set(CERTIFICATE_TYPES);

/** An ACM certificate ARN in any partition: `arn:aws:acm:…`, `arn:aws-us-gov:acm:…`. */
const ACM_ARN = /^arn:[^:]+:acm:/;

/**
 * ACM renews its certificates and keeps their keys out of reach; an IAM server certificate or
 * an imported file is renewed by whoever remembers. Classic load balancers have no other place
 * for a certificate than their listeners, so each of their listeners must carry one.
 */
export const lbListenerCertificateFromAcm: ResourcePolicyDefinition = {
    kind: "resource",
    id: "lb-listener-certificate-from-acm",
    description: "Checks whether load-balancer TLS listeners (and every classic load-balancer listener) use certificates issued by ACM.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Issue or import the certificate in AWS Certificate Manager and set " +
        "its ARN (`arn:aws:acm:…`) as the listener's `certificateArn` " +
        "(classic: `sslCertificateId`); drop IAM server certificates.",
    peerChecks: {
        full: ["PCI.DSS.321-ELBACMCertificateRequired", "CKV_AWS_127"],
        partial: ["PCI.DSS.321-ELBv2ACMCertificateRequired"],
    },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        if (args.type === T.elbClassic) {
            asArray(args.props.listeners as Record<string, unknown>[]).forEach((l, i) => {
                const cert = l.sslCertificateId;
                if (typeof cert !== "string" || !ACM_ARN.test(cert))
                    report(
                        `Listener #${i} (port ${String(l.lbPort)}) of classic load balancer ` +
                            `\`${args.name}\` must use an ACM certificate (\`sslCertificateId\` ` +
                            `arn:…:acm:…), not \`${String(cert ?? "none")}\`.`,
                    );
            });
            return;
        }
        const certificate = IS_CERTIFICATE.has(args.type);
        if (!certificate && args.props.protocol !== "HTTPS" && args.props.protocol !== "TLS")
            args.notApplicable("Only HTTPS and TLS listeners carry certificates.");
        const cert = args.props.certificateArn;
        if (typeof cert !== "string" || !ACM_ARN.test(cert))
            report(
                `${certificate ? "Listener certificate" : "Listener"} \`${args.name}\` ` +
                    `must use an ACM certificate (\`certificateArn\` arn:…:acm:…), not \`${String(cert ?? "none")}\`.`,
            );
    }),
};

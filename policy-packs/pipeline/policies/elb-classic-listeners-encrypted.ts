import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isSet } from "../support/presence";
import { asArray } from "../support/props";
import { T } from "../support/types";

const TLS = new Set(["https", "ssl"]);

/**
 * A classic load balancer terminates TLS per listener: each must accept only HTTPS or SSL with
 * a certificate, and re-encrypt to the instances (HTTPS or SSL instance protocol), so card data
 * never crosses the VPC in clear text.
 */
export const elbClassicListenersEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "elb-classic-listeners-encrypted",
    description:
        "Checks whether every classic load-balancer listener accepts only " +
        "HTTPS or SSL, with a certificate, and re-encrypts traffic to its instances.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Give every listener `lbProtocol: "HTTPS"` (or `"SSL"`), an ACM ' +
        "`sslCertificateId`, and `instanceProtocol` HTTPS (or SSL); better, " +
        "replace the classic load balancer with an ALB or NLB.",
    peerChecks: {
        full: [
            "AwsSolutions-ELB5",
            "PCI.DSS.321-ELBTlsHttpsListenersOnly",
            "aws-elb-loadbalancer-disallow-unencrypted-traffic",
            "CKV_AWS_376",
        ],
    },
    resourceTypes: [T.elbClassic],
    validateResource: forTypes([T.elbClassic], (args, report) => {
        asArray(args.props.listeners as Record<string, unknown>[]).forEach((l, i) => {
            const where = `Listener #${i} (port ${String(l.lbPort)}) of classic load balancer \`${args.name}\``;
            const front = String(l.lbProtocol ?? "").toLowerCase();
            const back = String(l.instanceProtocol ?? "").toLowerCase();
            if (!TLS.has(front)) report(`${where} must accept only HTTPS or SSL, not \`${String(l.lbProtocol)}\`.`);
            else if (!isSet(l, "sslCertificateId")) report(`${where} must have a certificate (\`sslCertificateId\`).`);
            if (!TLS.has(back))
                report(
                    `${where} must re-encrypt to its instances (\`instanceProtocol\` HTTPS or SSL), not \`${String(l.instanceProtocol)}\`.`,
                );
        });
    }),
};

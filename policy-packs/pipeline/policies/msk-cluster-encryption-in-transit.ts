import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const mskClusterEncryptionInTransit: ResourcePolicyDefinition = {
    kind: "resource",
    id: "msk-cluster-encryption-in-transit",
    description: "Checks whether MSK clusters encrypt traffic with TLS between clients and brokers and between brokers.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: 'Leave `encryptionInfo.encryptionInTransit` at its defaults or set `{ clientBroker: "TLS", inCluster: true }`.',
    // Checkov also fails a cluster that omits `encryptionInfo` (whose defaults are TLS); with `msk-cluster-customer-managed-key` that case
    // is rejected too.
    peerChecks: { full: ["AwsSolutions-MSK2", "AwsSolutions-MSK3"], partial: ["CKV_AWS_81"] },
    resourceTypes: [T.mskCluster],
    validateResource: forTypes([T.mskCluster], (args, report) => {
        const transit = (args.props.encryptionInfo as { encryptionInTransit?: { clientBroker?: unknown; inCluster?: unknown } } | undefined)
            ?.encryptionInTransit;
        const clientBroker = transit?.clientBroker ?? "TLS";
        if (clientBroker !== "TLS")
            report(
                `MSK cluster \`${args.name}\` must accept TLS only from clients ` +
                    `(\`clientBroker: "TLS"\`, not \`${String(clientBroker)}\`).`,
            );
        if (transit?.inCluster === false)
            report(`MSK cluster \`${args.name}\` must encrypt traffic between brokers (\`inCluster: true\`).`);
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    minimumVersion: string;
}

/** The oldest Kubernetes minor version the platform still accepts; raise it as EKS support ends. */
export const DEFAULT_MINIMUM_EKS_VERSION = "1.31";

const MINOR = /^(\d+)\.(\d+)/;

/** `1.31` → [1, 31]; undefined when the text is no version. */
function parse(version: string): [number, number] | undefined {
    const m = MINOR.exec(version);
    return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/**
 * A Kubernetes version out of EKS standard support gets no security patches (or costs extended
 * support while it waits for an upgrade). Unset, EKS creates the cluster on its current default.
 */
export const eksClusterSupportedVersion: ResourcePolicyDefinition = {
    kind: "resource",
    id: "eks-cluster-supported-version",
    description: "Checks whether EKS clusters run a Kubernetes version no older than the platform's supported minimum.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Upgrade the cluster (`version`) one minor version at a time, node groups and add-ons along, to at least the configured minimum.",
    configSchema: { properties: { minimumVersion: { type: "string", pattern: "^\\d+\\.\\d+$", default: DEFAULT_MINIMUM_EKS_VERSION } } },
    // Checkov checks a fixed list of versions, so it also refuses versions newer than its list.
    peerChecks: { partial: ["CKV_AWS_339"] },
    resourceTypes: [T.eksCluster],
    validateResource: forTypes([T.eksCluster], (args, report) => {
        const version = args.props.version as string | undefined;
        if (version === undefined) return;
        const { minimumVersion } = args.getConfig<Config>();
        const have = parse(String(version));
        const need = parse(minimumVersion) ?? [0, 0];
        if (!have || have[0] < need[0] || (have[0] === need[0] && have[1] < need[1]))
            report(`EKS cluster \`${args.name}\` must run Kubernetes ${minimumVersion} or later, not \`${String(version)}\`.`);
    }),
};

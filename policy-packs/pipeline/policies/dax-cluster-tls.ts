import { SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { T } from "../support/types";

const tls: SettingCheck = (args) =>
    args.props.clusterEndpointEncryptionType === "TLS"
        ? undefined
        : `${subject(args.type, args.name)} must set \`clusterEndpointEncryptionType: "TLS"\`.`;

export const daxClusterTls = settingPolicy(
    {
        id: "dax-cluster-tls",
        description: "Checks whether DynamoDB Accelerator (DAX) clusters accept only TLS connections on their endpoint.",
        severity: "high",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps: 'Set `clusterEndpointEncryptionType: "TLS"` (a new cluster: the setting cannot be changed later).',
        peerChecks: { full: ["CKV_AWS_239"] },
    },
    { [T.daxCluster]: tls },
);

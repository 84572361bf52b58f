import { SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { T } from "../support/types";

// DMS makes an instance public unless told otherwise: only an explicit false keeps it private.
const privateOnly: SettingCheck = (args) =>
    args.props.publiclyAccessible === false
        ? undefined
        : `${subject(args.type, args.name)} must set \`publiclyAccessible: false\` (DMS makes instances public by default).`;

export const dmsReplicationInstanceNotPublic = settingPolicy(
    {
        id: "dms-replication-instance-not-public",
        description: "Checks whether DMS replication instances are explicitly kept off the internet.",
        severity: "critical",
        enforcementLevel: "mandatory",
        waivable: false,
        remediationSteps: "Set `publiclyAccessible: false` and a `replicationSubnetGroupId` over private subnets.",
        peerChecks: { full: ["PCI.DSS.321-DMSReplicationNotPublic", "CKV_AWS_89"] },
    },
    { [T.dmsReplicationInstance]: privateOnly },
);

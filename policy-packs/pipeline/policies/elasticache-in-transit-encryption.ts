import { flag, mustNotBeFalse, SettingCheck, settingPolicy, subject, unless } from "../support/data-settings";
import { memberOfGroup } from "../support/cache-engines";
import { T } from "../support/types";

// `preferred` accepts plaintext clients too: only `required` (the default once on) encrypts every connection.
const tls: SettingCheck = (args) => {
    if (flag(args.props.transitEncryptionEnabled) !== true)
        return `${subject(args.type, args.name)} must set \`transitEncryptionEnabled: true\`.`;
    return args.props.transitEncryptionMode === "preferred"
        ? `${subject(args.type, args.name)} must require TLS (\`transitEncryptionMode\` is \`preferred\`, which also accepts plaintext).`
        : undefined;
};

export const elasticacheInTransitEncryption = settingPolicy(
    {
        id: "elasticache-in-transit-encryption",
        description: "Checks whether ElastiCache clusters and replication groups and MemoryDB clusters accept only TLS connections.",
        severity: "high",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Set `transitEncryptionEnabled: true` (and leave " +
            "`transitEncryptionMode` at `required`) on ElastiCache; leave " +
            "MemoryDB's `tlsEnabled` at its default `true`. Serverless caches " +
            "always use TLS.",
        peerChecks: { full: ["CKV_AWS_30", "CKV_AWS_202"], partial: ["AwsSolutions-AEC3", "CKV_AWS_31"] },
    },
    {
        [T.elasticacheReplicationGroup]: tls,
        [T.elasticacheCluster]: unless(memberOfGroup, tls),
        [T.memorydbCluster]: mustNotBeFalse("tlsEnabled"),
    },
);

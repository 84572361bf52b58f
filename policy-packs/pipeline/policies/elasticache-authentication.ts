import { SettingCheck, settingPolicy, subject, unless } from "../support/data-settings";
import { isMemcached } from "../support/cache-engines";
import { T } from "../support/types";

const set = (v: unknown) => (typeof v === "string" && v.length > 0) || (Array.isArray(v) && v.length > 0);

// Redis AUTH (a token from the secrets injector) or RBAC users (a user group): either makes clients sign in.
const group: SettingCheck = (args) =>
    set(args.props.authToken) || set(args.props.authTokenWo) || set(args.props.userGroupIds)
        ? undefined
        : `${subject(args.type, args.name)} must make clients authenticate (\`authToken\` or \`userGroupIds\`).`;

const serverless: SettingCheck = (args) =>
    set(args.props.userGroupId) ? undefined : `${subject(args.type, args.name)} must make clients authenticate (\`userGroupId\`).`;

const memorydb: SettingCheck = (args) =>
    args.props.aclName === "open-access"
        ? `${subject(args.type, args.name)} must not use the \`open-access\` ACL (\`aclName\`).`
        : undefined;

export const elasticacheAuthentication = settingPolicy(
    {
        id: "elasticache-authentication",
        description:
            "Checks whether ElastiCache (Redis OSS, Valkey) and MemoryDB caches make clients authenticate (AUTH token or RBAC users).",
        severity: "high",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Give a replication group an `authToken` from the secrets injector, or " +
            "RBAC `userGroupIds`; a serverless cache a `userGroupId`; a MemoryDB " +
            "cluster an ACL other than `open-access`.",
        // Partial: RBAC user groups pass here, where cdk-nag insists on a token; Checkov also asks for TLS, which
        // elasticache-in-transit-encryption checks.
        peerChecks: { partial: ["AwsSolutions-AEC6", "CKV_AWS_31"] },
    },
    {
        [T.elasticacheReplicationGroup]: group,
        [T.elasticacheServerlessCache]: unless(
            (args) => (isMemcached(args) ? "Memcached has no user authentication." : undefined),
            serverless,
        ),
        [T.memorydbCluster]: memorydb,
    },
);

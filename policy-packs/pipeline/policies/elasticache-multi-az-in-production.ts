import { flag, onlyInProduction, PRODUCTION_SCHEMA, SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { isMemcached, memberOfGroup } from "../support/cache-engines";
import { T } from "../support/types";

const inProduction =
    (check: SettingCheck): SettingCheck =>
    (args) => {
        const inherited = memberOfGroup(args);
        if (inherited) args.notApplicable(inherited);
        onlyInProduction(args, "Multi-AZ");
        return check(args);
    };

const group: SettingCheck = (args) =>
    flag(args.props.multiAzEnabled) === true && flag(args.props.automaticFailoverEnabled) === true
        ? undefined
        : `${subject(args.type, args.name)} must fail over to another ` +
          `availability zone in production (\`multiAzEnabled: true\`, ` +
          `\`automaticFailoverEnabled: true\`).`;

// A Memcached cluster spreads its nodes; a lone Redis/Valkey node cannot fail over at all.
const cluster: SettingCheck = (args) => {
    if (isMemcached(args))
        return args.props.azMode === "cross-az" && Number(args.props.numCacheNodes ?? 1) >= 2
            ? undefined
            : `${subject(args.type, args.name)} must spread its nodes across ` +
                  `availability zones in production (\`azMode: "cross-az"\`, 2 nodes or more).`;
    return `${subject(args.type, args.name)} must be a replication group with a replica in another availability zone in production.`;
};

const memorydb: SettingCheck = (args) =>
    Number(args.props.numReplicasPerShard ?? 1) >= 1
        ? undefined
        : `${subject(args.type, args.name)} must keep a replica per shard in production (\`numReplicasPerShard\` is 0).`;

export const elasticacheMultiAzInProduction = settingPolicy(
    {
        id: "elasticache-multi-az-in-production",
        description: "Checks whether ElastiCache and MemoryDB caches in production environments fail over across availability zones.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Production replication groups: `multiAzEnabled: true`, " +
            "`automaticFailoverEnabled: true` and at least two cache clusters; " +
            "MemoryDB: `numReplicasPerShard` of 1 or more. Serverless caches are " +
            "always Multi-AZ.",
        configSchema: { properties: PRODUCTION_SCHEMA },
        // Partial: development caches are not judged; the peers judge every environment.
        peerChecks: { partial: ["AwsSolutions-AEC4", "CKV2_AWS_50"] },
    },
    {
        [T.elasticacheReplicationGroup]: inProduction(group),
        [T.elasticacheCluster]: inProduction(cluster),
        [T.memorydbCluster]: inProduction(memorydb),
    },
);

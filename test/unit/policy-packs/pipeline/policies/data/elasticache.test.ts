import { elasticacheAuthentication } from "../../../../../../policy-packs/pipeline/policies/elasticache-authentication";
import { elasticacheAutoMinorVersionUpgrade } from "../../../../../../policy-packs/pipeline/policies/elasticache-auto-minor-version-upgrade";
import { elasticacheCustomSubnetGroup } from "../../../../../../policy-packs/pipeline/policies/elasticache-custom-subnet-group";
import { elasticacheCustomerManagedKey } from "../../../../../../policy-packs/pipeline/policies/elasticache-customer-managed-key";
import { elasticacheEncryptedAtRest } from "../../../../../../policy-packs/pipeline/policies/elasticache-encrypted-at-rest";
import { elasticacheInTransitEncryption } from "../../../../../../policy-packs/pipeline/policies/elasticache-in-transit-encryption";
import { elasticacheMultiAzInProduction } from "../../../../../../policy-packs/pipeline/policies/elasticache-multi-az-in-production";
import { elasticacheSnapshotRetention } from "../../../../../../policy-packs/pipeline/policies/elasticache-snapshot-retention";
import { elasticacheUserPasswordRequired } from "../../../../../../policy-packs/pipeline/policies/elasticache-user-password-required";
import { T } from "../../../../../../policy-packs/pipeline/support/types";
import { describePolicy } from "../../../support/policy-cases";
import { cacheEstate } from "./estates";
import { only, OTHER, patch, plus, res, UNKNOWN } from "./records";

const others = () => [OTHER];
const group = (change: Record<string, unknown>) => patch(cacheEstate, T.elasticacheReplicationGroup, "sessions", change);
const memcached = (change: Record<string, unknown>) => patch(cacheEstate, T.elasticacheCluster, "pages", change);
const serverless = (change: Record<string, unknown>) => patch(cacheEstate, T.elasticacheServerlessCache, "tokens", change);
const memorydb = (change: Record<string, unknown>) => patch(cacheEstate, T.memorydbCluster, "ledger", change);
const lone = (change: Record<string, unknown> = {}) =>
    plus(
        cacheEstate,
        res(T.elasticacheCluster, "lone", {
            engine: "redis",
            nodeType: "cache.t4g.small",
            numCacheNodes: 1,
            subnetGroupName: "s",
            ...change,
        }),
    );
const member = () =>
    only(plus(cacheEstate, res(T.elasticacheCluster, "sessions-3", { replicationGroupId: "sessions" })), T.elasticacheCluster);
const DEV = { environment: "dev" };

describe("ElastiCache and MemoryDB policies", () => {
    describePolicy(elasticacheEncryptedAtRest, {
        compliant: cacheEstate,
        nonCompliant: [
            {
                name: "a group with encryption off",
                resources: group({ atRestEncryptionEnabled: false }),
                expect: /ElastiCache replication group `sessions` must set `atRestEncryptionEnabled: true`/,
            },
            {
                name: "a Redis OSS group without the setting",
                resources: group({ engine: "redis", atRestEncryptionEnabled: undefined }),
                expect: /`sessions`/,
            },
            {
                name: "a lone Redis node",
                resources: lone(),
                expect: /ElastiCache cluster `lone` must be created as an aws.elasticache.ReplicationGroup/,
            },
        ],
        notApplicable: [
            { name: "Memcached, which keeps nothing at rest", resources: only(cacheEstate, T.elasticacheCluster) },
            { name: "a member of a replication group", resources: member() },
            { name: "resources other than caches", resources: others },
        ],
        unknown: [{ name: "the flag is computed", resources: group({ atRestEncryptionEnabled: UNKNOWN }) }],
    });

    describePolicy(elasticacheInTransitEncryption, {
        compliant: cacheEstate,
        nonCompliant: [
            {
                name: "a group without TLS",
                resources: group({ transitEncryptionEnabled: undefined }),
                expect: /`sessions` must set `transitEncryptionEnabled: true`/,
            },
            {
                name: "a group that also accepts plaintext",
                resources: group({ transitEncryptionMode: "preferred" }),
                expect: /must require TLS \(`transitEncryptionMode` is `preferred`/,
            },
            {
                name: "a Memcached cluster without TLS",
                resources: memcached({ transitEncryptionEnabled: false }),
                expect: /ElastiCache cluster `pages`/,
            },
            {
                name: "MemoryDB with TLS off",
                resources: memorydb({ tlsEnabled: false }),
                expect: /MemoryDB cluster `ledger` must not set `tlsEnabled: false`/,
            },
        ],
        notApplicable: [
            { name: "a member of a replication group", resources: member() },
            { name: "resources other than caches", resources: others },
        ],
        unknown: [{ name: "the flag is computed", resources: memorydb({ tlsEnabled: UNKNOWN }) }],
    });

    describePolicy(elasticacheAuthentication, {
        compliant: cacheEstate,
        nonCompliant: [
            {
                name: "a group without AUTH or users",
                resources: group({ authToken: undefined }),
                expect: /`sessions` must make clients authenticate \(`authToken` or `userGroupIds`\)/,
            },
            {
                name: "a serverless cache without users",
                resources: serverless({ userGroupId: undefined }),
                expect: /serverless cache `tokens` must make clients authenticate/,
            },
            {
                name: "MemoryDB open to all",
                resources: memorydb({ aclName: "open-access" }),
                expect: /`ledger` must not use the `open-access` ACL/,
            },
        ],
        notApplicable: [
            {
                name: "a serverless Memcached cache",
                resources: only(serverless({ engine: "memcached", userGroupId: undefined }), T.elasticacheServerlessCache),
            },
            { name: "resources other than caches", resources: others },
        ],
        unknown: [{ name: "the token is a secret output", resources: group({ authToken: UNKNOWN }) }],
    });

    describePolicy(elasticacheCustomerManagedKey, {
        compliant: cacheEstate,
        nonCompliant: [
            {
                name: "a group on the AWS managed key",
                resources: group({ kmsKeyId: undefined }),
                expect: /`sessions` must be encrypted with a customer managed KMS key \(`kmsKeyId`\)/,
            },
            {
                name: "a serverless cache on aws/elasticache",
                resources: serverless({ kmsKeyId: "alias/aws/elasticache" }),
                expect: /`tokens`/,
            },
            { name: "MemoryDB without a key", resources: memorydb({ kmsKeyArn: undefined }), expect: /`ledger` .* \(`kmsKeyArn`\)/ },
            {
                name: "a MemoryDB snapshot without a key",
                resources: patch(cacheEstate, T.memorydbSnapshot, "ledger-manual", { kmsKeyArn: undefined }),
                expect: /MemoryDB snapshot `ledger-manual`/,
            },
        ],
        notApplicable: [{ name: "resources other than caches", resources: others }],
        unknown: [{ name: "the key is created in the same program", resources: group({ kmsKeyId: UNKNOWN }) }],
    });

    describePolicy(elasticacheMultiAzInProduction, {
        compliant: cacheEstate,
        nonCompliant: [
            {
                name: "a group without failover",
                resources: group({ automaticFailoverEnabled: false }),
                expect: /`sessions` must fail over to another availability zone in production/,
            },
            {
                name: "a Memcached cluster in one zone",
                resources: memcached({ azMode: "single-az" }),
                expect: /`pages` must spread its nodes across availability zones/,
            },
            { name: "a lone Redis node", resources: lone(), expect: /`lone` must be a replication group with a replica/ },
            {
                name: "MemoryDB without replicas",
                resources: memorydb({ numReplicasPerShard: 0 }),
                expect: /`ledger` must keep a replica per shard/,
            },
        ],
        notApplicable: [
            {
                name: "a single-zone group in dev",
                resources: only(group({ multiAzEnabled: false }), T.elasticacheReplicationGroup),
                options: DEV,
            },
            { name: "a member of a replication group", resources: member() },
            { name: "resources other than caches", resources: others },
        ],
        unknown: [{ name: "the flag is computed", resources: group({ multiAzEnabled: UNKNOWN }) }],
    });

    describePolicy(elasticacheSnapshotRetention, {
        compliant: cacheEstate,
        nonCompliant: [
            {
                name: "a group without snapshots",
                resources: group({ snapshotRetentionLimit: undefined }),
                expect: /`sessions` must set `snapshotRetentionLimit` to at least 7 days \(it is 0\)/,
            },
            { name: "a lone Redis node keeping one day", resources: lone({ snapshotRetentionLimit: 1 }), expect: /`lone` .* \(it is 1\)/ },
            { name: "a serverless cache without snapshots", resources: serverless({ snapshotRetentionLimit: 0 }), expect: /`tokens`/ },
            { name: "MemoryDB without snapshots", resources: memorydb({ snapshotRetentionLimit: undefined }), expect: /`ledger`/ },
        ],
        notApplicable: [
            { name: "Memcached, which has no snapshots", resources: only(cacheEstate, T.elasticacheCluster) },
            { name: "resources other than caches", resources: others },
        ],
        unknown: [{ name: "the limit is computed", resources: group({ snapshotRetentionLimit: UNKNOWN }) }],
    });

    describePolicy(elasticacheCustomSubnetGroup, {
        compliant: cacheEstate,
        nonCompliant: [
            {
                name: "a group in the default subnet group",
                resources: group({ subnetGroupName: "default" }),
                expect: /`sessions` must be placed in the isolated subnets by a subnet group of its own/,
            },
            { name: "a cluster without a subnet group", resources: memcached({ subnetGroupName: undefined }), expect: /`pages`/ },
            { name: "MemoryDB without one", resources: memorydb({ subnetGroupName: undefined }), expect: /`ledger`/ },
            {
                name: "a serverless cache without subnets",
                resources: serverless({ subnetIds: undefined }),
                expect: /`tokens` must be placed in the isolated subnets \(`subnetIds`\)/,
            },
        ],
        notApplicable: [
            { name: "a member of a replication group", resources: member() },
            { name: "resources other than caches", resources: others },
        ],
        unknown: [{ name: "the subnet group name is an output", resources: group({ subnetGroupName: UNKNOWN }) }],
    });

    describePolicy(elasticacheAutoMinorVersionUpgrade, {
        compliant: cacheEstate,
        nonCompliant: [
            {
                name: "a group with upgrades off",
                resources: group({ autoMinorVersionUpgrade: false }),
                expect: /`sessions` must not set `autoMinorVersionUpgrade: false`/,
            },
            { name: "a lone Redis node with upgrades off", resources: lone({ autoMinorVersionUpgrade: false }), expect: /`lone`/ },
            { name: "MemoryDB with upgrades off", resources: memorydb({ autoMinorVersionUpgrade: false }), expect: /`ledger`/ },
        ],
        notApplicable: [
            { name: "Memcached", resources: only(memcached({ autoMinorVersionUpgrade: false }), T.elasticacheCluster) },
            { name: "resources other than caches", resources: others },
        ],
        unknown: [{ name: "the flag is computed", resources: group({ autoMinorVersionUpgrade: UNKNOWN }) }],
    });

    describePolicy(elasticacheUserPasswordRequired, {
        compliant: cacheEstate,
        nonCompliant: [
            {
                name: "a user without a password",
                resources: patch(cacheEstate, T.elasticacheUser, "reader", { noPasswordRequired: true, authenticationMode: undefined }),
                expect: /ElastiCache user `reader` must authenticate/,
            },
            {
                name: "a no-password authentication mode",
                resources: patch(cacheEstate, T.elasticacheUser, "reader", { authenticationMode: { type: "no-password-required" } }),
                expect: /`reader`/,
            },
        ],
        notApplicable: [{ name: "resources other than users", resources: others }],
        unknown: [
            { name: "the mode is computed", resources: patch(cacheEstate, T.elasticacheUser, "reader", { noPasswordRequired: UNKNOWN }) },
        ],
    });
});

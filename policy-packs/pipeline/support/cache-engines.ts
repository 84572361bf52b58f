import type { ResourceValidationArgs } from "@pulumi/policy";
import { T } from "./types";

/** ElastiCache's engine for a cluster, replication group or serverless cache (`redis` when unset, as the provider defaults). */
export function cacheEngine(args: ResourceValidationArgs): string {
    return String(args.props.engine ?? "redis").toLowerCase();
}

/** Whether the cache is Memcached, which keeps nothing on disk and has no replicas, snapshots or AUTH. */
export function isMemcached(args: ResourceValidationArgs): boolean {
    return cacheEngine(args) === "memcached";
}

/**
 * Why a resource takes the setting from elsewhere, or undefined: a cluster that joins a
 * replication group (`replicationGroupId`) gets the group's encryption, backups and placement.
 */
export function memberOfGroup(args: ResourceValidationArgs): string | undefined {
    return args.type === T.elasticacheCluster && args.props.replicationGroupId
        ? "The cluster is a member of a replication group, whose settings it takes."
        : undefined;
}

/** Not applicable for Memcached, or for a group member; for the setting `what`. */
export function redisOnly(what: string): (args: ResourceValidationArgs) => string | undefined {
    return (args) => memberOfGroup(args) ?? (isMemcached(args) ? `Memcached has no ${what}.` : undefined);
}

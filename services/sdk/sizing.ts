import type { EnvironmentSize } from "../../platform/common/unit-config";

/**
 * What an environment's size means for a service and its dependencies. `dev` saves
 * money (one task, a small single-AZ database, images by tag); `prod` buys redundancy,
 * protection and pinning — production changes traceable to a scanned image. Log and
 * backup retention meet the pipeline pack's minimums in both (PCI DSS 10.5.1: a year of logs).
 */
export interface ServiceSizing {
    /** Tasks the service keeps running at least. */
    readonly minTasks: number;
    /** Tasks autoscaling may add up to. */
    readonly maxTasks: number;
    /** Log retention in days. */
    readonly logRetentionDays: number;
    /** The image must be pinned by digest. */
    readonly requireImageDigest: boolean;
    /** Databases run with a standby in a second AZ. */
    readonly multiAzDatabase: boolean;
    /** Default database instance class (RDS). */
    readonly databaseInstanceClass: string;
    /** Default Aurora instance class (Aurora PostgreSQL starts at `db.t4g.medium`). */
    readonly auroraInstanceClass: string;
    /** Days of automated database backups. */
    readonly backupRetentionDays: number;
    /** Stateful resources refuse deletion. */
    readonly deletionProtection: boolean;
    /** Days a dead-lettered message is kept. */
    readonly deadLetterRetentionDays: number;
    /** Concurrent executions reserved for (and capping) each function. */
    readonly functionConcurrency: number;
    /** Default cache node type (ElastiCache, Graviton). */
    readonly cacheNodeType: string;
    /** Cache nodes: a primary, plus replicas in other AZs when multi-AZ. */
    readonly cacheNodes: number;
    /** Caches fail over automatically to a replica in another AZ. */
    readonly multiAzCache: boolean;
    /** Days a deleted secret can still be restored (Secrets Manager allows 7–30). */
    readonly secretRecoveryWindowDays: number;
}

/** Sizing per environment size. */
export const SERVICE_SIZING: Readonly<Record<EnvironmentSize, ServiceSizing>> = {
    dev: {
        minTasks: 1,
        maxTasks: 2,
        // The pipeline pack's minimums hold in dev too, so a service passes it everywhere.
        logRetentionDays: 365,
        requireImageDigest: false,
        multiAzDatabase: false,
        databaseInstanceClass: "db.t4g.micro",
        auroraInstanceClass: "db.t4g.medium",
        backupRetentionDays: 7,
        deletionProtection: false,
        deadLetterRetentionDays: 4,
        functionConcurrency: 5,
        cacheNodeType: "cache.t4g.micro",
        cacheNodes: 1,
        multiAzCache: false,
        secretRecoveryWindowDays: 7,
    },
    prod: {
        minTasks: 2,
        maxTasks: 10,
        logRetentionDays: 365,
        requireImageDigest: true,
        multiAzDatabase: true,
        databaseInstanceClass: "db.r6g.large",
        auroraInstanceClass: "db.r6g.large",
        backupRetentionDays: 14,
        deletionProtection: true,
        deadLetterRetentionDays: 14,
        functionConcurrency: 50,
        cacheNodeType: "cache.r7g.large",
        cacheNodes: 2,
        multiAzCache: true,
        secretRecoveryWindowDays: 30,
    },
};

/** The sizing of an environment size. */
export function sizingFor(size: EnvironmentSize): ServiceSizing {
    return SERVICE_SIZING[size];
}

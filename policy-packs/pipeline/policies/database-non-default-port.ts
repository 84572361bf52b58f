import { SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { engineFamily, RDS_DEFAULT_PORTS } from "../support/database-engines";
import { T } from "../support/types";

/** A check that the port is set and is not the engine's default (`standard` reads the default from the resource). */
const notDefault =
    (standard: (props: Record<string, unknown>) => number | undefined): SettingCheck =>
    (args) => {
        const port = args.props.port;
        const def = standard(args.props);
        if (port === undefined || port === null)
            return `${subject(args.type, args.name)} must set \`port\` to a port other than the engine's default${def ? ` (${def})` : ""}.`;
        return Number(port) === def ? `${subject(args.type, args.name)} must not listen on the engine's default port ${def}.` : undefined;
    };

const rds = notDefault((p) => RDS_DEFAULT_PORTS[engineFamily(p.engine)]);
const cache = notDefault((p) => (String(p.engine ?? "redis").toLowerCase() === "memcached" ? 11211 : 6379));

/**
 * Off by default: a non-default port only keeps out scanners that sweep default ports (security
 * groups are the control), and moving a live database's port restarts it. A team that wants it
 * turns it on in its spec (`advisory` or `mandatory`).
 */
export const databaseNonDefaultPort = settingPolicy(
    {
        id: "database-non-default-port",
        description:
            "Checks whether RDS, ElastiCache, MemoryDB, DocumentDB and Redshift " +
            "databases listen on a port other than their engine's default.",
        severity: "low",
        enforcementLevel: "disabled",
        waivable: true,
        remediationSteps:
            "Set `port` to a non-default port (e.g. 5433 for PostgreSQL, 3307 for " +
            "MySQL, 6380 for Redis/Valkey, 27018 for DocumentDB, 5440 for " +
            "Redshift) and open only that port to the clients' security groups.",
        peerChecks: { full: ["AwsSolutions-RDS11", "AwsSolutions-AEC5", "AwsSolutions-DOC2", "AwsSolutions-RS4"] },
    },
    {
        [T.rdsInstance]: rds,
        [T.rdsCluster]: rds,
        [T.elasticacheCluster]: cache,
        [T.elasticacheReplicationGroup]: cache,
        [T.memorydbCluster]: notDefault(() => 6379),
        [T.docdbCluster]: notDefault(() => 27017),
        [T.redshiftCluster]: notDefault(() => 5439),
        [T.redshiftServerlessWorkgroup]: notDefault(() => 5439),
    },
);

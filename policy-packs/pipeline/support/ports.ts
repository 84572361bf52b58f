/** SSH, RDP, FTP, and the common database and cache ports: never reachable from the internet. */
export const DEFAULT_ADMIN_PORTS = [20, 21, 22, 3389, 3306, 3309, 4333, 5432, 1433, 1521, 27017, 6379, 9200, 5439, 11211];

/**
 * The ports of `ports` a rule opens: all of them for protocol `-1`/`all` (whatever the port
 * fields say), else those within `from`..`to` (an absent bound is open-ended). Pure.
 */
export function exposedPorts(
    from: number | undefined,
    to: number | undefined,
    protocol: string | undefined,
    ports: readonly number[],
): number[] {
    if (protocol === "-1" || protocol === "all") return [...ports];
    const lo = from ?? 0;
    const hi = to ?? from ?? 65535;
    return ports.filter((p) => p >= lo && p <= hi);
}

/**
 * When each distribution release stops receiving security updates from its publisher: the
 * table `image-distribution-supported` judges by. Keyed by os-release `ID` and `VERSION_ID`
 * (Alpine by its `major.minor` branch).
 *
 * Compiled on 2026-12-05 from the publishers' own lifecycle pages:
 * - Debian: the security team's and the LTS team's announcements (debian.org/security, wiki.debian.org/LTS);
 *   the date is the end of LTS, the last security updates the Debian project itself publishes.
 * - Ubuntu: Canonical's release cycle (ubuntu.com/about/release-cycle); the end of standard support
 *   (ESM, a paid or Pro subscription, is not counted); Canonical names months, taken as their last day.
 * - Alpine Linux: alpinelinux.org/releases ("end of support" per branch, main repository).
 * - Amazon Linux: AWS's Amazon Linux 2 FAQ and the Amazon Linux 2023 release cadence page
 *   (aws.amazon.com/amazon-linux-2/faqs, docs.aws.amazon.com/linux/al2023/ug/release-cadence.html).
 * - RHEL and UBI (UBI images report `ID=rhel`): Red Hat's Enterprise Linux life cycle
 *   (access.redhat.com/support/policy/updates/errata), end of Maintenance Support (Extended Life
 *   Cycle Support, a paid add-on, is not counted). CentOS Linux: centos.org's end-of-life notices.
 *
 * A release missing from the table is "unknown", never "supported": the policy says so. Review
 * the table when a release ships or a date moves; `TABLE_DATE` records the last review.
 */
export const TABLE_DATE = "2026-12-05";

export interface DistributionRelease {
    /** The release as people say it. */
    readonly name: string;
    /** The last day of security updates (YYYY-MM-DD). */
    readonly endOfSupport: string;
}

export const DISTRIBUTION_EOL: Readonly<Record<string, Readonly<Record<string, DistributionRelease>>>> = {
    debian: {
        "8": { name: "Debian 8 (jessie)", endOfSupport: "2020-06-30" },
        "9": { name: "Debian 9 (stretch)", endOfSupport: "2022-06-30" },
        "10": { name: "Debian 10 (buster)", endOfSupport: "2024-06-30" },
        "11": { name: "Debian 11 (bullseye)", endOfSupport: "2026-08-31" },
        "12": { name: "Debian 12 (bookworm)", endOfSupport: "2028-06-30" },
        "13": { name: "Debian 13 (trixie)", endOfSupport: "2030-06-30" },
    },
    ubuntu: {
        "16.04": { name: "Ubuntu 16.04 LTS", endOfSupport: "2021-04-30" },
        "18.04": { name: "Ubuntu 18.04 LTS", endOfSupport: "2023-05-31" },
        "20.04": { name: "Ubuntu 20.04 LTS", endOfSupport: "2025-05-31" },
        "22.04": { name: "Ubuntu 22.04 LTS", endOfSupport: "2027-04-30" },
        "23.10": { name: "Ubuntu 23.10", endOfSupport: "2024-07-31" },
        "24.04": { name: "Ubuntu 24.04 LTS", endOfSupport: "2029-04-30" },
        "24.10": { name: "Ubuntu 24.10", endOfSupport: "2025-07-31" },
        "25.04": { name: "Ubuntu 25.04", endOfSupport: "2026-01-31" },
        "25.10": { name: "Ubuntu 25.10", endOfSupport: "2026-07-31" },
        "26.04": { name: "Ubuntu 26.04 LTS", endOfSupport: "2031-04-30" },
    },
    alpine: {
        "3.14": { name: "Alpine Linux 3.14", endOfSupport: "2023-05-01" },
        "3.15": { name: "Alpine Linux 3.15", endOfSupport: "2023-11-01" },
        "3.16": { name: "Alpine Linux 3.16", endOfSupport: "2024-05-23" },
        "3.17": { name: "Alpine Linux 3.17", endOfSupport: "2024-11-22" },
        "3.18": { name: "Alpine Linux 3.18", endOfSupport: "2025-05-09" },
        "3.19": { name: "Alpine Linux 3.19", endOfSupport: "2025-11-01" },
        "3.20": { name: "Alpine Linux 3.20", endOfSupport: "2026-04-01" },
        "3.21": { name: "Alpine Linux 3.21", endOfSupport: "2026-11-01" },
        "3.22": { name: "Alpine Linux 3.22", endOfSupport: "2027-05-01" },
        "3.23": { name: "Alpine Linux 3.23", endOfSupport: "2027-11-01" },
    },
    amzn: {
        "2018.03": { name: "Amazon Linux AMI 2018.03", endOfSupport: "2023-12-31" },
        "2": { name: "Amazon Linux 2", endOfSupport: "2026-06-30" },
        "2023": { name: "Amazon Linux 2023", endOfSupport: "2029-06-30" },
    },
    rhel: {
        "7": { name: "Red Hat Enterprise Linux 7", endOfSupport: "2024-06-30" },
        "8": { name: "Red Hat Enterprise Linux 8", endOfSupport: "2029-05-31" },
        "9": { name: "Red Hat Enterprise Linux 9", endOfSupport: "2032-05-31" },
        "10": { name: "Red Hat Enterprise Linux 10", endOfSupport: "2035-05-31" },
    },
    centos: {
        "7": { name: "CentOS Linux 7", endOfSupport: "2024-06-30" },
        "8": { name: "CentOS Linux 8", endOfSupport: "2021-12-31" },
    },
};

/**
 * The table row of a distribution release: Debian, RHEL and CentOS by major version (`12`,
 * `9.4` → `9`), Alpine by branch (`3.20.3` → `3.20`), Ubuntu and Amazon Linux as they are.
 */
export function releaseOf(id: string, versionId: string | undefined, table = DISTRIBUTION_EOL): DistributionRelease | undefined {
    const releases = table[id];
    if (!releases || !versionId) return undefined;
    const major = versionId.split(".")[0]!;
    const branch = versionId.split(".").slice(0, 2).join(".");
    return releases[versionId] ?? (id === "alpine" ? releases[branch] : releases[major]);
}

import { Finding, Inspector2Client, ListFindingsCommand, ListFindingsCommandOutput } from "@aws-sdk/client-inspector2";
import type { ImageEvidence, ScanEvidence, Vulnerability, VulnerabilitySeverity } from "./model";

/** The ECR image whose Amazon Inspector findings to read. */
export interface InspectorImageRef {
    readonly repositoryName: string;
    readonly imageDigest: string;
    /** The registry (account) id. @default - every account the caller may see (a delegated administrator sees the organisation) */
    readonly registryId?: string;
}

const SEVERITIES: readonly VulnerabilitySeverity[] = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"];

/** An Inspector finding as a vulnerability (`UNTRIAGED` is Inspector's word for not yet rated). */
export function vulnerabilityOfInspectorFinding(f: Finding): Vulnerability {
    const details = f.packageVulnerabilityDetails;
    const pkg = details?.vulnerablePackages?.[0];
    const severity = (SEVERITIES as readonly string[]).includes(String(f.severity)) ? (f.severity as VulnerabilitySeverity) : "UNDEFINED";
    return {
        id: details?.vulnerabilityId ?? f.title ?? "UNKNOWN",
        severity,
        ...(pkg?.name ? { package: pkg.name } : {}),
        ...(pkg?.version ? { installedVersion: pkg.version } : {}),
        ...(pkg?.fixedInVersion && pkg.fixedInVersion !== "NotAvailable" ? { fixedVersion: pkg.fixedInVersion } : {}),
        ...(f.fixAvailable === "YES" || f.fixAvailable === "PARTIAL"
            ? { fixable: true }
            : f.fixAvailable === "NO"
              ? { fixable: false }
              : {}),
        ...(f.firstObservedAt ? { firstObservedAt: f.firstObservedAt.toISOString() } : {}),
    };
}

/**
 * Amazon Inspector (v2) findings for one ECR image: `ListFindings` filtered to the image's
 * digest and repository, active package vulnerabilities, every page. Inspector scans
 * continuously and never reports "scan complete" here: with findings, the scan counts as
 * complete as of the newest `lastObservedAt`; without any, the evidence says so
 * (`NO_FINDINGS`) and leaves freshness to ECR's scan status.
 */
export async function fetchInspectorEvidence(client: Inspector2Client, image: InspectorImageRef): Promise<ImageEvidence> {
    const findings: Finding[] = [];
    let nextToken: string | undefined;
    do {
        let page: ListFindingsCommandOutput;
        try {
            page = await client.send(
                new ListFindingsCommand({
                    filterCriteria: {
                        ecrImageHash: [{ comparison: "EQUALS", value: image.imageDigest }],
                        ecrImageRepositoryName: [{ comparison: "EQUALS", value: image.repositoryName }],
                        findingType: [{ comparison: "EQUALS", value: "PACKAGE_VULNERABILITY" }],
                        findingStatus: [{ comparison: "EQUALS", value: "ACTIVE" }],
                        ...(image.registryId ? { ecrImageRegistry: [{ comparison: "EQUALS", value: image.registryId }] } : {}),
                    },
                    maxResults: 100,
                    nextToken,
                }),
            );
        } catch (e) {
            throw new Error(
                `Could not read Amazon Inspector findings of ${image.repositoryName}@${image.imageDigest}: ${(e as Error).message} ` +
                    "(the caller needs inspector2:ListFindings, and Inspector must scan ECR in this account and region)",
                { cause: e },
            );
        }
        findings.push(...(page.findings ?? []));
        nextToken = page.nextToken;
    } while (nextToken);
    const observed = findings.map((f) => f.lastObservedAt?.getTime() ?? 0).filter((t) => t > 0);
    const scan: ScanEvidence =
        observed.length > 0
            ? {
                  source: "inspector2",
                  status: "COMPLETE",
                  completedAt: new Date(Math.max(...observed)).toISOString(),
                  vulnerabilities: findings.map(vulnerabilityOfInspectorFinding),
              }
            : { source: "inspector2", status: "NO_FINDINGS", vulnerabilities: [] };
    return { digest: image.imageDigest, repository: image.repositoryName, scans: [scan] };
}

import {
    DescribeImageScanFindingsCommand,
    DescribeImageScanFindingsCommandOutput,
    ECRClient,
    ImageScanFinding,
    EnhancedImageScanFinding,
} from "@aws-sdk/client-ecr";
import type { ImageEvidence, ScanEvidence, Vulnerability, VulnerabilitySeverity } from "./model";

/** The image to fetch scan findings for. */
export interface EcrImageRef {
    readonly repositoryName: string;
    readonly imageDigest: string;
    /** Registry (account) id. @default - the caller's account */
    readonly registryId?: string;
}

const SEVERITIES: readonly VulnerabilitySeverity[] = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED"];

function severity(s: string | undefined): VulnerabilitySeverity {
    const up = (s ?? "UNDEFINED").toUpperCase();
    return (SEVERITIES as readonly string[]).includes(up) ? (up as VulnerabilitySeverity) : "UNDEFINED";
}

function iso(d: Date | undefined): string | undefined {
    return d ? d.toISOString() : undefined;
}

function fromBasic(f: ImageScanFinding, completedAt: string | undefined): Vulnerability {
    const attr = (k: string) => f.attributes?.find((a) => a.key === k)?.value;
    const pkg = attr("package_name");
    const version = attr("package_version");
    // Basic scanning does not say whether a fix exists: `fixable` stays unknown.
    return {
        id: f.name ?? "UNKNOWN",
        severity: severity(f.severity),
        ...(pkg ? { package: pkg } : {}),
        ...(version ? { installedVersion: version } : {}),
        ...(completedAt ? { firstObservedAt: completedAt } : {}),
    };
}

function fromEnhanced(f: EnhancedImageScanFinding): Vulnerability {
    const pkg = f.packageVulnerabilityDetails?.vulnerablePackages?.[0];
    const fixAvailable = f.fixAvailable?.toUpperCase();
    return {
        id: f.packageVulnerabilityDetails?.vulnerabilityId ?? f.title ?? "UNKNOWN",
        severity: severity(f.severity),
        ...(pkg?.name ? { package: pkg.name } : {}),
        ...(pkg?.version ? { installedVersion: pkg.version } : {}),
        ...(pkg?.fixedInVersion ? { fixedVersion: pkg.fixedInVersion } : {}),
        ...(fixAvailable === "YES" || fixAvailable === "PARTIAL" ? { fixable: true } : fixAvailable === "NO" ? { fixable: false } : {}),
        ...(f.firstObservedAt ? { firstObservedAt: f.firstObservedAt.toISOString() } : {}),
    };
}

/**
 * Reads an image's scan findings from ECR (DescribeImageScanFindings, every page), basic and
 * enhanced, as evidence keyed by digest. An image never scanned yields a scan with status
 * `NOT_SCANNED`, so the freshness policy reports it instead of the fetch failing.
 */
export async function fetchEcrScanEvidence(client: ECRClient, image: EcrImageRef): Promise<ImageEvidence> {
    const vulnerabilities: Vulnerability[] = [];
    let status = "UNKNOWN";
    let completedAt: string | undefined;
    let enhanced = false;
    let nextToken: string | undefined;
    do {
        let page: DescribeImageScanFindingsCommandOutput;
        try {
            page = await client.send(
                new DescribeImageScanFindingsCommand({
                    repositoryName: image.repositoryName,
                    imageId: { imageDigest: image.imageDigest },
                    ...(image.registryId ? { registryId: image.registryId } : {}),
                    nextToken,
                    maxResults: 1000,
                }),
            );
        } catch (e) {
            const name = (e as { name?: string }).name;
            if (name === "ScanNotFoundException")
                return {
                    digest: image.imageDigest,
                    repository: image.repositoryName,
                    scans: [{ source: "ecr-basic", status: "NOT_SCANNED", vulnerabilities: [] }],
                };
            throw new Error(`Could not read ECR scan findings of ${image.repositoryName}@${image.imageDigest}: ${(e as Error).message}`, {
                cause: e,
            });
        }
        status = page.imageScanStatus?.status ?? status;
        completedAt = iso(page.imageScanFindings?.imageScanCompletedAt) ?? completedAt;
        for (const f of page.imageScanFindings?.findings ?? []) vulnerabilities.push(fromBasic(f, completedAt));
        for (const f of page.imageScanFindings?.enhancedFindings ?? []) {
            enhanced = true;
            vulnerabilities.push(fromEnhanced(f));
        }
        nextToken = page.nextToken;
    } while (nextToken);
    const scan: ScanEvidence = {
        source: enhanced ? "ecr-enhanced" : "ecr-basic",
        status,
        ...(completedAt ? { completedAt } : {}),
        vulnerabilities,
    };
    return { digest: image.imageDigest, repository: image.repositoryName, scans: [scan] };
}

/** Fetches several images' findings one after another (ECR throttles bursts). */
export async function collectEcrEvidence(client: ECRClient, images: readonly EcrImageRef[]): Promise<Record<string, ImageEvidence>> {
    const out: Record<string, ImageEvidence> = {};
    for (const image of images) out[image.imageDigest] = await fetchEcrScanEvidence(client, image);
    return out;
}

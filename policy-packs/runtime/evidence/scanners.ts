import { PolicyInputError } from "../../lib/config";
import type { ImageEvidence, SbomComponent, VexState, Vulnerability, VulnerabilitySeverity } from "./model";

const DIGEST = /sha256:[a-f0-9]{64}/;

function sev(s: unknown): VulnerabilitySeverity {
    const up = String(s ?? "").toUpperCase();
    return (["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const).find((v) => v === up) ?? (up === "NEGLIGIBLE" ? "INFORMATIONAL" : "UNDEFINED");
}

function digestFrom(values: readonly unknown[]): string | undefined {
    for (const v of values) {
        const m = typeof v === "string" ? v.match(DIGEST) : null;
        if (m) return m[0];
    }
    return undefined;
}

function fail(source: string, what: string): never {
    throw new PolicyInputError([`${source}: ${what}`]);
}

interface TrivyVuln {
    VulnerabilityID?: string;
    PkgName?: string;
    InstalledVersion?: string;
    FixedVersion?: string;
    Status?: string;
    Severity?: string;
}

/** A Trivy image report (`trivy image --format json`, schema 2) as evidence for the image's repo digest. */
export function parseTrivyReport(doc: unknown, source = "trivy report"): ImageEvidence {
    const d = doc as {
        SchemaVersion?: number;
        ArtifactType?: string;
        Metadata?: { RepoDigests?: unknown[] };
        CreatedAt?: string;
        Results?: { Vulnerabilities?: TrivyVuln[] }[];
    };
    if (!d || typeof d !== "object" || d.SchemaVersion !== 2 || !Array.isArray(d.Results ?? []))
        fail(source, "not a Trivy JSON report (expected `SchemaVersion: 2` and `Results`); produce it with `trivy image --format json`.");
    const digest =
        digestFrom(d.Metadata?.RepoDigests ?? []) ??
        fail(source, "has no `Metadata.RepoDigests` with a sha256 digest: scan the image by registry reference so the digest is known.");
    const vulnerabilities: Vulnerability[] = [];
    for (const result of d.Results ?? []) {
        for (const v of result.Vulnerabilities ?? []) {
            if (!v.VulnerabilityID) fail(source, "a vulnerability lacks `VulnerabilityID`.");
            vulnerabilities.push({
                id: v.VulnerabilityID,
                severity: sev(v.Severity),
                ...(v.PkgName ? { package: v.PkgName } : {}),
                ...(v.InstalledVersion ? { installedVersion: v.InstalledVersion } : {}),
                ...(v.FixedVersion ? { fixedVersion: v.FixedVersion } : {}),
                fixable: Boolean(v.FixedVersion) || v.Status === "fixed",
            });
        }
    }
    return {
        digest,
        scans: [
            {
                source: "trivy",
                status: "COMPLETE",
                ...(d.CreatedAt ? { completedAt: new Date(d.CreatedAt).toISOString() } : {}),
                vulnerabilities,
            },
        ],
    };
}

interface GrypeMatch {
    vulnerability?: { id?: string; severity?: string; fix?: { versions?: string[]; state?: string } };
    artifact?: { name?: string; version?: string };
}

/** A Grype report (`grype <image> -o json`) as evidence for the image's manifest digest. */
export function parseGrypeReport(doc: unknown, source = "grype report"): ImageEvidence {
    const d = doc as {
        matches?: GrypeMatch[];
        source?: { type?: string; target?: { manifestDigest?: string; repoDigests?: unknown[] } };
        descriptor?: { name?: string; timestamp?: string };
    };
    if (!d || typeof d !== "object" || !Array.isArray(d.matches) || d.descriptor?.name !== "grype")
        fail(source, "not a Grype JSON report (expected `matches` and `descriptor.name: grype`); produce it with `grype <image> -o json`.");
    const digest =
        digestFrom([d.source?.target?.manifestDigest, ...(d.source?.target?.repoDigests ?? [])]) ??
        fail(source, "names no image digest (`source.target.manifestDigest`): scan the image, not a directory.");
    const vulnerabilities = d.matches.map((m): Vulnerability => {
        if (!m.vulnerability?.id) fail(source, "a match lacks `vulnerability.id`.");
        const fixed = m.vulnerability.fix?.versions?.[0];
        return {
            id: m.vulnerability.id,
            severity: sev(m.vulnerability.severity),
            ...(m.artifact?.name ? { package: m.artifact.name } : {}),
            ...(m.artifact?.version ? { installedVersion: m.artifact.version } : {}),
            ...(fixed ? { fixedVersion: fixed } : {}),
            fixable: m.vulnerability.fix?.state === "fixed",
        };
    });
    return {
        digest,
        scans: [
            {
                source: "grype",
                status: "COMPLETE",
                ...(d.descriptor?.timestamp ? { completedAt: new Date(d.descriptor.timestamp).toISOString() } : {}),
                vulnerabilities,
            },
        ],
    };
}

const VEX_STATES: readonly VexState[] = [
    "not_affected",
    "false_positive",
    "resolved",
    "resolved_with_pedigree",
    "exploitable",
    "in_triage",
];

/**
 * A CycloneDX SBOM (JSON, 1.4–1.6) as evidence: its components, and its VEX analyses
 * (`vulnerabilities[].analysis.state`). The digest comes from the argument or, for image SBOMs
 * that record it, `metadata.component.version`.
 */
export function parseCycloneDx(doc: unknown, digest?: string, source = "CycloneDX SBOM"): ImageEvidence {
    const d = doc as {
        bomFormat?: string;
        specVersion?: string;
        metadata?: { component?: { version?: string; name?: string } };
        components?: { name?: string; version?: string; purl?: string; type?: string }[];
        vulnerabilities?: { id?: string; analysis?: { state?: string } }[];
    };
    if (!d || typeof d !== "object" || d.bomFormat !== "CycloneDX")
        fail(source, "not a CycloneDX JSON document (expected `bomFormat: CycloneDX`).");
    const imageDigest =
        digest ??
        digestFrom([d.metadata?.component?.version, d.metadata?.component?.name]) ??
        fail(source, "does not record the image digest: pass it explicitly.");
    if (!DIGEST.test(imageDigest)) fail(source, `\`${imageDigest}\` is not a sha256 digest.`);
    const components: SbomComponent[] = (d.components ?? []).map((c, i) => {
        if (!c.name) fail(source, `\`components.${i}\` has no \`name\`.`);
        return {
            name: c.name,
            ...(c.version ? { version: c.version } : {}),
            ...(c.purl ? { purl: c.purl } : {}),
            ...(c.type ? { type: c.type } : {}),
        };
    });
    const vex: Record<string, VexState> = {};
    for (const v of d.vulnerabilities ?? []) {
        const state = v.analysis?.state as VexState | undefined;
        if (v.id && state) {
            if (!VEX_STATES.includes(state)) fail(source, `vulnerability \`${v.id}\` has unknown analysis state \`${state}\`.`);
            vex[v.id] = state;
        }
    }
    return {
        digest: imageDigest,
        sbom: { format: "CycloneDX", ...(d.specVersion ? { specVersion: d.specVersion } : {}), components },
        ...(Object.keys(vex).length > 0 ? { vex } : {}),
    };
}

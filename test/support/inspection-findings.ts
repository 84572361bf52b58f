import type { PublishableFinding } from "../../automation/inspect/securityhub/asff";

/**
 * An estate's worth of `edf inspect` findings, as the publisher takes them: `services` services of
 * `perService` findings each, every one about its service and the image digest it runs. Deterministic:
 * the same arguments give the same findings (fingerprints included).
 */
export function estateFindings(
    services: number,
    perService: number,
    options: { readonly skip?: ReadonlySet<string> } = {},
): PublishableFinding[] {
    const out: PublishableFinding[] = [];
    const severities = ["critical", "high", "medium", "low"] as const;
    for (let s = 0; s < services; s++) {
        const name = `svc-${String(s).padStart(2, "0")}`;
        const digest = `sha256:${String(s).padStart(2, "0").repeat(32)}`;
        for (let i = 0; i < perService; i++) {
            const fingerprint = `sha256:${name.replace(/\W/g, "")}${String(i).padStart(4, "0")}`.padEnd(39, "0");
            if (options.skip?.has(fingerprint)) continue;
            out.push({
                unit: `services/${name}`,
                policyId: i % 2 === 0 ? "image-no-fixable-critical-high" : "image-runs-as-non-root",
                urn: `urn:pulumi:prod.${name}::edf::aws:ecs/service:Service::${name}`,
                level: i % 3 === 0 ? "advisory" : "mandatory",
                severity: severities[i % 4],
                message: `Finding ${i} of ${name}: image ${digest} carries CVE-2026-${1000 + i} (fixed in 1.2.${i}).`,
                kind: "violation",
                fingerprint,
                pciDssRequirements: i % 2 === 0 ? ["6.3.3", "11.3.1"] : ["2.2.6"],
                service: { arn: `arn:aws:ecs:eu-west-1:123456789012:service/edf-prod/${name}`, cluster: "edf-prod", name },
                images: [{ repository: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/prod/${name}`, digest }],
            });
        }
    }
    return out;
}

/** The fingerprint {@link estateFindings} gives finding `i` of service `s`. */
export function fingerprintOf(s: number, i: number): string {
    return `sha256:svc${String(s).padStart(2, "0")}${String(i).padStart(4, "0")}`.padEnd(39, "0");
}

import { fetchEcrScanEvidence } from "../../policy-packs/runtime/evidence/ecr";
import { fetchInspectorEvidence } from "../../policy-packs/runtime/evidence/inspector";
import type { ImageEvidence } from "../../policy-packs/runtime/evidence/model";
import { ecrRegistryOf, ImageReference } from "../image/reference";
import type { AwsClients } from "./aws";

/** What the scanners said about one image, and what could not be read (said in the report, judged by the freshness policy). */
export interface ScanResults {
    readonly evidence: ImageEvidence[];
    readonly problems: string[];
}

/**
 * The AWS scanners' findings for an ECR image: ECR's image scan (basic or enhanced) and Amazon
 * Inspector's findings, both for the platform image's manifest digest (what they scan), filed
 * under `digest` (what runs). Images in other registries have no AWS scan; their scanners'
 * reports come with `--evidence`.
 */
export async function collectScans(aws: AwsClients, ref: ImageReference, manifestDigest: string, digest: string): Promise<ScanResults> {
    const ecr = ecrRegistryOf(ref.registry);
    if (!ecr) return { evidence: [], problems: [] };
    const image = { repositoryName: ref.repository, imageDigest: manifestDigest, registryId: ecr.accountId };
    const rekey = (e: ImageEvidence): ImageEvidence => ({ ...e, digest });
    const results = await Promise.allSettled([
        fetchEcrScanEvidence(aws.ecr(ecr.region), image),
        fetchInspectorEvidence(aws.inspector(ecr.region), image),
    ]);
    const evidence: ImageEvidence[] = [];
    const problems: string[] = [];
    for (const r of results) {
        if (r.status === "fulfilled") evidence.push(rekey(r.value));
        else problems.push((r.reason as Error).message);
    }
    return { evidence, problems };
}

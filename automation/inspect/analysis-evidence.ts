import type { AnalysisEvidence } from "../../policy-packs/runtime/evidence/model";
import type { ImageAnalysis } from "../image/model";

/** The analyser's name in evidence and SBOMs. */
export const ANALYZER = "edf-inspect";

/** An image analysis as runtime evidence: the inventory and the facts the runtime policies judge. */
export function analysisEvidence(analysis: ImageAnalysis, version: string): AnalysisEvidence {
    return {
        analyzer: `${ANALYZER} ${version}`,
        ...(analysis.manifestDigest !== analysis.digest ? { manifestDigest: analysis.manifestDigest } : {}),
        ...(analysis.os
            ? {
                  os: {
                      id: analysis.os.id,
                      ...(analysis.os.versionId ? { versionId: analysis.os.versionId } : {}),
                      ...(analysis.os.prettyName ? { prettyName: analysis.os.prettyName } : {}),
                  },
              }
            : {}),
        ...(analysis.config
            ? { user: analysis.config.user, exposedPorts: analysis.config.exposedPorts, secretEnvNames: analysis.config.secretEnvNames }
            : {}),
        packages: analysis.packages.map((p) => ({ name: p.name, version: p.version, type: p.type, purl: p.purl })),
        tools: analysis.tools,
        setuidFiles: analysis.setuidFiles,
        worldWritable: analysis.worldWritable,
        secrets: analysis.secrets,
        integrity: analysis.integrity,
    };
}

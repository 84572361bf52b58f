import type { PolicyDefinition } from "../lib/model";
import { imageContentMatchesDigest } from "./policies/image-content-matches-digest";
import { imageDistributionSupported } from "./policies/image-distribution-supported";
import { imageNoFixableCriticalHigh } from "./policies/image-no-fixable-critical-high";
import { imageNoForbiddenSoftware } from "./policies/image-no-forbidden-software";
import { imageNoSecretMaterial } from "./policies/image-no-secret-material";
import { imageNoSetuidOutsideAllowlist } from "./policies/image-no-setuid-outside-allowlist";
import { imageNoWorldWritableFiles } from "./policies/image-no-world-writable-files";
import { imageRunningDigestMatchesDeclared } from "./policies/image-running-digest-matches-declared";
import { imageRunsAsNonRoot } from "./policies/image-runs-as-non-root";
import { imageSbomPresent } from "./policies/image-sbom-present";
import { imageScanCompleteAndFresh } from "./policies/image-scan-complete-and-fresh";

/** Every runtime policy. Import this (never the pack entry point, which serves gRPC). */
export const runtimePolicies: readonly PolicyDefinition[] = [
    imageContentMatchesDigest,
    imageDistributionSupported,
    imageNoFixableCriticalHigh,
    imageNoForbiddenSoftware,
    imageNoSecretMaterial,
    imageNoSetuidOutsideAllowlist,
    imageNoWorldWritableFiles,
    imageRunningDigestMatchesDeclared,
    imageRunsAsNonRoot,
    imageSbomPresent,
    imageScanCompleteAndFresh,
];

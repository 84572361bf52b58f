import type { PolicyDefinition } from "../lib/model";
import { imageNoFixableCriticalHigh } from "./policies/image-no-fixable-critical-high";
import { imageNoForbiddenSoftware } from "./policies/image-no-forbidden-software";
import { imageRunningDigestMatchesDeclared } from "./policies/image-running-digest-matches-declared";
import { imageSbomPresent } from "./policies/image-sbom-present";
import { imageScanCompleteAndFresh } from "./policies/image-scan-complete-and-fresh";

/** Every runtime policy. Import this (never the pack entry point, which serves gRPC). */
export const runtimePolicies: readonly PolicyDefinition[] = [
    imageNoFixableCriticalHigh,
    imageNoForbiddenSoftware,
    imageRunningDigestMatchesDeclared,
    imageSbomPresent,
    imageScanCompleteAndFresh,
];

import type { StackPolicyDefinition } from "../../lib/model";
import { ofTypes } from "../support/props";
import { T } from "../support/types";

/** Stack policy: registry-wide enhanced scanning (a separate resource) covers every repository. */
export const ecrScanningEnabled: StackPolicyDefinition = {
    kind: "stack",
    id: "ecr-scanning-enabled",
    description: "Checks whether every ECR repository is scanned, by scan-on-push or registry-wide enhanced scanning.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Enable `imageScanningConfiguration.scanOnPush` on the repository, or " +
        "enhanced continuous scanning with an " +
        "`aws.ecr.RegistryScanningConfiguration` (scanType ENHANCED).",
    // The peers want scan-on-push on the repository itself; ours also accepts registry-wide enhanced scanning.
    peerChecks: { partial: ["CKV_AWS_163", "aws-ecr-repository-configure-image-scan", "aws-ecr-repository-enable-image-scan"] },
    resourceTypes: [T.ecrRepository, T.ecrRegistryScanning],
    validateStack: (args, report) => {
        const repos = ofTypes(args.resources, [T.ecrRepository]);
        if (repos.length === 0) args.notApplicable("The stack declares no ECR repository.");
        const enhanced = ofTypes(args.resources, [T.ecrRegistryScanning]).some((r) => r.props.scanType === "ENHANCED");
        if (enhanced) return;
        for (const repo of repos) {
            const scanning = repo.props.imageScanningConfiguration as { scanOnPush?: boolean } | undefined;
            if (scanning?.scanOnPush !== true)
                report(
                    `ECR repository \`${repo.name}\` must be scanned: set ` +
                        `\`imageScanningConfiguration.scanOnPush\` or enable enhanced registry scanning.`,
                    repo.urn,
                );
        }
    },
};

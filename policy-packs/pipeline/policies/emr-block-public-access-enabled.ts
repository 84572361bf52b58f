import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const emrBlockPublicAccessEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "emr-block-public-access-enabled",
    description:
        "Checks whether the account's EMR block public access setting refuses clusters whose security groups are open to the internet.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `blockPublicSecurityGroupRules: true` and leave `permittedPublicSecurityGroupRuleRanges` empty " +
        "(reach clusters through Session Manager, not SSH from the internet).",
    resourceTypes: [T.emrBlockPublicAccess],
    peerChecks: { full: ["CKV_AWS_390"] },
    validateResource: forTypes([T.emrBlockPublicAccess], (args, report) => {
        if (args.props.blockPublicSecurityGroupRules !== true)
            report(
                `EMR block public access \`${args.name}\` must refuse public security ` +
                    `group rules (\`blockPublicSecurityGroupRules: true\`).`,
            );
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const cloudtrailSnsNotifications: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudtrail-sns-notifications",
    description: "Checks whether CloudTrail trails announce each log file delivery on an SNS topic, so a stop in delivery can be noticed.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Set `snsTopicName` to a KMS-encrypted topic whose policy lets " +
        "`cloudtrail.amazonaws.com` publish for this trail (`aws:SourceArn`).",
    resourceTypes: [T.trail],
    peerChecks: { full: ["CKV_AWS_252"] },
    validateResource: forTypes([T.trail], (args, report) => {
        const topic = args.props.snsTopicName;
        if (!(typeof topic === "string" && topic.trim() !== ""))
            report(`CloudTrail trail \`${args.name}\` must notify an SNS topic (\`snsTopicName\`).`);
    }),
};

import type { StackPolicyDefinition } from "../../lib/model";
import { ofTypes } from "../support/props";
import { deniesInsecureTransport } from "../support/resource-policies";
import { linksByTarget } from "../support/stack-links";
import { T } from "../support/types";

export const snsTopicTlsOnly: StackPolicyDefinition = {
    kind: "stack",
    id: "sns-topic-tls-only",
    description: "Checks whether every SNS topic's policy denies publishing and other requests that do not use TLS.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add an `aws.sns.TopicPolicy` (or the topic's `policy`) with a " +
        "statement `Deny sns:*` (at least `sns:Publish`) to `*` on the topic " +
        "when " +
        "`aws:SecureTransport` is false.",
    peerChecks: { full: ["AwsSolutions-SNS3"] },
    resourceTypes: [T.snsTopic, T.snsTopicPolicy],
    validateStack: (args, report) => {
        const topics = ofTypes(args.resources, [T.snsTopic]);
        if (topics.length === 0) args.notApplicable("The stack declares no SNS topic.");
        const policies = linksByTarget(ofTypes(args.resources, [T.snsTopicPolicy]), "arn", topics, ["arn"]);
        for (const t of topics) {
            const docs = [t.props.policy, ...(policies.get(t.urn) ?? []).map((p) => p.props.policy)];
            if (!docs.some((d) => d !== undefined && deniesInsecureTransport(d, "sns", ["sns:Publish"])))
                report(`SNS topic \`${t.name}\` must have a topic policy denying requests without TLS (aws:SecureTransport false).`, t.urn);
        }
    },
};

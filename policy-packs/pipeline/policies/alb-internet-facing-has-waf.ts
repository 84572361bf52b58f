import type { StackPolicyDefinition } from "../../lib/model";
import { known, ofTypes, refersTo } from "../support/props";
import { LB_TYPES, T } from "../support/types";

export const albInternetFacingHasWaf: StackPolicyDefinition = {
    kind: "stack",
    id: "alb-internet-facing-has-waf",
    description: "Checks whether every internet-facing application load balancer is associated with a WAF web ACL.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add an `aws.wafv2.WebAclAssociation` with `resourceArn` set to the " +
        "load balancer's ARN and a regional web ACL with the AWS managed rule groups.",
    // cdk-nag also asks a WAF of internal ALBs; ours asks it of those the internet reaches.
    peerChecks: { full: ["CKV2_AWS_28"], partial: ["PCI.DSS.321-ALBWAFEnabled"] },
    resourceTypes: [...LB_TYPES, T.webAclAssociation],
    validateStack: (args, report) => {
        const lbs = ofTypes(args.resources, LB_TYPES).filter(
            (lb) => lb.props.internal !== true && (lb.props.loadBalancerType ?? "application") === "application",
        );
        if (lbs.length === 0) args.notApplicable("The stack declares no internet-facing application load balancer.");
        const assocs = ofTypes(args.resources, [T.webAclAssociation]);
        for (const lb of lbs) {
            if (!assocs.some((a) => refersTo(a, "resourceArn", lb, ["arn"]) && known(() => a.props.webAclArn) !== "")) {
                report(
                    `Internet-facing load balancer \`${lb.name}\` must be protected by a WAF web ACL (aws.wafv2.WebAclAssociation).`,
                    lb.urn,
                );
            }
        }
    },
};

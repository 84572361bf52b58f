import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

const TYPES = [T.securityGroup, T.securityGroupRule, T.ingressRule, T.egressRule];

/** The description the provider fills in when none is given: as good as none. */
const PROVIDER_DEFAULT = "Managed by Pulumi";

/** A description says something: two characters at least (as cdk-nag asks), and not the provider's default. */
const described = (d: unknown) => typeof d === "string" && d.trim().length >= 2 && d !== PROVIDER_DEFAULT;

/**
 * PCI DSS asks that every allowed service, protocol and port has a documented business need;
 * on AWS the place for it is the group's and each rule's description, read in every review.
 */
export const securityGroupRulesDescribed: ResourcePolicyDefinition = {
    kind: "resource",
    id: "security-group-rules-described",
    description: "Checks whether security groups and each of their rules say what they are for.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Give the security group a `description` (not the provider's default) " +
        "and every ingress and egress rule one: who talks to whom, and why.",
    peerChecks: {
        full: [
            "CKV_AWS_23",
            "AwsSolutions-EC27",
            "aws-ec2-securitygroup-missing-description",
            "aws-ec2-securitygroup-missing-ingress-rule-description",
            "aws-ec2-securitygroup-missing-egress-rule-description",
        ],
    },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const p = args.props;
        if (args.type !== T.securityGroup) {
            if (!described(p.description)) report(`Security group rule \`${args.name}\` must have a \`description\`.`);
            return;
        }
        if (!described(p.description)) report(`Security group \`${args.name}\` must have a \`description\` of its purpose.`);
        for (const [direction, rules] of [
            ["ingress", p.ingress],
            ["egress", p.egress],
        ] as const) {
            asArray(rules as Record<string, unknown>[]).forEach((r, i) => {
                if (!described(r.description))
                    report(`Security group \`${args.name}\` must describe its ${direction} rule #${i} (\`description\`).`);
            });
        }
    }),
};

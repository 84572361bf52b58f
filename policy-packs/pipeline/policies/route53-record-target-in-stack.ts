import type { StackPolicyDefinition } from "../../lib/model";
import { ofTypes } from "../support/props";
import { T } from "../support/types";

const ADDRESS_TYPES = ["A", "AAAA"];

export const route53RecordTargetInStack: StackPolicyDefinition = {
    kind: "stack",
    id: "route53-record-target-in-stack",
    description:
        "Checks whether Route 53 address records (A, AAAA) point at resources " +
        "the stack manages, so a released IP or deleted endpoint cannot leave " +
        "a " +
        "dangling name to take over.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Point the record at the resource it serves through an `aliases` entry " +
        "(load balancer, CloudFront distribution, API domain name) or " +
        "`records` " +
        "taken from the resource's output (an Elastic IP's `publicIp`), not a typed-in address.",
    // Checkov accepts only some target types and also records whose alias comes from a module, data source or variable.
    peerChecks: { partial: ["CKV2_AWS_23"] },
    resourceTypes: [T.route53Record],
    validateStack: (args, report) => {
        const records = ofTypes(args.resources, [T.route53Record]).filter((r) => ADDRESS_TYPES.includes(String(r.props.type)));
        if (records.length === 0) args.notApplicable("The stack declares no A or AAAA record.");
        const inStack = new Set(args.resources.map((r) => r.urn));
        for (const r of records) {
            const deps = [...(r.propertyDependencies.aliases ?? []), ...(r.propertyDependencies.records ?? [])];
            if (!deps.some((d) => inStack.has(d.urn)))
                report(
                    `DNS record \`${r.name}\` must point at a resource of the stack (an ` +
                        `alias or an address taken from its output), not a typed-in target.`,
                    r.urn,
                );
        }
    },
};

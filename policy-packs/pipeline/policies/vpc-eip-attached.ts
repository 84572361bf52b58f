import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { isSet } from "../support/presence";
import { ofTypes, refersTo } from "../support/props";
import { T } from "../support/types";

/** URNs other resources name in a property dependency: whatever a NAT gateway, an NLB subnet mapping, ... uses. */
function referencedUrns(resources: readonly PolicyResource[]): Set<string> {
    const out = new Set<string>();
    for (const r of resources)
        for (const deps of Object.values(r.propertyDependencies)) for (const d of deps) if (d.urn !== r.urn) out.add(d.urn);
    return out;
}

/**
 * Stack policy: an Elastic IP is used by other resources (NAT gateways, associations, NLB subnet
 * mappings). One attached to nothing is a public address the inventory cannot account for, and
 * is billed.
 */
export const vpcEipAttached: StackPolicyDefinition = {
    kind: "stack",
    id: "vpc-eip-attached",
    description:
        "Checks whether every Elastic IP address is in use by an instance, network interface, NAT gateway or load balancer of the stack.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "Attach the address (NAT gateway `allocationId`, `aws.ec2.EipAssociation`, NLB `subnetMappings`) or release it.",
    // Checkov counts only instances, associations, NAT gateways and Transfer servers as users; ours any resource naming the address.
    peerChecks: { partial: ["CKV2_AWS_19"] },
    resourceTypes: [T.eip, T.eipAssociation, T.natGateway],
    validateStack: (args, report) => {
        const eips = ofTypes(args.resources, [T.eip]);
        if (eips.length === 0) args.notApplicable("The stack declares no Elastic IP.");
        const referenced = referencedUrns(args.resources);
        const users = ofTypes(args.resources, [T.natGateway, T.eipAssociation]);
        for (const eip of eips) {
            // Set to an instance or interface (even one unknown at preview): attached.
            if (isSet(eip.props, "instance") || isSet(eip.props, "networkInterface") || referenced.has(eip.urn)) continue;
            // State documents carry no property dependencies: match the allocation id instead.
            if (!users.some((u) => refersTo(u, "allocationId", eip, ["allocationId"])))
                report(`Elastic IP \`${eip.name}\` must be attached to something in the stack, or released.`, eip.urn);
        }
    },
};

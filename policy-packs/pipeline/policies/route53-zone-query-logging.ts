import type { StackPolicyDefinition } from "../../lib/model";
import { asArray, ofTypes } from "../support/props";
import { linksByTarget } from "../support/stack-links";
import { T } from "../support/types";

export const route53ZoneQueryLogging: StackPolicyDefinition = {
    kind: "stack",
    id: "route53-zone-query-logging",
    description: "Checks whether every public Route 53 hosted zone logs the DNS queries it answers.",
    severity: "medium",
    enforcementLevel: "advisory",
    enforceAfter: "2027-03-01",
    waivable: true,
    remediationSteps:
        "Add an `aws.route53.QueryLog` for the zone with " +
        "`cloudwatchLogGroupArn` of a log group in us-east-1 named " +
        "`/aws/route53/<zone>` (and an " +
        "`aws.cloudwatch.LogResourcePolicy` letting `route53.amazonaws.com` write to it).",
    peerChecks: { full: ["CKV2_AWS_39"] },
    resourceTypes: [T.route53Zone, T.route53QueryLog],
    validateStack: (args, report) => {
        // Private zones (attached to VPCs) log through Resolver query logging instead.
        const zones = ofTypes(args.resources, [T.route53Zone]).filter((z) => asArray(z.props.vpcs as unknown[]).length === 0);
        if (zones.length === 0) args.notApplicable("The stack declares no public hosted zone.");
        const logs = linksByTarget(ofTypes(args.resources, [T.route53QueryLog]), "zoneId", zones, ["zoneId"]);
        for (const z of zones) {
            if ((logs.get(z.urn) ?? []).length === 0)
                report(`Hosted zone \`${z.name}\` must log DNS queries (aws.route53.QueryLog).`, z.urn);
        }
    },
};

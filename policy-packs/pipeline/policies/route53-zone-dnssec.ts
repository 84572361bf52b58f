import type { StackPolicyDefinition } from "../../lib/model";
import { asArray, known, ofTypes } from "../support/props";
import { linksByTarget } from "../support/stack-links";
import { T } from "../support/types";

export const route53ZoneDnssec: StackPolicyDefinition = {
    kind: "stack",
    id: "route53-zone-dnssec",
    description: "Checks whether every public Route 53 hosted zone signs its records with DNSSEC, so resolvers can detect spoofed answers.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Add an `aws.route53.KeySigningKey` (an asymmetric ECC_NIST_P256 KMS " +
        "key in us-east-1) and an `aws.route53.HostedZoneDnsSec` for the zone, " +
        "then publish the DS record at the parent zone or registrar.",
    peerChecks: { full: ["CKV2_AWS_38"] },
    resourceTypes: [T.route53Zone, T.route53ZoneDnsSec, T.route53KeySigningKey],
    validateStack: (args, report) => {
        const zones = ofTypes(args.resources, [T.route53Zone]).filter((z) => asArray(z.props.vpcs as unknown[]).length === 0);
        if (zones.length === 0) args.notApplicable("The stack declares no public hosted zone.");
        const signing = linksByTarget(
            ofTypes(args.resources, [T.route53ZoneDnsSec, T.route53KeySigningKey]).filter(
                (r) => known(() => r.props.signingStatus) !== "NOT_SIGNING" && known(() => r.props.status) !== "INACTIVE",
            ),
            "hostedZoneId",
            zones,
            ["zoneId"],
        );
        for (const z of zones) {
            if ((signing.get(z.urn) ?? []).length === 0)
                report(`Hosted zone \`${z.name}\` must be signed with DNSSEC (aws.route53.HostedZoneDnsSec).`, z.urn);
        }
    },
};

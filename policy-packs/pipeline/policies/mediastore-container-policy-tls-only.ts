import type { StackPolicyDefinition } from "../../lib/model";
import { ofTypes } from "../support/props";
import { deniesInsecureTransport } from "../support/resource-policies";
import { linksByTarget } from "../support/stack-links";
import { T } from "../support/types";

export const mediastoreContainerPolicyTlsOnly: StackPolicyDefinition = {
    kind: "stack",
    id: "mediastore-container-policy-tls-only",
    description: "Checks whether every MediaStore container has a container policy, and that it denies requests without TLS.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add an `aws.mediastore.ContainerPolicy` naming who may read and write " +
        "the container, with a statement `Deny mediastore:*` to `*` when " +
        "`aws:SecureTransport` is false.",
    peerChecks: { full: ["AwsSolutions-MS3", "AwsSolutions-MS7"] },
    resourceTypes: [T.mediastoreContainer, T.mediastoreContainerPolicy],
    validateStack: (args, report) => {
        const containers = ofTypes(args.resources, [T.mediastoreContainer]);
        if (containers.length === 0) args.notApplicable("The stack declares no MediaStore container.");
        const policies = linksByTarget(ofTypes(args.resources, [T.mediastoreContainerPolicy]), "containerName", containers, ["name"]);
        for (const c of containers) {
            const docs = (policies.get(c.urn) ?? []).map((p) => p.props.policy);
            if (docs.length === 0)
                report(`MediaStore container \`${c.name}\` must have a container policy (aws.mediastore.ContainerPolicy).`, c.urn);
            else if (!docs.some((d) => deniesInsecureTransport(d, "mediastore")))
                report(
                    `MediaStore container \`${c.name}\` must have a container policy ` +
                        `denying requests without TLS (aws:SecureTransport false).`,
                    c.urn,
                );
        }
    },
};

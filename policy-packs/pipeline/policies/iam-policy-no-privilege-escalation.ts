import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { DEFAULT_BOUNDARY_ARN_PATTERN, escalationsIn, IDENTITY_POLICY_TYPES, identityDocumentsOf } from "../support/iam";

interface Config {
    boundaryArnPattern: string;
}

/**
 * The known escalation paths, judged over the whole document (one action may sit in one
 * statement and its partner in another): each path whose every action is granted on whole kinds
 * of resources (`*`, `role/*`) with no narrowing condition, and not denied outright.
 */
export const iamPolicyNoPrivilegeEscalation: ResourcePolicyDefinition = {
    kind: "resource",
    id: "iam-policy-no-privilege-escalation",
    description:
        "Checks whether IAM policies grant a known privilege-escalation path (policy rewriting, role passing to new " +
        "compute, credentials for others) without constraint.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Grant IAM write actions and `iam:PassRole` only on the named roles, users and policies concerned, with " +
        "conditions such as `iam:PassedToService` or `iam:PermissionsBoundary`; leave IAM administration to the " +
        "platform's pipeline role.",
    configSchema: { properties: { boundaryArnPattern: { type: "string", default: DEFAULT_BOUNDARY_ARN_PATTERN } } },
    resourceTypes: IDENTITY_POLICY_TYPES,
    // Partial only because the permissions boundary (`boundaryArnPattern`) is exempt: with the pattern "" this rejects every grant the peer
    // flags.
    peerChecks: { partial: ["CKV_AWS_286"] },
    validateResource: forTypes(IDENTITY_POLICY_TYPES, (args, report) => {
        const { boundaryArnPattern } = args.getConfig<Config>();
        for (const { where, document } of identityDocumentsOf(args.type, args.name, args.props, boundaryArnPattern)) {
            for (const m of escalationsIn(document))
                report(`${where} must not let its holder ${m.name} (${m.actions.map((a) => `\`${a}\``).join(" + ")} without constraint).`);
        }
    }),
};

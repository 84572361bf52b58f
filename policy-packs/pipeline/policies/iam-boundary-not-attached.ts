import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { globMatch } from "../../lib/waiver-rules";
import { DEFAULT_BOUNDARY_ARN_PATTERN } from "../support/iam";
import { asArray } from "../support/props";
import { T } from "../support/types";

interface Config {
    boundaryArnPattern: string;
}

const ATTACHMENTS = [T.iamRolePolicyAttachment, T.iamUserPolicyAttachment, T.iamGroupPolicyAttachment, T.iamPolicyAttachment];
const TYPES = [...ATTACHMENTS, T.iamRole];

/**
 * The grant checks skip the permissions boundary (it grants nothing by itself, and it is wide by
 * design). This keeps that exemption honest: a policy named like the boundary is never attached
 * as a permissions policy, where its wide Allow statements would grant.
 */
export const iamBoundaryNotAttached: ResourcePolicyDefinition = {
    kind: "resource",
    id: "iam-boundary-not-attached",
    description: "Checks whether the permissions boundary policy is only ever used as a boundary, never attached as a permissions policy.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps: "Set the boundary as the role's `permissionsBoundary`; attach a policy of its own that lists what the role needs.",
    configSchema: { properties: { boundaryArnPattern: { type: "string", default: DEFAULT_BOUNDARY_ARN_PATTERN } } },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const { boundaryArnPattern } = args.getConfig<Config>();
        const arns = args.type === T.iamRole ? asArray(args.props.managedPolicyArns as string[]) : [args.props.policyArn];
        for (const arn of arns) {
            if (typeof arn === "string" && boundaryArnPattern !== "" && globMatch(boundaryArnPattern, arn))
                report(
                    `\`${args.name}\` must not attach the permissions boundary \`${arn}\` ` +
                        `as a permissions policy: use it as \`permissionsBoundary\`.`,
                );
        }
    }),
};

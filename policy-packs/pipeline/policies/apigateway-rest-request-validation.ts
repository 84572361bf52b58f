import type { StackPolicyDefinition } from "../../lib/model";
import { ofTypes } from "../support/props";
import { isPresent } from "../support/present";
import { linksByTarget } from "../support/stack-links";
import { T } from "../support/types";

export const apigatewayRestRequestValidation: StackPolicyDefinition = {
    kind: "stack",
    id: "apigateway-rest-request-validation",
    description: "Checks whether API Gateway REST APIs validate requests: each API has a request validator and each method uses one.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Add an `aws.apigateway.RequestValidator` (`validateRequestBody` and `validateRequestParameters: true`) to the API and set " +
        "`requestValidatorId` on every method, with request models or required parameters for it to check.",
    // Checkov asks it of CORS preflight (`OPTIONS`) methods too.
    peerChecks: { full: ["AwsSolutions-APIG2"], partial: ["CKV2_AWS_53"] },
    resourceTypes: [T.restApi, T.restApiRequestValidator, T.restApiMethod],
    validateStack: (args, report) => {
        const apis = ofTypes(args.resources, [T.restApi]);
        const methods = ofTypes(args.resources, [T.restApiMethod]);
        if (apis.length === 0 && methods.length === 0) args.notApplicable("The stack declares no REST API.");
        const validators = linksByTarget(ofTypes(args.resources, [T.restApiRequestValidator]), "restApi", apis, ["id"]);
        for (const api of apis) {
            const ok = (validators.get(api.urn) ?? []).some(
                (v) => v.props.validateRequestBody === true || v.props.validateRequestParameters === true,
            );
            if (!ok) report(`REST API \`${api.name}\` must have a request validator that validates the body or the parameters.`, api.urn);
        }
        for (const m of methods) {
            if (m.props.httpMethod === "OPTIONS") continue;
            if (!isPresent(m.props.requestValidatorId)) report(`API Gateway method \`${m.name}\` must set \`requestValidatorId\`.`, m.urn);
        }
    },
};

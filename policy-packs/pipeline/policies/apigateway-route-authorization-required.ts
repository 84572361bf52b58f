import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { known, ofTypes } from "../support/props";
import { T } from "../support/types";

/** The protocol of a route's API, looked up by the property dependency on `apiId`. */
function protocolOf(route: PolicyResource, apis: ReadonlyMap<string, PolicyResource>): unknown {
    const api = apis.get(route.propertyDependencies.apiId?.[0]?.urn ?? "");
    return api ? known(() => api.props.protocolType) : undefined;
}

export const apigatewayRouteAuthorizationRequired: StackPolicyDefinition = {
    kind: "stack",
    id: "apigateway-route-authorization-required",
    description:
        "Checks whether every API Gateway REST method and HTTP or WebSocket " +
        "route requires authorisation (IAM, Cognito, JWT or a Lambda authoriser).",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `authorization` (REST: `AWS_IAM`, `COGNITO_USER_POOLS` or " +
        "`CUSTOM` with `authorizerId`) or `authorizationType` (HTTP: `JWT`, " +
        "`AWS_IAM` or " +
        "`CUSTOM`; WebSocket: on `$connect`). An API key is not authorisation. CORS preflight (`OPTIONS`) is exempt.",
    // cdk-nag exempts OPTIONS only with CORS responses, and COG4 asks for Cognito specifically;
    // Checkov also asks it of WebSocket message routes, which cannot take an authoriser.
    peerChecks: { full: ["CKV_AWS_59"], partial: ["AwsSolutions-APIG4", "CKV_AWS_309", "AwsSolutions-COG4"] },
    resourceTypes: [T.restApiMethod, T.httpApiRoute, T.httpApi],
    validateStack: (args, report) => {
        const apis = new Map(ofTypes(args.resources, [T.httpApi]).map((a) => [a.urn, a]));
        const methods = ofTypes(args.resources, [T.restApiMethod]).filter((m) => m.props.httpMethod !== "OPTIONS");
        const routes = ofTypes(args.resources, [T.httpApiRoute]).filter((r) => {
            const key = String(r.props.routeKey);
            // Only `$connect` of a WebSocket API takes an authoriser; preflight requests carry no credentials.
            return protocolOf(r, apis) === "WEBSOCKET" ? key === "$connect" : !key.startsWith("OPTIONS ");
        });
        if (methods.length === 0 && routes.length === 0)
            args.notApplicable("The stack declares no API method or route that takes authorisation.");
        for (const m of methods) {
            const auth = m.props.authorization;
            if (auth === undefined || auth === "NONE")
                report(
                    `API Gateway method \`${m.name}\` must require authorisation (\`authorization\` is \`${String(auth ?? "NONE")}\`).`,
                    m.urn,
                );
        }
        for (const r of routes) {
            const auth = r.props.authorizationType;
            if (auth === undefined || auth === "NONE")
                report(
                    `API Gateway route \`${r.name}\` (\`${String(r.props.routeKey)}\`) must require authorisation (\`authorizationType\`).`,
                    r.urn,
                );
        }
    },
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

const TYPES = [T.restApiMethodSettings, T.httpApiStage];

export const apigatewayMethodSettingsNoDataTrace: ResourcePolicyDefinition = {
    kind: "resource",
    id: "apigateway-method-settings-no-data-trace",
    description: "Checks whether API Gateway keeps full request and response bodies out of its execution logs (data trace off).",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `dataTraceEnabled: false` (REST: `settings.dataTraceEnabled` of the method settings; WebSocket: `defaultRouteSettings` and " +
        '`routeSettings` of the stage); use access logs and `loggingLevel: "ERROR"` instead.',
    peerChecks: { full: ["CKV_AWS_276"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        if (args.type === T.restApiMethodSettings) {
            if ((args.props.settings as { dataTraceEnabled?: unknown } | undefined)?.dataTraceEnabled === true)
                report(
                    `API Gateway method settings \`${args.name}\` must set ` +
                        `\`dataTraceEnabled: false\`: bodies may carry card data or credentials.`,
                );
            return;
        }
        const routes = [args.props.defaultRouteSettings, ...asArray(args.props.routeSettings as unknown[])] as (
            { dataTraceEnabled?: unknown } | undefined
        )[];
        if (routes.some((r) => r?.dataTraceEnabled === true))
            report(
                `API Gateway stage \`${args.name}\` must set \`dataTraceEnabled: ` +
                    `false\` in its route settings: bodies may carry card data or credentials.`,
            );
    }),
};

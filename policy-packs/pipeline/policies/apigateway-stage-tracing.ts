import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const apigatewayStageTracing: ResourcePolicyDefinition = {
    kind: "resource",
    id: "apigateway-stage-tracing",
    description: "Checks whether API Gateway REST API stages trace requests with AWS X-Ray.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "Set `xrayTracingEnabled: true` on the stage.",
    peerChecks: { full: ["CKV_AWS_73"] },
    resourceTypes: [T.restApiStage],
    validateResource: forTypes([T.restApiStage], (args, report) => {
        if (args.props.xrayTracingEnabled !== true) report(`API Gateway stage \`${args.name}\` must set \`xrayTracingEnabled: true\`.`);
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isPresent } from "../support/present";
import { T } from "../support/types";

const TYPES = [T.restApiStage, T.httpApiStage];

export const apigatewayStageAccessLogging: ResourcePolicyDefinition = {
    kind: "resource",
    id: "apigateway-stage-access-logging",
    description: "Checks whether API Gateway stages (REST, HTTP and WebSocket) write access logs with a log format.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `accessLogSettings` with `destinationArn` (a KMS-encrypted log group with retention) and a JSON `format` that records " +
        "`$context.requestId`, `$context.identity.sourceIp`, `$context.httpMethod`, `$context.routeKey` and `$context.status`.",
    peerChecks: {
        full: [
            "AwsSolutions-APIG1",
            "CKV_AWS_76",
            "aws-apigatewayv2-stage-configure-access-logging",
            "aws-apigatewayv2-stage-enable-access-logging",
        ],
    },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const settings = args.props.accessLogSettings as { destinationArn?: unknown; format?: unknown } | undefined;
        if (!settings || !isPresent(settings.destinationArn))
            report(`API Gateway stage \`${args.name}\` must write access logs (\`accessLogSettings.destinationArn\`).`);
        else if (!isPresent(settings.format)) report(`API Gateway stage \`${args.name}\` must set an access log \`format\`.`);
    }),
};

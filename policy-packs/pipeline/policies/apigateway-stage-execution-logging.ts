import type { StackPolicyDefinition } from "../../lib/model";
import { ofTypes } from "../support/props";
import { isStageWide, methodSettingsByStage, settingsOf } from "../support/rest-api-stages";
import { T } from "../support/types";

const LEVELS = ["ERROR", "INFO"];

export const apigatewayStageExecutionLogging: StackPolicyDefinition = {
    kind: "stack",
    id: "apigateway-stage-execution-logging",
    description:
        "Checks whether every API Gateway REST API stage logs the execution of all its methods to CloudWatch (level ERROR or INFO).",
    severity: "medium",
    enforcementLevel: "advisory",
    enforceAfter: "2027-03-01",
    waivable: true,
    remediationSteps:
        "Add an `aws.apigateway.MethodSettings` for the stage with " +
        '`methodPath: "*/*"` and `settings: { loggingLevel: "ERROR", ' +
        "metricsEnabled: true }` " +
        "(the account needs an `aws.apigateway.Account` with a CloudWatch role).",
    // Checkov's graph check also requires `metricsEnabled`.
    peerChecks: { full: ["AwsSolutions-APIG6", "PCI.DSS.321-APIGWExecutionLoggingEnabled"], partial: ["CKV2_AWS_4"] },
    resourceTypes: [T.restApiStage, T.restApiMethodSettings],
    validateStack: (args, report) => {
        const stages = ofTypes(args.resources, [T.restApiStage]);
        if (stages.length === 0) args.notApplicable("The stack declares no REST API stage.");
        const settings = methodSettingsByStage(stages, ofTypes(args.resources, [T.restApiMethodSettings]));
        for (const stage of stages) {
            const ok = (settings.get(stage.urn) ?? []).some((m) => isStageWide(m) && LEVELS.includes(String(settingsOf(m).loggingLevel)));
            if (!ok)
                report(
                    `API Gateway stage \`${stage.name}\` must log execution for all ` +
                        `methods: method settings \`*/*\` with \`loggingLevel\` ERROR or INFO.`,
                    stage.urn,
                );
        }
    },
};

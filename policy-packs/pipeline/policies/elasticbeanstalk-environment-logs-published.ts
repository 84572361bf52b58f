import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { beanstalkSetting, beanstalkTrue } from "../support/beanstalk";
import { T } from "../support/types";

/**
 * Logs on a Beanstalk instance die with it (and instances are replaced routinely): they must be
 * published off the host, rotated to S3 or streamed to CloudWatch Logs.
 */
export const elasticbeanstalkEnvironmentLogsPublished: ResourcePolicyDefinition = {
    kind: "resource",
    id: "elasticbeanstalk-environment-logs-published",
    description: "Checks whether Elastic Beanstalk environments publish their instance logs to S3 or stream them to CloudWatch Logs.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add the setting `aws:elasticbeanstalk:hostmanager` " +
        '`LogPublicationControl` = `"true"` (S3), or ' +
        '`aws:elasticbeanstalk:cloudwatch:logs` `StreamLogs` = `"true"`.',
    peerChecks: { partial: ["AwsSolutions-EB4"] },
    resourceTypes: [T.beanstalkEnvironment],
    validateResource: forTypes([T.beanstalkEnvironment], (args, report) => {
        const s = args.props.settings;
        const toS3 = beanstalkSetting(s, "aws:elasticbeanstalk:hostmanager", "LogPublicationControl");
        const streamed = beanstalkSetting(s, "aws:elasticbeanstalk:cloudwatch:logs", "StreamLogs");
        if (beanstalkTrue(toS3) || beanstalkTrue(streamed)) return;
        // Unset here, the settings may come from the saved configuration template, judged where it is declared.
        if (!toS3 && !streamed && args.props.templateName !== undefined)
            args.notApplicable("The environment takes its settings from a configuration template.");
        report(`Beanstalk environment \`${args.name}\` must publish its instance logs (\`LogPublicationControl\` or \`StreamLogs\` true).`);
    }),
};

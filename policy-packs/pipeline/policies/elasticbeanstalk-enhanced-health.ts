import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { beanstalkSetting } from "../support/beanstalk";
import { T } from "../support/types";

/** Basic health reports only load-balancer checks; enhanced health sees the application's errors, latency and resources. */
export const elasticbeanstalkEnhancedHealth: ResourcePolicyDefinition = {
    kind: "resource",
    id: "elasticbeanstalk-enhanced-health",
    description: "Checks whether Elastic Beanstalk environments use enhanced health reporting.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: 'Add the setting `aws:elasticbeanstalk:healthreporting:system` `SystemType` = `"enhanced"`.',
    peerChecks: { partial: ["CKV_AWS_312"] },
    resourceTypes: [T.beanstalkEnvironment],
    validateResource: forTypes([T.beanstalkEnvironment], (args, report) => {
        const system = beanstalkSetting(args.props.settings, "aws:elasticbeanstalk:healthreporting:system", "SystemType");
        // Unset here, the setting may come from the saved configuration template, judged where it is declared.
        if (!system && args.props.templateName !== undefined)
            args.notApplicable("The environment takes its settings from a configuration template.");
        if (String(system?.value) !== "enhanced")
            report(`Beanstalk environment \`${args.name}\` must use enhanced health reporting (\`SystemType\` enhanced).`);
    }),
};

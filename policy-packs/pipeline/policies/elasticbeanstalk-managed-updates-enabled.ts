import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { beanstalkSetting, beanstalkTrue } from "../support/beanstalk";
import { T } from "../support/types";

const LEVELS = new Set(["minor", "patch"]);

/** Beanstalk patches the platform (OS, runtime, web server) in a maintenance window only when asked to. */
export const elasticbeanstalkManagedUpdatesEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "elasticbeanstalk-managed-updates-enabled",
    description: "Checks whether Elastic Beanstalk environments apply managed platform updates (minor or patch level).",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add `aws:elasticbeanstalk:managedactions` `ManagedActionsEnabled` = " +
        '`"true"` with a `PreferredStartTime`, and ' +
        "`aws:elasticbeanstalk:managedactions:platformupdate` `UpdateLevel` = " +
        '`"minor"` (or `"patch"`).',
    // The peers also refuse environments whose settings come from a saved template.
    peerChecks: { partial: ["AwsSolutions-EB3", "CKV_AWS_340"] },
    resourceTypes: [T.beanstalkEnvironment],
    validateResource: forTypes([T.beanstalkEnvironment], (args, report) => {
        const s = args.props.settings;
        const managed = beanstalkSetting(s, "aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled");
        const level = beanstalkSetting(s, "aws:elasticbeanstalk:managedactions:platformupdate", "UpdateLevel");
        // Unset here, the settings may come from the saved configuration template, judged where it is declared.
        if (!managed && !level && args.props.templateName !== undefined)
            args.notApplicable("The environment takes its settings from a configuration template.");
        if (!beanstalkTrue(managed))
            report(`Beanstalk environment \`${args.name}\` must enable managed platform updates (\`ManagedActionsEnabled\` true).`);
        if (!level || !LEVELS.has(String(level.value)))
            report(`Beanstalk environment \`${args.name}\` must set the managed update level to minor or patch (\`UpdateLevel\`).`);
    }),
};

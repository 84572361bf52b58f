import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const quicksightDataSourceSsl: ResourcePolicyDefinition = {
    kind: "resource",
    id: "quicksight-data-source-ssl",
    description: "Checks whether QuickSight data sources connect to their databases over SSL/TLS.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Remove `sslProperties.disableSsl` (or set it to false) and enable TLS on the database the data source reads.",
    resourceTypes: [T.quickSightDataSource],
    peerChecks: { full: ["AwsSolutions-QS1"] },
    validateResource: forTypes([T.quickSightDataSource], (args, report) => {
        const ssl = args.props.sslProperties as { disableSsl?: unknown } | undefined;
        if (ssl?.disableSsl === true)
            report(`QuickSight data source \`${args.name}\` must connect over SSL/TLS (\`sslProperties.disableSsl\` is true).`);
    }),
};

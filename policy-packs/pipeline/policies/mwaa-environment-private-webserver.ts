import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const mwaaEnvironmentPrivateWebserver: ResourcePolicyDefinition = {
    kind: "resource",
    id: "mwaa-environment-private-webserver",
    description: "Checks whether Managed Workflows for Apache Airflow web servers are reachable from the VPC only.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: 'Set `webserverAccessMode: "PRIVATE_ONLY"` (the default) and reach the Airflow UI through the VPN or a VPC endpoint.',
    resourceTypes: [T.mwaaEnvironment],
    peerChecks: { full: ["CKV2_AWS_66"] },
    validateResource: forTypes([T.mwaaEnvironment], (args, report) => {
        if (args.props.webserverAccessMode === "PUBLIC_ONLY")
            report(`MWAA environment \`${args.name}\` must keep its web server private (\`webserverAccessMode: "PRIVATE_ONLY"\`).`);
    }),
};

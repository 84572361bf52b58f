import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isPresent } from "../support/present";
import { T } from "../support/types";

export const apigatewayRestStageClientCertificate: ResourcePolicyDefinition = {
    kind: "resource",
    id: "apigateway-rest-stage-client-certificate",
    description:
        "Checks whether API Gateway REST API stages present a client certificate, so backends can verify that calls come from the API.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Create an `aws.apigateway.ClientCertificate`, set the stage's " +
        "`clientCertificateId`, and have the HTTP backend require that " +
        "certificate (mutual TLS).",
    // Checkov also asks it of WebSocket stages.
    peerChecks: { full: ["PCI.DSS.321-APIGWSSLEnabled"], partial: ["CKV2_AWS_51"] },
    resourceTypes: [T.restApiStage],
    validateResource: forTypes([T.restApiStage], (args, report) => {
        if (!isPresent(args.props.clientCertificateId)) report(`API Gateway stage \`${args.name}\` must set \`clientCertificateId\`.`);
    }),
};

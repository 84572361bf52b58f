import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const mqBrokerNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "mq-broker-not-public",
    description: "Checks whether Amazon MQ brokers are reachable only from inside the VPC.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        "Set `publiclyAccessible: false` and place the broker in the service's private `subnetIds` with a security group for its clients.",
    peerChecks: { full: ["CKV_AWS_69"] },
    resourceTypes: [T.mqBroker],
    validateResource: forTypes([T.mqBroker], (args, report) => {
        if (args.props.publiclyAccessible === true) report(`Amazon MQ broker \`${args.name}\` must not be publicly accessible.`);
    }),
};

import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const rdsNotPubliclyAccessible: ResourcePolicyDefinition = {
    kind: "resource",
    id: "rds-not-publicly-accessible",
    description: "Checks whether RDS database instances are not publicly accessible.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps: "Set `publiclyAccessible: false` and place the database in the isolated subnet tier.",
    // `publiclyAccessible` defaults to false in the provider, so an unset value is as private as the peers' explicit false.
    peerChecks: {
        full: [
            "CKV_AWS_17",
            "PCI.DSS.321-RDSInstancePublicAccess",
            "aws-rds-clusterinstance-disallow-public-access",
            "aws-rds-instance-disallow-public-access",
        ],
    },
    resourceTypes: [T.rdsInstance, T.rdsClusterInstance],
    validateResource: forTypes([T.rdsInstance, T.rdsClusterInstance], (args, report) => {
        if (args.props.publiclyAccessible === true) report(`RDS instance \`${args.name}\` must not be publicly accessible.`);
    }),
};

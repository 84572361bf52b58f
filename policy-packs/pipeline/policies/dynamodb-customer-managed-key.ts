import { allOf, customerManagedKey, mustBeTrue, SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { isCustomerManagedKey } from "../support/data-settings";
import { asArray } from "../support/props";
import { T } from "../support/types";

// A replica in another region is encrypted with a key of that region: each must name one.
const replicas: SettingCheck = (args) => {
    const bad = asArray(args.props.replicas as Record<string, unknown>[] | undefined)
        .filter((r) => !isCustomerManagedKey(r.kmsKeyArn))
        .map((r) => String(r.regionName));
    return bad.length === 0
        ? undefined
        : `${subject(args.type, args.name)} must encrypt its replicas in ` +
              `${bad.join(", ")} with a customer managed KMS key (\`replicas[].kmsKeyArn\`).`;
};

export const dynamodbCustomerManagedKey = settingPolicy(
    {
        id: "dynamodb-customer-managed-key",
        description: "Checks whether DynamoDB tables and their replicas are encrypted with a customer managed KMS key.",
        severity: "medium",
        // Announced first: moving live data to another key often means a restore or a new resource, so teams get until the date.
        enforcementLevel: "advisory",
        enforceAfter: "2027-03-01",
        waivable: true,
        remediationSteps:
            "Set `serverSideEncryption: { enabled: true, kmsKeyArn: <customer " +
            "managed key> }` on the table and `kmsKeyArn` on every replica (a key " +
            "of the replica's region).",
        peerChecks: { full: ["CKV_AWS_119", "CKV_AWS_271"] },
    },
    {
        [T.dynamoTable]: allOf((args) => {
            const enabled = mustBeTrue("serverSideEncryption.enabled")(args);
            return enabled === undefined ? customerManagedKey("serverSideEncryption.kmsKeyArn")(args) : enabled;
        }, replicas),
        [T.dynamoTableReplica]: customerManagedKey("kmsKeyArn"),
    },
);

import { isCustomerManagedKey, SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { T } from "../support/types";

const key: SettingCheck = (args) => {
    const spec = args.props.encryptionSpecification as { type?: unknown; kmsKeyIdentifier?: unknown } | undefined;
    return spec?.type === "CUSTOMER_MANAGED_KMS_KEY" && isCustomerManagedKey(spec.kmsKeyIdentifier)
        ? undefined
        : `${subject(args.type, args.name)} must be encrypted with a customer ` +
              `managed KMS key (\`encryptionSpecification\` of type ` +
              `\`CUSTOMER_MANAGED_KMS_KEY\` with \`kmsKeyIdentifier\`).`;
};

export const keyspacesTableCustomerManagedKey = settingPolicy(
    {
        id: "keyspaces-table-customer-managed-key",
        description: "Checks whether Keyspaces (Cassandra) tables are encrypted with a customer managed KMS key.",
        severity: "medium",
        // Announced first: moving live data to another key often means a restore or a new resource, so teams get until the date.
        enforcementLevel: "advisory",
        enforceAfter: "2027-03-01",
        waivable: true,
        remediationSteps: 'Set `encryptionSpecification: { type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyIdentifier: <key ARN> }`.',
        peerChecks: { full: ["CKV_AWS_265"] },
    },
    { [T.keyspacesTable]: key },
);

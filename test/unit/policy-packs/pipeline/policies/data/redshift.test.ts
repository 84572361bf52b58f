import { redshiftAuditLogging } from "../../../../../../policy-packs/pipeline/policies/redshift-audit-logging";
import { redshiftClusterEncrypted } from "../../../../../../policy-packs/pipeline/policies/redshift-cluster-encrypted";
import { redshiftClusterMaintenance } from "../../../../../../policy-packs/pipeline/policies/redshift-cluster-maintenance";
import { redshiftCustomerManagedKey } from "../../../../../../policy-packs/pipeline/policies/redshift-customer-managed-key";
import { redshiftEnhancedVpcRouting } from "../../../../../../policy-packs/pipeline/policies/redshift-enhanced-vpc-routing";
import { redshiftInPrivateSubnets } from "../../../../../../policy-packs/pipeline/policies/redshift-in-private-subnets";
import { redshiftNonDefaultAdminUsername } from "../../../../../../policy-packs/pipeline/policies/redshift-non-default-admin-username";
import { redshiftNonDefaultDatabaseName } from "../../../../../../policy-packs/pipeline/policies/redshift-non-default-database-name";
import { redshiftNotPubliclyAccessible } from "../../../../../../policy-packs/pipeline/policies/redshift-not-publicly-accessible";
import { redshiftSnapshotRetention } from "../../../../../../policy-packs/pipeline/policies/redshift-snapshot-retention";
import { redshiftTlsRequired } from "../../../../../../policy-packs/pipeline/policies/redshift-tls-required";
import { T } from "../../../../../../policy-packs/pipeline/support/types";
import { describePolicy } from "../../../support/policy-cases";
import { redshiftEstate } from "./estates";
import { OTHER, patch, UNKNOWN, without } from "./records";

const others = () => [OTHER];
const cluster = (change: Record<string, unknown>) => patch(redshiftEstate, T.redshiftCluster, "warehouse", change);
const namespace = (change: Record<string, unknown>) => patch(redshiftEstate, T.redshiftServerlessNamespace, "adhoc", change);
const workgroup = (change: Record<string, unknown>) => patch(redshiftEstate, T.redshiftServerlessWorkgroup, "adhoc", change);
const params = (parameters: { name: string; value: string }[]) =>
    patch(redshiftEstate, T.redshiftParameterGroup, "warehouse-params", { parameters });

describe("Redshift policies", () => {
    describePolicy(redshiftClusterEncrypted, {
        compliant: redshiftEstate,
        nonCompliant: [
            {
                name: "an unencrypted cluster",
                resources: cluster({ encrypted: "false" }),
                expect: /Redshift cluster `warehouse` must not set `encrypted: false`/,
            },
        ],
        notApplicable: [{ name: "resources other than clusters", resources: others }],
        unknown: [{ name: "the flag is computed", resources: cluster({ encrypted: UNKNOWN }) }],
    });

    describePolicy(redshiftCustomerManagedKey, {
        compliant: redshiftEstate,
        nonCompliant: [
            {
                name: "a cluster without a key",
                resources: cluster({ kmsKeyId: undefined }),
                expect: /`warehouse` must be encrypted with a customer managed KMS key/,
            },
            {
                name: "a namespace on the AWS managed key",
                resources: namespace({ kmsKeyId: "alias/aws/redshift" }),
                expect: /Redshift Serverless namespace `adhoc`/,
            },
            {
                name: "a copy grant without a key",
                resources: patch(redshiftEstate, T.redshiftSnapshotCopyGrant, "warehouse-dr", { kmsKeyId: undefined }),
                expect: /snapshot copy grant `warehouse-dr`/,
            },
        ],
        notApplicable: [{ name: "resources other than Redshift", resources: others }],
        unknown: [{ name: "the key is created in the same program", resources: cluster({ kmsKeyId: UNKNOWN }) }],
    });

    describePolicy(redshiftNotPubliclyAccessible, {
        compliant: redshiftEstate,
        nonCompliant: [
            {
                name: "a public cluster",
                resources: cluster({ publiclyAccessible: true }),
                expect: /`warehouse` must not be publicly accessible/,
            },
            { name: "a public workgroup", resources: workgroup({ publiclyAccessible: true }), expect: /workgroup `adhoc`/ },
        ],
        notApplicable: [{ name: "resources other than Redshift", resources: others }],
        unknown: [{ name: "the flag is computed", resources: workgroup({ publiclyAccessible: UNKNOWN }) }],
    });

    describePolicy(redshiftEnhancedVpcRouting, {
        compliant: redshiftEstate,
        nonCompliant: [
            {
                name: "a cluster routing outside the VPC",
                resources: cluster({ enhancedVpcRouting: undefined }),
                expect: /`warehouse` must set `enhancedVpcRouting: true`/,
            },
            {
                name: "a workgroup routing outside the VPC",
                resources: workgroup({ enhancedVpcRouting: false }),
                expect: /workgroup `adhoc`/,
            },
        ],
        notApplicable: [{ name: "resources other than Redshift", resources: others }],
        unknown: [{ name: "the flag is computed", resources: cluster({ enhancedVpcRouting: UNKNOWN }) }],
    });

    describePolicy(redshiftInPrivateSubnets, {
        compliant: redshiftEstate,
        nonCompliant: [
            {
                name: "a cluster without a subnet group",
                resources: cluster({ clusterSubnetGroupName: undefined }),
                expect: /`warehouse` must set `clusterSubnetGroupName`/,
            },
            {
                name: "a workgroup without subnets",
                resources: workgroup({ subnetIds: [] }),
                expect: /workgroup `adhoc` must set `subnetIds`/,
            },
        ],
        notApplicable: [{ name: "resources other than Redshift", resources: others }],
        unknown: [{ name: "the subnet group is an output", resources: cluster({ clusterSubnetGroupName: UNKNOWN }) }],
    });

    describePolicy(redshiftSnapshotRetention, {
        compliant: redshiftEstate,
        nonCompliant: [
            {
                name: "snapshots off",
                resources: cluster({ automatedSnapshotRetentionPeriod: 0 }),
                expect: /`warehouse` must set `automatedSnapshotRetentionPeriod` to at least 7 days \(it is 0\)/,
            },
            { name: "the one-day default", resources: cluster({ automatedSnapshotRetentionPeriod: undefined }), expect: /it is 1/ },
        ],
        notApplicable: [{ name: "resources other than clusters", resources: others }],
        unknown: [{ name: "the retention is computed", resources: cluster({ automatedSnapshotRetentionPeriod: UNKNOWN }) }],
    });

    describePolicy(redshiftClusterMaintenance, {
        compliant: redshiftEstate,
        nonCompliant: [
            {
                name: "upgrades off",
                resources: cluster({ allowVersionUpgrade: false }),
                expect: /`warehouse` must not set `allowVersionUpgrade: false`/,
            },
            {
                name: "no maintenance window",
                resources: cluster({ preferredMaintenanceWindow: undefined }),
                expect: /must set `preferredMaintenanceWindow`/,
            },
        ],
        notApplicable: [{ name: "resources other than clusters", resources: others }],
        unknown: [{ name: "the flag is computed", resources: cluster({ allowVersionUpgrade: UNKNOWN }) }],
    });

    describePolicy(redshiftNonDefaultAdminUsername, {
        compliant: redshiftEstate,
        nonCompliant: [
            {
                name: "awsuser",
                resources: cluster({ masterUsername: "awsuser" }),
                expect: /`warehouse` must not use the well-known admin user name `awsuser`/,
            },
            {
                name: "a namespace on the default admin",
                resources: namespace({ adminUsername: undefined }),
                expect: /namespace `adhoc` .* `admin`/,
            },
        ],
        notApplicable: [{ name: "resources other than Redshift", resources: others }],
        unknown: [{ name: "the name is computed", resources: cluster({ masterUsername: UNKNOWN }) }],
    });

    describePolicy(redshiftNonDefaultDatabaseName, {
        compliant: redshiftEstate,
        nonCompliant: [
            {
                name: "no database name",
                resources: cluster({ databaseName: undefined }),
                expect: /`warehouse` must name its database \(`databaseName`\)/,
            },
            {
                name: "a namespace named dev",
                resources: namespace({ dbName: "dev" }),
                expect: /`adhoc` must name its database \(`dbName`\)/,
            },
        ],
        notApplicable: [{ name: "resources other than Redshift", resources: others }],
        unknown: [{ name: "the name is computed", resources: cluster({ databaseName: UNKNOWN }) }],
    });

    describePolicy(redshiftTlsRequired, {
        compliant: redshiftEstate,
        nonCompliant: [
            {
                name: "a group without require_ssl",
                resources: params([{ name: "enable_user_activity_logging", value: "true" }]),
                expect: /Redshift parameter group `warehouse-params` must set `require_ssl` to `true`/,
            },
            {
                name: "a cluster on the default group",
                resources: without(cluster({ clusterParameterGroupName: undefined }), T.redshiftParameterGroup),
                expect: /`warehouse` must use a parameter group with `require_ssl` .* \(the default group accepts plaintext\)/,
            },
            {
                name: "a cluster on a group of another stack",
                resources: without(cluster({ clusterParameterGroupName: "shared" }), T.redshiftParameterGroup),
                expect: /`shared` cannot be checked/,
            },
            {
                name: "a workgroup without require_ssl",
                resources: workgroup({ configParameters: [] }),
                expect: /workgroup `adhoc` must set `require_ssl`/,
            },
        ],
        notApplicable: [{ name: "stacks without Redshift", resources: others }],
    });

    describePolicy(redshiftAuditLogging, {
        compliant: redshiftEstate,
        nonCompliant: [
            {
                name: "a cluster without logging",
                resources: without(redshiftEstate, T.redshiftLogging),
                expect: /`warehouse` must deliver its audit logs \(an aws.redshift.Logging for the cluster\)/,
            },
            {
                name: "CloudWatch logging without user activity",
                resources: patch(redshiftEstate, T.redshiftLogging, "warehouse-logs", {
                    logDestinationType: "cloudwatch",
                    logExports: ["connectionlog", "userlog"],
                }),
                expect: /must deliver its `useractivitylog` logs/,
            },
            {
                name: "user activity logging off",
                resources: params([{ name: "require_ssl", value: "true" }]),
                expect: /`warehouse` must log user activity/,
            },
            {
                name: "a namespace exporting nothing",
                resources: namespace({ logExports: undefined }),
                expect: /namespace `adhoc` must export its `connectionlog`, `userlog`, `useractivitylog` logs/,
            },
        ],
        notApplicable: [{ name: "stacks without Redshift", resources: others }],
    });
});

import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { isSet } from "../support/presence";
import { known, ofTypes, refersTo } from "../support/props";
import { isAdminRole } from "../support/role-privileges";
import { T } from "../support/types";

const HOSTS = [T.ec2Instance, T.launchTemplate, T.launchConfiguration];

/** The instance profile of the stack a host uses, by property dependency or by name/ARN. */
function profileOf(host: PolicyResource, profiles: readonly PolicyResource[]): PolicyResource | undefined {
    const viaDeps = profiles.find((p) => (host.propertyDependencies.iamInstanceProfile ?? []).some((d) => d.urn === p.urn));
    if (viaDeps) return viaDeps;
    // Launch templates nest it: `{ name }` or `{ arn }`.
    const value = known(() => host.props.iamInstanceProfile) as string | { name?: string; arn?: string } | undefined;
    const names = typeof value === "string" ? [value] : [value?.name, value?.arn].filter((v): v is string => typeof v === "string");
    return profiles.find((p) => names.some((n) => n === known(() => p.props.name) || n === known(() => p.props.arn)));
}

/**
 * Stack policy: instance, instance profile, role and the role's policies are separate
 * resources. An instance gets AWS credentials from its instance profile's role only, so it
 * needs one (no access keys on disk), and that role must not be an administrator: everyone
 * who can run code on the host, or reach its metadata service, holds the role.
 */
export const ec2InstanceProfileLeastPrivilege: StackPolicyDefinition = {
    kind: "stack",
    id: "ec2-instance-profile-least-privilege",
    description:
        "Checks whether EC2 instances run with an instance profile, and " +
        "whether the role of every instance, launch template and launch " +
        "configuration's profile stops short of administrator access.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Give the instance an `iamInstanceProfile` whose role grants only what " +
        "the host's software needs (SSM core, its own buckets and queues); " +
        "never AdministratorAccess or `*` on `*`.",
    peerChecks: { full: ["PCI.DSS.321-EC2InstanceProfileAttached", "CKV2_AWS_41"] },
    resourceTypes: [...HOSTS, T.instanceProfile, T.iamRole, T.iamRolePolicyAttachment, T.iamRolePolicy],
    validateStack: (args, report) => {
        const hosts = ofTypes(args.resources, HOSTS);
        if (hosts.length === 0) args.notApplicable("The stack declares no EC2 instance, launch template or launch configuration.");
        const profiles = ofTypes(args.resources, [T.instanceProfile]);
        const roles = ofTypes(args.resources, [T.iamRole]);
        for (const host of hosts) {
            if (host.type === T.ec2Instance && !isSet(host.props, "iamInstanceProfile")) {
                report(
                    `EC2 instance \`${host.name}\` must run with an instance profile (\`iamInstanceProfile\`), not with keys on disk.`,
                    host.urn,
                );
                continue;
            }
            const profile = profileOf(host, profiles);
            const role = profile && roles.find((r) => refersTo(profile, "role", r, ["name"]));
            if (role && isAdminRole(role, args.resources))
                report(
                    `The role \`${role.name}\` of instance profile \`${profile.name}\`, ` +
                        `used by \`${host.name}\`, must not have administrator access.`,
                    host.urn,
                );
        }
    },
};

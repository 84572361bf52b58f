import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { configuredKeys, describeGrant, narrowingKeysSchema, publicGrants } from "../support/resource-policy";
import { T } from "../support/types";

interface Config {
    narrowingConditionKeys: string[];
}

const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;
const TYPES = [T.s3AccessPoint, T.s3ControlAccessPointPolicy];

/** An access point is a second door into a bucket: its own public access block and policy must keep it shut. */
export const s3AccessPointNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "s3-access-point-not-public",
    description: "Checks whether S3 access points keep their public access block on and have no policy that grants access to everyone.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Leave every flag of `publicAccessBlockConfiguration` true (the default), prefer `vpcConfiguration` for the access point, " +
        "and name the principals in its policy (or narrow `*` with `aws:PrincipalOrgID`, `aws:SourceVpce`…).",
    configSchema: { properties: { narrowingConditionKeys: narrowingKeysSchema() } },
    resourceTypes: TYPES,
    peerChecks: { full: ["CKV_AWS_392"] },
    validateResource: forTypes(TYPES, (args, report) => {
        if (args.type === T.s3AccessPoint) {
            const block = args.props.publicAccessBlockConfiguration as Record<string, unknown> | undefined;
            const off = FLAGS.filter((f) => block?.[f] === false);
            if (off.length > 0) report(`S3 access point \`${args.name}\` must keep ${off.join(", ")} on.`);
        }
        const keys = configuredKeys(args.getConfig<Config>().narrowingConditionKeys);
        for (const g of publicGrants(args.props.policy, keys))
            report(`The policy of S3 access point \`${args.name}\` must not be public: ${describeGrant(g)}.`);
    }),
};

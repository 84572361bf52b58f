import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    maxHopLimit: number;
}

const TYPES = [T.ec2Instance, T.launchTemplate, T.launchConfiguration];

const WHAT: Record<string, string> = {
    [T.ec2Instance]: "EC2 instance",
    [T.launchTemplate]: "Launch template",
    [T.launchConfiguration]: "Launch configuration",
};

/**
 * IMDSv1 answers any GET: one server-side request forgery hands the instance role's credentials
 * to the attacker. IMDSv2 needs a session token obtained with a PUT that a hop limit of 1 keeps
 * inside the instance (containers and forwarded requests cannot reach it). Auto Scaling groups
 * inherit this from their launch template.
 */
export const ec2InstanceMetadataV2Required: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ec2-instance-metadata-v2-required",
    description:
        "Checks whether EC2 instances, launch templates and launch " +
        "configurations require IMDSv2 session tokens with a response hop " +
        "limit of 1 (or turn the metadata service off).",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Set `metadataOptions: { httpTokens: "required", ' +
        'httpPutResponseHopLimit: 1 }` (or `httpEndpoint: "disabled"`); raise ' +
        "the hop limit only for hosts whose containers must reach the metadata service.",
    configSchema: { properties: { maxHopLimit: { type: "integer", minimum: 1, maximum: 64, default: 1 } } },
    peerChecks: { full: ["CKV_AWS_79", "CKV_AWS_341"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const { maxHopLimit } = args.getConfig<Config>();
        const what = `${WHAT[args.type]} \`${args.name}\``;
        const md = args.props.metadataOptions as
            { httpEndpoint?: string; httpTokens?: string; httpPutResponseHopLimit?: number } | undefined;
        if (md?.httpEndpoint === "disabled") return;
        if (md?.httpTokens !== "required") report(`${what} must require IMDSv2 (\`metadataOptions.httpTokens: "required"\`).`);
        const hops = md?.httpPutResponseHopLimit;
        if (hops !== undefined && hops !== null && hops > maxHopLimit)
            report(`${what} must keep the metadata response hop limit at ${maxHopLimit} or less, not ${hops}.`);
    }),
};

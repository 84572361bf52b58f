import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { globMatch } from "../../lib/waivers";
import { servicePrincipals } from "../support/iam";
import { T } from "../support/types";

interface Config {
    boundaryArnPattern: string;
    servicePrincipals: string[];
}

export const iamRolePermissionsBoundary: ResourcePolicyDefinition = {
    kind: "resource",
    id: "iam-role-permissions-boundary",
    description: "Checks whether service roles carry the organisation's permissions boundary.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `permissionsBoundary` to the landing zone's boundary policy ARN (published in the platform contract).",
    configSchema: {
        properties: {
            boundaryArnPattern: { type: "string", minLength: 1, default: "arn:aws:iam::*:policy/*boundary*" },
            servicePrincipals: {
                type: "array",
                items: { type: "string" },
                default: ["ecs-tasks.amazonaws.com", "lambda.amazonaws.com", "ec2.amazonaws.com"],
            },
        },
    },
    resourceTypes: [T.iamRole],
    validateResource: forTypes([T.iamRole], (args, report) => {
        const cfg = args.getConfig<Config>();
        const principals = servicePrincipals(args.props.assumeRolePolicy);
        if (!principals.some((p) => cfg.servicePrincipals.includes(p)))
            args.notApplicable("Not a service role of a workload (no workload service principal).");
        const boundary = args.props.permissionsBoundary;
        if (typeof boundary !== "string" || !globMatch(cfg.boundaryArnPattern, boundary)) {
            report(
                `Service role \`${args.name}\` must carry the permissions boundary ` +
                    `(\`permissionsBoundary\` matching \`${cfg.boundaryArnPattern}\`).`,
            );
        }
    }),
};

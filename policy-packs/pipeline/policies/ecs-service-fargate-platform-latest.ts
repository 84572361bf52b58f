import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

interface Config {
    allowedPlatformVersions: string[];
}

/**
 * The Fargate platform version is the kernel and container runtime under the task: AWS patches
 * `LATEST`, a pinned older version keeps its vulnerabilities until someone edits the stack.
 */
export const ecsServiceFargatePlatformLatest: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ecs-service-fargate-platform-latest",
    description: "Checks whether Fargate ECS services run on the latest platform version.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: 'Set `platformVersion: "LATEST"` (or leave it unset) on Fargate services.',
    configSchema: {
        properties: { allowedPlatformVersions: { type: "array", items: { type: "string" }, minItems: 1, default: ["LATEST"] } },
    },
    peerChecks: { full: ["CKV_AWS_332"] },
    resourceTypes: [T.ecsService],
    validateResource: forTypes([T.ecsService], (args, report) => {
        const strategies = asArray(args.props.capacityProviderStrategies as { capacityProvider?: string }[]);
        const fargate = args.props.launchType === "FARGATE" || strategies.some((s) => String(s.capacityProvider).startsWith("FARGATE"));
        if (!fargate) args.notApplicable("Only Fargate services have a platform version.");
        const { allowedPlatformVersions } = args.getConfig<Config>();
        const version = args.props.platformVersion as string | undefined;
        if (version !== undefined && !allowedPlatformVersions.includes(version))
            report(
                `Fargate service \`${args.name}\` must run on platform version ` +
                    `${allowedPlatformVersions.join(" or ")}, not \`${version}\`.`,
            );
    }),
};

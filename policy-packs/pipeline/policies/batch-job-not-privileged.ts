import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray, parseMaybeJson } from "../support/props";
import { T } from "../support/types";

/** The containers a job definition declares: single-container, ECS task properties, multi-node ranges. */
function containers(props: Record<string, unknown>): { label: string; privileged: unknown }[] {
    const out: { label: string; privileged: unknown }[] = [];
    const single = parseMaybeJson(props.containerProperties) as { privileged?: unknown } | undefined;
    if (single && typeof single === "object") out.push({ label: "its container", privileged: single.privileged });
    const ecs = parseMaybeJson(props.ecsProperties) as
        { taskProperties?: { containers?: { name?: string; privileged?: unknown }[] }[] } | undefined;
    for (const task of asArray(ecs?.taskProperties))
        for (const c of asArray(task.containers)) out.push({ label: `container \`${String(c.name)}\``, privileged: c.privileged });
    const nodes = parseMaybeJson(props.nodeProperties) as
        { nodeRangeProperties?: { targetNodes?: string; container?: { privileged?: unknown } }[] } | undefined;
    for (const range of asArray(nodes?.nodeRangeProperties))
        if (range.container)
            out.push({ label: `the container of nodes ${String(range.targetNodes)}`, privileged: range.container.privileged });
    const eks = props.eksProperties as
        { podProperties?: { containers?: { name?: string; securityContext?: { privileged?: unknown } }[] } } | undefined;
    for (const c of asArray(eks?.podProperties?.containers))
        out.push({ label: `container \`${String(c.name)}\``, privileged: c.securityContext?.privileged });
    return out;
}

/** A privileged container is root on the host: a batch job, like a service, runs without it. */
export const batchJobNotPrivileged: ResourcePolicyDefinition = {
    kind: "resource",
    id: "batch-job-not-privileged",
    description: "Checks whether AWS Batch job definitions run their containers without privileged mode.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        "Remove `privileged: true` from the job's container properties; grant specific Linux capabilities only if truly needed.",
    peerChecks: { full: ["CKV_AWS_210"] },
    resourceTypes: [T.batchJobDefinition],
    validateResource: forTypes([T.batchJobDefinition], (args, report) => {
        for (const c of containers(args.props)) {
            if (c.privileged === true) report(`Batch job definition \`${args.name}\` must not run ${c.label} privileged.`);
        }
    }),
};

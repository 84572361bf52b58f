import { deploymentToRecords } from "../../policy-packs/lib/state";
import type { ResourceRecord } from "../../policy-packs/lib/resources";
import { RUNTIME_OUTPUT, runtimeOutputProblems, RuntimeOutput, ServiceRuntime } from "../../services/sdk/runtime-output";
import type { StackState } from "../run/stack-state";

export const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";

/** What a stack declares it runs. */
export interface DeclaredServices {
    readonly services: readonly ServiceRuntime[];
    /** The task definitions the runtime policies judge, from the stack's state. */
    readonly taskDefinitions: readonly ResourceRecord[];
    /** Why the declaration cannot be read (an invalid `runtime` output). */
    readonly problems: readonly string[];
}

/** Pulumi's marker of an encrypted value in an exported deployment. */
const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";

function isSecret(value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SECRET_SIGNATURE] !== undefined;
}

/** The containers the runtime output declares, as ECS container definitions (what policies read). */
function containerDefinitionsOf(service: ServiceRuntime): string {
    return JSON.stringify(service.containers.map((c) => ({ name: c.name, image: c.image, ...(c.user ? { user: c.user } : {}) })));
}

/**
 * What a deployed stack runs, from its `runtime` output (services/sdk/runtime-output.ts) and its
 * state: each service's task definition as the engine recorded it. When the state's container
 * definitions are a secret (a secret value flowed into an environment variable) they are not
 * decrypted: the output's declared containers stand in for them. A task definition the state
 * does not hold (a service declared by hand) is built from the output the same way, its URN in `project`.
 */
export function declaredServices(state: StackState, project: string): DeclaredServices {
    const output = state.outputs[RUNTIME_OUTPUT];
    if (!output) return { services: [], taskDefinitions: [], problems: [] };
    if (output.secret)
        return { services: [], taskDefinitions: [], problems: ["the `runtime` output is a secret: export it in plain text"] };
    const problems = runtimeOutputProblems(output.value);
    if (problems.length > 0) return { services: [], taskDefinitions: [], problems };
    const services = (output.value as RuntimeOutput).services;
    const records = deploymentToRecords(state.deployment).filter((r) => r.type === TASK_DEFINITION);
    const taskDefinitions: ResourceRecord[] = [];
    for (const service of services) {
        const inState = records.find((r) => r.props.family === service.taskDefinition.family);
        if (inState) {
            taskDefinitions.push(
                isSecret(inState.props.containerDefinitions)
                    ? { ...inState, props: { ...inState.props, containerDefinitions: containerDefinitionsOf(service) } }
                    : inState,
            );
            continue;
        }
        const name = service.taskDefinition.family;
        taskDefinitions.push({
            type: TASK_DEFINITION,
            name,
            urn: `urn:pulumi:${state.stack}::${project}::${TASK_DEFINITION}::${name}`,
            props: { family: name, containerDefinitions: containerDefinitionsOf(service) },
            id: service.taskDefinition.arn,
        });
    }
    return { services, taskDefinitions, problems: [] };
}

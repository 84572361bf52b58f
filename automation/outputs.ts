import * as path from "path";
import type { PulumiCommand } from "@pulumi/pulumi/automation";
import { resolveBackend } from "./backend/backend";
import { CliProcesses, isolatedPulumiCommand } from "./engine/pulumi-command";
import { EnvironmentStacks } from "./engine/workspace";
import type { SelectionOptions } from "./graph/graph";
import { ensureWritableFolder } from "./files/folders";
import { planEnvironment } from "./plan";
import { requirePulumiCli } from "./engine/tools";
import { Redactor } from "./redact";

/** The value shown for a secret output: `edf outputs` never prints secrets. */
export const MASKED = "[secret]";

/**
 * The current outputs of the selected stacks (`null` for a stack not deployed yet),
 * secret outputs masked.
 */
export async function getStackOutputs(
    options: SelectionOptions & {
        env: string;
        projectRoot: string;
        edfHome?: string;
        environment?: NodeJS.ProcessEnv;
        pulumiCommand?: PulumiCommand;
    },
): Promise<Record<string, Record<string, unknown> | null>> {
    const plan = planEnvironment(options.env, options.projectRoot, options);
    const spec = plan.loaded.spec;
    if (!options.pulumiCommand) requirePulumiCli("outputs", options.environment ?? process.env);
    const edfHome = ensureWritableFolder(options.edfHome ?? path.join(options.projectRoot, ".edf"), "--home");
    const backend = resolveBackend(spec.backend, {
        projectRoot: options.projectRoot,
        edfHome,
        env: options.environment ?? process.env,
        redactor: new Redactor(),
    });
    const command = await isolatedPulumiCommand(new CliProcesses(), options.pulumiCommand);
    const stacks = new EnvironmentStacks(spec.environment, backend, edfHome, command);
    const entries = await Promise.all(
        plan.selection.map(async (unit) => {
            const outputs = await stacks.outputs(unit, spec.units[unit]!.path);
            const masked = outputs ? Object.fromEntries(Object.entries(outputs).map(([k, o]) => [k, o.secret ? MASKED : o.value])) : null;
            return [unit, masked] as const;
        }),
    );
    return Object.fromEntries(entries);
}

import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ConfigMap, LocalWorkspace, PulumiCommand, Stack, StackNotFoundError } from "@pulumi/pulumi/automation";
import { type Backend } from "../backend/backend";
import type { StackOutputs } from "../inputs/resolve";
import { ENVIRONMENT_TAG } from "../../policy-packs/lib/environment-settings";
import { runUnit } from "../../unit/run";
import { runCommand, withSelectStack } from "../../unit/sdk-internals";
import { projectName } from "../../unit/project";

/** Where a unit's stack lives and how to reach it. */
export interface StackHandle {
    readonly unit: string;
    readonly stackName: string;
    /** Its private work folder (Pulumi.yaml + Pulumi.<stack>.yaml). */
    readonly workDir: string;
}

/**
 * The stacks of one environment on one backend.
 *
 * Each stack gets its own work folder under `<edfHome>/workspaces/<env>/<unit>`: the CLI
 * keeps the "current stack" of a work folder in a shared file, so concurrent commands in
 * one folder would race on it. The program is inline — `runUnit(path)`, the same code the
 * root program runs. For preview and up the driver runs it in a program host of its own
 * (program-host/); the inline program here is what makes the SDK start the engine with
 * `--client`, and it runs in this thread only if an operation is started without a host.
 */
export class EnvironmentStacks {
    private listing: Promise<Map<string, number>> | undefined;

    constructor(
        private readonly environment: string,
        private readonly backend: Backend,
        private readonly edfHome: string,
        private readonly command: PulumiCommand,
    ) {}

    handle(unit: string): StackHandle {
        return {
            unit,
            stackName: this.backend.stackName(this.environment, unit),
            workDir: path.join(this.edfHome, "workspaces", this.environment, unit),
        };
    }

    /**
     * The stack of `unit` running `unitPath`; created when `create` and missing, else undefined.
     *
     * A stack the run's listing shows is opened without a CLI process: every command the driver
     * runs names its stack (`--stack`), so making it the work folder's current one (`pulumi stack
     * select`, ≈ 0.15 CPU-s, more with `--create`'s secrets set-up) changes nothing. The listing is
     * one `pulumi stack ls` per run (preview and up take it anyway, to know what is deployed); a
     * stack it does not show is selected (or created) by the CLI as before.
     */
    async open(unit: string, unitPath: string, create: boolean): Promise<Stack | undefined> {
        const handle = this.handle(unit);
        const workspace = await this.workspace(handle, unitPath);
        const listing = create ? this.listing : this.stackList();
        const listed = listing ? (await listing).has(shortName(handle.stackName)) : false;
        if (listed) {
            return Stack.select(
                handle.stackName,
                withSelectStack(workspace, async () => undefined),
            );
        }
        // Not listed is not proof of absence: a stack this run created since (an upstream whose
        // outputs a later stack reads) is asked for as before.
        if (create) {
            // One CLI process instead of the SDK's createOrSelect (`stack select`, and on a
            // new stack a failed select plus `stack init`, ≈ 0.4 CPU-s each): `stack select
            // --create` selects the stack or creates it with the workspace's secrets provider.
            const selectOrCreate = async (stackName: string): Promise<void> => {
                const args = ["stack", "select", "--create", "--stack", stackName];
                if (this.backend.secretsProvider) {
                    args.push("--secrets-provider", this.backend.secretsProvider);
                }
                // The command's own (internal) runner: the isolated process group and the SDK's
                // error classification, exactly as the workspace's commands get them.
                const result = (await runCommand(this.command, args, handle.workDir, { ...this.backend.envVars })) as {
                    stdout?: string;
                    stderr?: string;
                };
                if (/Created stack/.test(`${result.stdout ?? ""}${result.stderr ?? ""}`)) {
                    // A new stack is tagged with its environment once, so a policy pack published to
                    // an organisation (no driver around it) judges it with that environment's settings.
                    const tag = ["stack", "tag", "set", ENVIRONMENT_TAG, this.environment, "--stack", stackName];
                    await runCommand(this.command, tag, handle.workDir, { ...this.backend.envVars });
                }
            };
            return Stack.select(handle.stackName, withSelectStack(workspace, selectOrCreate));
        }
        try {
            return await Stack.select(handle.stackName, workspace);
        } catch (error) {
            if (error instanceof StackNotFoundError) {
                return undefined;
            }
            throw error;
        }
    }

    /**
     * Replaces the stack's config with exactly `config` (keys dropped from the spec go
     * away). Plain values are written straight into the stack's settings file; secrets go
     * through `pulumi config set --secret`, which encrypts them, with the value on the
     * CLI's stdin — never on a command line, where `ps` would show it.
     */
    async writeConfig(stack: Stack, config: ConfigMap): Promise<void> {
        const workspace = stack.workspace;
        const settings = await workspace.stackSettings(stack.name);
        const plain: Record<string, string> = {};
        const secrets: ConfigMap = {};
        for (const [key, value] of Object.entries(config)) {
            if (value.secret) {
                secrets[key] = value;
            } else {
                plain[key] = value.value;
            }
        }
        // Keep the secrets provider's salt/key: they belong to the stack, not the run.
        await workspace.saveStackSettings(stack.name, { ...settings, config: plain });
        for (const [key, value] of Object.entries(secrets)) {
            await this.setSecret(stack, key, value.value);
        }
    }

    private setSecret(stack: Stack, key: string, value: string): Promise<void> {
        const args = ["config", "set", "--secret", "--stack", stack.name, "--non-interactive", key];
        return new Promise((resolve, reject) => {
            const child = spawn(this.command.command, args, {
                cwd: stack.workspace.workDir,
                env: { ...process.env, ...this.backend.envVars, PULUMI_AUTOMATION_API: "true" },
                stdio: ["pipe", "ignore", "pipe"],
            });
            let stderr = "";
            child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
            child.on("error", reject);
            child.on("close", (code) =>
                code === 0
                    ? resolve()
                    : reject(new Error(`setting secret config \`${key}\` of \`${stack.name}\` failed: ${stderr.trim()}`)),
            );
            child.stdin.end(value);
        });
    }

    /**
     * The units of `units` whose stacks hold state (at least one resource): one `pulumi stack ls`
     * for the whole environment. A stack that exists but was never deployed (a preview creates
     * it) or was destroyed holds none, and counts as not deployed.
     */
    async deployedUnits(units: readonly string[]): Promise<Set<string>> {
        const counts = await this.stackList();
        return new Set(units.filter((unit) => (counts.get(shortName(this.backend.stackName(this.environment, unit))) ?? 0) > 0));
    }

    /** The environment's stacks when the run began (short name → resources held): one `pulumi stack ls`, taken once. */
    private stackList(): Promise<Map<string, number>> {
        this.listing ??= (async () => {
            const dir = path.join(this.edfHome, "workspaces", this.environment);
            fs.mkdirSync(dir, { recursive: true });
            const workspace = await this.workspace({ unit: "", stackName: "", workDir: dir }, "");
            const summaries = await workspace.listStacks();
            return new Map(summaries.map((s) => [shortName(s.name), s.resourceCount ?? 0]));
        })();
        return this.listing;
    }

    /** The resources recorded in a stack's state (`pulumi stack export`): what a destroy would delete. */
    async stateResources(stack: Stack): Promise<{ urn: string; type: string; protect: boolean; custom: boolean }[]> {
        const deployment = (await stack.exportStack()).deployment as {
            resources?: { urn: string; type: string; protect?: boolean; custom?: boolean }[];
        };
        return (deployment.resources ?? []).map((r) => ({
            urn: r.urn,
            type: r.type,
            protect: Boolean(r.protect),
            custom: Boolean(r.custom),
        }));
    }

    /** Removes `protect` from every resource of the stack (`pulumi state unprotect --all`): what `edf destroy --unprotect` does first. */
    async unprotectAll(stack: Stack): Promise<void> {
        await runCommand(this.command, ["state", "unprotect", "--all", "--yes", "--stack", stack.name], stack.workspace.workDir, {
            ...this.backend.envVars,
        });
    }

    /** The unit's current stack outputs, or undefined when the stack does not exist. */
    async outputs(unit: string, unitPath: string): Promise<StackOutputs | undefined> {
        const stack = await this.open(unit, unitPath, false);
        return stack ? stack.outputs() : undefined;
    }

    private async workspace(handle: StackHandle, unitPath: string): Promise<LocalWorkspace> {
        fs.mkdirSync(handle.workDir, { recursive: true });
        const projectFile = path.join(handle.workDir, "Pulumi.yaml");
        const backendLine = this.backend.url ? `backend:\n  url: ${JSON.stringify(this.backend.url)}\n` : "";
        const project =
            `# Written by edf: the work folder of stack ${handle.stackName}. The ` +
            `program is inline (unit/run.ts).\nname: ${projectName()}\nruntime: nodejs\n${backendLine}`;
        if (!fs.existsSync(projectFile) || fs.readFileSync(projectFile, "utf8") !== project) {
            fs.writeFileSync(projectFile, project);
        }
        return LocalWorkspace.create({
            workDir: handle.workDir,
            program: () => runUnit(unitPath),
            envVars: { ...this.backend.envVars },
            secretsProvider: this.backend.secretsProvider,
            pulumiCommand: this.command,
        });
    }
}

/** A stack's name without its organisation and project (`org/project/env.unit` → `env.unit`), as `pulumi stack ls` may give either. */
function shortName(stackName: string): string {
    return stackName.split("/").pop()!;
}

import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ConfigMap, LocalWorkspace, PulumiCommand, Stack, StackAlreadyExistsError, StackNotFoundError } from "@pulumi/pulumi/automation";
import { type Backend } from "../backend/backend";
import type { StackOutputs } from "../inputs/resolve";
import { ENVIRONMENT_TAG } from "../../policy-packs/lib/environment-settings";
import { runUnit } from "../../unit/run";
import { runCommand, withSelectStack } from "../../unit/sdk-internals";
import { isInBackground } from "./pulumi-command";
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
    private listing: Promise<Map<string, number | undefined>> | undefined;
    private tagged: Promise<Set<string>> | undefined;
    /** Per unit, the making sure its stack exists and is tagged (`ensure`), once per run. */
    private readonly ensured = new Map<string, { readonly done: Promise<void>; readonly ahead: boolean }>();
    /** Units whose stacks this run made sure of: they exist, listed or not. */
    private readonly made = new Set<string>();

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
     * The stack of `unit` running `unitPath`; created (`ensure`) when `create` and missing, else undefined.
     *
     * A stack known to exist is opened without a CLI process: every command the driver runs names
     * its stack (`--stack`), so making it the work folder's current one (`pulumi stack select`,
     * ≈ 0.15 CPU-s) changes nothing. Known: the run's one `pulumi stack ls` shows it, or this run
     * made sure of it; any other is asked for (`pulumi stack select`) as before.
     */
    async open(unit: string, unitPath: string, create: boolean): Promise<Stack | undefined> {
        const handle = this.handle(unit);
        const workspace = await this.workspace(handle, unitPath);
        if (create) await this.ensure(unit, unitPath);
        const known = this.made.has(unit) || (await this.stackList()).has(shortName(handle.stackName));
        if (known) {
            return Stack.select(
                handle.stackName,
                withSelectStack(workspace, async () => undefined),
            );
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
     * Makes sure the stack of `unit` exists and carries the environment's tag: once per run, however
     * many ask (the run's stack, work done ahead of it: ahead.ts). A failure is forgotten, so the
     * next to ask tries again, and the stack's own run tries once more what failed ahead. A missing
     * stack is `pulumi stack init --no-select` (it leaves the CLI's "current stack" alone), then
     * tagged; a listed one costs no CLI process unless the run's one listing of tagged stacks
     * misses it — a run interrupted between the two — and it is tagged now.
     *
     * A stack made here holds no resources until its first `up`: until then it counts as not
     * deployed everywhere (`deployedUnits`, `resourceCount`), as a stack a preview created always has.
     */
    async ensure(unit: string, unitPath: string): Promise<void> {
        const pending = this.ensured.get(unit);
        if (pending) {
            try {
                return await pending.done;
            } catch (error) {
                // What failed ahead (at a lower priority, maybe interrupted) the stack's own run tries once more.
                if (!pending.ahead || isInBackground()) throw error;
            }
        }
        const done = this.createAndTag(unit, unitPath).then(() => void this.made.add(unit));
        const entry = { done, ahead: isInBackground() };
        this.ensured.set(unit, entry);
        done.catch(() => {
            if (this.ensured.get(unit) === entry) this.ensured.delete(unit);
        });
        return done;
    }

    private async createAndTag(unit: string, unitPath: string): Promise<void> {
        const handle = this.handle(unit);
        await this.workspace(handle, unitPath);
        const name = shortName(handle.stackName);
        const listed = (await this.stackList()).has(name);
        const env = { ...this.backend.envVars };
        if (!listed) {
            const args = ["stack", "init", "--no-select", "--stack", handle.stackName];
            if (this.backend.secretsProvider) args.push("--secrets-provider", this.backend.secretsProvider);
            try {
                // The command's own (internal) runner: the isolated process group and the SDK's
                // error classification, exactly as the workspace's commands get them.
                await runCommand(this.command, args, handle.workDir, env);
            } catch (error) {
                // Created since the listing (another run of this environment): use it.
                if (!(error instanceof StackAlreadyExistsError)) throw error;
            }
        }
        // A new stack is tagged; a listed one only when the listing of tagged stacks misses it.
        if (!listed || !(await this.taggedStacks()).has(name)) {
            // Tagged with its environment, so a policy pack published to an organisation (no
            // driver around it) judges it with that environment's settings.
            await runCommand(
                this.command,
                ["stack", "tag", "set", ENVIRONMENT_TAG, this.environment, "--stack", handle.stackName],
                handle.workDir,
                env,
            );
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
        // Asked by the runs that create stacks (preview, up): the listing of tagged stacks their
        // `ensure` may need is taken beside this one, off the first stack's path.
        this.taggedStacks().catch(() => undefined);
        const counts = await this.stackList();
        return new Set(units.filter((unit) => (counts.get(shortName(this.backend.stackName(this.environment, unit))) ?? 0) > 0));
    }

    /**
     * The resources the stack of `unit` held when the run began (its `pulumi stack ls` line), or
     * undefined when the listing did not show it or gave no count. Zero: created, never deployed
     * (by a preview, by an `up` that stopped before it) or destroyed since.
     */
    async resourceCount(unit: string): Promise<number | undefined> {
        return (await this.stackList()).get(shortName(this.backend.stackName(this.environment, unit)));
    }

    /** The environment's stacks when the run began (short name → resources held): one `pulumi stack ls`, taken once. */
    private stackList(): Promise<Map<string, number | undefined>> {
        this.listing ??= (async () => {
            const workspace = await this.environmentWorkspace();
            const summaries = await workspace.listStacks();
            return new Map(summaries.map((s) => [shortName(s.name), s.resourceCount]));
        })();
        return this.listing;
    }

    /**
     * The environment's stacks that carry its tag when the run began: one `pulumi stack ls --tag`,
     * taken once, by a run that creates stacks (beside its census: `deployedUnits`).
     */
    private taggedStacks(): Promise<Set<string>> {
        this.tagged ??= (async () => {
            const workspace = await this.environmentWorkspace();
            const args = ["stack", "ls", "--json", "--tag", `${ENVIRONMENT_TAG}=${this.environment}`];
            const result = (await runCommand(this.command, args, workspace.workDir, { ...this.backend.envVars })) as { stdout?: string };
            const summaries = JSON.parse(result.stdout?.trim() || "[]") as { name: string }[];
            return new Set(summaries.map((s) => shortName(s.name)));
        })();
        return this.tagged;
    }

    /** A workspace in the environment's folder, for the commands about all its stacks. */
    private async environmentWorkspace(): Promise<LocalWorkspace> {
        const dir = path.join(this.edfHome, "workspaces", this.environment);
        fs.mkdirSync(dir, { recursive: true });
        return this.workspace({ unit: "", stackName: "", workDir: dir }, "");
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

// From the engine's types, not its executor: listing the commands must not load the engine (and the Pulumi SDK).
import { DEFAULT_PARALLEL, type Operation } from "../../engine/types";
import { destroyListing, diffListing, EngineReport, planTable, summaryTable } from "../../engine/report";
import { EdfError } from "../../errors";
import type { SelectionOptions } from "../../graph/graph";
import { planEnvironment } from "../../plan";
import { shortStackName } from "../../backend/backend";
import { affectedOption, commandSelection } from "../affected-selection";
import { CliCommand, CliContext, environmentOptions, parseParallel } from "../context";
import { CliProcesses } from "../../engine/cli-processes";
import { handleInterrupts } from "../interrupts";
import { ask, canAsk, confirmationRequired, isProduction } from "../confirm";
import { jsonWithFindings } from "../findings-json";

const DESCRIPTIONS: Record<Operation, string> = {
    preview: "preview every selected stack in dependency order, with the policy pack (before a first deploy: upstream outputs unknown)",
    up: "show the plan, ask, then deploy the selected stacks in dependency order, in parallel, with the policy pack",
    destroy: "list what will be deleted, ask (type the environment name), then destroy in reverse dependency order",
    refresh: "refresh the selected stacks' state from the real resources",
    drift: "detect drift per resource and property (a refresh preview); exit code 4 when anything drifted",
};

/** The operations a pipeline runs on what changed, job by job: `--affected` and `--after` apply to them. */
const PIPELINE_OPERATIONS: readonly Operation[] = ["preview", "up"];

interface OperationFlags {
    env: string;
    parallel: string;
    only?: string[];
    withDependencies?: boolean;
    withDependents?: boolean;
    affected?: string;
    after?: string;
    yes?: boolean;
    confirm?: string;
    unprotect?: boolean;
    diff?: boolean;
    target?: string[];
    fix?: boolean;
}

/**
 * `--target <urn...>`: each URN names its stack (`urn:pulumi:<stack>::…`), so the targets pick
 * the units to run; with `--only` too, every target must be in that selection.
 */
function targetSelection(env: string, projectRoot: string, targets: readonly string[], selection: SelectionOptions): SelectionOptions {
    const plan = planEnvironment(env, projectRoot, selection);
    const environment = plan.loaded.spec.environment;
    const unitOf = new Map(Object.keys(plan.loaded.spec.units).map((u) => [shortStackName(environment, u), u]));
    const problems = [];
    const units = new Set<string>();
    for (const urn of targets) {
        const stack = /^urn:pulumi:([^:]+)::/.exec(urn)?.[1];
        const unit = stack ? unitOf.get(stack.split("/").pop()!) : undefined;
        if (!unit) {
            problems.push({
                path: "--target",
                message: `\`${urn}\` is not the URN of a resource in a stack of \`${environment}\``,
                fix: "copy the URN from `edf preview --diff`, a report, or `pulumi stack --show-urns`.",
            });
        } else if (selection.only?.length && !plan.selection.includes(unit)) {
            problems.push({
                path: "--target",
                message: `\`${urn}\` is in \`${unit}\`, which \`--only\` leaves out`,
                fix: `add \`${unit}\` to \`--only\`.`,
            });
        } else units.add(unit);
    }
    if (problems.length > 0)
        throw new EdfError("EDF_USAGE", `\`--target\` names ${problems.length} resource(s) outside this run.`, problems);
    return selection.only?.length ? selection : { only: [...units] };
}

/** The drift run's fix: the commands that reconcile, printed, never run. */
function driftFix(report: EngineReport, env: string): { refresh: string; up: string } | undefined {
    const drifted = report.stacks.filter((s) => s.drifted).map((s) => s.unit);
    if (drifted.length === 0) return undefined;
    const only = `--env ${env} --only ${drifted.join(",")}`;
    return { refresh: `edf refresh ${only}`, up: `edf up ${only}` };
}

function driftFixText(fix: { refresh: string; up: string } | undefined): string {
    if (!fix) return "No drift: nothing to reconcile.";
    return [
        "To reconcile (printed, not run):",
        `  ${fix.refresh}    # accept what the cloud holds now into the state`,
        `  ${fix.up}         # or put the declared values back in the cloud`,
    ].join("\n");
}

/**
 * Asks before `destroy`: the environment's name typed on a terminal; without one, `--yes`, and
 * for production `--yes --confirm <env>` both. A `--confirm` that names another environment is refused.
 */
async function confirmDestroy(ctx: CliContext, environment: string, flags: OperationFlags): Promise<boolean> {
    if (flags.confirm !== undefined && flags.confirm !== environment) {
        throw new EdfError(
            "EDF_CONFIRMATION_REQUIRED",
            `\`--confirm ${flags.confirm}\` does not name this environment; nothing was destroyed.`,
            [{ path: "--confirm", message: `this is \`${environment}\``, fix: `pass \`--confirm ${environment}\`.` }],
        );
    }
    if (flags.yes) {
        if (isProduction(environment) && flags.confirm !== environment) {
            throw confirmationRequired("destroy", `production needs both: pass \`--yes --confirm ${environment}\`.`);
        }
        return true;
    }
    if (!canAsk() || ctx.json) {
        throw confirmationRequired("destroy", `type the name on a terminal, or pass \`--yes --confirm ${environment}\` (automation).`);
    }
    const answer = await ask(`Type the environment name (${environment}) to destroy every resource listed above: `);
    if (answer !== environment) {
        ctx.reporter.info(`\`${answer}\` is not \`${environment}\`: nothing was destroyed.`);
        return false;
    }
    return true;
}

async function runOperation(ctx: CliContext, operation: Operation, flags: OperationFlags): Promise<void> {
    const parallel = parseParallel(flags.parallel);
    const targets = flags.target ?? [];
    // Deployed stacks feed their dependents from the backend: `--affected` selects only what changed.
    const chosen = await commandSelection(ctx, flags, { withDependencies: false });
    if (!chosen) {
        ctx.reporter.result(
            {
                command: operation,
                environment: flags.env,
                affectedSince: flags.affected,
                outcome: "succeeded",
                exitCode: 0,
                stacks: [],
                findings: [],
            },
            `${operation} ${flags.env}: nothing is affected since \`${flags.affected}\`: nothing to do (exit 0)`,
        );
        ctx.exit(0);
        return;
    }
    const selection = targets.length ? targetSelection(flags.env, ctx.projectRoot, targets, chosen) : chosen;
    // Bad input first, before any question or refusal: the spec, its graph, the selection, the policy settings.
    if (!targets.length) planEnvironment(flags.env, ctx.projectRoot, selection);
    // `--after`: how the stacks of earlier jobs of a fanned-out run ended (a failed dependency skips its dependents here).
    const { readPriorOutcomes } = await import("../../run/prior-outcomes");
    const prior = flags.after !== undefined ? readPriorOutcomes(flags.after, operation) : undefined;
    // Signals are handled before anything heavy loads, so an early Ctrl-C also ends the run
    // through the cancellation path (exit 130, nothing new started).
    const processes = new CliProcesses();
    const interrupts = handleInterrupts(ctx.reporter, processes);
    // Loaded here, not at the top: the automation API is heavy and `validate`/`graph` never need it.
    const { runEnvironment } = await import("../../driver");
    const run = (op: Operation, extra: { planOnly?: boolean; unprotect?: boolean } = {}): Promise<EngineReport> =>
        runEnvironment({
            ...selection,
            env: flags.env,
            operation: op,
            projectRoot: ctx.projectRoot,
            edfHome: ctx.edfHome,
            parallel,
            reporter: ctx.reporter,
            signal: interrupts.signal,
            processes,
            ...(targets.length ? { targets } : {}),
            ...(prior ? { prior } : {}),
            ...extra,
        });
    const finish = (report: EngineReport, human: string, extra: Record<string, unknown> = {}): void => {
        ctx.reporter.result({ ...jsonWithFindings(report), ...extra }, human);
        ctx.exit(report.exitCode);
    };
    try {
        if (operation === "up" && !flags.yes) {
            if (!canAsk() || ctx.json) {
                throw confirmationRequired("up", "pass `--yes` to deploy without a question (CI), or run `edf up` on a terminal.");
            }
            const plan = await run("preview");
            if (plan.exitCode !== 0) {
                // A plan that fails (a mandatory policy, a program error) cannot be deployed: say why, ask nothing.
                finish(plan, `${summaryTable(plan)}\n\nThe plan failed: nothing was deployed.`);
                return;
            }
            ctx.reporter.info(`\nPlan for ${plan.environment} (${plan.runDir ?? ""}):\n${planTable(plan)}\n`);
            const answer = await ask(`Deploy these changes to ${plan.environment}? [y/N] `);
            if (!/^y(es)?$/i.test(answer)) {
                ctx.reporter.result(
                    { command: "up", environment: plan.environment, deployed: false },
                    "Not deployed: the plan was not confirmed.",
                );
                return;
            }
        }
        let unprotect = false;
        if (operation === "destroy") {
            const listing = await run("destroy", { planOnly: true });
            if (interrupts.signal.aborted || listing.exitCode !== 0) {
                finish(listing, summaryTable(listing));
                return;
            }
            ctx.reporter.info(`\nWhat \`edf destroy\` will delete in ${listing.environment}, in this order:\n${destroyListing(listing)}\n`);
            const protectedSteps = [...listing.stacks]
                .reverse()
                .flatMap((s) => s.steps.filter((step) => step.protect).map((step) => ({ s, step })));
            if (protectedSteps.length > 0 && !flags.unprotect) {
                throw new EdfError(
                    "EDF_PROTECTED",
                    `${protectedSteps.length} resource(s) of \`${listing.environment}\` are protected; nothing was destroyed.`,
                    protectedSteps.map(({ s, step }) => ({
                        path: step.urn,
                        message: `\`${step.name}\` (${step.type}) in \`${s.stack}\` is protected`,
                        fix: `pass \`--unprotect\` to remove protection and destroy it (e.g. \`edf destroy --env ${flags.env} --unprotect\`).`,
                    })),
                );
            }
            if (!(await confirmDestroy(ctx, listing.environment, flags))) {
                ctx.exit(0);
                return;
            }
            unprotect = Boolean(flags.unprotect);
        }
        const report = await run(operation, { unprotect });
        const parts = [summaryTable(report)];
        if (flags.diff || operation === "drift") parts.push("", diffListing(report));
        if (operation === "drift" && flags.fix) {
            const fix = driftFix(report, flags.env);
            parts.push("", driftFixText(fix));
            finish(report, parts.join("\n"), fix ? { fix } : {});
            return;
        }
        finish(report, parts.join("\n"));
    } finally {
        interrupts.dispose();
    }
}

function operationCommand(operation: Operation): CliCommand {
    return {
        register(program, context) {
            let command = environmentOptions(program.command(operation).description(DESCRIPTIONS[operation])).option(
                "-p, --parallel <n>",
                "stacks at once",
                String(DEFAULT_PARALLEL),
            );
            if (PIPELINE_OPERATIONS.includes(operation)) {
                command = affectedOption(command).option(
                    "--after <dir>",
                    "run reports of earlier jobs of a fanned-out run: a stack whose dependency failed there is skipped here",
                );
            }
            if (operation === "preview") command.option("--diff", "print every operation's property diff (secrets masked)");
            if (operation === "up" || operation === "destroy") command.option("-y, --yes", "do not ask: deploy or destroy (CI)");
            if (operation === "destroy") {
                command
                    .option("--confirm <env>", "the environment's name, for automation (`--yes --confirm <env>`; production needs both)")
                    .option("--unprotect", "remove `protect` from every resource first (needed when any resource is protected)");
            }
            if (operation !== "drift") command.option("--target <urns...>", "only these resources (URNs); passed through to the engine");
            if (operation === "drift") command.option("--fix", "print (not run) the `edf refresh` / `edf up` commands that reconcile");
            command.action((flags: OperationFlags) => runOperation(context(), operation, flags));
        },
    };
}

/** `edf preview|up|destroy|refresh|drift`. */
export const commands: CliCommand[] = [
    operationCommand("preview"),
    operationCommand("up"),
    operationCommand("destroy"),
    operationCommand("refresh"),
    operationCommand("drift"),
];

import type { Command } from "commander";
import { EdfError } from "../errors";
import type { SelectionOptions } from "../graph/graph";
import { CliContext, selectionOf } from "./context";

/** The options of a command that takes `--affected <ref>`. */
export interface AffectedSelectionFlags {
    env: string;
    affected?: string;
    only?: string[];
    withDependencies?: boolean;
    withDependents?: boolean;
    inputs?: string;
}

/** Adds `--affected <ref>` (synth, preview, up). */
export function affectedOption(command: Command): Command {
    return command.option(
        "--affected <ref>",
        "only the units affected since <ref> (`edf affected --base <ref>` against the working tree); replaces --only",
    );
}

/**
 * The selection of a command: `--only` as given, or with `--affected <ref>` the units `edf affected`
 * finds since `<ref>`. `undefined` means nothing is affected: the command has nothing to do.
 * `withDependencies` widens an affected selection to the units it reads (synth evaluates them too;
 * unchanged ones come from its cache).
 */
export async function commandSelection(
    ctx: CliContext,
    flags: AffectedSelectionFlags,
    widen: { readonly withDependencies: boolean },
): Promise<SelectionOptions | undefined> {
    if (flags.affected === undefined) return selectionOf(flags);
    if (flags.only?.length || flags.withDependencies || flags.withDependents) {
        throw new EdfError("EDF_USAGE", "`--affected` chooses the units itself: it excludes `--only` and its widening options.", [
            { path: "--affected", message: "both `--affected` and `--only` were given", fix: "drop one of them." },
        ]);
    }
    const { affectedUnits, sourceMemoFile } = await import("../fingerprint/affected");
    const report = affectedUnits({
        env: flags.env,
        projectRoot: ctx.projectRoot,
        base: flags.affected,
        ...(flags.inputs ? { samplesFile: flags.inputs } : {}),
        progress: (message) => ctx.reporter.info(message),
        memoFile: sourceMemoFile(),
    });
    for (const unit of report.units) ctx.reporter.info(`  ${unit.unit.padEnd(20)} ${unit.reasons.map((r) => r.text).join("; ")}`);
    if (report.units.length === 0) return undefined;
    return { only: report.units.map((u) => u.unit), withDependencies: widen.withDependencies };
}

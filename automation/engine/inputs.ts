import { EdfError, Problem } from "../errors";
import { dependenciesOf } from "../graph/graph";
import { inferReferences } from "../graph/inferred";
import { InputSources, resolveUnitInputs } from "../inputs/resolve";
import type { ResolvedInput } from "../inputs/types";
import type { Plan } from "../plan";
import type { RunInputs } from "../run/environment-run";
import type { UnknownUpstream } from "../run/report/operations";
import type { Operation } from "./types";

/** Operations that do not run programs need no inputs. */
export const NO_INPUTS: RunInputs = {
    prepare: async () => {},
    forUnit: async () => ({ resolved: [], problems: [] }),
};

/**
 * The inputs of preview and up: every input resolved before the first deployment. Which stacks
 * of the environment hold state is asked once (`pulumi stack ls`). For `up`, stack inputs whose
 * producer is part of this run are read after that producer finishes, and a stack needed from
 * outside the run that has never been deployed stops the run before anything starts. For
 * `preview`, the outputs of stacks that have never been deployed are Pulumi unknowns.
 */
export class EngineInputs implements RunInputs {
    private readonly early = new Map<string, readonly ResolvedInput[]>();
    private readonly deferred = new Map<string, readonly string[]>();
    private deployed: ReadonlySet<string> = new Set();

    constructor(
        private readonly plan: Plan,
        private readonly sources: InputSources,
        private readonly operation: Operation,
        private readonly census: (units: readonly string[]) => Promise<Set<string>>,
    ) {}

    async prepare(): Promise<void> {
        const { loaded, selection, graph } = this.plan;
        const relevant = [...new Set([...selection, ...selection.flatMap((u) => dependenciesOf(graph, u))])];
        this.deployed = await this.census(relevant);
        if (this.operation === "up") {
            const selected = new Set(selection);
            const missing = selection.flatMap((unit) =>
                dependenciesOf(graph, unit)
                    .filter((upstream) => !selected.has(upstream) && !this.deployed.has(upstream))
                    .map((upstream) => ({ unit, upstream })),
            );
            if (missing.length > 0) throw undeployedUpstreamError(this.plan, missing);
        }
        // A stack that holds no state has no outputs to read: no CLI call for it.
        const sources: InputSources = {
            ...this.sources,
            readStackOutputs: async (unit) => (this.deployed.has(unit) ? this.sources.readStackOutputs(unit) : undefined),
        };
        const deferUnits = new Set(this.operation === "up" ? selection : []);
        const unknownUnits = new Set(this.operation === "preview" ? relevant.filter((u) => !this.deployed.has(u)) : []);
        const resolutions = await Promise.all(
            selection.map((unit) => resolveUnitInputs(loaded, unit, sources, deferUnits, undefined, unknownUnits)),
        );
        const problems: Problem[] = resolutions.flatMap((r) => r.problems);
        if (problems.length > 0) {
            throw new EdfError(
                "EDF_INPUT_UNRESOLVED",
                `${problems.length} input(s) of \`${loaded.spec.environment}\` could not be resolved; nothing was deployed.`,
                problems,
            );
        }
        selection.forEach((unit, i) => {
            this.early.set(unit, resolutions[i]!.resolved);
            this.deferred.set(unit, resolutions[i]!.deferred);
        });
    }

    async forUnit(unit: string): Promise<{ resolved: readonly ResolvedInput[]; problems: readonly Problem[] }> {
        const early = this.early.get(unit) ?? [];
        const late = this.deferred.get(unit) ?? [];
        if (late.length === 0) return { resolved: early, problems: [] };
        const result = await resolveUnitInputs(this.plan.loaded, unit, this.sources, new Set(), late);
        return { resolved: [...early, ...result.resolved], problems: result.problems };
    }

    /** `preview`: the upstream stacks of `unit` that have never been deployed, and what it reads of them. */
    unknownUpstreams(unit: string): UnknownUpstream[] {
        if (this.operation !== "preview") return [];
        return unknownUpstreamsOf(this.plan, unit, this.deployed, (u) => this.sources.stackNameOf(u));
    }

    /** `preview`: the stack names `unit`'s code references (as its config writes them) that have never been deployed. */
    unknownStacks(unit: string): string[] {
        if (this.operation !== "preview") return [];
        return inferReferences(this.plan.loaded.spec)
            .references.filter((r) => r.unit === unit && !this.deployed.has(r.target))
            .map((r) => r.reference.stack);
    }
}

/**
 * The upstream units a unit's preview reads before their first deployment, with what it reads
 * of each — inputs, stack references the code declares — for the report. Pure.
 */
export function unknownUpstreamsOf(
    plan: Plan,
    unit: string,
    deployed: ReadonlySet<string>,
    stackName: (u: string) => string,
): UnknownUpstream[] {
    const spec = plan.loaded.spec;
    const references = inferReferences(spec).references.filter((r) => r.unit === unit);
    return dependenciesOf(plan.graph, unit)
        .filter((upstream) => !deployed.has(upstream))
        .map((upstream) => {
            const inputs = Object.entries(spec.units[unit]!.inputs ?? {})
                .filter(([, input]) => input.from === "stack" && input.unit === upstream)
                .map(([name, input]) => `input ${name} (output ${input.from === "stack" ? input.output : ""})`);
            const refs = references.filter((r) => r.target === upstream).map((r) => r.reference.via);
            return { unit: upstream, stack: stackName(upstream), reads: [...inputs, ...refs] };
        });
}

/** The refusal of an `up` whose stacks need a stack that has never been deployed and is not part of the run. */
export function undeployedUpstreamError(plan: Plan, missing: readonly { unit: string; upstream: string }[]): EdfError {
    const units = [...new Set(missing.map((m) => m.upstream))];
    return new EdfError(
        "EDF_UPSTREAM_NOT_DEPLOYED",
        `Cannot deploy: ${missing.length} stack(s) need stacks of \`${plan.loaded.spec.environment}\` that have never been deployed ` +
            `(${units.map((u) => `\`${u}\``).join(", ")}); nothing was deployed.`,
        missing.map(({ unit, upstream }) => ({
            file: plan.loaded.file,
            path: `/units/${unit}`,
            line: plan.loaded.lineOf(`/units/${unit}`),
            message: `\`${unit}\` needs \`${upstream}\`, which has never been deployed and is not part of this run`,
            fix: `deploy it first or with it: \`edf up --env ${plan.loaded.spec.environment} --only ${unit} --with-dependencies\`.`,
        })),
    );
}

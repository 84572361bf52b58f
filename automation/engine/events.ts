import type { EngineEvent, StepEventMetadata, StepEventStateMetadata } from "@pulumi/pulumi/automation";
import type { Redactor } from "../redact";
import { InventoryResource, redactSecrets } from "../run/report/model";
import { compareSteps, DriftedResource, isDangerous, isShownStep, isStateful, propertyDiff, ResourceStep } from "../run/report/operations";

const STACK_TYPE = "pulumi:pulumi:Stack";

/** The engine's own default providers: their inputs are the stack's config, their steps no operation of the program's. */
function isDefaultProvider(urn: string, type: string): boolean {
    return type.startsWith("pulumi:providers:") && nameOf(urn).startsWith("default");
}

/** A property bag as the report shows it: secrets as `[secret]`, known secret values scrubbed, internals dropped. */
function masked(props: Readonly<Record<string, unknown>> | undefined, redactor: Redactor): Record<string, unknown> {
    const clean = redactSecrets(props ?? {}) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(clean)) {
        if (key.startsWith("__")) continue;
        out[key] = JSON.parse(redactor.scrub(JSON.stringify(value ?? null))) as unknown;
    }
    return out;
}

function nameOf(urn: string): string {
    return urn.split("::").pop() ?? urn;
}

/**
 * What an engine operation did to each resource, read from its events: every step but `same`
 * with its property diff (inputs before → after; secrets masked), the protected and stateful
 * ones flagged; for a drift check, every resource whose real state differs from the recorded
 * one; the stack's outputs and the resources the engine reported (the inventory).
 */
export class EventDigest {
    private readonly steps = new Map<string, ResourceStep>();
    private readonly drifts = new Map<string, DriftedResource>();
    private readonly inventory = new Map<string, InventoryResource>();
    private readonly failedUrns = new Set<string>();
    outputs: Record<string, unknown> = {};
    secretOutputs: string[] = [];

    constructor(
        private readonly redactor: Redactor,
        /** `drift`: steps are refreshes; their old and new outputs are the recorded and the real state. */
        private readonly refreshing: boolean,
    ) {}

    take(event: EngineEvent): void {
        const metadata = event.resourcePreEvent?.metadata ?? event.resOutputsEvent?.metadata;
        if (metadata) {
            if (this.refreshing) this.takeRefresh(metadata, Boolean(event.resOutputsEvent));
            else this.takeStep(metadata);
            this.takeInventory(metadata);
        }
        if (event.resOpFailedEvent) this.failedUrns.add(event.resOpFailedEvent.metadata.urn);
        if (event.diagnosticEvent?.severity === "error" && event.diagnosticEvent.urn) this.failedUrns.add(event.diagnosticEvent.urn);
    }

    /** Every shown step, dangerous first, with the failed ones marked. */
    resourceSteps(): ResourceStep[] {
        return [...this.steps.values()].map((s) => (this.failedUrns.has(s.urn) ? { ...s, failed: true } : s)).sort(compareSteps);
    }

    /** Resources whose real state differs from the recorded one (`drift`). */
    drifted(): DriftedResource[] {
        return [...this.drifts.values()].sort((a, b) => (a.urn < b.urn ? -1 : 1));
    }

    resources(): InventoryResource[] {
        return [...this.inventory.values()].sort((a, b) => (a.urn < b.urn ? -1 : 1));
    }

    private takeStep(m: StepEventMetadata): void {
        if (m.type === STACK_TYPE) {
            const outputs = m.new?.outputs ?? m.old?.outputs;
            if (outputs) this.takeOutputs(outputs);
        }
        if (!isShownStep(m.op) || m.type === STACK_TYPE || isDefaultProvider(m.urn, m.type)) return;
        const protect = Boolean(m.old?.protect || m.new?.protect);
        const stateful = isStateful(m.type);
        const before = m.op === "create" ? undefined : masked(m.old?.inputs, this.redactor);
        const after = m.op === "delete" ? undefined : masked(m.new?.inputs, this.redactor);
        const step: ResourceStep = {
            op: m.op,
            urn: m.urn,
            type: m.type,
            name: nameOf(m.urn),
            ...(protect ? { protect } : {}),
            ...(m.old?.retainOnDelete || m.new?.retainOnDelete ? { retainOnDelete: true } : {}),
            ...(stateful ? { stateful } : {}),
            ...(isDangerous({ op: m.op, protect, stateful }) ? { dangerous: true } : {}),
            ...(m.keys?.length ? { replaceKeys: [...m.keys].sort() } : {}),
            // A create lists what it sets, a delete what goes; an update or replace what changes (a
            // masked secret that changed is named: the engine ran the step, so something did).
            diff: propertyDiff(before, after, { changedSecrets: m.op === "update" || m.op === "replace" }),
        };
        this.steps.set(m.urn, step);
    }

    private takeRefresh(m: StepEventMetadata, done: boolean): void {
        // The pre-event of a refresh step says `refresh`; its outputs event says what changed.
        if (!done || m.type === STACK_TYPE) return;
        if (m.op !== "update" && m.op !== "delete") return;
        const recorded = masked(m.old?.outputs, this.redactor);
        const real = m.op === "delete" ? undefined : masked(m.new?.outputs, this.redactor);
        this.drifts.set(m.urn, { urn: m.urn, type: m.type, name: nameOf(m.urn), op: m.op, diff: propertyDiff(recorded, real) });
    }

    private takeInventory(m: StepEventMetadata): void {
        const state: StepEventStateMetadata | undefined = m.op === "delete" ? m.old : (m.new ?? m.old);
        if (!state || m.op === "delete-replaced" || m.op === "discard-replaced" || isDefaultProvider(m.urn, m.type)) return;
        this.inventory.set(m.urn, {
            urn: m.urn,
            type: m.type,
            name: nameOf(m.urn),
            ...(state.id ? { id: state.id } : {}),
            ...(state.parent ? { parent: state.parent } : {}),
            custom: Boolean(state.custom),
            ...(state.protect ? { protect: true } : {}),
            props: masked(state.inputs, this.redactor),
        });
    }

    private takeOutputs(outputs: Record<string, unknown>): void {
        const secret = new Set<string>();
        const plain: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(masked(outputs, this.redactor))) {
            if (value === "[secret]") secret.add(key);
            plain[key] = value;
        }
        this.outputs = plain;
        this.secretOutputs = [...secret].sort();
    }
}

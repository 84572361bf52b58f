import type { PolicyComplianceFramework } from "@pulumi/policy";
import type { Finding } from "./findings";

// Compliance frameworks are mappings over policy ids (policy-packs/frameworks/<framework>.yaml),
// kept apart from the policies as cdk-nag keeps its NagPacks apart from its rules: a policy says
// what it checks, a mapping says which controls that evidences. Frameworks never change a
// verdict; they only decide how findings are reported.

/** One control of a framework, as its mapping file states it. */
export interface FrameworkControl {
    /** The framework's own id: `3.5.1` (PCI DSS), `SC-28(1)` (NIST), `2.1.1` (CIS). */
    readonly id: string;
    readonly title: string;
    /** The policies that check the control, fully or in part; empty when it applies and nothing checks it yet. */
    readonly policies: readonly string[];
    /** Why a control that applies is checked only in part, or not at all. @default - none */
    readonly note?: string;
    /** Set when the control cannot apply to resources a program declares: the reason. @default - it applies */
    readonly notApplicable?: string;
}

/** A framework's mapping file: what the framework is, where it comes from, and its controls. */
export interface FrameworkMapping {
    /** The id environments choose it by (`policy.frameworks`), equal to the file name: `pci-dss-4.0.1`. */
    readonly id: string;
    readonly name: string;
    readonly version: string;
    /** Where the framework's text is published. */
    readonly source: string;
    /** When that version was published (YYYY-MM-DD). */
    readonly published: string;
    /** When the mapping was last reviewed (YYYY-MM-DD). */
    readonly mapped: string;
    /** Which of the framework's controls the mapping considers, and why. */
    readonly scope: string;
    readonly controls: readonly FrameworkControl[];
}

/** How many controls of a framework apply, and how many of those at least one policy checks. */
export interface FrameworkCoverage {
    readonly applicable: number;
    readonly covered: number;
}

/** Coverage of a mapping: controls with at least one policy / controls that apply. */
export function coverageOf(mapping: FrameworkMapping): FrameworkCoverage {
    const applicable = mapping.controls.filter((c) => c.notApplicable === undefined);
    return { applicable: applicable.length, covered: applicable.filter((c) => c.policies.length > 0).length };
}

/** `covered / applicable` as a whole percentage with one decimal (`93.2`); 0 when nothing applies. */
export function coveragePercent(c: FrameworkCoverage): number {
    return c.applicable === 0 ? 0 : Math.round((1000 * c.covered) / c.applicable) / 10;
}

/** Per policy, the controls each framework maps it to (frameworks in the order given). */
export class FrameworkIndex {
    private readonly byPolicy = new Map<string, { framework: FrameworkMapping; controls: string[] }[]>();

    constructor(readonly frameworks: readonly FrameworkMapping[]) {
        for (const framework of frameworks) {
            const perPolicy = new Map<string, string[]>();
            for (const control of framework.controls) {
                for (const id of control.policies) perPolicy.set(id, [...(perPolicy.get(id) ?? []), control.id]);
            }
            for (const [id, controls] of perPolicy) this.byPolicy.set(id, [...(this.byPolicy.get(id) ?? []), { framework, controls }]);
        }
    }

    /** The frameworks that map a policy, each with the policy's controls in file order; empty when none does. */
    controlsOf(policyId: string): readonly { readonly framework: FrameworkMapping; readonly controls: readonly string[] }[] {
        return this.byPolicy.get(policyId) ?? [];
    }

    /**
     * What CrossGuard shows for a policy: `framework` is the first framework that maps it (its
     * controls as the specification), `tags` name every control of every framework as
     * `<framework>:<control>` (`pci-dss-4.0.1:3.5.1`, `nist-800-53-r5:SC-28(1)`).
     */
    compliance(policyId: string): { framework?: PolicyComplianceFramework; tags?: string[] } {
        const mapped = this.controlsOf(policyId);
        const first = mapped[0];
        return {
            ...(first
                ? {
                      framework: {
                          name: first.framework.name,
                          version: first.framework.version,
                          reference: first.framework.source,
                          specification: first.controls.join(", "),
                      },
                  }
                : {}),
            ...(mapped.length > 0
                ? { tags: mapped.flatMap(({ framework, controls }) => controls.map((c) => `${framework.id}:${c}`)) }
                : {}),
        };
    }
}

/** How a control stands in one inspection. */
export type ControlStatus =
    /** At least one unwaived mandatory finding of its policies. */
    | "failed"
    /** Unwaived advisory findings only. */
    | "warned"
    /** Its policies ran and found nothing unwaived. */
    | "passed"
    /** It applies, but no policy that checks it ran here (none mapped, or all disabled in this environment). */
    | "not-checked"
    /** It does not apply to resources a program declares. */
    | "not-applicable";

export interface ControlResult {
    readonly id: string;
    readonly title: string;
    readonly policies: readonly string[];
    readonly status: ControlStatus;
    /** Unwaived mandatory, unwaived advisory and waived findings of its policies. */
    readonly mandatory: number;
    readonly advisory: number;
    readonly waived: number;
    readonly note?: string;
    readonly notApplicable?: string;
}

/** One framework as an inspection reports it: its coverage, and every control with its findings. */
export interface FrameworkResult {
    readonly id: string;
    readonly name: string;
    readonly version: string;
    readonly source: string;
    readonly coverage: FrameworkCoverage;
    /** Controls that apply and at least one policy enabled in this environment checks. */
    readonly checked: number;
    readonly failed: number;
    readonly controls: readonly ControlResult[];
}

/**
 * The findings per control of each framework. `enabled` holds the policies that ran (level other
 * than `disabled`): a control whose policies are all off here is `not-checked`, never `passed`.
 */
export function frameworkResults(
    frameworks: readonly FrameworkMapping[],
    findings: readonly Pick<Finding, "policyId" | "level" | "waivedBy">[],
    enabled: ReadonlySet<string>,
): FrameworkResult[] {
    const counts = new Map<string, { mandatory: number; advisory: number; waived: number }>();
    for (const f of findings) {
        const c = counts.get(f.policyId) ?? { mandatory: 0, advisory: 0, waived: 0 };
        if (f.waivedBy) c.waived++;
        else if (f.level === "mandatory") c.mandatory++;
        else c.advisory++;
        counts.set(f.policyId, c);
    }
    return frameworks.map((framework) => {
        const controls = framework.controls.map((control): ControlResult => {
            const running = control.policies.filter((id) => enabled.has(id));
            const tally = { mandatory: 0, advisory: 0, waived: 0 };
            for (const id of running) {
                const c = counts.get(id);
                if (!c) continue;
                tally.mandatory += c.mandatory;
                tally.advisory += c.advisory;
                tally.waived += c.waived;
            }
            const status: ControlStatus =
                control.notApplicable !== undefined
                    ? "not-applicable"
                    : running.length === 0
                      ? "not-checked"
                      : tally.mandatory > 0
                        ? "failed"
                        : tally.advisory > 0
                          ? "warned"
                          : "passed";
            return {
                id: control.id,
                title: control.title,
                policies: control.policies,
                status,
                ...tally,
                ...(control.note ? { note: control.note } : {}),
                ...(control.notApplicable ? { notApplicable: control.notApplicable } : {}),
            };
        });
        return {
            id: framework.id,
            name: framework.name,
            version: framework.version,
            source: framework.source,
            coverage: coverageOf(framework),
            checked: controls.filter((c) => c.status !== "not-checked" && c.status !== "not-applicable").length,
            failed: controls.filter((c) => c.status === "failed").length,
            controls,
        };
    });
}

/** Per policy, the controls of each reported framework that it evidences (frameworks in report order). */
export function controlsByPolicy(
    frameworks: readonly FrameworkResult[],
): Map<string, { readonly framework: number; readonly controls: string[] }[]> {
    const out = new Map<string, { framework: number; controls: string[] }[]>();
    frameworks.forEach((framework, index) => {
        for (const control of framework.controls) {
            for (const id of control.policies) {
                const list = out.get(id) ?? [];
                let entry = list.find((e) => e.framework === index);
                if (!entry) list.push((entry = { framework: index, controls: [] }));
                entry.controls.push(control.id);
                out.set(id, list);
            }
        }
    });
    return out;
}

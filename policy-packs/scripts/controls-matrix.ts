/**
 * Generates docs/controls-matrix.md (each framework's controls → policies, and each policy's
 * controls) and the packs and frameworks tables of docs/inspectors.md from the framework mapping
 * files and the packs' policy lists. A unit test fails when either is out of date:
 *   npm run docs:controls
 */
import * as fs from "fs";
import * as path from "path";
import { CONFIG_RULE_MAPPINGS, ConfigRuleMapping } from "../detective-controls/config-rules";
import { loadFrameworks } from "../lib/framework-files";
import { coverageOf, coveragePercent, FrameworkIndex, FrameworkMapping } from "../lib/frameworks";
import type { PolicyDefinition } from "../lib/model";
import { pipelinePolicies } from "../pipeline/policy-list";
import { runtimePolicies } from "../runtime/policy-list";

export const CONTROLS_MATRIX_PATH = path.join(__dirname, "..", "..", "docs", "controls-matrix.md");
export const INSPECTORS_DOC_PATH = path.join(__dirname, "..", "..", "docs", "inspectors.md");

/** What each pack judges, for the packs table of docs/inspectors.md (the counts are the policy lists'). */
const PACK_ROLES: Readonly<Record<string, { readonly name: string; readonly judges: string }>> = {
    pipeline: {
        name: "edf-pipeline",
        judges: "resources before deployment (network, edge, containers, registry, data, logging, IAM, governance)",
    },
    runtime: {
        name: "edf-runtime",
        judges: "what runs: images by digest, from evidence (ECR scan findings, Trivy/Grype JSON, CycloneDX SBOM + VEX, observed digests)",
    },
};

interface Pack {
    readonly name: string;
    readonly policies: readonly PolicyDefinition[];
}

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function frameworkSection(f: FrameworkMapping, packOf: ReadonlyMap<string, string>): string[] {
    const applicable = f.controls.filter((c) => c.notApplicable === undefined);
    const excluded = f.controls.filter((c) => c.notApplicable !== undefined);
    const coverage = coverageOf(f);
    const lines = [
        `## ${f.name} ${f.version}`,
        "",
        `\`policy-packs/frameworks/${f.id}.yaml\` · source: ${f.source} (published ${f.published}) · mapping reviewed ${f.mapped}.`,
        "",
        `Scope: ${f.scope}`,
        "",
        `**${coverage.covered} of ${coverage.applicable} applicable controls have at least one policy (${coveragePercent(coverage)} %).**`,
        "",
        "| Control | Title | Policies |",
        "|---|---|---|",
        ...applicable.map(
            (c) =>
                `| ${c.id} | ${cell(c.title)} | ${
                    c.policies.length > 0
                        ? c.policies.map((id) => `\`${id}\`${packOf.get(id) === "runtime" ? " (runtime)" : ""}`).join(", ")
                        : "**none**"
                }${c.note ? `<br>_${cell(c.note)}_` : ""} |`,
        ),
        "",
    ];
    if (excluded.length > 0)
        lines.push(
            "Not applicable to resources a program declares:",
            "",
            "| Control | Title | Why not |",
            "|---|---|---|",
            ...excluded.map((c) => `| ${c.id} | ${cell(c.title)} | ${cell(c.notApplicable ?? "")} |`),
            "",
        );
    return lines;
}

/** The detective controls section: each mapped pipeline policy and the AWS Config managed rules that check the same. */
function detectiveControlsSection(mappings: readonly ConfigRuleMapping[], pipelinePolicyCount: number): string[] {
    const rules = new Set(mappings.flatMap((m) => m.rules.map((r) => r.identifier)));
    return [
        "## Detective controls: AWS Config managed rules",
        "",
        `${mappings.length} of ${pipelinePolicyCount} pipeline policies have an AWS Config managed rule that checks the same ` +
            `control (${rules.size} rules). \`platform/security\` deploys them (\`detectiveControls\`: one conformance pack by ` +
            "default, or each rule), so a weakness made outside the pipeline is caught where it happens. Mapping: " +
            "`policy-packs/detective-controls/config-rules.ts`; identifiers checked against " +
            "`policy-packs/detective-controls/managed-rules.tsv` (source and date in its header).",
        "",
        "| Policy | AWS Config managed rules | Parameters | Note |",
        "|---|---|---|---|",
        ...[...mappings]
            .sort((a, b) => a.policy.localeCompare(b.policy))
            .map((m) => {
                const parameters = m.rules
                    .filter((r) => r.parameters)
                    .map((r) =>
                        Object.entries(r.parameters!)
                            .map(([k, v]) => `${k}=${v}`)
                            .join(", "),
                    )
                    .join("; ");
                const note = [m.productionOnly ? "Production only." : "", m.note ?? ""].filter((n) => n !== "").join(" ");
                return `| \`${m.policy}\` | ${m.rules.map((r) => `\`${r.identifier}\``).join(", ")} | ${cell(parameters)} | ${cell(note)} |`;
            }),
        "",
    ];
}

/** The matrix as Markdown: a summary per framework, each framework's controls, one row per policy, then the detective controls. */
export function renderControlsMatrix(
    packs: readonly Pack[],
    frameworks: readonly FrameworkMapping[],
    configRules: readonly ConfigRuleMapping[] = [],
): string {
    const index = new FrameworkIndex(frameworks);
    const packOf = new Map(packs.flatMap((p) => p.policies.map((d) => [d.id, p.name] as const)));
    const rows = packs.flatMap((pack) =>
        pack.policies.map((p) => {
            const levels = p.environmentLevels
                ? ` (${Object.entries(p.environmentLevels)
                      .map(([e, l]) => `${e}: ${l}`)
                      .join(", ")})`
                : "";
            const controls = frameworks.map(
                (f) =>
                    index
                        .controlsOf(p.id)
                        .find((m) => m.framework.id === f.id)
                        ?.controls.join(", ") ?? "",
            );
            return `| \`${p.id}\` | ${pack.name} | ${p.severity} | ${p.enforcementLevel}${levels} | ${p.waivable ? "yes" : "no"} | ${controls.join(" | ")} |`;
        }),
    );
    return [
        "# Controls matrix: frameworks → policies",
        "",
        "<!-- Generated by policy-packs/scripts/controls-matrix.ts (npm run docs:controls) from policy-packs/frameworks/*.yaml " +
            "and the policy lists. Do not edit by hand. -->",
        "",
        `${packs.map((p) => `${p.policies.length} ${p.name} policies`).join(", ")}. A policy states what it checks; the ` +
            "mapping files say which controls that evidences. Environments choose the frameworks their reports show " +
            "(`policy.frameworks` in the spec); a framework never changes a verdict.",
        "",
        "| Framework | Version | Mapping | Applicable controls | With a policy | Coverage |",
        "|---|---|---|---|---|---|",
        ...frameworks.map((f) => {
            const c = coverageOf(f);
            return `| ${f.name} | ${f.version} | \`${f.id}\` | ${c.applicable} | ${c.covered} | ${coveragePercent(c)} % |`;
        }),
        "",
        ...frameworks.flatMap((f) => frameworkSection(f, packOf)),
        "## By policy",
        "",
        `| Policy | Pack | Severity | Default level | Waivable | ${frameworks.map((f) => `${f.name} ${f.version}`).join(" | ")} |`,
        `|---|---|---|---|---|${frameworks.map(() => "---|").join("")}`,
        ...rows.sort(),
        "",
        ...(configRules.length > 0
            ? detectiveControlsSection(configRules, packs.find((p) => p.name === "pipeline")?.policies.length ?? 0)
            : []),
    ].join("\n");
}

const PACKS: readonly Pack[] = [
    { name: "pipeline", policies: pipelinePolicies },
    { name: "runtime", policies: runtimePolicies },
];

export function currentControlsMatrix(): string {
    return renderControlsMatrix(PACKS, loadFrameworks(), CONFIG_RULE_MAPPINGS);
}

/** The packs table of docs/inspectors.md: each pack, what it judges, how many policies and resource types. */
export function renderPackTable(packs: readonly Pack[]): string {
    return [
        "| Pack | Folder | Judges | Policies | Resource types read |",
        "|---|---|---|---|---|",
        ...packs.map((p) => {
            const role = PACK_ROLES[p.name] ?? { name: p.name, judges: "" };
            const types = new Set(p.policies.flatMap((d) => d.resourceTypes));
            return `| \`${role.name}\` | \`policy-packs/${p.name}\` | ${role.judges} | ${p.policies.length} | ${types.size} |`;
        }),
    ].join("\n");
}

/** The frameworks table of docs/inspectors.md: each mapping and its coverage. */
export function renderFrameworkTable(frameworks: readonly FrameworkMapping[]): string {
    return [
        "| Framework | `policy.frameworks` id | Applicable controls | With a policy | Coverage |",
        "|---|---|---|---|---|",
        ...frameworks.map((f) => {
            const c = coverageOf(f);
            return `| ${f.name} ${f.version} | \`${f.id}\` | ${c.applicable} | ${c.covered} | ${coveragePercent(c)} % |`;
        }),
    ].join("\n");
}

/**
 * Replaces the generated region `name` of a document (between `<!-- generated:<name> -->` and
 * `<!-- /generated:<name> -->`), so prose docs can carry figures that never go stale.
 */
export function withGeneratedRegion(text: string, name: string, content: string): string {
    const start = `<!-- generated:${name} -->`;
    const end = `<!-- /generated:${name} -->`;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`the document has no \`${start}\` … \`${end}\` region`);
    return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

/** docs/inspectors.md with its generated tables (packs, frameworks) brought up to date. */
export function currentInspectorsDoc(text: string = fs.readFileSync(INSPECTORS_DOC_PATH, "utf8")): string {
    return withGeneratedRegion(
        withGeneratedRegion(text, "packs", renderPackTable(PACKS)),
        "frameworks",
        renderFrameworkTable(loadFrameworks()),
    );
}

if (require.main === module) {
    fs.writeFileSync(CONTROLS_MATRIX_PATH, currentControlsMatrix());
    fs.writeFileSync(INSPECTORS_DOC_PATH, currentInspectorsDoc());
    console.log(
        `wrote ${path.relative(process.cwd(), CONTROLS_MATRIX_PATH)} and the generated tables of ${path.relative(process.cwd(), INSPECTORS_DOC_PATH)}`,
    );
}

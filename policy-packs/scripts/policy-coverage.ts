/**
 * Generates docs/policy-coverage.md and docs/policy-coverage.json: how much of each peer rule set
 * (Checkov, cdk-nag AwsSolutions, cdk-nag PCI DSS 3.2.1, Pulumi compliance-policies) our policies
 * cover, by the policies' own `peerChecks`, against the peers' checks that apply to Pulumi AWS
 * programs. Reads only the repository: the policy lists and policy-packs/coverage/*.json. A unit
 * test fails when either generated file is stale or the data contradict each other:
 *   npm run docs:coverage
 */
import * as fs from "fs";
import * as path from "path";
import type { PolicyDefinition } from "../lib/model";
import { pipelinePolicies } from "../pipeline/policy-list";
import { runtimePolicies } from "../runtime/policy-list";

const ROOT = path.join(__dirname, "..", "..");
const DATA = path.join(__dirname, "..", "coverage");
export const COVERAGE_MARKDOWN_PATH = path.join(ROOT, "docs", "policy-coverage.md");
export const COVERAGE_JSON_PATH = path.join(ROOT, "docs", "policy-coverage.json");

export interface PeerCheck {
    readonly peer: string;
    readonly id: string;
    readonly service: string;
    readonly family: string;
    readonly title: string;
}

export interface PeerData {
    readonly copiedFrom: string;
    readonly copied: string;
    readonly sources: Readonly<Record<string, { readonly repo: string; readonly commit: string; readonly where: string }>>;
    readonly checks: readonly PeerCheck[];
}

/** A peer check with why it is left out (not applicable) or left open (not covered). */
export interface Judgement {
    readonly id: string;
    readonly peer: string;
    readonly reason: string;
}

export interface CoverageInput {
    readonly peers: PeerData;
    readonly notApplicable: readonly Judgement[];
    readonly notCovered: readonly Judgement[];
    readonly policies: readonly Pick<PolicyDefinition, "id" | "peerChecks">[];
}

/** The totals per peer rule set, as docs/policy-coverage.json writes them. */
export interface SetTotals {
    readonly checks: number;
    readonly applicable: number;
    readonly full: number;
    readonly partial: number;
}

type Verdict = "full" | "partial" | "none" | "not-applicable";

/** The rule sets in report order, with the project's targets (the share of applicable checks covered fully or partly). */
export const RULE_SETS: readonly { readonly peer: string; readonly title: string; readonly source: string; readonly target?: number }[] = [
    { peer: "checkov", title: "Checkov (AWS resource and graph checks)", source: "checkov", target: 60 },
    { peer: "cdk-nag AwsSolutions", title: "cdk-nag AwsSolutions", source: "cdk-nag", target: 75 },
    { peer: "cdk-nag PCI.DSS.321", title: "cdk-nag PCI DSS 3.2.1", source: "cdk-nag", target: 90 },
    { peer: "compliance-policies", title: "Pulumi compliance-policies (AWS)", source: "compliance-policies" },
];

function readJson<T>(file: string): T {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

/** The repository's coverage data: the peers' checks and the two lists of judgements. */
export function coverageInput(): CoverageInput {
    return {
        peers: readJson<PeerData>(path.join(DATA, "peer-checks.json")),
        notApplicable: readJson<{ checks: Judgement[] }>(path.join(DATA, "not-applicable.json")).checks,
        notCovered: readJson<{ checks: Judgement[] }>(path.join(DATA, "not-covered.json")).checks,
        policies: [...pipelinePolicies, ...runtimePolicies],
    };
}

interface Judged {
    readonly check: PeerCheck;
    readonly verdict: Verdict;
    readonly full: string[];
    readonly partial: string[];
    readonly reason?: string;
}

/**
 * Judges every peer check: `full` when a policy lists it as fully covered (our policy rejects
 * everything the peer rejects), else `partial` when one lists it as partly covered, else
 * `not-applicable` or `none` by the judgement files. Returns the problems that make the data
 * contradict itself: unknown ids, a check claimed and excluded at once, an uncovered check
 * without a reason, a reason for a check a policy covers, a rule set without a source.
 */
export function judge(input: CoverageInput): { judged: Judged[]; problems: string[] } {
    const problems: string[] = [];
    const byId = new Map(input.peers.checks.map((c) => [c.id, c]));
    const claims = new Map<string, { full: string[]; partial: string[] }>();
    for (const p of input.policies) {
        for (const kind of ["full", "partial"] as const) {
            for (const id of p.peerChecks?.[kind] ?? []) {
                if (!byId.has(id)) problems.push(`policy \`${p.id}\`: \`peerChecks.${kind}\` names \`${id}\`, which is no peer check.`);
                const claim = claims.get(id) ?? { full: [], partial: [] };
                claim[kind].push(p.id);
                claims.set(id, claim);
            }
        }
    }
    const reasons = (list: readonly Judgement[], file: string): Map<string, string> => {
        const out = new Map<string, string>();
        for (const j of list) {
            const check = byId.get(j.id);
            if (!check) problems.push(`${file}: \`${j.id}\` is no peer check.`);
            else if (check.peer !== j.peer) problems.push(`${file}: \`${j.id}\` belongs to \`${check.peer}\`, not \`${j.peer}\`.`);
            if (out.has(j.id)) problems.push(`${file}: \`${j.id}\` is listed twice.`);
            if (j.reason.trim().length < 20) problems.push(`${file}: \`${j.id}\` needs a reason a reviewer can check.`);
            out.set(j.id, j.reason);
        }
        return out;
    };
    const excluded = reasons(input.notApplicable, "policy-packs/coverage/not-applicable.json");
    const open = reasons(input.notCovered, "policy-packs/coverage/not-covered.json");
    for (const set of new Set(input.peers.checks.map((c) => c.peer))) {
        const rule = RULE_SETS.find((r) => r.peer === set);
        if (!rule || !input.peers.sources[rule.source]) problems.push(`peer rule set \`${set}\` has no source in peer-checks.json.`);
    }
    const judged = input.peers.checks.map((check): Judged => {
        const claim = claims.get(check.id) ?? { full: [], partial: [] };
        const claimed = claim.full.length + claim.partial.length > 0;
        if (excluded.has(check.id)) {
            if (claimed)
                problems.push(
                    `\`${check.id}\` is judged not applicable, yet ${[...claim.full, ...claim.partial].join(", ")} cover(s) it: ` +
                        "remove one of the two.",
                );
            return { check, verdict: "not-applicable", full: [], partial: [], reason: excluded.get(check.id) };
        }
        if (claimed) {
            if (open.has(check.id))
                problems.push(`policy-packs/coverage/not-covered.json: \`${check.id}\` is covered by a policy now: remove its entry.`);
            return { check, verdict: claim.full.length > 0 ? "full" : "partial", ...claim };
        }
        if (!open.has(check.id))
            problems.push(
                `\`${check.id}\` (${check.peer}, ${check.service}) is neither covered nor judged: cover it (a policy's ` +
                    "`peerChecks`), or say why not in policy-packs/coverage/not-covered.json or not-applicable.json.",
            );
        return { check, verdict: "none", full: [], partial: [], reason: open.get(check.id) };
    });
    return { judged, problems };
}

/** docs/policy-coverage.json: `{ "<set>": { checks, applicable, full, partial } }`. */
export function totals(judged: readonly Judged[]): Record<string, SetTotals> {
    const out: Record<string, SetTotals> = {};
    for (const rule of RULE_SETS) {
        const mine = judged.filter((j) => j.check.peer === rule.peer);
        out[rule.peer] = {
            checks: mine.length,
            applicable: mine.filter((j) => j.verdict !== "not-applicable").length,
            full: mine.filter((j) => j.verdict === "full").length,
            partial: mine.filter((j) => j.verdict === "partial").length,
        };
    }
    return out;
}

/** Covered (fully or partly) as a share of the applicable checks, one decimal. */
export function coveredPercent(t: SetTotals): number {
    return t.applicable === 0 ? 0 : Math.round((1000 * (t.full + t.partial)) / t.applicable) / 10;
}

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function policies(ids: readonly string[]): string {
    return ids.map((id) => `\`${id}\``).join(", ");
}

function setSection(rule: (typeof RULE_SETS)[number], judged: readonly Judged[], t: SetTotals): string[] {
    const mine = judged.filter((j) => j.check.peer === rule.peer);
    const of = (v: Verdict) => mine.filter((j) => j.verdict === v);
    const services = [...new Set(mine.map((j) => j.check.service))].sort();
    const lines = [
        `## ${rule.title}`,
        "",
        `${t.checks} checks, ${t.checks - t.applicable} not applicable, ${t.applicable} applicable: ${t.full} covered fully, ` +
            `${t.partial} partly, ${t.applicable - t.full - t.partial} not — **${coveredPercent(t)} %** covered` +
            `${rule.target !== undefined ? ` (target ≥ ${rule.target} %)` : ""}.`,
        "",
        "| Service | Checks | Not applicable | Full | Partial | Not covered |",
        "|---|---|---|---|---|---|",
        ...services.map((s) => {
            const here = mine.filter((j) => j.check.service === s);
            const n = (v: Verdict) => here.filter((j) => j.verdict === v).length;
            return `| ${s} | ${here.length} | ${n("not-applicable")} | ${n("full")} | ${n("partial")} | ${n("none")} |`;
        }),
        "",
    ];
    const table = (title: string, rows: readonly Judged[], last: string, value: (j: Judged) => string): string[] =>
        rows.length === 0
            ? []
            : [
                  `### ${title} (${rows.length})`,
                  "",
                  `| Check | Service | Title | ${last} |`,
                  "|---|---|---|---|",
                  ...rows.map((j) => `| ${j.check.id} | ${j.check.service} | ${cell(j.check.title)} | ${cell(value(j))} |`),
                  "",
              ];
    lines.push(
        ...table("Not covered", of("none"), "Why not", (j) => j.reason ?? ""),
        ...table("Not applicable to Pulumi AWS programs", of("not-applicable"), "Why", (j) => j.reason ?? ""),
        ...table("Covered partly", of("partial"), "By", (j) => policies(j.partial)),
        ...table("Covered fully", of("full"), "By", (j) => policies(j.full) + (j.partial.length ? `; partly ${policies(j.partial)}` : "")),
    );
    return lines;
}

/** docs/policy-coverage.md. */
export function renderCoverageMarkdown(input: CoverageInput, judged: readonly Judged[]): string {
    const t = totals(judged);
    const sources = Object.entries(input.peers.sources).map(
        ([name, s]) =>
            `- ${name}: \`${s.repo}\` at \`${s.commit.split(" ")[0]!.slice(0, 12)}\` (${s.commit.split(" ")[1] ?? ""}), ${s.where}`,
    );
    return [
        "# Policy coverage against the peers' rule sets",
        "",
        "<!-- Generated by policy-packs/scripts/policy-coverage.ts (npm run docs:coverage). Do not edit by hand. -->",
        "",
        "How much of each peer's AWS rule set our policies (pipeline and runtime packs) check. The count is the " +
            "policies' own: each policy lists, in `peerChecks`, the peer checks that judge the same control — `full` " +
            "only when our policy rejects everything the peer rejects, `partial` when ours accepts something the peer " +
            "rejects, or judges it through another policy or less strictly. A peer check that no Pulumi AWS program " +
            "can meet or break is *not applicable* (with the reason); every other check is covered fully, partly, or " +
            "not (with why not).",
        "",
        `The peers' checks (ids, titles, services) are copied into \`policy-packs/coverage/peer-checks.json\` from ` +
            `\`${input.peers.copiedFrom}\` on ${input.peers.copied}; they were read from:`,
        "",
        ...sources,
        "",
        "| Rule set | Checks | Not applicable | Applicable | Full | Partial | Covered | Target |",
        "|---|---|---|---|---|---|---|---|",
        ...RULE_SETS.map((r) => {
            const s = t[r.peer]!;
            return (
                `| ${r.title} | ${s.checks} | ${s.checks - s.applicable} | ${s.applicable} | ${s.full} | ${s.partial} | ` +
                `**${coveredPercent(s)} %** | ${r.target !== undefined ? `≥ ${r.target} %` : "—"} |`
            );
        }),
        "",
        ...RULE_SETS.flatMap((r) => setSection(r, judged, t[r.peer]!)),
    ].join("\n");
}

/** Both documents as they should be committed, and the problems that stop generating them. */
export function currentCoverage(input: CoverageInput = coverageInput()): { markdown: string; json: string; problems: string[] } {
    const { judged, problems } = judge(input);
    return {
        markdown: renderCoverageMarkdown(input, judged),
        json: `${JSON.stringify(totals(judged), null, 2)}\n`,
        problems,
    };
}

if (require.main === module) {
    const { markdown, json, problems } = currentCoverage();
    if (problems.length > 0) {
        console.error(`The coverage data contradict each other (${problems.length}):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        process.exitCode = 1;
    } else {
        fs.writeFileSync(COVERAGE_MARKDOWN_PATH, markdown);
        fs.writeFileSync(COVERAGE_JSON_PATH, json);
        console.log(
            `wrote ${path.relative(process.cwd(), COVERAGE_MARKDOWN_PATH)} and ${path.relative(process.cwd(), COVERAGE_JSON_PATH)}`,
        );
        for (const r of RULE_SETS) {
            const t = totals(judge(coverageInput()).judged)[r.peer]!;
            console.log(`  ${r.title}: ${coveredPercent(t)} % of ${t.applicable} applicable (${t.full} full, ${t.partial} partial)`);
        }
    }
}

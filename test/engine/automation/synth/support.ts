import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { SynthReport } from "../../../../automation/run/report/model";
import { PROJECT_ROOT } from "../../../support/toolchain";

/** What one `edf synth` process did. */
export interface CliRun {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
    /** The run folder, when the run got that far. */
    readonly dir?: string;
    report(): SynthReport;
    file(name: string): string;
}

const homes: string[] = [];

/** A fresh `--home` for a test (run folders), sharing the project's transpile cache; {@link removeFreshHomes} removes it. */
export function freshHome(): string {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "edf-synth-home-"));
    homes.push(home);
    return home;
}

/** Removes every home {@link freshHome} made: each test file that uses them calls it in its `after`. */
export function removeFreshHomes(): void {
    for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
}

/** Runs the real `edf` executable: `edf --home <home> synth <args>`. */
export function edfSynth(args: readonly string[], home: string = freshHome(), env: NodeJS.ProcessEnv = {}): CliRun {
    const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "automation", "cli", "bin.js"), "--home", home, "synth", ...args], {
        cwd: PROJECT_ROOT,
        encoding: "utf8",
        env: { ...process.env, EDF_TS_CACHE: path.join(PROJECT_ROOT, ".edf", "cache", "ts"), ...env },
        timeout: 240_000,
    });
    const runs = path.join(home, "runs");
    const folders = fs.existsSync(runs) ? fs.readdirSync(runs).sort() : [];
    const dir = folders.length ? path.join(runs, folders[folders.length - 1]!) : undefined;
    return {
        code: result.status ?? -1,
        stdout: result.stdout,
        stderr: result.stderr,
        ...(dir ? { dir } : {}),
        report: () => JSON.parse(fs.readFileSync(path.join(dir!, "report.json"), "utf8")) as SynthReport,
        file: (name) => fs.readFileSync(path.join(dir!, name), "utf8"),
    };
}

/**
 * The parts of a report a golden file pins: stacks, statuses, resource counts by type,
 * inputs' provenance, output names and findings (policy, level, resource, waiver), and each
 * framework's coverage with the controls that have findings. Props, ids and messages are left
 * out so a golden file changes only when the estate's shape or verdicts change.
 */
export function normalise(report: SynthReport): unknown {
    return {
        environment: report.environment,
        outcome: report.outcome,
        exitCode: report.exitCode,
        pack: report.pack && { name: report.pack.name },
        graph: report.graph,
        summary: report.summary,
        frameworks: report.frameworks.map((f) => ({
            id: f.id,
            coverage: f.coverage,
            checked: f.checked,
            failed: f.failed,
            controls: f.controls
                .filter((c) => c.mandatory + c.advisory + c.waived > 0)
                .map((c) => `${c.id} ${c.status} mandatory ${c.mandatory} advisory ${c.advisory} waived ${c.waived}`),
        })),
        stacks: report.stacks.map((s) => ({
            unit: s.unit,
            stack: s.stack,
            path: s.path,
            ...(s.account ? { account: s.account } : {}),
            ...(s.assumeRole ? { assumeRole: s.assumeRole } : {}),
            status: s.status,
            dependsOn: s.dependsOn,
            inputs: s.inputs.map((i) => `${i.name} ← ${i.source} ${i.key} (${i.origin}${i.secret ? ", secret" : ""})`),
            outputs: Object.keys(s.outputs).sort(),
            secretOutputs: s.secretOutputs,
            invokes: s.invokes,
            resourcesByType: s.resourceCounts.byType,
            findings: s.findings.map(
                (f) =>
                    `${f.level} ${f.policyId} ${f.resourceType ?? "(stack)"}::${f.resourceName ?? ""}${f.waivedBy ? ` waived by ${f.waivedBy.id}` : ""}`,
            ),
        })),
    };
}

/** Compares with a golden file; `EDF_UPDATE_GOLDEN=1` rewrites it instead. */
export function golden(name: string, actual: unknown): { expected: unknown; actual: unknown } {
    const file = path.join(PROJECT_ROOT, "test", "fixtures", "synth", "golden", name);
    const text = `${JSON.stringify(actual, null, 2)}\n`;
    if (process.env.EDF_UPDATE_GOLDEN === "1" || !fs.existsSync(file)) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
    }
    return { expected: JSON.parse(fs.readFileSync(file, "utf8")) as unknown, actual: JSON.parse(text) as unknown };
}

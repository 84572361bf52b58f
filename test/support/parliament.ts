import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { toolchain } from "./toolchain";

/** One IAM-grammar document to lint, with where it comes from. */
export interface LintedDocument {
    /** `<stack> <type> <name> <property>`: names the finding's source in messages. */
    readonly label: string;
    readonly document: unknown;
}

/** One finding of parliament, attributed to its document. */
export interface ParliamentFinding {
    readonly label: string;
    readonly issue: string;
    readonly severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "INFO";
    readonly detail: string;
}

/**
 * Lints every document with parliament (the toolchain's venv), in one process: each document is
 * written to its own file in a temporary folder, `parliament --directory <folder> --json` prints a
 * JSON line per finding with the file it came from. Throws when parliament itself fails.
 */
export function lintWithParliament(documents: readonly LintedDocument[]): ParliamentFinding[] {
    const { parliament } = toolchain();
    if (!parliament || !fs.existsSync(parliament.path)) {
        throw new Error("parliament is not in the toolchain's venv: run `npm run toolchain` (scripts/toolchain.sh installs it).");
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-parliament-"));
    try {
        documents.forEach((d, i) =>
            fs.writeFileSync(path.join(dir, `${String(i).padStart(5, "0")}.json`), JSON.stringify(d.document, null, 1)),
        );
        const run = spawnSync(parliament.path, ["--directory", dir, "--include_policy_extension", ".json", "--json"], {
            encoding: "utf8",
            maxBuffer: 64 * 1024 * 1024,
        });
        if (run.error) throw run.error;
        // parliament exits 1 when it found anything: only unparseable output is a failure.
        const findings: ParliamentFinding[] = [];
        for (const line of run.stdout.split("\n").filter((l) => l.trim().length > 0)) {
            let raw: { issue: string; severity: ParliamentFinding["severity"]; detail: unknown; location?: { filepath?: string } };
            try {
                raw = JSON.parse(line) as typeof raw;
            } catch {
                throw new Error(`parliament printed a line that is not JSON (exit ${run.status}): ${line}\n${run.stderr}`);
            }
            const index = Number(path.basename(raw.location?.filepath ?? "", ".json"));
            findings.push({
                label: documents[index]?.label ?? "(unknown document)",
                issue: raw.issue,
                severity: raw.severity,
                detail: typeof raw.detail === "string" ? raw.detail : JSON.stringify(raw.detail),
            });
        }
        if (run.status !== 0 && findings.length === 0) throw new Error(`parliament failed (exit ${run.status}): ${run.stderr}`);
        return findings;
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

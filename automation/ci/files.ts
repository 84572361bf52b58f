import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { EdfError, Problem } from "../errors";

/** The line that marks a generated file and holds the checksum of everything else in it. */
const MARK = "# edf-ci-checksum: sha256:";

/** What `edf ci init` did to one file. */
export interface WrittenFile {
    /** Project-relative. */
    readonly path: string;
    readonly action: "created" | "updated" | "unchanged" | "overwritten";
}

function checksum(text: string): string {
    return createHash("sha256").update(text).digest("hex");
}

/** Adds the checksum line: after a shebang, else first. */
export function markGenerated(text: string): string {
    const lines = text.split("\n");
    const at = lines[0]?.startsWith("#!") ? 1 : 0;
    lines.splice(at, 0, `${MARK}${checksum(text)} (written by \`edf ci init\`; it keeps files whose checksum no longer matches)`);
    return lines.join("\n");
}

/** Whether a file is as `edf ci init` wrote it: `edited` when its checksum no longer matches, `foreign` when it has none. */
function standing(text: string): "generated" | "edited" | "foreign" {
    const lines = text.split("\n");
    const at = lines.findIndex((l) => l.startsWith(MARK));
    if (at < 0) return "foreign";
    const recorded = lines[at]!.slice(MARK.length, MARK.length + 64);
    lines.splice(at, 1);
    return checksum(lines.join("\n")) === recorded ? "generated" : "edited";
}

/**
 * Writes generated files idempotently: a missing file is created, one still as `edf ci init`
 * wrote it is updated (or left alone when nothing changed), and one edited since — or not
 * written by `edf ci init` at all — is kept unless `force`. Everything is checked before
 * anything is written: a refusal names every such file and why, and changes nothing.
 */
export function writeGenerated(projectRoot: string, files: Readonly<Record<string, string>>, force: boolean): WrittenFile[] {
    const problems: Problem[] = [];
    const plan: { path: string; text: string; action: WrittenFile["action"] }[] = [];
    for (const [relative, text] of Object.entries(files)) {
        const file = path.join(projectRoot, relative);
        const marked = markGenerated(text);
        if (!fs.existsSync(file)) {
            plan.push({ path: relative, text: marked, action: "created" });
            continue;
        }
        const current = fs.readFileSync(file, "utf8");
        const state = standing(current);
        if (state === "generated") {
            plan.push({ path: relative, text: marked, action: current === marked ? "unchanged" : "updated" });
        } else if (force) {
            plan.push({ path: relative, text: marked, action: "overwritten" });
        } else {
            problems.push({
                file: relative,
                message:
                    state === "edited"
                        ? "was edited after `edf ci init` wrote it (its checksum no longer matches its content)"
                        : "exists and was not written by `edf ci init` (it has no `edf-ci-checksum` line)",
                fix: "keep your version (nothing was written), or pass `--force` to replace it with the generated one.",
            });
        }
    }
    if (problems.length > 0) {
        throw new EdfError(
            "EDF_CI_EDITED",
            `\`edf ci init\` would overwrite ${problems.length} file(s) it did not write as they are now; nothing was written.`,
            problems,
        );
    }
    for (const entry of plan) {
        if (entry.action === "unchanged") continue;
        const file = path.join(projectRoot, entry.path);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, entry.text, { mode: entry.path.endsWith(".sh") ? 0o755 : 0o644 });
        fs.renameSync(temporary, file);
    }
    return plan.map(({ path: p, action }) => ({ path: p, action }));
}

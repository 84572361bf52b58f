import * as path from "path";
import { PolicyInputError } from "../../policy-packs/lib/config";
import type { ImageEvidence } from "../../policy-packs/runtime/evidence/model";
import { parseCycloneDx, parseGrypeReport, parseTrivyReport } from "../../policy-packs/runtime/evidence/scanners";
import { EdfError, Problem } from "../errors";
import { maxFileBytes, readCheckedText } from "../files/read";

/**
 * The largest `--evidence` file read: scanner reports and SBOMs of large images run to tens of
 * megabytes, far past the 1 MiB of a spec. `EDF_MAX_FILE_BYTES` raises it further.
 */
export const EVIDENCE_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Reads `--evidence` files: Trivy and Grype JSON reports, CycloneDX SBOMs and CycloneDX VEX
 * documents, each recognised by its own fields and filed under the image digest it names.
 * Every file is read before anything runs, as every file `edf` reads is (a regular file — a FIFO
 * or device is refused, never waited on — within {@link EVIDENCE_MAX_BYTES}, UTF-8, no symbolic
 * link out of the project); every problem is reported at once, naming the file.
 */
export function loadEvidenceFiles(files: readonly string[], cwd: string = process.cwd(), projectRoot: string = cwd): ImageEvidence[] {
    const out: ImageEvidence[] = [];
    const problems: Problem[] = [];
    for (const file of files) {
        const display = path.relative(cwd, path.resolve(cwd, file)) || file;
        let text: string;
        try {
            text = readCheckedText({
                file: path.resolve(cwd, file),
                display,
                what: "`--evidence` file",
                origin: { kind: "named", projectRoot },
                code: "EDF_USAGE",
                maxBytes: Math.max(maxFileBytes(), EVIDENCE_MAX_BYTES),
            });
        } catch (error) {
            if (!(error instanceof EdfError)) throw error;
            problems.push(...error.problems.map((p) => ({ ...p, path: "--evidence" })));
            continue;
        }
        let doc: unknown;
        try {
            doc = JSON.parse(text);
        } catch (error) {
            problems.push({
                file: display,
                path: "--evidence",
                message: `not JSON: ${(error as Error).message.slice(0, 200)}`,
                fix: "pass a Trivy or Grype JSON report, a CycloneDX SBOM or a CycloneDX VEX document.",
            });
            continue;
        }
        const d = doc as { SchemaVersion?: unknown; descriptor?: { name?: unknown }; bomFormat?: unknown };
        try {
            if (d?.SchemaVersion !== undefined) out.push(parseTrivyReport(doc, display));
            else if (d?.descriptor?.name === "grype") out.push(parseGrypeReport(doc, display));
            else if (d?.bomFormat === "CycloneDX") out.push(parseCycloneDx(doc, undefined, display));
            else
                problems.push({
                    file: display,
                    path: "--evidence",
                    message:
                        "not a Trivy report (`SchemaVersion`), a Grype report (`descriptor.name: grype`) " +
                        "or a CycloneDX document (`bomFormat`)",
                    fix: "produce it with `trivy image --format json`, `grype <image> -o json` or a CycloneDX tool.",
                });
        } catch (error) {
            if (!(error instanceof PolicyInputError)) throw error;
            for (const message of error.problems)
                problems.push({ file: display, path: "--evidence", message, fix: "fix or regenerate the report." });
        }
    }
    if (problems.length > 0)
        throw new EdfError("EDF_USAGE", `${problems.length} \`--evidence\` file(s) cannot be used; nothing was inspected.`, problems);
    return out;
}

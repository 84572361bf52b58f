import { imageSbom } from "../../image/sbom";
import type { RunFolder } from "../../run/run-folder";
import { ANALYZER } from "../analysis-evidence";
import type { AnalysedImage } from "../executor";
import { sbomFileOf } from "./build";
import { renderInspectHtml } from "./html";
import { renderInspectJson } from "./json";
import { renderInspectMarkdown } from "./markdown";
import type { InspectReport } from "./model";
import { renderInspectSarif } from "./sarif";

/** The files of an inspect run folder. */
export interface InspectReportFiles {
    readonly dir: string;
    readonly json: string;
    readonly sarif: string;
    readonly markdown: string;
    readonly html: string;
    /** One CycloneDX 1.6 document per analysed image (none for a refused one). */
    readonly sboms: readonly string[];
}

/**
 * Publishes an inspection. Today: the run folder's report files. A scheduled inspection in the
 * landing zone publishes the same report elsewhere too (findings to Security Hub) behind this
 * interface.
 */
export interface InspectPublisher {
    publish(report: InspectReport, images: ReadonlyMap<string, AnalysedImage>): Promise<void>;
}

/**
 * Writes the run's reports (`report.json`, `report.sarif`, `summary.md`, `report.html`) and each
 * image's SBOM (`sbom/sha256-<hex>.cdx.json`) into its run folder, every file scrubbed of the
 * run's secrets. report.json is written last: a run killed while writing leaves no report a later
 * run would take for its baseline.
 */
export function writeInspectReports(
    folder: RunFolder,
    report: InspectReport,
    images: ReadonlyMap<string, AnalysedImage>,
    options: { readonly programOf: (unit: string) => string; readonly version: string },
): InspectReportFiles {
    const sboms: string[] = [];
    for (const [digest, image] of images) {
        if (image.analysis.integrity.length > 0) continue;
        sboms.push(
            folder.write(sbomFileOf(digest), imageSbom(image.analysis, { name: ANALYZER, version: options.version }, report.collectedAt)),
        );
    }
    const sarif = folder.write("report.sarif", renderInspectSarif(report, options.programOf));
    const markdown = folder.write("summary.md", renderInspectMarkdown(report));
    const html = folder.write("report.html", renderInspectHtml(report));
    const json = folder.write("report.json", renderInspectJson(report));
    return { dir: folder.dir, json, sarif, markdown, html, sboms };
}

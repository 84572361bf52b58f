import * as path from "path";
import { BundleError, SourceFileNode } from "./graph";

/** Folder inside a bundle that holds the sources reached from outside the pack folder. */
export const VENDOR_DIR = "vendor";

/**
 * Where a source file goes in the bundle (a relative POSIX path): the pack's own files keep
 * their place; files from elsewhere in the project go to `vendor/<path in the project>`, so the
 * imports among them keep their shape and only imports crossing the pack boundary change.
 */
export function bundlePathOf(file: string, packDir: string, projectRoot: string): string {
    const inPack = path.relative(packDir, file);
    if (!inPack.startsWith("..") && !path.isAbsolute(inPack)) return inPack.split(path.sep).join("/");
    const inProject = path.relative(projectRoot, file);
    if (inProject.startsWith("..") || path.isAbsolute(inProject))
        throw new BundleError([`${file} is imported by the pack but lies outside the project (${projectRoot}): move it into the project.`]);
    return `${VENDOR_DIR}/${inProject.split(path.sep).join("/")}`;
}

/**
 * The specifier that reaches `to` from `from` (both bundle paths), in the style of the original
 * specifier: no extension when the original had none, a folder when the original named one.
 */
export function specifierBetween(from: string, to: string, original: string): string {
    let rel = path.posix.relative(path.posix.dirname(from), to);
    const originalExt = path.posix.extname(original);
    const targetExt = path.posix.extname(to);
    if (originalExt === "" || originalExt !== targetExt) {
        if (originalExt === ".js" && (targetExt === ".ts" || targetExt === ".tsx")) rel = rel.slice(0, -targetExt.length) + ".js";
        else if (originalExt === "" || targetExt === ".ts" || targetExt === ".tsx") rel = rel.slice(0, -targetExt.length);
        const namesFolder = path.posix.basename(rel) === "index" && path.posix.basename(original).replace(/\.js$/, "") !== "index";
        if (namesFolder) rel = path.posix.dirname(rel);
    }
    if (rel === "") rel = ".";
    return rel === "." || rel === ".." || rel.startsWith("./") || rel.startsWith("../") ? rel : `./${rel}`;
}

/** A file's text with every relative import pointed at its target's place in the bundle. */
export function rewriteImports(node: SourceFileNode, placeOf: (file: string) => string): string {
    const from = placeOf(node.file);
    const edits = node.locals
        .map((imp) => ({ imp, spec: specifierBetween(from, placeOf(imp.target), imp.specifier) }))
        .filter(({ imp, spec }) => spec !== imp.specifier)
        .sort((a, b) => b.imp.start - a.imp.start);
    let text = node.text;
    for (const { imp, spec } of edits) text = text.slice(0, imp.start) + spec + text.slice(imp.end);
    return text;
}

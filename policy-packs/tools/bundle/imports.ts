import * as ts from "typescript";

export { isNodeBuiltin, isRelative, packageNameOf, typesPackageOf } from "./specifiers";

/** One module specifier in a source file, with the span of its text (inside the quotes). */
export interface ModuleReference {
    readonly specifier: string;
    /** Offset of the specifier's first character (after the opening quote). */
    readonly start: number;
    /** Offset just past its last character (before the closing quote). */
    readonly end: number;
    /** 1-based line, for messages. */
    readonly line: number;
}

function reference(sf: ts.SourceFile, literal: ts.StringLiteralLike): ModuleReference {
    const start = literal.getStart(sf) + 1;
    return { specifier: literal.text, start, end: literal.getEnd() - 1, line: sf.getLineAndCharacterOfPosition(start).line + 1 };
}

/**
 * Every module a TypeScript file refers to: import/export declarations (type-only too, since
 * the analyzer type-checks the pack), `import x = require()`, `require("…")` and `import("…")`
 * calls, and `import("…")` types. Found on the syntax tree, so comments and strings that merely
 * look like imports are not mistaken for them.
 */
export function moduleReferences(fileName: string, text: string): ModuleReference[] {
    const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
    const out: ModuleReference[] = [];
    const visit = (node: ts.Node): void => {
        if (
            (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
            node.moduleSpecifier &&
            ts.isStringLiteralLike(node.moduleSpecifier)
        ) {
            out.push(reference(sf, node.moduleSpecifier));
        } else if (
            ts.isImportEqualsDeclaration(node) &&
            ts.isExternalModuleReference(node.moduleReference) &&
            ts.isStringLiteralLike(node.moduleReference.expression)
        ) {
            out.push(reference(sf, node.moduleReference.expression));
        } else if (
            ts.isCallExpression(node) &&
            node.arguments.length === 1 &&
            ts.isStringLiteralLike(node.arguments[0]) &&
            (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
                (ts.isIdentifier(node.expression) && node.expression.text === "require"))
        ) {
            out.push(reference(sf, node.arguments[0]));
        } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteralLike(node.argument.literal)) {
            out.push(reference(sf, node.argument.literal));
        }
        ts.forEachChild(node, visit);
    };
    visit(sf);
    return out;
}

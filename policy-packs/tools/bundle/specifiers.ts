import { isBuiltin } from "module";

// What a module specifier names, from its text alone: kept apart from imports.ts so callers that
// only classify specifiers (the fingerprint of a warm run) never load the TypeScript compiler.

export function isRelative(specifier: string): boolean {
    return specifier === "." || specifier === ".." || specifier.startsWith("./") || specifier.startsWith("../");
}

export function isNodeBuiltin(specifier: string): boolean {
    return isBuiltin(specifier);
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
export function packageNameOf(specifier: string): string {
    const parts = specifier.split("/");
    return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** The DefinitelyTyped package for a package name: `sarif` → `@types/sarif`, `@a/b` → `@types/a__b`. */
export function typesPackageOf(name: string): string {
    return `@types/${name.startsWith("@") ? name.slice(1).replace("/", "__") : name}`;
}

import { BundleError, shown, SourceGraph } from "./graph";
import { typesPackageOf } from "./imports";

/** The root package.json's dependency versions (dependencies and devDependencies). */
export type VersionTable = Readonly<Record<string, string>>;

const EXACT = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/**
 * Always installed with a published pack, whatever its sources import: the analyzer runs the
 * pack with `@pulumi/policy` on `@pulumi/pulumi`, and type-checks it with ts-node — the pack's
 * own `typescript`/`ts-node` when installed, else the TypeScript 3.8 vendored in
 * `@pulumi/pulumi`, which cannot read the packs' tsconfig (ES2022).
 */
export const ALWAYS = ["@pulumi/policy", "@pulumi/pulumi", "typescript", "ts-node"] as const;

/**
 * The exact dependencies of a bundle: the packages its sources import (the types package as
 * well when the types come from DefinitelyTyped, or only that for a types-only import), the
 * `@types/*` packages its tsconfig names, and `ALWAYS`. Every version is the root package.json's;
 * a package the root does not declare is an error naming the importing file and the fix.
 */
export function bundleDependencies(
    graph: SourceGraph,
    tsconfigTypes: readonly string[],
    versions: VersionTable,
    base: string,
): Record<string, string> {
    const wanted = new Set<string>(ALWAYS);
    const problems: string[] = [];
    for (const t of tsconfigTypes) wanted.add(typesPackageOf(t));
    for (const node of graph.values()) {
        for (const imp of node.packages) {
            const found = [imp.packageName, imp.typesPackage ?? typesPackageOf(imp.packageName)].filter((p) => versions[p] !== undefined);
            if (found.length === 0)
                problems.push(
                    `${shown(node.file, base)}:${imp.line}: import \`${imp.specifier}\` ` +
                        `names \`${imp.packageName}\`, which the root package.json does not ` +
                        `declare: \`npm install --save-exact ${imp.packageName}@<version>\` first.`,
                );
            for (const p of found) wanted.add(p);
        }
    }
    for (const p of wanted)
        if (versions[p] !== undefined && !EXACT.test(versions[p]))
            problems.push(
                `package.json: \`${p}\` is declared as \`${versions[p]}\`, not an ` +
                    `exact version: pin it (\`npm install --save-exact ${p}@<version>\`) ` +
                    `so the published pack installs what was tested.`,
            );
    for (const p of wanted)
        if (versions[p] === undefined && !problems.some((m) => m.includes(`\`${p}\``)))
            problems.push(
                `package.json: the bundle needs \`${p}\`, which the root package.json ` +
                    `does not declare: add it with \`npm install --save-exact\`.`,
            );
    if (problems.length > 0) throw new BundleError(problems);
    return Object.fromEntries([...wanted].sort().map((p) => [p, versions[p]]));
}

import * as fs from "fs";
import * as path from "path";
import { EdfError } from "../errors";
import { compareFingerprints, Comparison } from "./compare";
import { EnvironmentFingerprints, fingerprintEnvironment, FingerprintOptions } from "./fingerprint";
import { repositoryRoot, resolveCommit, ResolvedCommit } from "./git";
import { GitTree } from "./git-tree";
import { SourceMemo } from "./source-memo";
import { SourceTree, WorkingTree } from "./source-tree";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the loader is plain JavaScript (it loads before any TypeScript)
const { cacheDir: transpileCacheDir } = require("../loader/ts-cache") as { cacheDir(): string };

/**
 * Where `edf affected` and synth keep what they learned about imports: `$EDF_FINGERPRINT_MEMO`,
 * else beside the transpile cache (`<project>/.edf/cache/fingerprint/sources.json` by default),
 * as it is, like that cache, knowledge about file contents that any run of the project may share.
 */
export function sourceMemoFile(env: NodeJS.ProcessEnv = process.env): string {
    return env.EDF_FINGERPRINT_MEMO ?? path.join(path.dirname(transpileCacheDir()), "fingerprint", "sources.json");
}

export interface AffectedOptions extends FingerprintOptions {
    /** Environment name (`environments/<env>.yaml`) or spec file. */
    readonly env: string;
    readonly projectRoot: string;
    /** The commit to compare against (a branch, tag, SHA, `HEAD~1`). */
    readonly base: string;
    /** The commit to compare. @default - the working tree, uncommitted edits included */
    readonly head?: string;
    /** Progress for people (the CLI passes its reporter's `info`). @default - silent */
    readonly progress?: (message: string) => void;
    /** Where what import walks learned is kept between runs. @default - nowhere: every file is parsed */
    readonly memoFile?: string;
}

/** What `edf affected` answers. */
export interface AffectedReport extends Comparison {
    readonly version: 1;
    readonly environment: string;
    readonly base: ResolvedCommit;
    /** The head commit, or `{ ref: "working tree" }`. */
    readonly head: { readonly ref: string; readonly sha?: string };
    /** Set when the base's spec could not be read: every unit is affected. */
    readonly baseProblem?: string;
}

/**
 * The units of an environment whose fingerprint differs between `base` and `head` (or the
 * working tree), each with its reasons, in dependency order. The head's spec must be valid
 * (its errors are thrown as they are); a base without the spec, or with an invalid one, makes
 * every unit affected and says why. Git refs that do not resolve are `EDF_GIT` errors; a
 * shallow clone without the base is `EDF_GIT_SHALLOW`, naming the commit and the depth to fetch.
 */
export function affectedUnits(options: AffectedOptions): AffectedReport {
    const started = Date.now();
    const root = path.resolve(options.projectRoot);
    // git answers with real paths; the trees keep the caller's (a symlinked checkout works).
    const repo = path.resolve(root, path.relative(fs.realpathSync(root), repositoryRoot(root)));
    const baseCommit = resolveCommit(repo, options.base, "--base");
    const headCommit = options.head !== undefined ? resolveCommit(repo, options.head, "--head") : undefined;
    const headTree: SourceTree = headCommit ? new GitTree(repo, root, headCommit) : new WorkingTree(root);
    const memo = new SourceMemo(options.memoFile);
    const fingerprint = (tree: SourceTree): EnvironmentFingerprints => fingerprintEnvironment(tree, options.env, { ...options, memo });

    const head = fingerprint(headTree);
    options.progress?.(
        `affected ${head.environment}: ${head.order.length} unit(s) in ${headTree.description} against ` +
            `commit ${baseCommit.sha.slice(0, 12)}${baseCommit.ref !== baseCommit.sha ? ` (${baseCommit.ref})` : ""}`,
    );
    let base: EnvironmentFingerprints | undefined;
    let baseProblem: string | undefined;
    try {
        base = fingerprint(new GitTree(repo, root, baseCommit));
    } catch (error) {
        if (!(error instanceof EdfError) || !["EDF_SPEC_NOT_FOUND", "EDF_SPEC_INVALID", "EDF_CYCLE"].includes(error.code)) throw error;
        baseProblem =
            error.code === "EDF_SPEC_NOT_FOUND"
                ? `the base commit has no spec \`${head.loaded.file}\`: every unit is new`
                : `the spec at the base commit could not be read (${error.code}: ${error.message}): every unit counts as changed`;
    }
    memo.save();
    const comparison = compareFingerprints(base, head, baseProblem);
    options.progress?.(
        `affected ${head.environment}: ${comparison.units.length} of ${head.order.length} unit(s) affected ` +
            `(${((Date.now() - started) / 1000).toFixed(2)}s)`,
    );
    return {
        version: 1,
        environment: head.environment,
        base: baseCommit,
        head: headCommit ? { ref: headCommit.ref, sha: headCommit.sha } : { ref: "working tree" },
        ...(baseProblem ? { baseProblem } : {}),
        ...comparison,
    };
}

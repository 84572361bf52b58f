import { spawnSync } from "child_process";
import { EdfError } from "../errors";

/** Runs git in `cwd`; resolves with stdout, or undefined when git exits non-zero. */
export function git(cwd: string, args: readonly string[], input?: string | Buffer): Buffer | undefined {
    const result = spawnSync("git", [...args], {
        cwd,
        input,
        maxBuffer: 1024 * 1024 * 1024,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" },
    });
    if (result.error) {
        throw new EdfError("EDF_GIT", `Cannot run git: ${result.error.message}.`, [
            { path: "git", message: result.error.message, fix: "install git and put it on PATH." },
        ]);
    }
    return result.status === 0 ? result.stdout : undefined;
}

function text(out: Buffer | undefined): string | undefined {
    return out?.toString("utf8").trim();
}

/** The top folder of the git repository holding `dir`; an `EDF_GIT` error when there is none. */
export function repositoryRoot(dir: string): string {
    const top = text(git(dir, ["rev-parse", "--show-toplevel"]));
    if (!top) {
        throw new EdfError("EDF_GIT", `\`${dir}\` is not inside a git repository: \`edf affected\` compares two commits.`, [
            { path: dir, message: "not a git repository", fix: "run it in a clone of the repository (or `git init` one)." },
        ]);
    }
    return top;
}

/** A commit named by a ref, resolved. */
export interface ResolvedCommit {
    /** What the user wrote (`origin/main`, `HEAD~1`, a SHA). */
    readonly ref: string;
    readonly sha: string;
}

/**
 * Resolves `ref` to a commit of the repository at `repo`. A ref that does not resolve is an
 * `EDF_GIT` error; in a shallow clone it is `EDF_GIT_SHALLOW`, naming the missing commit and
 * the fetch depth that brings it in.
 */
export function resolveCommit(repo: string, ref: string, option: string): ResolvedCommit {
    if (ref.startsWith("-")) {
        throw new EdfError("EDF_USAGE", `\`${option}\` must name a commit, not \`${ref}\`.`, [
            { path: option, message: `\`${ref}\` looks like an option`, fix: "pass a branch, tag or commit SHA." },
        ]);
    }
    const sha = text(git(repo, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]));
    if (sha) return { ref, sha };
    if (text(git(repo, ["rev-parse", "--is-shallow-repository"])) === "true") throw shallowError(repo, ref, option);
    throw new EdfError("EDF_GIT", `\`${option} ${ref}\` names no commit of this repository.`, [
        {
            path: option,
            message: `unknown revision \`${ref}\``,
            fix: "pass a branch, tag or commit SHA that exists here (`git fetch` it first if it lives on a remote).",
        },
    ]);
}

/**
 * A shallow clone lacks history: the error names the commit asked for and the depth to fetch.
 * `<ref>~<n>` (or `^`) relative to a commit that is here needs `n` more commits; any other ref
 * is fetched on its own (`git fetch --depth=1 origin <sha>`): affected compares two trees and
 * needs no history between them.
 */
function shallowError(repo: string, ref: string, option: string): EdfError {
    const depth = Number(text(git(repo, ["rev-list", "--count", "HEAD"])) ?? "0");
    const relative = /^(.*?)((?:~\d*|\^\d*)+)$/.exec(ref);
    let fix: string;
    if (relative) {
        const steps = [...relative[2]!.matchAll(/([~^])(\d*)/g)].reduce(
            // `~n` goes n first parents back; `^n` picks a parent, one step.
            (n, [, op, count]) => n + (op === "~" ? Number(count || "1") : 1),
            0,
        );
        const anchor = relative[1] || "HEAD";
        const anchorDepth = anchor === "HEAD" ? 0 : Number(text(git(repo, ["rev-list", "--count", `HEAD..${anchor}`])) ?? "0");
        const needed = anchorDepth + steps + 1;
        fix =
            `fetch at least ${needed} commits of history: \`git fetch --deepen=${Math.max(1, needed - depth)}\` ` +
            `(in GitHub Actions: \`fetch-depth: ${needed}\` or \`0\` on actions/checkout).`;
    } else {
        fix =
            `fetch that commit: \`git fetch --depth=1 origin ${ref}\` (affected needs only the two commits, ` +
            `no history between them), or clone with full history (\`fetch-depth: 0\` on actions/checkout).`;
    }
    return new EdfError(
        "EDF_GIT_SHALLOW",
        `\`${option} ${ref}\` is not in this clone: it is shallow (${depth} commit(s) of history from HEAD), ` +
            `and commit \`${ref}\` was not fetched.`,
        [{ path: option, message: `commit \`${ref}\` is missing from a shallow clone of depth ${depth}`, fix }],
    );
}

/**
 * The third-party actions the generated GitHub workflows use, pinned by commit SHA (a tag can be
 * moved; a commit cannot), with the release each SHA is. One table, so an upgrade is one reviewed
 * change. The SHAs were taken from public workflows that pin these releases with the same comment;
 * they could not be checked against the actions' own repositories from here: review them before
 * relying on them (`git ls-remote https://github.com/<action> refs/tags/<release>`).
 */
export interface PinnedAction {
    /** `owner/repo[/path]`. */
    readonly action: string;
    readonly sha: string;
    readonly release: string;
}

export const ACTIONS = {
    checkout: { action: "actions/checkout", sha: "11bd71901bbe5b1630ceea73d27597364c9af683", release: "v4.2.2" },
    setupNode: { action: "actions/setup-node", sha: "39370e3970a6d050c480ffad4ff0ed4d3fdee5af", release: "v4.1.0" },
    cache: { action: "actions/cache", sha: "5a3ec84eff668545956fd18022155c47e93e2684", release: "v4.2.3" },
    uploadArtifact: { action: "actions/upload-artifact", sha: "ea165f8d65b6e75b540449e92b4886f43607fa02", release: "v4.6.2" },
    downloadArtifact: { action: "actions/download-artifact", sha: "d3f86a106a0bac45b974a628896c90dbdf5c8093", release: "v4.3.0" },
    configureAwsCredentials: {
        action: "aws-actions/configure-aws-credentials",
        sha: "e3dd6a429d7300a6a4c196c26e071d42e0343502",
        release: "v4.0.2",
    },
    uploadSarif: { action: "github/codeql-action/upload-sarif", sha: "5d4e8d1aca955e8d8589aabd499c5cae939e33c7", release: "v4.31.9" },
    pulumi: { action: "pulumi/actions", sha: "8e5e406f4007fca908480587cb9893c07090f58d", release: "v7.0.0" },
} as const satisfies Record<string, PinnedAction>;

/** A `uses:` value: the action at its commit, the release as a comment. */
export function uses(action: PinnedAction): string {
    return `${action.action}@${action.sha} # ${action.release}`;
}

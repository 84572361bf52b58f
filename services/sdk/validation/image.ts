/** An image digest as registries print it. */
export const IMAGE_DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/;
/** An image tag as Docker allows it. */
export const IMAGE_TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** Which image of the service's repository a task runs. */
export interface ImageSelection {
    /** Content digest (`sha256:<64 hex>`); the image is pinned when set. @default - use `tag` */
    readonly digest?: string;
    /** Tag, used only when no digest is given. @default "latest" */
    readonly tag?: string;
}

/**
 * Why `image` cannot run here, naming the argument and the fix; empty when valid. Pure.
 * `requireDigest` comes from the environment's sizing: production pins by digest so what
 * runs is exactly what was scanned.
 */
export function imageSelectionProblems(image: ImageSelection | undefined, requireDigest: boolean, argument = "image"): string[] {
    const problems: string[] = [];
    const digest = image?.digest;
    const tag = image?.tag;
    if (digest !== undefined && (typeof digest !== "string" || !IMAGE_DIGEST_PATTERN.test(digest))) {
        problems.push(
            `\`${argument}.digest\` must be \`sha256:\` followed by 64 lowercase ` +
                `hex digits (as \`docker buildx imagetools inspect\` prints it).`,
        );
    }
    if (tag !== undefined && (typeof tag !== "string" || !IMAGE_TAG_PATTERN.test(tag))) {
        problems.push(`\`${argument}.tag\` must be a Docker tag: letters, digits, \`_.-\`, at most 128 characters.`);
    }
    if (requireDigest && digest === undefined) {
        problems.push(
            `\`${argument}.digest\` is required in this environment (images are pinned by digest): ` +
                "pass the digest your pipeline pushed, e.g. from the unit config `image.digest` or an injected input.",
        );
    }
    return problems;
}

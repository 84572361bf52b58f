import { execFileSync } from "child_process";
import { createHash } from "crypto";
import { toolchain } from "../toolchain";

const PUSH_TIMEOUT_MS = 300_000;

export interface PushOptions {
    /** `user:password` for a registry with auth. */
    readonly creds?: string;
    /** Copy every image of an index (`--all`). */
    readonly all?: boolean;
    /** Recompress every layer with zstd on the way (OCI `+zstd` layers). */
    readonly zstd?: boolean;
    /** Milliseconds before a stalled skopeo is killed and the push fails. @default 300000 */
    readonly timeoutMs?: number;
}

/**
 * Pushes `<layout>:<tag>` to `<host>/<repository>:<tag>` with skopeo, as a client would, over
 * plain HTTP; returns the digest the registry now serves for the tag. Digests are preserved
 * unless `zstd` asks for new layers.
 */
export function pushLayout(layout: string, tag: string, host: string, repository: string, options: PushOptions = {}): string {
    const skopeo = toolchain().skopeo.path;
    const args = [
        "--insecure-policy",
        "copy",
        "--quiet",
        "--dest-tls-verify=false",
        ...(options.creds ? ["--dest-creds", options.creds] : []),
        ...(options.all ? ["--all"] : []),
        ...(options.zstd ? ["--dest-compress", "--dest-compress-format", "zstd"] : ["--preserve-digests"]),
        `oci:${layout}:${tag}`,
        `docker://${host}/${repository}:${tag}`,
    ];
    // A push that hangs fails after the timeout instead of holding the suite forever.
    execFileSync(skopeo, args, {
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, HOME: process.env.HOME ?? "/tmp" },
        timeout: options.timeoutMs ?? PUSH_TIMEOUT_MS,
    });
    const inspect = execFileSync(
        skopeo,
        [
            "inspect",
            "--raw",
            "--tls-verify=false",
            ...(options.creds ? ["--creds", options.creds] : []),
            `docker://${host}/${repository}:${tag}`,
        ],
        { encoding: "buffer", timeout: options.timeoutMs ?? PUSH_TIMEOUT_MS },
    );
    return `sha256:${createHash("sha256").update(inspect).digest("hex")}`;
}

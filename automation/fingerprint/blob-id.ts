import { createHash } from "crypto";

/** The git blob id of some bytes: what `git hash-object` prints. */
export function gitBlobId(bytes: Buffer): string {
    return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

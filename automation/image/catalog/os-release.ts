import type { FinalFilesystem } from "../layers/files";
import type { OperatingSystem } from "../model";

/** `KEY=value` / `KEY="value"` lines of os-release(5). */
export function parseOsRelease(text: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const line of text.split("\n")) {
        const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
        if (!m) continue;
        let value = m[2]!;
        if (/^".*"$|^'.*'$/.test(value)) value = value.slice(1, -1).replace(/\\(["'$`\\])/g, "$1");
        out[m[1]!] = value;
    }
    return out;
}

/** Where os-release(5) says the file lives, in order. */
export const OS_RELEASE_PATHS = ["etc/os-release", "usr/lib/os-release"] as const;

/**
 * The distribution of the image, from `/etc/os-release` (or `/usr/lib/os-release`, where
 * `/etc/os-release` usually links). Alpine's `/etc/alpine-release` is the fallback for images
 * stripped of os-release. `undefined` for images without a distribution (scratch, static).
 */
export function detectOperatingSystem(fs: FinalFilesystem): OperatingSystem | undefined {
    for (const path of OS_RELEASE_PATHS) {
        const content = fs.read(path);
        if (!content) continue;
        const fields = parseOsRelease(content.toString("utf8"));
        if (!fields.ID) continue;
        return {
            id: fields.ID.toLowerCase(),
            ...(fields.VERSION_ID ? { versionId: fields.VERSION_ID } : {}),
            ...(fields.NAME ? { name: fields.NAME } : {}),
            ...(fields.PRETTY_NAME ? { prettyName: fields.PRETTY_NAME } : {}),
            ...(fields.VERSION_CODENAME ? { versionCodename: fields.VERSION_CODENAME } : {}),
            ...(fields.ID_LIKE ? { idLike: fields.ID_LIKE.split(/\s+/).filter(Boolean) } : {}),
        };
    }
    const alpine = fs.read("etc/alpine-release");
    if (alpine) return { id: "alpine", versionId: alpine.toString("utf8").trim(), name: "Alpine Linux" };
    return undefined;
}

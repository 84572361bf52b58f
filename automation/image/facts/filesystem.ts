import type { FinalFilesystem } from "../layers/files";
import type { FileModeFact, ToolFact } from "../model";

/** What a stock image's PATH is when its config sets none. */
export const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

const TOOLS: Readonly<Record<ToolFact["category"], readonly string[]>> = {
    shell: ["sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "csh", "tcsh", "fish", "busybox"],
    "package-manager": ["apt", "apt-get", "dpkg", "apk", "yum", "dnf", "microdnf", "rpm", "zypper", "pip", "pip3", "npm", "yarn", "gem"],
    compiler: ["gcc", "cc", "g++", "c++", "clang", "clang++", "go", "rustc", "javac", "tcc", "make"],
    debugger: ["gdb", "lldb", "strace", "ltrace", "perf"],
    "remote-access": ["sshd", "ssh", "nc", "netcat", "ncat", "socat", "telnet", "telnetd", "ftp"],
};

/**
 * Programs an attacker would use, found where the container looks for them: on the image's
 * PATH, symlinks followed (`/bin/sh → dash`, merged `/usr`). Found by file, so a shell no package
 * database lists (a static busybox, a copied binary) is found too.
 */
export function findTools(fs: FinalFilesystem, pathVariable: string | undefined): ToolFact[] {
    const dirs = (pathVariable ?? DEFAULT_PATH).split(":").filter((d) => d.startsWith("/"));
    const out: ToolFact[] = [];
    for (const [category, names] of Object.entries(TOOLS) as [ToolFact["category"], readonly string[]][]) {
        for (const name of names) {
            for (const dir of dirs) {
                const path = `${dir.replace(/\/+$/, "")}/${name}`;
                const record = fs.stat(path.slice(1));
                if (record && (record.kind === "file" || record.kind === "link") && (record.mode & 0o111) !== 0) {
                    out.push({ name, path, category });
                    break;
                }
            }
        }
    }
    return out;
}

const octal = (mode: number): string => (mode & 0o7777).toString(8).padStart(4, "0");

/** Regular files of the final filesystem with the setuid or setgid bit. */
export function findSetuidFiles(fs: FinalFilesystem): FileModeFact[] {
    const out: FileModeFact[] = [];
    for (const r of fs.records.values()) {
        if (r.kind !== "file" || (r.mode & 0o6000) === 0) continue;
        out.push({
            path: `/${r.path}`,
            mode: octal(r.mode),
            ...(r.mode & 0o4000 ? { setuid: true } : {}),
            ...(r.mode & 0o2000 ? { setgid: true } : {}),
        });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Files and directories anyone may write (directories with the sticky bit, like `/tmp`, excepted). */
export function findWorldWritable(fs: FinalFilesystem): FileModeFact[] {
    const out: FileModeFact[] = [];
    for (const r of fs.records.values()) {
        if ((r.kind !== "file" && r.kind !== "directory") || (r.mode & 0o002) === 0) continue;
        if (r.kind === "directory" && (r.mode & 0o1000) !== 0) continue;
        out.push({ path: `/${r.path}`, mode: octal(r.mode) });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * CPU seconds of a process tree split by the kind of process, read from /proc while the tree
 * runs (Linux only).
 *
 * Why sampling: `/usr/bin/time` gives the exact total of a tree but not its parts, and a
 * wrapper around each plugin would be killed with it (the Pulumi CLI kills a plugin's whole
 * process group), losing its figure. A sampler reads each descendant's own user + system time
 * every `intervalMs`; what a process spends after its last sample is not seen, so the caller
 * compares the sum with the exact total and prints the difference as unattributed.
 */
import * as fs from "fs";
import * as path from "path";

/** The kinds a process of an `edf` run is counted as; a process counts as its nearest ancestor's kind when it has none of its own. */
export const PROCESS_KINDS = ["driver", "pulumi CLI", "language host", "resource provider", "policy analyzer", "other"] as const;
export type ProcessKind = (typeof PROCESS_KINDS)[number];

const TICKS_PER_SECOND = 100; // USER_HZ: the unit of /proc/<pid>/stat's times on Linux (getconf CLK_TCK)

interface Seen {
    parent: number;
    ownKind?: ProcessKind;
    cpuTicks: number;
}

function readStat(pid: number): { parent: number; cpuTicks: number } | undefined {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        // The command name is in parentheses and may contain spaces: the fields start after the last ")".
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return { parent: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
    } catch {
        return undefined; // gone between listing and reading
    }
}

/** The kind a command line names on its own (argv[0]'s base name, or the script a shell or node runs). */
function kindOf(pid: number): ProcessKind | undefined {
    let argv: string[];
    try {
        argv = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    } catch {
        return undefined;
    }
    const names = argv.slice(0, 2).map((a) => path.basename(a));
    // The script node runs: its first argument that is no option nor an option's value (`node -r <preload> <script>`:
    // edf's resident policy analyzer, automation/engine/policy-host/).
    const script = argv.slice(1).find((a, i, rest) => !a.startsWith("-") && !["-r", "--require"].includes(rest[i - 1] ?? "")) ?? "";
    if (names.some((n) => n.startsWith("pulumi-analyzer-")) || script.includes("run-policy-pack")) return "policy analyzer";
    if (names.some((n) => n.startsWith("pulumi-resource-")) || script.includes("dynamic-provider")) return "resource provider";
    if (names.some((n) => n.startsWith("pulumi-language-"))) return "language host";
    if (names[0] === "pulumi") return "pulumi CLI";
    return undefined;
}

export class ProcessCpuSampler {
    private readonly seen = new Map<number, Seen>();
    private readonly strangers = new Set<number>();
    private readonly timer: NodeJS.Timeout;

    /** Samples the tree under `rootPid` (not counted itself); its first descendant is the `driver`. */
    constructor(
        private readonly rootPid: number,
        intervalMs = 50,
    ) {
        this.timer = setInterval(() => this.sample(), intervalMs);
        this.sample();
    }

    private sample(): void {
        for (const entry of fs.readdirSync("/proc")) {
            const pid = Number(entry);
            if (!Number.isInteger(pid) || this.strangers.has(pid)) continue;
            const stat = readStat(pid);
            if (!stat) continue;
            const known = this.seen.get(pid);
            if (!known && stat.parent !== this.rootPid && !this.seen.has(stat.parent)) {
                this.strangers.add(pid);
                continue;
            }
            // Read the command line at every sample: a forked child shows its parent's until it execs. A kind
            // once found stays when the next image names none (the analyzer's shell script execs plain node).
            const ownKind = kindOf(pid) ?? known?.ownKind;
            this.seen.set(pid, { parent: stat.parent, ownKind, cpuTicks: Math.max(stat.cpuTicks, known?.cpuTicks ?? 0) });
        }
    }

    private kindAlongAncestry(pid: number): ProcessKind {
        for (let current: number | undefined = pid; current !== undefined;) {
            const seen = this.seen.get(current);
            if (!seen) break;
            if (seen.ownKind) return seen.ownKind;
            if (seen.parent === this.rootPid) return "driver";
            current = seen.parent;
        }
        return "other";
    }

    /** Stops sampling; CPU seconds per kind as last seen (every kind present, 0 when none ran). */
    stop(): Record<ProcessKind, number> {
        clearInterval(this.timer);
        const seconds = Object.fromEntries(PROCESS_KINDS.map((k) => [k, 0])) as Record<ProcessKind, number>;
        for (const [pid, seen] of this.seen) seconds[this.kindAlongAncestry(pid)] += seen.cpuTicks / TICKS_PER_SECOND;
        return seconds;
    }
}

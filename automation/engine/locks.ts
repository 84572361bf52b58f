import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { projectName } from "../../unit/project";

/** The content of a file-backend ("diy") lock file, as the Pulumi CLI writes it. */
interface DiyLock {
    readonly pid?: number;
    readonly hostname?: string;
    readonly username?: string;
    readonly timestamp?: string;
}

/** The lock folder of a stack in a file backend (project-scoped layout). */
export function diyLockDir(backendDir: string, stackName: string): string {
    return path.join(backendDir, ".pulumi", "locks", "organization", projectName(), stackName);
}

function isAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === "EPERM";
    }
}

/**
 * Removes the stack's file-backend locks whose owning CLI process is gone (same host,
 * pid not alive). Such a lock is what a hard-killed `pulumi` leaves behind; without
 * this, every later update fails with "the stack is currently locked". A lock held by
 * a live process, or by another host, is never touched. Returns the removed files.
 */
export function clearStaleLocks(backendDir: string, stackName: string, hostname: string = os.hostname()): string[] {
    const dir = diyLockDir(backendDir, stackName);
    if (!fs.existsSync(dir)) {
        return [];
    }
    const removed: string[] = [];
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
        const file = path.join(dir, name);
        let lock: DiyLock;
        try {
            lock = JSON.parse(fs.readFileSync(file, "utf8")) as DiyLock;
        } catch {
            continue;
        }
        if (lock.hostname === hostname && typeof lock.pid === "number" && !isAlive(lock.pid)) {
            fs.rmSync(file, { force: true });
            // The blob store writes an attribute sidecar next to each object.
            fs.rmSync(`${file}.attrs`, { force: true });
            removed.push(file);
        }
    }
    return removed;
}

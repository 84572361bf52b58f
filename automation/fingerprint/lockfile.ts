import { createHash } from "crypto";

/** One installed package as the lock file pins it. */
interface LockedPackage {
    readonly version?: string;
    readonly integrity?: string;
    readonly resolved?: string;
    readonly link?: boolean;
    readonly dependencies?: Readonly<Record<string, string>>;
    readonly optionalDependencies?: Readonly<Record<string, string>>;
    readonly peerDependencies?: Readonly<Record<string, string>>;
}

/** What a unit's fingerprint holds of one imported package. */
export interface PackagePin {
    /** The version the lock file installs at the top (`7.48.0`), or `not installed`. */
    readonly version: string;
    /** Digest of the package and of every package it pulls in (version and integrity of each). */
    readonly digest: string;
}

/**
 * The versions npm installs, from `package-lock.json` (lockfile v2/v3 `packages`). A package's
 * pin covers its whole dependency closure as npm lays it out (nested `node_modules` first, then
 * each folder up), so a patch release deep under `@pulumi/aws` changes the pin of `@pulumi/aws`.
 */
export class LockFile {
    private readonly packages: Readonly<Record<string, LockedPackage>>;
    private readonly pins = new Map<string, PackagePin>();

    constructor(text: string | undefined) {
        let parsed: { packages?: Record<string, LockedPackage> } = {};
        try {
            parsed = text ? (JSON.parse(text) as typeof parsed) : {};
        } catch {
            parsed = {};
        }
        this.packages = parsed.packages ?? {};
    }

    /** The pin of a package imported by name from the project root. */
    pin(name: string): PackagePin {
        let pin = this.pins.get(name);
        if (!pin) {
            const top = `node_modules/${name}`;
            const closure = this.closure(top);
            const hash = createHash("sha256");
            for (const location of closure) {
                const p = this.packages[location]!;
                hash.update(`${location}@${p.version ?? ""}#${p.integrity ?? p.resolved ?? ""}\n`);
            }
            pin = { version: this.packages[top]?.version ?? "not installed", digest: hash.digest("hex") };
            this.pins.set(name, pin);
        }
        return pin;
    }

    /** Lock-file locations of `location` and everything it depends on, sorted. */
    private closure(location: string): string[] {
        const seen = new Set<string>();
        const queue = [location];
        while (queue.length > 0) {
            const at = queue.pop()!;
            const entry = this.packages[at];
            if (seen.has(at) || !entry) continue;
            seen.add(at);
            const deps = { ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies };
            for (const dep of Object.keys(deps)) {
                const found = this.locate(at, dep);
                if (found) queue.push(found);
            }
        }
        return [...seen].sort();
    }

    /** Where npm finds `name` for the package at `from`: its own node_modules, then each enclosing one. */
    private locate(from: string, name: string): string | undefined {
        let base = from;
        for (;;) {
            const candidate = `${base}/node_modules/${name}`;
            if (this.packages[candidate]) return candidate;
            const cut = base.lastIndexOf("/node_modules/");
            if (cut < 0) break;
            base = base.slice(0, cut);
        }
        return this.packages[`node_modules/${name}`] ? `node_modules/${name}` : undefined;
    }
}

/**
 * The OCI image layer rules (image spec, "Applying Changesets") applied top layer first, so
 * that whether an entry is in the final filesystem is known while its layer streams by:
 *
 * - an entry of a higher layer hides the same path in every lower layer;
 * - `.wh.<name>` in a directory deletes `<name>` of the lower layers;
 * - `.wh..wh..opq` makes its directory opaque: the lower layers' contents of it are gone;
 * - a higher layer's non-directory at `a/b` hides everything under `a/b/` below it.
 *
 * A layer's own whiteouts apply only to the layers below it, so they take effect when the layer
 * is committed, never while it streams. Paths are normalized: no leading `./` or `/`, no
 * trailing `/`.
 */
export class ReverseOverlay {
    /** What the layers above the current one hold at a path. */
    private readonly upper = new Map<string, "dir" | "nondir" | "whiteout">();
    private readonly opaque = new Set<string>();
    private pending: { path: string; kind: "dir" | "nondir" | "whiteout" }[] = [];
    private pendingOpaque: string[] = [];

    /** What an entry of the layer being read is. */
    classify(path: string, isDirectory: boolean): EntryRole {
        const slash = path.lastIndexOf("/");
        const base = path.slice(slash + 1);
        if (base.startsWith(WHITEOUT)) {
            const dir = slash >= 0 ? path.slice(0, slash) : "";
            if (base === OPAQUE) {
                this.pendingOpaque.push(dir);
                return { role: "opaque", directory: dir };
            }
            const target = `${dir ? `${dir}/` : ""}${base.slice(WHITEOUT.length)}`;
            this.pending.push({ path: target, kind: "whiteout" });
            return { role: "whiteout", target };
        }
        const visible = this.isVisible(path);
        if (visible) this.pending.push({ path, kind: isDirectory ? "dir" : "nondir" });
        return { role: "entry", visible };
    }

    /** Whether `path` of the layer being read survives into the final filesystem. */
    isVisible(path: string): boolean {
        if (path === "" || this.upper.has(path)) return false;
        for (let i = path.indexOf("/"); i >= 0; i = path.indexOf("/", i + 1)) {
            const ancestor = path.slice(0, i);
            const above = this.upper.get(ancestor);
            if (above === "nondir" || above === "whiteout" || this.opaque.has(ancestor)) return false;
        }
        return true;
    }

    /** The layer ended (and was verified): its entries and whiteouts now bind the layers below. */
    commitLayer(): void {
        for (const { path, kind } of this.pending) if (!this.upper.has(path)) this.upper.set(path, kind);
        for (const dir of this.pendingOpaque) this.opaque.add(dir);
        this.pending = [];
        this.pendingOpaque = [];
    }

    /** The layer's effects are dropped (it failed verification: nothing of it is trusted). */
    discardLayer(): void {
        this.pending = [];
        this.pendingOpaque = [];
    }
}

/** How an entry of a layer takes part in the final filesystem. */
export type EntryRole =
    | { readonly role: "entry"; readonly visible: boolean }
    | { readonly role: "whiteout"; readonly target: string }
    | { readonly role: "opaque"; readonly directory: string };

const WHITEOUT = ".wh.";
const OPAQUE = ".wh..wh..opq";

/** A tar member name as a path of the image's filesystem: no `./`, no leading or trailing `/`, no `//`. */
export function normalizeLayerPath(name: string): string {
    const parts: string[] = [];
    for (const part of name.split("/")) {
        if (part === "" || part === ".") continue;
        if (part === "..") parts.pop();
        else parts.push(part);
    }
    return parts.join("/");
}

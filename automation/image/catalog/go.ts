import type { InventoryPackage } from "../model";
import { CatalogContext, Cataloger, origin } from "./cataloger";
import type { GoBuildInfo, GoModule } from "./go-buildinfo";
import { purl } from "./purl";

const DEVEL = "(devel)";
const LDFLAGS_VERSION =
    /\.[a-zA-Z0-9]*(?:[rR]elease)?(?:[gG]it)?(?:[bB]uild)?[vV]er(?:sion)?=(?:\S+\/)*(v?\d+\.\d+\.\d+[-\w]*(?:\.[-\w]+)*)/;

/** A Go module path as a purl: `github.com/a/b` is namespace `github.com/a`, name `b`. */
function goPurl(path: string, version: string): string {
    const slash = path.lastIndexOf("/");
    return purl("golang", slash > 0 ? path.slice(0, slash) : undefined, slash > 0 ? path.slice(slash + 1) : path, version || undefined);
}

/**
 * The main module's version when the build info says `(devel)` (built from a work tree): a
 * version stamped with `-ldflags -X …version=v1.2.3`, else the VCS pseudo-version Go itself
 * would give (`v0.0.0-<time>-<revision>`), else unknown (empty).
 */
function mainVersion(info: GoBuildInfo, main: GoModule): string {
    if (main.version !== DEVEL) return main.version;
    const ldflags = info.settings["-ldflags"] ?? "";
    const m = LDFLAGS_VERSION.exec(ldflags);
    if (m && /(^|\s)-X[= ]?['"]?(main|[^\s]*\/[^\s]*)\./.test(ldflags)) return m[1]!.startsWith("v") ? m[1]! : `v${m[1]}`;
    const revision = info.settings["vcs.revision"];
    const time = info.settings["vcs.time"];
    if (revision && time) {
        const stamp = time.replace(/[-:TZ]/g, "").slice(0, 14);
        return `v0.0.0-${stamp}-${revision.slice(0, 12)}`;
    }
    return "";
}

/** Go modules compiled into a binary, from its build info (`go version -m`), plus the standard library it was built with. */
export const goCataloger: Cataloger = {
    name: "go-module-binary",
    keep: () => 0,
    catalog(context: CatalogContext): InventoryPackage[] {
        const out: InventoryPackage[] = [];
        for (const [path, scanned] of context.scans) {
            const info = scanned as GoBuildInfo;
            if (!info || typeof info.goVersion !== "string") continue;
            const where = origin(context, path);
            const add = (module: GoModule, version: string): void => {
                const used = module.replace && !/^[./]/.test(module.replace.path) ? module.replace : module;
                const v = module.replace ? module.replace.version : version;
                const name = used.path;
                const ver = v === DEVEL ? "" : v;
                out.push({ name, version: ver, type: "golang", purl: goPurl(name, ver), ...where, cataloger: "go-module-binary" });
            };
            let main = info.main;
            const deps = [...info.deps];
            if (!main || main.path === "command-line-arguments") {
                const devel = deps.findIndex((d) => d.version === DEVEL);
                main = devel >= 0 ? deps.splice(devel, 1)[0] : info.path ? { path: info.path, version: DEVEL } : undefined;
            }
            for (const dep of deps) if (dep.path !== main?.path) add(dep, dep.version);
            if (main) add(main, mainVersion(info, main));
            const goVersion = info.goVersion;
            out.push({
                name: "stdlib",
                version: goVersion,
                type: "golang",
                purl: purl("golang", undefined, "stdlib", goVersion.replace(/^go/, "")),
                ...where,
                licenses: ["BSD-3-Clause"],
                cataloger: "go-module-binary",
            });
        }
        return out;
    },
};

import { unzipSync } from "fflate";
import type { InventoryPackage } from "../model";
import { baseName, CatalogContext, Cataloger, MIB, origin } from "./cataloger";
import { purl } from "./purl";

const ARCHIVE = /\.(jar|war|ear|par|sar|nar|jpi|hpi|kar|far|lpkg)$/i;
const POM_PROPERTIES = /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/;
const MANIFEST = /^META-INF\/MANIFEST\.MF$/i;
/** Archives inside archives (Spring Boot's `BOOT-INF/lib`, a WAR's `WEB-INF/lib`) are read this deep. */
const MAX_DEPTH = 4;

interface PomProperties {
    readonly groupId?: string;
    readonly artifactId?: string;
    readonly version?: string;
}

/** `key=value` lines of a Java properties file (comments and blank lines skipped). */
export function parseProperties(text: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const line of text.split(/\r?\n/)) {
        const m = /^\s*([^#!=:\s][^=:]*?)\s*[=:]\s*(.*?)\s*$/.exec(line);
        if (m) out[m[1]!] = m[2]!;
    }
    return out;
}

/** The main section of a JAR manifest: `Key: value`, continuation lines start with one space. */
export function parseManifestMain(text: string): Record<string, string> {
    const out: Record<string, string> = {};
    let last: string | undefined;
    for (const line of text.split(/\r?\n/)) {
        if (line === "") break;
        if (line.startsWith(" ") && last) {
            out[last] += line.slice(1);
            continue;
        }
        const at = line.indexOf(":");
        if (at <= 0) continue;
        last = line.slice(0, at).trim();
        out[last] = line.slice(at + 1).trim();
    }
    return out;
}

/** `commons-lang3-3.14.0.jar` → name `commons-lang3`, version `3.14.0`. */
export function archiveFileName(file: string): { name: string; version: string } {
    const stem = baseName(file).replace(ARCHIVE, "");
    const m = /^(.+?)-(\d.*|build\d.*|rc?\d.*)$/i.exec(stem);
    return m ? { name: m[1]!, version: m[2]! } : { name: stem, version: "" };
}

function artifactMatchesFileName(artifactId: string, fileName: string, artifacts: ReadonlySet<string>): boolean {
    if (!artifactId || !fileName) return false;
    if (artifacts.has(fileName)) return artifactId === fileName;
    return artifactId.startsWith(fileName) || fileName.endsWith(artifactId);
}

function mavenPackage(group: string | undefined, name: string, version: string, where: ReturnType<typeof origin>): InventoryPackage {
    return {
        name,
        version,
        type: "maven",
        purl: purl("maven", group || name, name, version),
        ...where,
        cataloger: "java-archive",
    };
}

/**
 * The packages of one archive, Syft's way: the archive itself is a package when it has a
 * manifest (named by the `pom.properties` whose artifact matches the file name, else by the file
 * name, else by the manifest; versioned the same way), every other `pom.properties` is a package
 * bundled in it (a shaded dependency), and archives inside it are read the same way.
 */
function catalogArchive(
    bytes: Uint8Array,
    fileName: string,
    where: ReturnType<typeof origin>,
    depth: number,
    out: InventoryPackage[],
): void {
    let files: Record<string, Uint8Array>;
    try {
        files = unzipSync(bytes, {
            filter: (f) => MANIFEST.test(f.name) || POM_PROPERTIES.test(f.name) || (depth < MAX_DEPTH && ARCHIVE.test(f.name)),
        });
    } catch {
        return;
    }
    const text = (name: string): string => Buffer.from(files[name]!).toString("utf8");
    const poms: PomProperties[] = Object.keys(files)
        .filter((n) => POM_PROPERTIES.test(n))
        .sort()
        .map((n) => parseProperties(text(n)));
    const manifestName = Object.keys(files).find((n) => MANIFEST.test(n));
    const manifest = manifestName ? parseManifestMain(text(manifestName)) : undefined;
    const file = archiveFileName(fileName);
    let main: PomProperties | undefined;
    if (manifest && manifest["Weave-Classes"] === undefined) {
        const artifacts = new Set(poms.map((p) => p.artifactId ?? ""));
        main = poms.find((p) => artifactMatchesFileName(p.artifactId ?? "", file.name, artifacts));
        const name =
            main?.artifactId ||
            file.name ||
            manifest.Name ||
            manifest["Bundle-Name"] ||
            manifest["Short-Name"] ||
            manifest["Extension-Name"] ||
            manifest["Implementation-Title"];
        const version =
            main?.version ||
            file.version ||
            manifest["Implementation-Version"] ||
            manifest["Specification-Version"] ||
            manifest["Plugin-Version"] ||
            manifest["Bundle-Version"] ||
            "";
        if (name) out.push(mavenPackage(main?.groupId, name, version, where));
        for (const pom of poms) {
            if (pom === main || !pom.artifactId) continue;
            out.push(mavenPackage(pom.groupId, pom.artifactId, pom.version ?? "", where));
        }
    }
    for (const nested of Object.keys(files)
        .filter((n) => ARCHIVE.test(n))
        .sort()) {
        catalogArchive(files[nested]!, nested, where, depth + 1, out);
    }
}

/** Java archives (JAR, WAR, EAR, …) and the archives inside them: their manifests and Maven `pom.properties`. */
export const javaCataloger: Cataloger = {
    name: "java-archive",
    keep: (record) => (ARCHIVE.test(record.path) ? 256 * MIB : 0),
    catalog(context: CatalogContext): InventoryPackage[] {
        const out: InventoryPackage[] = [];
        for (const [path, content] of context.fs.captured((p) => ARCHIVE.test(p))) {
            catalogArchive(content, path, origin(context, path), 0, out);
        }
        return out;
    },
};

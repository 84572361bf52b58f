import { PackageURL } from "packageurl-js";
import type { OperatingSystem } from "../model";

/** `debian-12`, `alpine-3.20.3`: the `distro` qualifier of an OS package's purl. */
export function distroQualifier(os: OperatingSystem | undefined): string | undefined {
    return os?.id ? `${os.id}${os.versionId ? `-${os.versionId}` : ""}` : undefined;
}

/** A purl (package-url spec) from its parts; qualifiers without a value are left out. */
export function purl(
    type: string,
    namespace: string | undefined,
    name: string,
    version: string | undefined,
    qualifiers: Record<string, string | undefined> = {},
): string {
    const present = Object.fromEntries(Object.entries(qualifiers).filter((e): e is [string, string] => Boolean(e[1])));
    return new PackageURL(
        type,
        namespace || undefined,
        name,
        version || undefined,
        Object.keys(present).length ? present : undefined,
        undefined,
    ).toString();
}

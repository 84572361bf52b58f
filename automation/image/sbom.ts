import { createHash } from "crypto";
import * as CDX from "@cyclonedx/cyclonedx-library";
import type { ImageAnalysis, InventoryPackage } from "./model";

/** The tool that wrote the SBOM, as its `metadata.tools` names it. */
export interface SbomTool {
    readonly name: string;
    readonly version: string;
}

const COMPONENT_TYPE: Record<InventoryPackage["type"], CDX.Enums.ComponentType> = {
    deb: CDX.Enums.ComponentType.Library,
    apk: CDX.Enums.ComponentType.Library,
    rpm: CDX.Enums.ComponentType.Library,
    npm: CDX.Enums.ComponentType.Library,
    pypi: CDX.Enums.ComponentType.Library,
    golang: CDX.Enums.ComponentType.Library,
    maven: CDX.Enums.ComponentType.Library,
};

function licenseOf(text: string): CDX.Models.License {
    if (CDX.SPDX.isSupportedSpdxId(text)) return new CDX.Models.SpdxLicense(text);
    if (/\s(AND|OR|WITH)\s/.test(text)) {
        try {
            return new CDX.Models.LicenseExpression(text);
        } catch {
            // not an eligible expression: named below
        }
    }
    return new CDX.Models.NamedLicense(text);
}

/** A UUID (RFC 4122 layout, version 5 style) from text: the same image analysed at the same time gets the same serial number. */
function uuidFrom(text: string): string {
    const h = createHash("sha256").update(text).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/**
 * The image's inventory as a CycloneDX 1.6 JSON document, written with the CycloneDX
 * project's own library: the image as `metadata.component` (type `container`, version its digest),
 * the distribution as an `operating-system` component, and one component per package with its
 * purl, licenses and where it was found (`edf:location`, `edf:layer`). Lists are sorted, so the
 * same analysis gives the same bytes.
 */
export function imageSbom(analysis: ImageAnalysis, tool: SbomTool, collectedAt: string): string {
    const bom = new CDX.Models.Bom({ serialNumber: `urn:uuid:${uuidFrom(`${analysis.digest}|${collectedAt}`)}` });
    const [registryAndRepository] = analysis.reference.split("@");
    const image = new CDX.Models.Component(CDX.Enums.ComponentType.Container, registryAndRepository!, {
        bomRef: "image",
        version: analysis.digest,
        properties: new CDX.Models.PropertyRepository([
            new CDX.Models.Property("edf:image:manifestDigest", analysis.manifestDigest),
            new CDX.Models.Property(
                "edf:image:platform",
                [analysis.platform.os, analysis.platform.architecture, analysis.platform.variant].filter(Boolean).join("/"),
            ),
            ...(analysis.configDigest ? [new CDX.Models.Property("edf:image:configDigest", analysis.configDigest)] : []),
            ...analysis.layers.map((l, i) => new CDX.Models.Property(`edf:image:layer:${i}`, l.digest)),
        ]),
    });
    bom.metadata.component = image;
    bom.metadata.timestamp = new Date(collectedAt);
    bom.metadata.tools.components.add(new CDX.Models.Component(CDX.Enums.ComponentType.Application, tool.name, { version: tool.version }));
    if (analysis.os) {
        const os = new CDX.Models.Component(CDX.Enums.ComponentType.OperatingSystem, analysis.os.id, {
            bomRef: `os:${analysis.os.id}`,
            ...(analysis.os.versionId ? { version: analysis.os.versionId } : {}),
            ...(analysis.os.prettyName ? { description: analysis.os.prettyName } : {}),
        });
        bom.components.add(os);
        image.dependencies.add(os.bomRef);
    }
    const refs = new Map<string, number>();
    for (const p of analysis.packages) {
        const seen = refs.get(p.purl) ?? 0;
        refs.set(p.purl, seen + 1);
        const licenses = p.licenses ?? [];
        const license = licenses.length === 1 ? [licenseOf(licenses[0]!)] : licenses.map((l) => new CDX.Models.NamedLicense(l));
        const component = new CDX.Models.Component(COMPONENT_TYPE[p.type], p.name, {
            bomRef: seen === 0 ? p.purl : `${p.purl}#${seen + 1}`,
            ...(p.version ? { version: p.version } : {}),
            purl: p.purl,
            licenses: new CDX.Models.LicenseRepository(license),
            properties: new CDX.Models.PropertyRepository([
                new CDX.Models.Property("edf:package:type", p.type),
                new CDX.Models.Property("edf:package:cataloger", p.cataloger),
                ...p.locations.map((l) => new CDX.Models.Property("edf:location", l)),
                ...(p.layer ? [new CDX.Models.Property("edf:layer", p.layer)] : []),
                ...(p.source ? [new CDX.Models.Property("edf:package:source", p.source)] : []),
            ]),
        });
        bom.components.add(component);
        image.dependencies.add(component.bomRef);
    }
    const serializer = new CDX.Serialize.JsonSerializer(new CDX.Serialize.JSON.Normalize.Factory(CDX.Spec.Spec1dot6));
    return `${serializer.serialize(bom, { sortLists: true, space: 2 })}\n`;
}

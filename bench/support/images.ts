import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { ImageSpec, LayerFile } from "../../test/support/images/oci-layout";

// The images the inspection benchmarks analyse: realistic layer counts and sizes, nothing shared.

const MiB = 1024 * 1024;

/** An image as pushed. */
export interface BenchImage {
    readonly reference: string;
    readonly repository: string;
    readonly digest: string;
}

/** Bytes gzip can shrink a little but not much, like executables: random halves and low-entropy halves. */
function binaryLike(size: number): Buffer {
    const out = randomBytes(size);
    for (let i = size >> 1; i < size; i++) out[i] = out[i]! & 0x0f;
    return out;
}

function withParents(files: LayerFile[]): LayerFile[] {
    const dirs = new Set<string>();
    for (const f of files) {
        const parts = f.path.split("/");
        for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
    }
    return [...[...dirs].sort().map((d) => ({ path: d, type: "directory" as const })), ...files];
}

/** Image `i` of the set: a Debian base layer and `layers - 1` layers sharing `bytes` of content. */
function imageSpec(i: number, layers: number, bytes: number): ImageSpec {
    const status = fs.readFileSync("/var/lib/dpkg/status");
    const osRelease = fs.existsSync("/usr/lib/os-release") ? fs.readFileSync("/usr/lib/os-release") : Buffer.from("ID=debian\n");
    const per = Math.floor(bytes / (layers - 1));
    // Every image's base layer is its own (its hostname file): no blob is shared, every image is read whole.
    const base = [
        { path: "etc/os-release", content: osRelease },
        { path: "etc/hostname", content: `bench-${i}\n` },
        { path: "var/lib/dpkg/status", content: status },
    ];
    const spec = [{ files: withParents(base) }];
    for (let l = 1; l < layers; l++) {
        const files: LayerFile[] = [];
        for (let m = 0; m < 20; m++)
            files.push({
                path: `app/node_modules/pkg-${i}-${l}-${m}/package.json`,
                content: JSON.stringify({ name: `pkg-${i}-${l}-${m}`, version: `1.${l}.${m}`, license: "MIT" }),
            });
        const chunks = 4;
        for (let c = 0; c < chunks; c++)
            files.push({ path: `app/bin/tool-${l}-${c}`, content: binaryLike(Math.floor(per / chunks)), mode: 0o755 });
        spec.push({ files: withParents(files) });
    }
    return { layers: spec, config: { User: "1000", Entrypoint: ["/app/bin/tool-1-0"] } };
}

/** Builds `count` images (≈ `megabytes` compressed in all) and pushes them to the registry. */
export async function buildImages(
    host: string,
    count: number,
    megabytes: number,
    work: string,
    prefix = "bench/image",
): Promise<BenchImage[]> {
    const { writeOciLayout } = await import("../../test/support/images/oci-layout");
    const { pushLayout } = await import("../../test/support/images/push");
    const images: BenchImage[] = [];
    const perImage = Math.floor((megabytes * MiB) / count);
    for (let i = 0; i < count; i++) {
        const layers = 3 + (i % 6);
        const layout = fs.mkdtempSync(path.join(work, `image-${i}-`));
        // Random halves gzip to themselves, low-entropy halves to ≈ 60 %: ≈ 0.8 of the raw size.
        await writeOciLayout(layout, "bench", imageSpec(i, layers, Math.floor(perImage / 0.8)));
        const repository = `${prefix}-${i}`;
        const digest = pushLayout(layout, "bench", host, repository);
        fs.rmSync(layout, { recursive: true, force: true });
        images.push({ reference: `${host}/${repository}@${digest}`, repository, digest });
    }
    return images;
}

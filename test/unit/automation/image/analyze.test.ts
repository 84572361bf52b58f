import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { analyzeImage } from "../../../../automation/image/analyze";
import { ImageError } from "../../../../automation/image/errors";
import type { ImageProgress } from "../../../../automation/image/progress";
import { RegistryClient } from "../../../../automation/image/registry/client";
import { ANONYMOUS } from "../../../../automation/image/registry/credentials";
import { serveLayouts, LayoutServer } from "../../../support/images/layout-server";
import { ImageSpec, LayerFile, writeOciLayout } from "../../../support/images/oci-layout";

// The analysis over real bytes and real HTTP: images written as OCI layouts by code, served by
// an in-process registry (test/support/images/layout-server.ts), read by the real client. The
// engine suites run the same cases against Debian's docker-registry and compare with Syft.

const dir = (p: string, mode?: number): LayerFile => ({ path: p, type: "directory", ...(mode ? { mode } : {}) });
const file = (p: string, content: string, mode?: number): LayerFile => ({ path: p, content, ...(mode ? { mode } : {}) });
const npm = (name: string, version: string): LayerFile =>
    file(`app/node_modules/${name}/package.json`, JSON.stringify({ name, version, license: "MIT" }));
const KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n";
const AMD64 = { platform: { os: "linux", architecture: "amd64" } } as const;

const LAYERED: ImageSpec = {
    layers: [
        {
            files: [
                dir("etc"),
                file("etc/os-release", 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n'),
                dir("bin"),
                file("bin/sh", "\x7fELF", 0o755),
                dir("usr"),
                dir("usr/bin"),
                file("usr/bin/passwd", "\x7fELF", 0o4755),
                dir("app"),
                dir("app/node_modules"),
                dir("app/node_modules/left-pad"),
                npm("left-pad", "1.3.0"),
                dir("app/node_modules/chalk"),
                npm("chalk", "5.3.0"),
                dir("app/lib"),
                dir("app/lib/old"),
                file("app/lib/old/package.json", '{"name":"old-lib","version":"0.1.0"}'),
            ],
        },
        {
            files: [
                dir("app"),
                dir("app/node_modules"),
                file("app/node_modules/.wh.chalk", ""),
                dir("root"),
                dir("root/.ssh"),
                file("root/.ssh/id_rsa", KEY, 0o600),
            ],
        },
        {
            files: [
                dir("root"),
                dir("root/.ssh"),
                file("root/.ssh/.wh.id_rsa", ""),
                dir("app"),
                dir("app/lib"),
                file("app/lib/.wh..wh..opq", ""),
                dir("app/lib/new"),
                file("app/lib/new/package.json", '{"name":"new-lib","version":"0.2.0"}'),
                dir("app/uploads", 0o777),
            ],
        },
    ],
    config: { User: "10001", Env: ["PATH=/usr/bin:/bin", "API_TOKEN=value-never-reported"], ExposedPorts: { "8080/tcp": {} } },
};

describe("analyzeImage: an image streamed from a registry, layers applied in order", () => {
    let work: string;
    let server: LayoutServer;
    const digests: Record<string, string> = {};
    const client = (): RegistryClient => new RegistryClient({ registry: server.host, url: server.url, credentials: ANONYMOUS });

    before(async () => {
        work = fs.mkdtempSync(path.join(os.tmpdir(), "edf-analyze-"));
        const write = async (name: string, spec: ImageSpec | ImageSpec[]): Promise<string> => {
            const layout = path.join(work, name);
            digests[name] = (await writeOciLayout(layout, "v1", spec)).digest;
            return layout;
        };
        const multi = (architecture: string): ImageSpec => ({
            platform: { os: "linux", architecture },
            layers: [
                {
                    files: [
                        dir("app"),
                        dir("app/node_modules"),
                        dir(`app/node_modules/arch-${architecture}`),
                        npm(`arch-${architecture}`, "1.0.0"),
                    ],
                },
            ],
        });
        const layouts = {
            layered: await write("layered", LAYERED),
            multi: await write("multi", [multi("amd64"), multi("arm64")]),
            tampered: await write("tampered", {
                layers: [{ files: [dir("app"), file("app/payload.txt", "the bytes the build produced\n")] }],
            }),
        };
        const built = JSON.parse(fs.readFileSync(path.join(layouts.tampered, "blobs", "sha256", digests.tampered!.slice(7)), "utf8")) as {
            layers: { digest: string }[];
        };
        const layer = path.join(layouts.tampered, "blobs", "sha256", built.layers[0]!.digest.slice(7));
        const bytes = fs.readFileSync(layer);
        bytes[Math.floor(bytes.length / 2)] ^= 0xff;
        fs.writeFileSync(layer, bytes);
        server = await serveLayouts(layouts);
    });
    after(async () => {
        await server?.close();
        fs.rmSync(work, { recursive: true, force: true });
    });

    it("keeps what the top layers leave: a whiteout deletes a package, an opaque directory hides what lay under it", async () => {
        const a = await analyzeImage(client(), { repository: "layered", digest: digests.layered! }, AMD64);
        assert.deepStrictEqual(a.integrity, []);
        assert.deepStrictEqual(a.packages.map((p) => `${p.name}@${p.version}`).sort(), ["left-pad@1.3.0", "new-lib@0.2.0"]);
        assert.deepStrictEqual(a.packages.find((p) => p.name === "left-pad")?.purl, "pkg:npm/left-pad@1.3.0");
        assert.deepStrictEqual(a.os?.id, "debian");
        assert.strictEqual(a.layers.length, 3);
    });

    it("finds a key a later layer deleted, in the layer that holds it, and never reports its value", async () => {
        const a = await analyzeImage(client(), { repository: "layered", digest: digests.layered! }, AMD64);
        assert.deepStrictEqual(
            a.secrets.map((s) => [s.path, s.kind, s.layerIndex, s.present, s.layer === a.layers[1]!.digest]),
            [["/root/.ssh/id_rsa", "private-key", 1, false, true]],
        );
        assert.ok(!JSON.stringify(a).includes("b3BlbnNzaC1rZXktdjEAAAAA"));
    });

    it("reports setuid files, world-writable paths, shells and the config's secret-looking variable names, not their values", async () => {
        const a = await analyzeImage(client(), { repository: "layered", digest: digests.layered! }, AMD64);
        assert.deepStrictEqual(a.setuidFiles, [{ path: "/usr/bin/passwd", mode: "4755", setuid: true }]);
        assert.deepStrictEqual(a.worldWritable, [{ path: "/app/uploads", mode: "0777" }]);
        assert.deepStrictEqual(
            a.tools.map((t) => [t.name, t.category]),
            [["sh", "shell"]],
        );
        assert.strictEqual(a.config?.user, "10001");
        assert.deepStrictEqual(a.config?.secretEnvNames, ["API_TOKEN"]);
        assert.ok(!JSON.stringify(a).includes("value-never-reported"));
    });

    it("resolves an image index to the task's platform", async () => {
        for (const architecture of ["amd64", "arm64"] as const) {
            const a = await analyzeImage(
                client(),
                { repository: "multi", digest: digests.multi! },
                { platform: { os: "linux", architecture } },
            );
            assert.notStrictEqual(a.manifestDigest, digests.multi);
            assert.deepStrictEqual(
                a.packages.map((p) => p.name),
                [`arch-${architecture}`],
            );
        }
        await assert.rejects(
            analyzeImage(
                client(),
                { repository: "multi", digest: digests.multi! },
                { platform: { os: "linux", architecture: "s390x" as "amd64" } },
            ),
            (e: unknown) =>
                e instanceof ImageError && e.code === "EDF_IMAGE_UNSUPPORTED" && /it has: linux\/amd64, linux\/arm64/.test(e.message),
        );
    });

    it("refuses a layer whose bytes do not match its digest: an integrity problem, nothing read from the image", async () => {
        const a = await analyzeImage(client(), { repository: "tampered", digest: digests.tampered! }, AMD64);
        assert.strictEqual(a.integrity.length, 1);
        assert.strictEqual(a.integrity[0]!.subject, "layer");
        assert.match(a.integrity[0]!.message, /layer 0 \(sha256:[0-9a-f]{12}\) does not match its digest/);
        assert.deepStrictEqual([a.packages, a.secrets, a.tools], [[], [], []]);
    });

    it("pulls nothing of an image over the size limit, naming the setting to raise", async () => {
        const before = server.requests.length;
        await assert.rejects(
            analyzeImage(client(), { repository: "layered", digest: digests.layered! }, { ...AMD64, maxImageBytes: 100 }),
            (e: unknown) =>
                e instanceof ImageError && e.code === "EDF_IMAGE_TOO_LARGE" && /raise `inspect\.maxImageMegabytes`/.test(e.message),
        );
        assert.ok(
            server.requests.slice(before).every((r) => r.includes("/manifests/")),
            "only the manifest was fetched",
        );
    });

    it("reports progress from the manifest through every layer to done", async () => {
        const seen: ImageProgress[] = [];
        await analyzeImage(client(), { repository: "layered", digest: digests.layered! }, { ...AMD64, onProgress: (p) => seen.push(p) });
        assert.strictEqual(seen[0]!.phase, "manifest");
        assert.strictEqual(seen[seen.length - 1]!.phase, "done");
        assert.strictEqual(seen[seen.length - 1]!.layersDone, 3);
        assert.ok(seen.some((p) => p.phase === "layers" && p.bytesRead > 0 && p.bytesRead <= p.bytes));
    });
});

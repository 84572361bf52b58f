/**
 * Benchmark: image analysis (`analyzeImage`, what `edf inspect` runs per digest) against Syft on
 * the same images in the same local registry (Debian's docker-registry on 127.0.0.1, started and
 * stopped here). Prints, as medians of several runs: images/s, MB/s (compressed layer bytes),
 * peak RSS, and Syft's wall time and peak RSS on the same images, side by side, with the ratio.
 *
 *   npx ts-node --transpile-only bench/inspect-images.ts [--images 20] [--megabytes 300] [--runs 3]
 *   npx ts-node --transpile-only bench/inspect-images.ts --smoke     # 3 images, ≈ 6 MB, 1 run (npm test)
 *
 * The images: 3 to 8 layers each (layer count cycles), a Debian base whose dpkg status is the
 * machine's own, then layers of node_modules manifests and "binaries" (half random bytes, half
 * low-entropy bytes, so gzip has real work and the registry serves ≈ the asked size). Every
 * image differs, so nothing is shared between them.
 *
 * How each side is timed, so the ratio is fair: ours is one child process that analyses every
 * image one after another (its wall time includes Node's start and module loading, once); Syft
 * is one `syft scan registry:<ref>` process per image, one after another, its wall times summed
 * (its start is paid per image, as a user running it per image pays it). Both read every layer
 * through the registry API; neither unpacks to disk in full (Syft does write layers to its temp
 * folder). Peak RSS: ours is the child's maxRSS; Syft's is the largest of its processes
 * (GNU time's %M). Samples run one after another (the machine is shared).
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BenchImage, buildImages } from "./support/images";
import { BenchmarkBroken, describeMachine, describeRuns, expect, median, numberOption, runBenchmark, target } from "./support/figures";

interface OurSample {
    readonly wallMs: number;
    readonly bytes: number;
    readonly packages: number;
    readonly peakRssMiB: number;
}

interface SyftSample {
    readonly wallMs: number;
    readonly packages: number;
    readonly peakRssMiB?: number;
}

const MiB = 1024 * 1024;
const GNU_TIME = "/usr/bin/time";

/** In the child: analyses every image in turn; prints the sample as JSON. */
async function ourSample(host: string, images: readonly BenchImage[]): Promise<OurSample> {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded inside the sample so their load time is measured */
    const { analyzeImage } = require("../automation/image/analyze") as typeof import("../automation/image/analyze");
    const { RegistryClient } = require("../automation/image/registry/client") as typeof import("../automation/image/registry/client");
    const { ANONYMOUS } = require("../automation/image/registry/credentials") as typeof import("../automation/image/registry/credentials");
    /* eslint-enable @typescript-eslint/no-require-imports */
    const client = new RegistryClient({ registry: host, url: `http://${host}`, credentials: ANONYMOUS });
    let bytes = 0;
    let packages = 0;
    for (const image of images) {
        const analysis = await analyzeImage(
            client,
            { repository: image.repository, digest: image.digest },
            { platform: { os: "linux", architecture: "amd64" } },
        );
        if (analysis.integrity.length) throw new BenchmarkBroken(`${image.reference}: ${analysis.integrity[0]!.message}`);
        bytes += analysis.sizeBytes;
        packages += analysis.packages.length;
    }
    return { wallMs: 0, bytes, packages, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

function runOurs(host: string, images: readonly BenchImage[]): OurSample {
    const t0 = process.hrtime.bigint();
    const out = execFileSync(process.execPath, [...process.execArgv, __filename, "--sample", host, JSON.stringify(images)], {
        encoding: "utf8",
        maxBuffer: 16 * MiB,
    });
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    return { ...(JSON.parse(out) as OurSample), wallMs };
}

function runSyft(syft: string, images: readonly BenchImage[]): SyftSample {
    const timed = fs.existsSync(GNU_TIME);
    let wallMs = 0;
    let packages = 0;
    let peak = 0;
    for (const image of images) {
        const args = ["scan", `registry:${image.reference}`, "-o", "json", "-q"];
        const t0 = process.hrtime.bigint();
        const result = spawnSync(timed ? GNU_TIME : syft, timed ? ["-f", "edf-peak-kib %M", syft, ...args] : args, {
            encoding: "utf8",
            maxBuffer: 256 * MiB,
            env: {
                ...process.env,
                SYFT_CHECK_FOR_APP_UPDATE: "false",
                SYFT_REGISTRY_INSECURE_USE_HTTP: "true",
                SYFT_PLATFORM: "linux/amd64",
            },
        });
        wallMs += Number(process.hrtime.bigint() - t0) / 1e6;
        if (result.status !== 0)
            throw new BenchmarkBroken(`syft on ${image.reference} exited ${result.status}: ${result.stderr.slice(-500)}`);
        const doc = JSON.parse(result.stdout) as { artifacts: { type: string }[] };
        packages += doc.artifacts.filter((a) => a.type !== "binary").length;
        const kib = /edf-peak-kib (\d+)/.exec(result.stderr)?.[1];
        if (kib) peak = Math.max(peak, Number(kib) / 1024);
    }
    return { wallMs, packages, ...(timed ? { peakRssMiB: peak } : {}) };
}

async function main(): Promise<void> {
    const sampleAt = process.argv.indexOf("--sample");
    if (sampleAt >= 0) {
        const host = process.argv[sampleAt + 1]!;
        const images = JSON.parse(process.argv[sampleAt + 2]!) as BenchImage[];
        process.stdout.write(JSON.stringify(await ourSample(host, images)));
        return;
    }
    const count = numberOption("images", 20, { smoke: 3 });
    const megabytes = numberOption("megabytes", 300, { smoke: 6 });
    const runs = numberOption("runs", 3, { smoke: 1 });
    const { startRegistry } = await import("../test/support/servers");
    const { toolchain } = await import("../test/support/toolchain");
    const syft = toolchain().syft;
    const registry = await startRegistry();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "edf-bench-inspect-"));
    try {
        const images = await buildImages(registry.host, count, megabytes, work);
        const ours: OurSample[] = [];
        const theirs: SyftSample[] = [];
        for (let r = 0; r < runs; r++) {
            ours.push(runOurs(registry.host, images));
            theirs.push(runSyft(syft.path, images));
        }
        const o = ours[0]!;
        expect(o.bytes > 0 && o.packages > 0, "the analysis read nothing: the images or the registry are broken");
        expect(
            o.packages === theirs[0]!.packages,
            `we found ${o.packages} packages and Syft ${theirs[0]!.packages} on the same images: one side no longer reads them`,
        );
        const ourMs = median(ours.map((s) => s.wallMs));
        const syftMs = median(theirs.map((s) => s.wallMs));
        const mb = o.bytes / MiB;
        const ourRss = median(ours.map((s) => s.peakRssMiB));
        const syftRss = theirs[0]!.peakRssMiB === undefined ? undefined : median(theirs.map((s) => s.peakRssMiB!));
        console.log(
            `inspect-images: ${images.length} images of 3–${Math.min(8, 2 + images.length)} layers, ${mb.toFixed(1)} MB compressed, ` +
                `${o.packages} packages (Syft: ${theirs[0]!.packages}), local registry on 127.0.0.1`,
        );
        console.log(`${describeMachine()}; ${describeRuns(runs)}; Syft ${syft.version}`);
        console.log(
            `ours (analyzeImage, 1 process):  ${(ourMs / 1000).toFixed(2)} s  → ${(images.length / (ourMs / 1000)).toFixed(2)} images/s, ` +
                `${(mb / (ourMs / 1000)).toFixed(1)} MB/s; peak RSS ${ourRss.toFixed(0)} MiB${target("≤ 512 MiB")}`,
        );
        console.log(
            `Syft (1 process per image):      ${(syftMs / 1000).toFixed(2)} s  → ${(images.length / (syftMs / 1000)).toFixed(2)} images/s, ` +
                `${(mb / (syftMs / 1000)).toFixed(1)} MB/s; peak RSS ${syftRss === undefined ? "not measured (no GNU time)" : `${syftRss.toFixed(0)} MiB`}`,
        );
        console.log(`wall time ratio ours / Syft: ${(ourMs / syftMs).toFixed(2)}${target("≤ 1.0")}`);
        console.log(
            `samples (s): ours ${ours.map((s) => (s.wallMs / 1000).toFixed(2)).join(", ")}; ` +
                `Syft ${theirs.map((s) => (s.wallMs / 1000).toFixed(2)).join(", ")}`,
        );
    } finally {
        await registry.stop();
        fs.rmSync(work, { recursive: true, force: true });
    }
}

runBenchmark(main);

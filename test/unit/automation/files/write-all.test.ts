import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EdfError } from "../../../../automation/errors";
import { FileOperations, NODE_FILE_OPERATIONS, PlannedFile, writeAllOrNothing } from "../../../../automation/files/write-all";
import { scaffoldNewService } from "../../../../automation/scaffold";

/** Every file under `root` with its content: the tree, to compare before and after. */
function snapshot(root: string): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            const key = path.relative(root, full);
            if (entry.isSymbolicLink()) out[key] = `-> ${fs.readlinkSync(full)}`;
            else if (entry.isDirectory()) {
                out[`${key}/`] = "";
                walk(full);
            } else out[key] = fs.readFileSync(full, "utf8");
        }
    };
    walk(root);
    return out;
}

/** Node's file operations, failing (as a full disk would) at the `failAt`-th call. */
function failingAt(failAt: number): FileOperations & { calls: number } {
    const ops = { calls: 0 } as FileOperations & { calls: number };
    for (const [name, fn] of Object.entries(NODE_FILE_OPERATIONS)) {
        (ops as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
            if (++ops.calls === failAt) throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
            return (fn as (...a: unknown[]) => unknown)(...args);
        };
    }
    return ops;
}

const SPEC = (environment: string) => `# ${environment}: kept as written
environment: ${environment}
units:
  network:    { path: platform/network }     # aligned comments stay
  security:   { path: platform/security }
  shared:
    path: platform/shared-services
    dependsOn: [network, security]
`;

describe("writing a change all or nothing", () => {
    let root: string;
    let outside: string;
    beforeEach(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), "edf-write-all-"));
        outside = fs.mkdtempSync(path.join(os.tmpdir(), "edf-write-all-outside-"));
        fs.mkdirSync(path.join(root, "environments", "samples"), { recursive: true });
        fs.writeFileSync(path.join(root, "environments", "dev.yaml"), SPEC("dev"));
        fs.writeFileSync(path.join(root, "environments", "prod.yaml"), SPEC("prod"));
        fs.writeFileSync(path.join(root, "environments", "samples", "prod.yaml"), "sampleValuesOnly: true\nenv:\n  OTHER: x\n");
    });
    afterEach(() => {
        fs.rmSync(root, { recursive: true, force: true });
        fs.rmSync(outside, { recursive: true, force: true });
    });

    it("scaffolds a service: new files created, specs and samples edited by added lines only", () => {
        const before = snapshot(root);
        const files = scaffoldNewService(root, { name: "orders-api", owner: "orders-team" });
        assert.deepEqual(
            files.map((f) => f.path),
            ["services/orders-api/program.ts", "environments/dev.yaml", "environments/prod.yaml", "environments/samples/prod.yaml"],
        );
        const after = snapshot(root);
        for (const file of ["environments/dev.yaml", "environments/prod.yaml", "environments/samples/prod.yaml"]) {
            assert.ok(after[file]!.startsWith(before[file]!), `${file}: only lines added at the end of its map`);
        }
        assert.deepEqual(
            Object.keys(after).filter((k) => k.includes(".tmp")),
            [],
            "no temporary file is left",
        );
    });

    it("leaves the tree exactly as it was when any write fails, whichever it is", () => {
        const before = snapshot(root);
        const counting = failingAt(Number.MAX_SAFE_INTEGER);
        scaffoldNewService(root, { name: "orders-api", owner: "orders-team" }, counting);
        const calls = counting.calls;
        assert.ok(calls > 10, `a scaffold makes many writes (${calls})`);
        fs.rmSync(root, { recursive: true, force: true });
        for (let failAt = 1; failAt <= calls; failAt++) {
            fs.mkdirSync(path.join(root, "environments", "samples"), { recursive: true });
            for (const [file, text] of Object.entries(before)) if (!file.endsWith("/")) fs.writeFileSync(path.join(root, file), text);
            assert.throws(
                () => scaffoldNewService(root, { name: "orders-api", owner: "orders-team" }, failingAt(failAt)),
                (e: unknown) => e instanceof EdfError && e.code === "EDF_WRITE_FAILED" && /ENOSPC.*nothing was changed/.test(e.message),
                `failure at call ${failAt}`,
            );
            assert.deepEqual(snapshot(root), before, `failure at call ${failAt} left the tree changed`);
            fs.rmSync(root, { recursive: true, force: true });
        }
    });

    it("refuses to write through a symbolic link, and changes nothing", () => {
        const target = path.join(outside, "dev.yaml");
        fs.writeFileSync(target, SPEC("dev"));
        // A link inside the project: readable, but a write through it would change another file.
        fs.renameSync(path.join(root, "environments", "dev.yaml"), path.join(root, "environments", "dev-real.yaml"));
        fs.symlinkSync("dev-real.yaml", path.join(root, "environments", "dev.yaml"));
        const before = snapshot(root);
        assert.throws(
            () => scaffoldNewService(root, { name: "orders-api", owner: "orders-team" }),
            (e: unknown) =>
                e instanceof EdfError &&
                e.code === "EDF_USAGE" &&
                e.problems.some((p) => p.file === "environments/dev.yaml" && /is a symbolic link/.test(p.message)),
        );
        assert.deepEqual(snapshot(root), before);
    });

    it("refuses a spec that is a symbolic link out of the project before reading it, and changes nothing", () => {
        fs.writeFileSync(path.join(outside, "dev.yaml"), SPEC("dev"));
        fs.rmSync(path.join(root, "environments", "dev.yaml"));
        fs.symlinkSync(path.join(outside, "dev.yaml"), path.join(root, "environments", "dev.yaml"));
        const before = snapshot(root);
        assert.throws(
            () => scaffoldNewService(root, { name: "orders-api", owner: "orders-team" }),
            (e: unknown) => e instanceof EdfError && e.problems.some((p) => /outside the project/.test(p.message)),
        );
        assert.deepEqual(snapshot(root), before);
        assert.equal(fs.readFileSync(path.join(outside, "dev.yaml"), "utf8"), SPEC("dev"), "the file outside is untouched");
    });

    it("refuses a file that changed since it was read, or a new file that appeared", () => {
        const spec = path.join(root, "environments", "dev.yaml");
        const planned: PlannedFile[] = [
            { file: spec, display: "environments/dev.yaml", content: "changed\n", expected: "not what is there\n" },
            { file: path.join(root, "environments", "prod.yaml"), display: "environments/prod.yaml", content: "new\n" },
        ];
        assert.throws(
            () => writeAllOrNothing(planned, root),
            (e: unknown) =>
                e instanceof EdfError && e.problems.map((p) => p.message).join("|") === "it changed since it was read|it exists already",
        );
        assert.equal(fs.readFileSync(spec, "utf8"), SPEC("dev"));
    });
});

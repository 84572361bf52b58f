// The SDK as a service team gets it: `npm pack` of this repository, installed from the tarball
// into projects outside it (dependencies from the registry this machine reaches; nothing is
// published), then used only through the package: its `edf` bin, its entry points, its pack.
//
// The first consumer takes the SDK's @pulumi/* peers at their newest; the second is already on
// @pulumi/pulumi 3.260.0 (the lowest of the peer range) and must end with that one copy, the
// SDK's fences loading on it, and the SDK's stack references working on the real engine.
import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { engineEnv, PROJECT_ROOT, toolchain } from "../../support/toolchain";

const run = promisify(execFile);
const SECOND_SDK = "3.260.0";
/** The development dependencies `edf init` asks a TypeScript project for, at the versions this repository tests with. */
const DEV_DEPENDENCIES = ["typescript@5.9.3", "ts-node@10.9.2", "@types/node@22.20.7"];
const DIGEST = `sha256:${"0".repeat(63)}7`;

interface Output {
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs a command; on failure the error carries everything it printed. */
async function sh(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Output> {
    try {
        return await run(command, [...args], { cwd, env: { ...process.env, ...engineEnv(), ...env }, maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
        const e = error as Error & { stdout?: string; stderr?: string };
        throw new Error(`${command} ${args.join(" ")} (in ${cwd}) failed: ${e.message}\nstdout:\n${e.stdout}\nstderr:\n${e.stderr}`, {
            cause: error,
        });
    }
}

const npm = (cwd: string, ...args: string[]) => sh("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], cwd);
const edf = (cwd: string, ...args: string[]) =>
    sh(path.join(cwd, "node_modules", ".bin", "edf"), args, cwd, { ORDERS_IMAGE_DIGEST: DIGEST });

/** A new folder with a package.json, as `npm init` leaves it. */
function newConsumer(parent: string, name: string): string {
    const dir = path.join(parent, name);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name, version: "1.0.0", private: true }, null, 2)}\n`);
    return dir;
}

/** The folders `@pulumi/pulumi` is installed in, and their versions. */
async function sdkCopies(dir: string): Promise<{ folder: string; version: string }[]> {
    const { stdout } = await sh("npm", ["ls", "--all", "--parseable", "@pulumi/pulumi"], dir);
    return [...new Set(stdout.split("\n").filter(Boolean))].map((folder) => ({
        folder: path.relative(dir, folder),
        version: (JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8")) as { version: string }).version,
    }));
}

describe("the SDK as a package, used from a consumer's own repository", function () {
    this.timeout(1_200_000);
    let scratch: string;
    let tarball: string;
    let first: string;

    before(async () => {
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), "edf-consumer-"));
        // `npm pack` runs the package's prepack (scripts/build.sh: tsc into dist/).
        const { stdout } = await sh("npm", ["pack", "--pack-destination", scratch, "--loglevel=error"], PROJECT_ROOT);
        tarball = path.join(scratch, stdout.trim().split("\n").pop()!);
        assert.ok(fs.existsSync(tarball), `npm pack wrote ${tarball}`);
    });

    after(() => {
        if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    });

    it("installs from the tarball, inits, scaffolds a service, synthesizes prod with no mandatory finding, and type-checks", async () => {
        first = newConsumer(scratch, "first");
        await npm(first, "install", "--save-exact", tarball, ...DEV_DEPENDENCIES);
        const copies = await sdkCopies(first);
        assert.deepStrictEqual(
            copies.map((c) => c.folder),
            [path.join("node_modules", "@pulumi", "pulumi")],
        );

        const init = await edf(first, "init", "--name", "first");
        assert.match(init.stdout, /created Pulumi\.yaml[\s\S]*created environments\/prod\.yaml/);
        assert.match(fs.readFileSync(path.join(first, "index.ts"), "utf8"), /from "@edf\/platform-sdk\/unit"/);
        await assert.rejects(edf(first, "init"), /EDF_INIT_EXISTS[\s\S]*Pulumi\.yaml: exists already/, "init never overwrites");

        await edf(first, "new", "service", "orders", "--owner", "team-orders");
        assert.match(fs.readFileSync(path.join(first, "services", "orders", "program.ts"), "utf8"), /from "@edf\/platform-sdk\/services"/);

        // From a subfolder: the project is found upward from the working directory.
        const synth = await sh(
            path.join(first, "node_modules", ".bin", "edf"),
            ["synth", "--env", "prod", "--json"],
            path.join(first, "services"),
            {
                ORDERS_IMAGE_DIGEST: DIGEST,
            },
        );
        const result = JSON.parse(synth.stdout) as {
            exitCode: number;
            runDir: string;
            stacks: { unit: string; status: string; mandatory: number }[];
        };
        assert.deepStrictEqual(
            result.stacks.map((s) => [s.unit, s.status, s.mandatory]),
            [
                ["security", "passed", 0],
                ["network", "passed", 0],
                ["shared-services", "passed", 0],
                ["orders", "passed", 0],
            ],
        );
        assert.strictEqual(result.exitCode, 0);
        const report = JSON.parse(fs.readFileSync(path.resolve(first, result.runDir, "report.json"), "utf8")) as {
            pack: { path: string };
            stacks: { findings: { level: string; waivedBy?: unknown }[] }[];
        };
        // The one mandatory finding the landing zone has in prod is waived by `edf init`'s waiver file.
        assert.deepStrictEqual(
            report.stacks.flatMap((s) => s.findings.filter((f) => f.level === "mandatory" && !f.waivedBy)),
            [],
        );
        assert.strictEqual(report.pack.path, "@edf/platform-sdk/policy-packs/pipeline", "the SDK's own pack judged the project");
        assert.ok(fs.existsSync(path.join(first, ".edf", "cache", "ts")), "the transpile cache lives in the consumer's project");

        await sh(path.join(first, "node_modules", ".bin", "tsc"), ["-p", "."], first);
    });

    it("runs `pulumi up` of an engine-native unit through the consumer's Pulumi.yaml", async () => {
        assert.ok(first, "the first consumer exists");
        fs.mkdirSync(path.join(first, "services", "echo"));
        fs.writeFileSync(
            path.join(first, "services", "echo", "program.ts"),
            `import * as pulumi from "@pulumi/pulumi";
import { defineUnit } from "@edf/platform-sdk/unit";

export default defineUnit(({ environment, unit }) => {
    const echo = new pulumi.ComponentResource("first:test:Echo", "echo", {}, {});
    return { environment, unit, echoUrn: echo.urn };
});
`,
        );
        const env = {
            PATH: `${toolchain().languageHost.dir}${path.delimiter}${engineEnv().PATH}`,
            PULUMI_BACKEND_URL: `file://${path.join(scratch, "first-backend")}`,
            PULUMI_CONFIG_PASSPHRASE: "consumer-test",
        };
        fs.mkdirSync(path.join(scratch, "first-backend"));
        await sh("pulumi", ["stack", "init", "dev.echo"], first, env);
        await sh("pulumi", ["config", "set", "edf:unit", "services/echo"], first, env);
        await sh("pulumi", ["config", "set", "edf:environment", "dev"], first, env);
        await sh("pulumi", ["up", "--yes", "--skip-preview"], first, env);
        const outputs = JSON.parse((await sh("pulumi", ["stack", "output", "--json"], first, env)).stdout) as Record<string, string>;
        assert.deepStrictEqual(outputs, {
            environment: "dev",
            unit: "services/echo",
            echoUrn: "urn:pulumi:dev.echo::first::first:test:Echo::echo",
        });
    });

    it(`gives a consumer already on @pulumi/pulumi ${SECOND_SDK} one copy of it, and the SDK's stack references work`, async () => {
        const second = newConsumer(scratch, "second");
        await npm(second, "install", "--save-exact", `@pulumi/pulumi@${SECOND_SDK}`, ...DEV_DEPENDENCIES);
        await npm(second, "install", "--save-exact", tarball);
        const copies = await sdkCopies(second);
        assert.deepStrictEqual(copies, [{ folder: path.join("node_modules", "@pulumi", "pulumi"), version: SECOND_SDK }]);
        const tree = (await sh("npm", ["ls", "@pulumi/pulumi"], second)).stdout;
        assert.match(tree, /@edf\/platform-sdk[\s\S]*@pulumi\/pulumi@3\.260\.0 deduped/);

        await edf(second, "init", "--name", "second");
        for (const unit of ["producer", "reader"]) fs.mkdirSync(path.join(second, "services", unit), { recursive: true });
        fs.writeFileSync(
            path.join(second, "services", "producer", "program.ts"),
            `// Publishes a landing-zone security part (the contract's shape) from engine-native parts only.
import * as pulumi from "@pulumi/pulumi";
import { defineUnit } from "@edf/platform-sdk/unit";
import { CONTRACT_VERSION, SecurityOutputs } from "@edf/platform-sdk/platform";

export default defineUnit(({ environment }) => {
    const marker = new pulumi.ComponentResource("second:test:Marker", "marker", {}, {});
    const arn = (what: string) => \`arn:aws:iam::111111111111:\${what}\`;
    const outputs: SecurityOutputs = {
        contractVersion: CONTRACT_VERSION,
        environment,
        logsKmsKeyArn: arn("key/logs"),
        dataKmsKeyArn: arn("key/data"),
        secretsKmsKeyArn: arn("key/secrets"),
        logArchiveBucketName: "log-archive",
        logArchiveBucketArn: arn("bucket/log-archive"),
        accessLogsBucketName: "access-logs",
        accessLogsBucketArn: arn("bucket/access-logs"),
        permissionsBoundaryArn: arn("policy/boundary"),
        cloudTrailArn: arn("trail/main"),
        guardDutyDetectorId: "detector-1",
    };
    return { ...outputs, markerUrn: marker.urn };
});
`,
        );
        fs.writeFileSync(
            path.join(second, "services", "reader", "program.ts"),
            `// Reads the producer's security part through the SDK's typed stack reference.
import { defineUnit } from "@edf/platform-sdk/unit";
import { LandingZoneReference } from "@edf/platform-sdk/platform";

export default defineUnit(({ config, environment }) => {
    const landingZone = LandingZoneReference.fromStacks({ security: config.require("securityStack") }, { environment });
    return { boundary: landingZone.require("security", "permissionsBoundaryArn") };
});
`,
        );
        fs.writeFileSync(
            path.join(second, "environments", "local.yaml"),
            `environment: local
units:
  producer:
    path: services/producer
  reader:
    path: services/reader
    dependsOn: [producer]
    config: { securityStack: organization/second/local.producer }
`,
        );
        await sh(path.join(second, "node_modules", ".bin", "tsc"), ["-p", "."], second);

        // Synth on the consumer's SDK: its mock monitor is not the shape synth's faster registrations
        // are written for, so synth keeps the SDK's own (same result), never refuses to run.
        const synth = JSON.parse((await edf(second, "synth", "--env", "local", "--json")).stdout) as {
            exitCode: number;
            stacks: { unit: string; status: string }[];
        };
        assert.deepStrictEqual(
            synth.stacks.map((s) => [s.unit, s.status]),
            [
                ["producer", "passed"],
                ["reader", "passed"],
            ],
        );
        assert.strictEqual(synth.exitCode, 0);

        // The driver's program hosts run both units on the consumer's SDK, the SDK's pack judging each stack.
        const up = await edf(second, "up", "--env", "local", "--yes");
        assert.match(up.stdout, /up local: succeeded \(2 succeeded\)/);
        const { producer, reader } = JSON.parse((await edf(second, "outputs", "--env", "local", "--json")).stdout) as Record<
            string,
            Record<string, unknown>
        >;
        assert.strictEqual(reader?.boundary, "arn:aws:iam::111111111111:policy/boundary");
        assert.strictEqual(reader?.boundary, producer?.permissionsBoundaryArn);
        const runs = path.join(second, ".edf", "runs");
        const lastRun = fs
            .readdirSync(runs)
            .filter((d) => d.endsWith("-up-local"))
            .sort()
            .pop()!;
        const log = fs.readFileSync(path.join(runs, lastRun, "local.reader.log"), "utf8");
        // The SDK's pack ran on the engine (which shortens long paths: `/tmp/.../policy-packs/pipeline`).
        assert.match(log, /✅ edf-pipeline@v0\.1\.0 \(local: .*policy-packs\/pipeline\)/);
    });
});

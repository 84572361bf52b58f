import * as assert from "assert";
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import { PROJECT_ROOT } from "../../support/toolchain";
import { freePort } from "../../support/servers";
import { Estate, prepareEstate, runEdf } from "./support/estate";

const BIN = path.join(PROJECT_ROOT, "automation", "cli", "bin.js");

/** Runs `edf <args>` on a pseudo-terminal (util-linux `script`), answering `input` once a question shows. */
function onTerminal(args: string[], input: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; output: string }> {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
    const child = spawn("script", ["-qec", command, "/dev/null"], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: "pipe" });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const answer = setInterval(() => {
        if (/\[y\/N\]|Type the environment name/.test(output)) {
            clearInterval(answer);
            child.stdin.end(input);
        }
    }, 100);
    return new Promise((resolve) =>
        child.on("close", (code) => {
            clearInterval(answer);
            resolve({ code, output });
        }),
    );
}

/** PATH with Node and the basic tools, without the Pulumi CLI. */
function pathWithoutPulumi(): string {
    return (process.env.PATH ?? "")
        .split(path.delimiter)
        .filter((dir) => !fs.existsSync(path.join(dir, "pulumi")))
        .join(path.delimiter);
}

// The conventions a user expects of a CLI, each on the real `edf` entry point.
describe("edf on the real engine: the CLI conventions", function () {
    this.timeout(600_000);
    let estate: Estate;
    const env = (...args: string[]) => [...args, "--env", estate.specFile, "--home", estate.home];

    before(() => {
        estate = prepareEstate("single", { VALUE: "v1", DELAY: "0" });
    });
    after(() => estate.remove());

    it("prints its version with --version and, with what it runs on, with `version`", async () => {
        const version = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")).version as string;
        const short = await runEdf(["--version"]);
        assert.strictEqual(short.code, 0);
        assert.strictEqual(short.stdout.trim(), `edf ${version}`);
        const long = await runEdf(["--json", "version"]);
        assert.strictEqual(long.code, 0, long.stderr);
        const report = JSON.parse(long.stdout);
        assert.strictEqual(report.edf, version);
        assert.match(report.pulumiCli, /^v3\.\d+\.\d+/);
        assert.match(report["@pulumi/pulumi"], /^3\./);
    });

    it("writes bash and zsh completion scripts that complete commands, options and environment names", async () => {
        const bash = await runEdf(["completion", "bash"]);
        assert.strictEqual(bash.code, 0, bash.stderr);
        const script = path.join(estate.root, "edf.bash");
        fs.writeFileSync(script, bash.stdout);
        const complete = (...words: string[]): string =>
            execFileSync(
                "bash",
                [
                    "-c",
                    `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _edf_complete; echo "\${COMPREPLY[*]}"`,
                    "bash",
                    script,
                    ...words,
                ],
                { cwd: PROJECT_ROOT, encoding: "utf8" },
            ).trim();
        assert.strictEqual(complete("edf", "pre"), "preview");
        assert.strictEqual(complete("edf", "preview", "--env", "pr"), "prod");
        assert.strictEqual(complete("edf", "destroy", "--unp"), "--unprotect");
        assert.strictEqual(complete("edf", "new", "se"), "service");
        const zsh = await runEdf(["completion", "zsh"]);
        const zshScript = path.join(estate.root, "_edf");
        fs.writeFileSync(zshScript, zsh.stdout);
        execFileSync("zsh", ["-n", zshScript]);
        const loaded = execFileSync(
            "zsh",
            ["-c", `autoload -U compinit; compinit -u -D; source ${zshScript}; whence -w _edf; print $_comps[edf]`],
            {
                encoding: "utf8",
            },
        );
        assert.match(loaded, /_edf: function\n_edf/);
        const refused = await runEdf(["completion", "fish"]);
        assert.strictEqual(refused.code, 3);
        assert.match(refused.stderr, /EDF_USAGE.*bash and zsh/);
    });

    it("takes the environment from EDF_ENV when --env is not given, and says how when neither is", async () => {
        const withVariable = await runEdf(["validate"], { EDF_ENV: estate.specFile });
        assert.strictEqual(withVariable.code, 0, withVariable.stderr);
        assert.match(withVariable.stdout, /valid — environment `single`/);
        assert.strictEqual(process.env.EDF_ENV, undefined, "the suite runs without EDF_ENV");
        const without = await runEdf(["validate"]);
        assert.strictEqual(without.code, 3);
        assert.match(without.stderr, /required option '-e, --env <name\|file>' not specified/);
    });

    it("writes one JSON document for every --json run, a usage error too", async () => {
        const usage = await runEdf(["--json", "preview", "--env", estate.specFile, "--bogus"]);
        assert.strictEqual(usage.code, 3);
        const document = JSON.parse(usage.stdout);
        assert.strictEqual(document.error.code, "EDF_USAGE");
        assert.match(document.error.message, /unknown option '--bogus'/);
        assert.deepStrictEqual(document.findings, []);
        assert.strictEqual(usage.stderr, "", "nothing but the JSON document");
    });

    it("says the Pulumi CLI is missing, with the toolchain command, before creating anything", async () => {
        const home = path.join(estate.root, "home-without-cli");
        const run = await runEdf(["preview", "--env", estate.specFile, "--home", home], { PATH: pathWithoutPulumi() });
        assert.strictEqual(run.code, 3, run.stderr);
        assert.match(
            run.stderr,
            /^error EDF_TOOL_MISSING: `edf preview` needs the Pulumi CLI, and `pulumi` is not on PATH; nothing was run\./,
        );
        assert.match(run.stderr, /npm run toolchain/);
        assert.ok(!fs.existsSync(home), "no backend, passphrase or run folder was created");
        const json = await runEdf(["--json", "outputs", "--env", estate.specFile, "--home", home], { PATH: pathWithoutPulumi() });
        assert.strictEqual(JSON.parse(json.stdout).error.code, "EDF_TOOL_MISSING");
    });

    it("checks what it needs with `edf doctor`, giving the fix for each problem", async () => {
        const ok = await runEdf(["doctor", "--env", estate.specFile, "--home", estate.home]);
        assert.strictEqual(ok.code, 0, ok.stdout + ok.stderr);
        assert.match(ok.stdout, /ok {4}Pulumi CLI\s+v3\.\d+\.\d+/);
        assert.match(ok.stdout, /ok {4}backend\s+file backend at/);
        assert.match(ok.stdout, /ok {4}passphrase/);
        const missing = await runEdf(["--json", "doctor"], { PATH: pathWithoutPulumi() });
        assert.strictEqual(missing.code, 1);
        const checks = JSON.parse(missing.stdout).checks as { name: string; status: string; fix?: string }[];
        const cli = checks.find((c) => c.name === "Pulumi CLI")!;
        assert.strictEqual(cli.status, "fail");
        assert.match(cli.fix!, /npm run toolchain/);
        // Vault and Consul: one that answers (a Consul stand-in on 127.0.0.1), one that does not.
        const consulPort = await freePort();
        const consul = http.createServer((_req, res) => res.end('"127.0.0.1:8300"')).listen(consulPort, "127.0.0.1");
        try {
            const closedPort = await freePort();
            const spec = path.join(estate.root, "injectors.yaml");
            fs.writeFileSync(
                spec,
                [
                    "environment: injectors",
                    "policy: { enabled: false }",
                    "injectors:",
                    `  vault: { address: "http://127.0.0.1:${closedPort}", auth: { method: token, tokenEnv: EDF_TEST_NO_SUCH_TOKEN } }`,
                    `  consul: { address: "http://127.0.0.1:${consulPort}" }`,
                    "units: { one: { path: test/fixtures/units/echo } }",
                    "",
                ].join("\n"),
            );
            const run = await runEdf(["--json", "doctor", "--env", spec, "--home", estate.home]);
            const by = (name: string) =>
                (JSON.parse(run.stdout).checks as { name: string; status: string; fix?: string }[]).find((c) => c.name === name)!;
            assert.strictEqual(run.code, 1);
            assert.strictEqual(by("Vault").status, "fail");
            assert.match(by("Vault").fix!, /injectors\.vault/);
            assert.strictEqual(by("Vault credentials").status, "fail");
            assert.match(by("Vault credentials").fix!, /export EDF_TEST_NO_SUCH_TOKEN/);
            assert.strictEqual(by("Consul").status, "ok");
        } finally {
            consul.close();
        }
    });

    it("asks before `up` on a terminal, refuses without one, and deploys with --yes", async () => {
        const refused = await runEdf(env("up"));
        assert.strictEqual(refused.code, 3);
        assert.match(refused.stderr, /EDF_CONFIRMATION_REQUIRED: `edf up` changes the cloud and asks first, but there is no terminal/);
        assert.match(refused.stderr, /pass `--yes`/);
        assert.strictEqual(estate.record("single.slow-0"), undefined);
        const declined = await onTerminal(env("up"), "n\n");
        assert.strictEqual(declined.code, 0, declined.output);
        assert.match(declined.output, /Plan for single .*:\r?\n {2}slow\s+create \d+/);
        assert.match(declined.output, /Deploy these changes to single\? \[y\/N\]/);
        assert.match(declined.output, /Not deployed: the plan was not confirmed\./);
        assert.strictEqual(estate.record("single.slow-0"), undefined);
        const accepted = await onTerminal(env("up"), "y\n");
        assert.strictEqual(accepted.code, 0, accepted.output);
        assert.strictEqual(estate.record("single.slow-0"), "v1");
        estate.write({ VALUE: "v2", DELAY: "0" });
        const yes = await runEdf(env("up", "--yes"));
        assert.strictEqual(yes.code, 0, yes.stderr);
        assert.strictEqual(estate.record("single.slow-0"), "v2");
    });

    it("passes --target through to the engine and prints property diffs with preview --diff", async () => {
        estate.write({ VALUE: "v3", DELAY: "0" });
        const urn = "urn:pulumi:single.slow::edf::edf:test:Echo$pulumi-nodejs:dynamic/edf-test:FileRecord::record-0";
        const run = await runEdf(["--json", ...env("preview", "--target", urn)]);
        const report = JSON.parse(run.stdout);
        const log = (): string => fs.readFileSync(path.join(report.runDir, report.stacks[0].log), "utf8");
        assert.strictEqual(run.code, 0, `${run.stderr}\n${log()}`);
        assert.deepStrictEqual(report.targets, [urn]);
        const steps = report.stacks[0].steps as { op: string; name: string; diff: { path: string; before: string; after: string }[] }[];
        assert.deepStrictEqual(
            steps.map((s) => [s.op, s.name]),
            [["update", "record-0"]],
            "only the targeted resource",
        );
        assert.deepStrictEqual(
            steps[0]!.diff.find((d) => d.path === "value"),
            { path: "value", before: "v2", after: "v3" },
        );
        const human = await runEdf(env("preview", "--diff"));
        assert.strictEqual(human.code, 0, human.stderr);
        assert.match(human.stdout, /update\s+urn:pulumi:single\.slow::edf::.*record-0 {2}\(holds data\)\n {8}~ value: "v2" → "v3"/);
        const bad = await runEdf(env("preview", "--target", "urn:pulumi:other.stack::edf::t::n"));
        assert.strictEqual(bad.code, 3);
        assert.match(bad.stderr, /`urn:pulumi:other\.stack::edf::t::n` is not the URN of a resource in a stack of `single`/);
    });
});

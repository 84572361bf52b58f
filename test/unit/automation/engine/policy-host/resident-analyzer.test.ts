import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cliHasNodeLanguageHost } from "../../../../../automation/engine/policy-host/resident-analyzer";

describe("whether the CLI would use the resident analyzer's plugin", () => {
    let dir: string;
    let cli: string;
    const executable = (file: string): void => {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, "#!/bin/sh\n", { mode: 0o755 });
    };
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-language-host-"));
        cli = path.join(dir, "cli", "pulumi");
        executable(cli);
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
        PATH: path.join(dir, "path"),
        PULUMI_HOME: path.join(dir, "home"),
        ...extra,
    });

    it("uses it when no Node language host is to be found (the project's toolchain)", () => {
        assert.strictEqual(cliHasNodeLanguageHost(cli, env()), false);
    });

    it("does not when a Node language host ships next to the CLI, is on PATH or is an installed plugin", () => {
        executable(path.join(dir, "cli", "pulumi-language-nodejs"));
        assert.strictEqual(cliHasNodeLanguageHost(cli, env()), true);
        fs.rmSync(path.join(dir, "cli", "pulumi-language-nodejs"));
        executable(path.join(dir, "path", "pulumi-language-nodejs"));
        assert.strictEqual(cliHasNodeLanguageHost(cli, env()), true);
        // The CLI ignores PATH's plugins when told to.
        assert.strictEqual(cliHasNodeLanguageHost(cli, env({ PULUMI_IGNORE_AMBIENT_PLUGINS: "true" })), false);
        fs.mkdirSync(path.join(dir, "home", "plugins", "language-nodejs-v3.200.0"), { recursive: true });
        assert.strictEqual(cliHasNodeLanguageHost(cli, env({ PULUMI_IGNORE_AMBIENT_PLUGINS: "true" })), true);
    });
});

import * as assert from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the loader is plain JavaScript (it loads before any TypeScript)
const { pluginEnv } = require("../../../../automation/loader/compile-cache") as {
    pluginEnv(env: NodeJS.ProcessEnv): Record<string, string>;
};

describe("Node's compile cache for the plugins the CLI starts", function () {
    this.timeout(60_000);
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-compile-cache-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("adds its preload to NODE_OPTIONS once, keeping the options already there", () => {
        const first = pluginEnv({ NODE_OPTIONS: "--max-old-space-size=512", NODE_COMPILE_CACHE: dir });
        assert.strictEqual(first.NODE_COMPILE_CACHE, dir);
        assert.match(first.NODE_OPTIONS!, /^--max-old-space-size=512 --require ".*flush-compile-cache\.js"$/);
        assert.strictEqual(pluginEnv({ ...first }).NODE_OPTIONS, first.NODE_OPTIONS);
    });

    it("has a plugin ended by a signal, as the CLI ends it, leave its compiled modules in the cache", async () => {
        const cache = path.join(dir, "cache");
        // A plugin in miniature: loads a module, says it is ready, then serves until stopped.
        const plugin = path.join(dir, "plugin.js");
        fs.writeFileSync(plugin, 'require("assert"); require("./lib.js"); console.log("ready"); setInterval(() => {}, 1000);\n');
        fs.writeFileSync(path.join(dir, "lib.js"), `module.exports = ${JSON.stringify("x".repeat(2000))};\n`);
        const child = spawn(process.execPath, [plugin], { env: { ...process.env, ...pluginEnv({ NODE_COMPILE_CACHE: cache }) } });
        await new Promise<void>((resolve) => child.stdout.on("data", () => resolve()));
        await new Promise((r) => setTimeout(r, 500));
        child.kill("SIGINT");
        await new Promise((resolve) => child.on("close", resolve));
        // Node makes the cache's folder at start either way: the files are what a signal used to lose.
        const files = fs.existsSync(cache) ? fs.readdirSync(cache, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : [];
        assert.ok(files.length > 0, "the cache stayed empty");
    });
});

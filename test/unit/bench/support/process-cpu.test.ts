import * as assert from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ProcessCpuSampler } from "../../../../bench/support/process-cpu";

// Burns `seconds` of its own CPU, then idles a moment so the sampler sees the final figure.
const burn = (seconds: number) =>
    `const s=process.cpuUsage();for(let u=process.cpuUsage(s);u.user+u.system<${seconds * 1e6};u=process.cpuUsage(s)){}setTimeout(()=>{},400);`;

describe("the benchmark's CPU split by process", function () {
    this.timeout(60000);
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-process-cpu-"));
        // A policy analyzer as the Pulumi CLI starts one: a launcher script that execs node on the SDK's runner.
        fs.mkdirSync(path.join(dir, "run-policy-pack"));
        fs.writeFileSync(path.join(dir, "run-policy-pack", "index.js"), burn(0.4));
        const launcher = `#!/bin/sh\nexec node ${path.join(dir, "run-policy-pack", "index.js")}\n`;
        fs.writeFileSync(path.join(dir, "pulumi-analyzer-policy-test"), launcher, { mode: 0o755 });
        fs.writeFileSync(path.join(dir, "preload.js"), "");
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("counts a plugin's node process as the plugin and the root's direct child as the driver, not the root itself", async () => {
        // The root stands for /usr/bin/time: it burns nothing itself and waits for its children.
        const root = spawn("sh", ["-c", `${path.join(dir, "pulumi-analyzer-policy-test")} & node -e '${burn(0.3)}'; wait`], {
            stdio: "ignore",
        });
        const sampler = new ProcessCpuSampler(root.pid!, 20);
        await new Promise((resolve) => root.on("close", resolve));
        const seconds = sampler.stop();
        assert.ok(seconds["policy analyzer"] >= 0.3 && seconds["policy analyzer"] < 1, `policy analyzer: ${seconds["policy analyzer"]} s`);
        assert.ok(seconds.driver >= 0.2 && seconds.driver < 1, `driver: ${seconds.driver} s`);
        assert.strictEqual(seconds["pulumi CLI"] + seconds["resource provider"] + seconds["language host"], 0);
    });

    it("counts a node process running the policy runner behind a preload (edf's resident analyzer) as the analyzer", async () => {
        const runner = path.join(dir, "run-policy-pack", "index.js");
        const root = spawn("sh", ["-c", `node -r ${path.join(dir, "preload.js")} ${runner} 127.0.0.1:0 . & wait`], { stdio: "ignore" });
        const sampler = new ProcessCpuSampler(root.pid!, 20);
        await new Promise((resolve) => root.on("close", resolve));
        const seconds = sampler.stop();
        assert.ok(seconds["policy analyzer"] >= 0.3 && seconds["policy analyzer"] < 1, `policy analyzer: ${seconds["policy analyzer"]} s`);
        assert.ok(seconds.driver < 0.2, `driver: ${seconds.driver} s`);
    });
});

import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { forgetChangedModules, watchProject } from "../../../../automation/synth/watch";

// What `edf synth --watch` drops from the require cache after a change: the changed module and
// every module that imports it, never the driver's own, and a changed driver file is refused.
describe("edf synth --watch: forgetting changed modules", () => {
    let dir: string;
    const file = (name: string): string => path.join(dir, name);
    const write = (name: string, text: string): void => fs.writeFileSync(file(name), text);

    beforeEach(() => {
        dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "edf-watch-modules-")));
        write("shared.js", "module.exports = { value: 1 };\n");
        write("program.js", 'module.exports = () => require("./shared").value;\n');
        write("other.js", "module.exports = 'other';\n");
        // Like unit/load.ts: the driver requires a program by a path known only at run time.
        write("loader.js", "module.exports = (name) => require(name);\n");
    });
    afterEach(() => {
        for (const id of Object.keys(require.cache)) if (id.startsWith(dir)) delete require.cache[id];
        fs.rmSync(dir, { recursive: true, force: true });
    });

    /* eslint-disable @typescript-eslint/no-require-imports -- the modules under test are made by the test */
    it("drops a changed module and its importers, so the next load sees the new text; the driver and unrelated modules stay", () => {
        const load = require(file("loader.js")) as (name: string) => () => number;
        const driver = new Set(Object.keys(require.cache));
        assert.equal(load(file("program.js"))(), 1);
        require(file("other.js"));
        write("shared.js", "module.exports = { value: 2 };\n");
        const forgotten = forgetChangedModules([file("shared.js")], driver);
        assert.deepEqual(forgotten, { modules: [file("program.js"), file("shared.js")] });
        assert.ok(require.cache[file("loader.js")], "the driver's module is kept");
        assert.ok(require.cache[file("other.js")], "a module that imports nothing changed is kept");
        assert.equal(load(file("program.js"))(), 2);
    });

    it("refuses to forget a file the driver runs on, and forgets nothing then", () => {
        const load = require(file("loader.js")) as (name: string) => () => number;
        load(file("program.js"))();
        const driver = new Set(Object.keys(require.cache));
        const forgotten = forgetChangedModules([file("shared.js"), file("other.js")], driver);
        assert.deepEqual(forgotten, { modules: [], driverFile: file("shared.js") });
        assert.ok(require.cache[file("program.js")]);
    });
    /* eslint-enable @typescript-eslint/no-require-imports */

    it("ignores files it never loaded", () => {
        assert.deepEqual(forgetChangedModules([file("other.js"), file("missing.js")], new Set()), { modules: [] });
    });

    it("hands over a settled batch of changes, leaving out ignored folders, and ends when aborted", async () => {
        fs.mkdirSync(file("node_modules"));
        const controller = new AbortController();
        const watcher = watchProject(dir, controller.signal, { settleMs: 50 });
        try {
            write("node_modules/x.js", "ignored\n");
            write("other.js", "module.exports = 'changed';\n");
            write("program.js", "module.exports = () => 3;\n");
            assert.deepEqual(await watcher.next(), [file("other.js"), file("program.js")]);
            controller.abort();
            assert.equal(await watcher.next(), undefined);
        } finally {
            watcher.close();
        }
    });
});

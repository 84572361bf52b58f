// Loaded first by both mocha configs: every temporary folder a test makes — and every process it
// starts, which inherits TMPDIR — goes under one folder of this run, removed when the run ends
// (also after a crash or an interrupt). Tests that forget to clean up used to leave their folders
// in the machine's temporary directory, hundreds a run: on a developer's machine that grew to
// 13 GB in a day and made creating a file there several times slower, which skewed the benchmarks.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "edf-test-run-"));
// os.tmpdir() reads TMPDIR on every call, so folders made from here on land in the run's folder.
process.env.TMPDIR = root;

function removeRoot(): void {
    fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}

// Mocha ends an interrupted run with process.exit (the "exit" below); a SIGTERM would end it
// without one, so it removes the folder first and then ends the process as the signal would.
process.once("SIGTERM", () => {
    removeRoot();
    process.kill(process.pid, "SIGTERM");
});
process.once("exit", removeRoot);

/** Mocha's global teardown: after the last test and every root hook. */
export function mochaGlobalTeardown(): void {
    removeRoot();
}

#!/usr/bin/env node
// The `edf` executable: loads the driver and the unit programs it runs in-process from
// TypeScript source, transpile-only (`tsc --noEmit` type-checks separately), through a
// content-hashed transpile cache (automation/loader/ts-cache.js): a warm start compiles
// nothing. `--debug` maps stack traces back to the TypeScript sources.
"use strict";
if (process.argv.includes("--debug")) {
    process.setSourceMapsEnabled(true);
}
require("../loader/ts-cache").register();
require("./main.ts")
    .main(process.argv)
    .then((code) => {
        process.exitCode = code;
    })
    .catch((error) => {
        process.stderr.write(`error: ${error && error.message ? error.message : String(error)}\n`);
        process.exitCode = 1;
    });

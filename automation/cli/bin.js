#!/usr/bin/env node
// The `edf` executable: registers ts-node (transpile-only: `tsc --noEmit` type-checks
// separately) so the driver and the unit programs it runs in-process load from source.
"use strict";
const path = require("path");
require("ts-node").register({
    transpileOnly: true,
    project: path.join(__dirname, "..", "..", "tsconfig.json"),
});
require("./main.ts")
    .main(process.argv)
    .then((code) => {
        process.exitCode = code;
    })
    .catch((error) => {
        process.stderr.write(`error: ${error && error.message ? error.message : String(error)}\n`);
        process.exitCode = 1;
    });

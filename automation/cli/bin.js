#!/usr/bin/env node
// The `edf` executable. From the package it loads the compiled driver (dist/); in the SDK's own
// repository it loads the driver's TypeScript sources. Either way the consumer's units (their
// TypeScript) load transpile-only (`tsc --noEmit` type-checks separately) through a
// content-hashed transpile cache (automation/loader/ts-cache.js): a warm start compiles nothing.
// `--debug` maps stack traces back to the TypeScript sources.
"use strict";
const { runtimeProblem } = require("./runtime");

const problem = runtimeProblem(process.versions.node, process.env, __dirname);
if (problem && problem.reexec) {
    // The system's Node is too old, and the SDK's toolchain brought a newer one: run on it.
    const { spawn } = require("child_process");
    const child = spawn(problem.reexec, [__filename, ...process.argv.slice(2)], { stdio: "inherit" });
    // The child gets a terminal's signals itself; signals sent to this process alone are passed on.
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
    child.on("exit", (code, signal) => {
        process.exitCode = code ?? (signal === "SIGINT" ? 130 : 1);
    });
} else if (problem) {
    process.stderr.write(`error [EDF_NODE_UNSUPPORTED]: ${problem.message}\n`);
    process.exitCode = 3;
} else {
    if (process.argv.includes("--debug")) {
        process.setSourceMapsEnabled(true);
    }
    require("../loader/compile-cache").enable();
    require("../loader/ts-cache").register();
    require("./main")
        .main(process.argv)
        .then((code) => {
            process.exitCode = code;
        })
        .catch((error) => {
            process.stderr.write(`error: ${error && error.message ? error.message : String(error)}\n`);
            process.exitCode = 1;
        });
}

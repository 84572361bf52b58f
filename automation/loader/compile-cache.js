// Node's compile cache (V8's code cache on disk) for the driver, its program threads and the Node
// plugins its CLIs start (the dynamic provider, the policy analyzer). Each of those loads
// @pulumi/pulumi again — most of a plugin's start-up is compiling it (≈ 0.33 → 0.19 CPU-s for
// @pulumi/pulumi with a warm cache, Node 24). The cache lives beside the transpile cache
// (`<project>/.edf/cache/node`); Node keys it by its own version and each file's content, writes
// it atomically and ignores what it cannot use, so it is safe to share and to delete.
"use strict";
const os = require("os");
const path = require("path");
const nodeModule = require("module");
const { cacheDir } = require("./ts-cache");

/** The preload that writes a plugin's compile cache once it has loaded (see flush-compile-cache.js). */
const FLUSH_PRELOAD = path.join(__dirname, "flush-compile-cache.js");

function compileCacheDir(env = process.env) {
    if (env.NODE_COMPILE_CACHE) return env.NODE_COMPILE_CACHE;
    const ts = cacheDir();
    return path.basename(ts) === "ts" ? path.join(path.dirname(ts), "node") : path.join(os.tmpdir(), "edf-node-compile-cache");
}

/** Turns the cache on for this thread (a Node without it, older than 22.1, goes on without). */
function enable() {
    if (typeof nodeModule.enableCompileCache !== "function") return;
    nodeModule.enableCompileCache(compileCacheDir());
}

/**
 * The environment that gives a Node process the CLI starts the cache: on, and written as soon as
 * it has loaded — the CLI stops its plugins with a signal, and Node writes the cache only at a
 * clean exit (why NODE_COMPILE_CACHE alone left it empty).
 */
function pluginEnv(env) {
    if (typeof nodeModule.flushCompileCache !== "function") return {};
    const preload = `--require ${JSON.stringify(FLUSH_PRELOAD)}`;
    const options = env.NODE_OPTIONS ?? "";
    return {
        NODE_COMPILE_CACHE: compileCacheDir(env),
        NODE_OPTIONS: options.includes(FLUSH_PRELOAD) ? options : `${options} ${preload}`.trim(),
    };
}

module.exports = { enable, pluginEnv, compileCacheDir };

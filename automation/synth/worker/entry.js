// The entry of a synth worker thread: TypeScript is loaded transpile-only through a disk
// cache (automation/loader/ts-cache.js), then the worker preloads what its first stack will need while the
// main thread is still resolving inputs.
"use strict";
require("../../loader/compile-cache").enable();
require("../../loader/ts-cache").register();
require("./worker");

// The entry of a program-host worker thread (host.ts): TypeScript is loaded transpile-only
// through the same disk cache the CLI and synth workers use (automation/loader/ts-cache.js).
"use strict";
const { workerData } = require("worker_threads");

if (workerData && workerData.sourceMaps) {
    process.setSourceMapsEnabled(true);
}

// Node's compile cache is per thread: a host loads the SDK and the units again (compile-cache.js).
require("../../loader/compile-cache").enable();
require("../../loader/ts-cache").register();
// A dynamic provider's closure is serialized in this thread: see the fence's reason.
require("../../../unit/sdk-internals").installTraceEventsPlaceholder();
require("./host");

// The entry of a program-host worker thread (host.ts): TypeScript is loaded transpile-only
// through the same disk cache the CLI and synth workers use (automation/synth/ts-cache.js).
"use strict";
const Module = require("module");
const { workerData } = require("worker_threads");

if (workerData && workerData.sourceMaps) {
    process.setSourceMapsEnabled(true);
}

// `trace_events` cannot be loaded in a worker thread (ERR_TRACE_EVENTS_UNAVAILABLE), and the
// SDK's closure serializer (@pulumi/pulumi 3.248, runtime/closure/createClosure.js) requires
// every built-in module once, to recognise captured ones — so a dynamic provider could not be
// serialized here. In this thread `trace_events` therefore loads as a placeholder that is only
// ever a map key to the serializer and throws Node's own error on any real use.
const load = Module._load;
const unavailable = new Proxy(Object.freeze({}), {
    get(_target, property) {
        if (property === Symbol.toPrimitive || property === "then") return undefined;
        const error = new Error("Trace events are unavailable in a program-host worker thread");
        error.code = "ERR_TRACE_EVENTS_UNAVAILABLE";
        throw error;
    },
});
Module._load = function loadInProgramHost(request, ...rest) {
    return request === "trace_events" || request === "node:trace_events" ? unavailable : load.call(this, request, ...rest);
};

require("../../synth/ts-cache").register();
require("./host.ts");

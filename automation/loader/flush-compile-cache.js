// Preloaded (NODE_OPTIONS) into the Node plugins the Pulumi CLI starts for the driver: once the
// plugin's main module has run — its modules loaded, its port printed — Node's compile cache is
// written, since the CLI ends its plugins with a signal and Node writes the cache only at a clean
// exit. Writing costs nothing when every module came from the cache already.
"use strict";
const nodeModule = require("module");
if (typeof nodeModule.flushCompileCache === "function") {
    setImmediate(() => setImmediate(() => nodeModule.flushCompileCache()));
}

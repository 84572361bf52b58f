// The entry of a synth worker thread. Workers load TypeScript from source like the `edf`
// executable does (ts-node, transpile-only; `tsc --noEmit` type-checks separately).
"use strict";
const path = require("path");
require("ts-node").register({
    transpileOnly: true,
    project: path.join(__dirname, "..", "..", "..", "tsconfig.json"),
});
require("./worker.ts");

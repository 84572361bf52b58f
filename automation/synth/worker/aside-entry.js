// The entry of synth's aside thread (automation/synth/aside-inspector.ts): TypeScript loads
// transpile-only through the disk cache, compiled code comes from Node's compile cache.
"use strict";
require("../../loader/compile-cache").enable();
require("../../loader/ts-cache").register();
require("./aside");

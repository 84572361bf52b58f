// The preload of edf's resident policy analyzer (resident-analyzer.ts starts it as
// `node -r entry.js <run-policy-pack> <address> .` in the pack's folder): the pack loads through
// @pulumi/pulumi's own policy-pack runner, exactly as a per-stack analyzer loads it, and the
// Analyzer service it serves is made safe for many engines at once (tenancy.ts).
"use strict";
require("../../loader/ts-cache").register();
require("./serve-many").install();

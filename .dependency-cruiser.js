// The house's floors, written down for the import checker (`npm run lint:imports`, run by
// `npm test`). docs/architecture.md draws the same picture. Lower floors never import higher
// ones; SDK internals are reached only through their fences; no import cycle among code that
// runs (type-only imports may point both ways inside a floor).
//
//   automation/index.ts                       the library API
//   automation/cli/                           commands (thin: parse options, call the library)
//   automation/{driver,outputs,inspection,doctor,report-merge}.ts, scaffold/, ci/   what commands call
//   automation/{engine,synth,inspect}/        executors of the environment run
//   automation/run/, reporter.ts              the environment run, outcomes, run folders
//   automation/{files,spec,graph,backend,inputs,policy,loader,image,fingerprint}/, plan.ts, errors.ts, redact.ts
//   services/                                 the service SDK and example services
//   platform/                                 the landing zone and its contract
//   unit/                                     the unit runtime programs import (ground floor)
//   policy-packs/{pipeline,runtime}/ → policy-packs/lib/   a tower of its own, imported by automation
"use strict";

const AUTOMATION_BASE =
    "^automation/(errors\\.ts|plan\\.ts|redact\\.ts|files/|spec/|graph/|backend/|inputs/|policy/|loader/|image/|fingerprint/)";
const AUTOMATION_RUN = "^automation/(run/|reporter\\.ts)";
const AUTOMATION_EXECUTORS = "^automation/(engine|synth|inspect)/";
const AUTOMATION_COMMANDS = "^automation/(scaffold/|ci/|driver\\.ts|outputs\\.ts|inspection\\.ts|doctor\\.ts|report-merge\\.ts)";
const ABOVE_BASE =
    "^automation/(run/|reporter\\.ts|engine/|synth/|inspect/|scaffold/|ci/|cli/" +
    "|driver\\.ts|outputs\\.ts|inspection\\.ts|doctor\\.ts|report-merge\\.ts|index\\.ts)";
const ABOVE_RUN =
    "^automation/(engine/|synth/|inspect/|scaffold/|ci/|cli/" +
    "|driver\\.ts|outputs\\.ts|inspection\\.ts|doctor\\.ts|report-merge\\.ts|index\\.ts)";
const ABOVE_EXECUTORS =
    "^automation/(scaffold/|ci/|cli/|driver\\.ts|outputs\\.ts|inspection\\.ts|doctor\\.ts|report-merge\\.ts|index\\.ts)";
const PRODUCT = "^(unit|platform|services|automation|policy-packs)/";
const PRODUCT_TESTS_AND_BENCHMARKS = "^(unit|platform|services|automation|policy-packs|test|bench)/";

module.exports = {
    forbidden: [
        {
            name: "unit-runtime-is-the-ground-floor",
            comment: "unit/ is what every program imports; it imports nothing of the house above it.",
            severity: "error",
            from: { path: "^unit/" },
            to: { path: "^(platform|services|automation|policy-packs)/" },
        },
        {
            name: "platform-below-services",
            comment: "The landing zone is service-agnostic: it never imports the service SDK or the driver.",
            severity: "error",
            from: { path: "^platform/" },
            to: { path: "^(services|automation)/" },
        },
        {
            name: "services-below-the-driver",
            comment: "Service programs and the service SDK run under any driver, or none (pulumi up).",
            severity: "error",
            from: { path: "^services/" },
            to: { path: "^automation/" },
        },
        {
            name: "policy-library-stands-alone",
            comment: "policy-packs/lib is bundled into published packs: it imports no other part of the house.",
            severity: "error",
            from: { path: "^policy-packs/lib/" },
            to: { path: "^(unit|platform|services|automation)/|^policy-packs/(pipeline|runtime|tools|scripts)/" },
        },
        {
            name: "packs-import-only-the-policy-library",
            comment: "A pack is published on its own: it may import policy-packs/lib and nothing of the driver or the programs.",
            severity: "error",
            from: { path: "^policy-packs/(pipeline|runtime)/" },
            to: { path: "^(unit|platform|services|automation)/|^policy-packs/(tools|scripts)/" },
        },
        {
            name: "detective-controls-are-data",
            comment:
                "policy-packs/detective-controls (policy id -> AWS Config managed rule) is read by platform/security and the docs " +
                "generator: pure data that imports nothing of the house.",
            severity: "error",
            from: { path: "^policy-packs/detective-controls/" },
            to: { path: "^(unit|platform|services|automation|policy-packs/(?!detective-controls/))" },
        },
        {
            name: "automation-base-below-the-run",
            severity: "error",
            from: { path: AUTOMATION_BASE },
            to: { path: ABOVE_BASE },
        },
        {
            name: "the-run-below-its-executors",
            comment: "The environment run knows executors only by their interface.",
            severity: "error",
            from: { path: AUTOMATION_RUN },
            to: { path: ABOVE_RUN },
        },
        {
            name: "executors-below-commands",
            severity: "error",
            from: { path: AUTOMATION_EXECUTORS },
            to: { path: ABOVE_EXECUTORS },
        },
        {
            name: "executors-independent-of-each-other",
            comment: "What two executors share lives in the run (automation/run/), not in one of them.",
            severity: "error",
            from: { path: "^automation/engine/" },
            to: { path: "^automation/(synth|inspect)/" },
        },
        {
            name: "synth-independent-of-the-engine",
            severity: "error",
            from: { path: "^automation/synth/" },
            to: { path: "^automation/(engine|inspect)/" },
        },
        {
            name: "inspect-independent-of-the-other-executors",
            comment: "The inspect executor reads deployed state through the run's StackStateReader, never the engine's workspaces.",
            severity: "error",
            from: { path: "^automation/inspect/" },
            to: { path: "^automation/(engine|synth)/" },
        },
        {
            name: "commands-below-the-cli",
            severity: "error",
            from: { path: AUTOMATION_COMMANDS },
            to: { path: "^automation/(cli/|index\\.ts)" },
        },
        {
            name: "cli-below-the-library-api",
            severity: "error",
            from: { path: "^automation/cli/" },
            to: { path: "^automation/index\\.ts$" },
        },
        {
            name: "product-never-imports-tests",
            comment: "Production code names no test path; tests add their fixtures by configuration.",
            severity: "error",
            from: { path: PRODUCT },
            to: { path: "^(test|bench)/" },
        },
        {
            name: "pulumi-sdk-internals-behind-their-fence",
            comment: "Private @pulumi/pulumi paths only through unit/sdk-internals.ts (checked at load), in tests and benchmarks too.",
            severity: "error",
            from: { path: PRODUCT_TESTS_AND_BENCHMARKS, pathNot: "^unit/sdk-internals\\.ts$" },
            to: { path: "node_modules/@pulumi/pulumi/(runtime|proto|output|cmd|automation/(cmd|errors|server))" },
        },
        {
            name: "policy-sdk-internals-behind-their-fence",
            comment: "Private @pulumi/policy paths only through policy-packs/lib/analyzer-internals.ts (checked at load), in tests too.",
            severity: "error",
            from: { path: PRODUCT_TESTS_AND_BENCHMARKS, pathNot: "^policy-packs/lib/analyzer-internals\\.ts$" },
            to: { path: "node_modules/@pulumi/policy/(proxy|server|deserialize|protoutil)" },
        },
        {
            name: "no-import-cycles",
            comment: "No circle among imports that run; type-only imports may point both ways.",
            severity: "error",
            from: { path: PRODUCT },
            to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
        },
    ],
    options: {
        doNotFollow: { path: "node_modules" },
        // A fixture project links the real policy packs: they are cruised once, where they live.
        exclude: {
            path: [
                "^(\\.tools|\\.edf|dist|bench/\\.peer|bench/\\.generated|test/fixtures/.*/node_modules)/",
                "^test/fixtures/synth/project/policy-packs/",
            ],
        },
        tsPreCompilationDeps: true,
        tsConfig: { fileName: "tsconfig.json" },
        enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
        reporterOptions: { text: { highlightFocused: true } },
    },
};

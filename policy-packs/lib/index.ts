// The policy-pack library (`@edf/platform-sdk/policy-packs/lib`): the policy model, the
// in-process harness the unit tests and synth judge with, waivers, findings and their reports,
// and the pack entry that a pack of your own builds its `PolicyPack` from.
export * from "./model";
export * from "./config";
export * from "./enforcement";
export * from "./environment-settings";
export * from "./findings";
export * from "./harness";
export * from "./inspect";
export * from "./pack-entry";
export * from "./resources";
export * from "./state";
export * from "./waivers";
export * from "./reports/json";
export * from "./reports/markdown";
export * from "./reports/sarif";

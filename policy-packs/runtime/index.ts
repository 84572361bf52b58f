// The pack entry point: constructing a PolicyPack starts the analyzer's gRPC server, so only
// the engine loads this file. Evidence arrives as policy config (`--policy-pack-config`, built
// with ./config.ts), which keeps every policy a pure function of resource + config.
import { PolicyPack } from "@pulumi/policy";
import { packEntry } from "../lib/pack-entry";
import { runtimePolicies } from "./policy-list";

const entry = packEntry(runtimePolicies, process.env);
new PolicyPack(
    "edf-runtime",
    { policies: entry.policies, description: "EDF runtime inspectors: image evidence keyed by digest." },
    entry.initialConfig,
);

// The pack entry point: constructing a PolicyPack starts the analyzer's gRPC server, so only
// the engine loads this file. Tests and the offline runner import ./policy-list instead.
import { PolicyPack } from "@pulumi/policy";
import { packEntry } from "../lib/pack-entry";
import { pipelinePolicies } from "./policy-list";

// A bundled pack finds its environments' settings beside this file (see lib/pack-entry.ts).
const entry = packEntry(pipelinePolicies, process.env, __dirname);
new PolicyPack(
    "edf-pipeline",
    { policies: entry.policies, description: "EDF pipeline inspectors (mapped to PCI DSS 4.0.1, NIST SP 800-53 r5 and CIS AWS 3.0)." },
    entry.initialConfig,
);

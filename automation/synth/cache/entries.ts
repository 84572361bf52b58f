import { sourceMemoFile } from "../../fingerprint/affected";
import { fingerprintEnvironment, KeptEnvironmentFingerprints } from "../../fingerprint/fingerprint";
import { processFileDigests } from "../../fingerprint/file-digests";
import { SourceMemo } from "../../fingerprint/source-memo";
import { WorkingTree } from "../../fingerprint/source-tree";
import type { EvaluationJob } from "../evaluate";
import type { InspectionJob } from "../inspection";
import type { CacheEntries } from "../worker/protocol";
import { SynthCacheKeys } from "./keys";

/** What the synth cache's keys are taken from: the environment in the working tree. Plain data (crosses to synth's aside thread). */
export interface WorkingTreeKeysOptions {
    readonly projectRoot: string;
    /** The environment's name or spec path, as `edf synth --env` takes it. */
    readonly env: string;
    readonly samplesFile?: string;
    readonly extraWaiverFiles: readonly string[];
}

/**
 * The synth cache's keys for this run: the environment's units fingerprinted in the working tree
 * (the import memo kept up to date on disk).
 */
export function workingTreeKeys(options: WorkingTreeKeysOptions, kept?: KeptEnvironmentFingerprints): SynthCacheKeys {
    const memo = new SourceMemo(sourceMemoFile());
    const fingerprints = fingerprintEnvironment(new WorkingTree(options.projectRoot, processFileDigests), options.env, {
        ...(options.samplesFile ? { samplesFile: options.samplesFile } : {}),
        extraWaiverFiles: options.extraWaiverFiles,
        memo,
        ...(kept ? { kept } : {}),
    });
    const keys = new SynthCacheKeys(fingerprints, memo);
    memo.save();
    return keys;
}

/** The entries one evaluated stack is kept under. */
export function cacheEntriesFor(
    keys: SynthCacheKeys,
    dir: string,
    job: EvaluationJob,
    inspection: InspectionJob | undefined,
): CacheEntries {
    const evaluation = keys.evaluation(job);
    return {
        dir,
        evaluation,
        seen: keys.seen(job.unit),
        ...(inspection ? { inspection: keys.inspection(evaluation, job.unit, inspection) } : {}),
    };
}

import { policyConfigProblems } from "../../policy-packs/lib/config";
import { isCalendarDate } from "../../policy-packs/lib/dates";
import type { PolicyDefinition } from "../../policy-packs/lib/model";
import type { Problem } from "../errors";
import { closestName } from "../../policy-packs/lib/names";
import type { LoadedSpec } from "../spec/types";
import { pointer } from "../spec/yaml-lines";

/** "did you mean" for a policy id the pack does not have, else where to find the pack's ids. */
export function unknownPolicyFix(id: string, policies: readonly PolicyDefinition[], pack: string): string {
    const near = closestName(
        id,
        policies.map((p) => p.id),
    );
    return near
        ? `did you mean \`${near}\`?`
        : `name a policy of \`${pack}\` (its ids are the file names under \`${pack}/policies/\`, and docs/controls-matrix.md lists them).`;
}

/**
 * The spec's `policy.enforcement` and `policy.config` against the pack, each problem at its own
 * key and line: policy ids the pack has (with a near id suggested), `enforceAfter` a real
 * calendar day, config values valid for each policy's `configSchema`.
 */
export function policySettingsProblems(loaded: LoadedSpec, policies: readonly PolicyDefinition[], pack: string): Problem[] {
    const problems: Problem[] = [];
    const at = (path: string, message: string, fix: string): void => {
        problems.push({ file: loaded.file, path, line: loaded.lineOf(path), message, fix });
    };
    const known = new Set(policies.map((p) => p.id));
    for (const [id, level] of Object.entries(loaded.spec.policy?.enforcement ?? {})) {
        if (id === "all") continue;
        if (!known.has(id)) {
            at(
                pointer("policy", "enforcement", id),
                `\`${id}\` is not a policy of the pack \`${pack}\``,
                unknownPolicyFix(id, policies, pack),
            );
        } else if (typeof level === "object" && level.enforceAfter !== undefined && !isCalendarDate(level.enforceAfter)) {
            at(
                pointer("policy", "enforcement", id, "enforceAfter"),
                `\`enforceAfter\` \`${level.enforceAfter}\` is not a real calendar day`,
                "write a day that exists, YYYY-MM-DD (e.g. `2027-03-01`).",
            );
        }
    }
    for (const problem of policyConfigProblems(policies, loaded.spec.policy?.config ?? {})) {
        at(
            pointer("policy", "config", ...problem.path),
            problem.unknownPolicy !== undefined ? `\`${problem.unknownPolicy}\` is not a policy of the pack \`${pack}\`` : problem.message,
            problem.unknownPolicy !== undefined ? unknownPolicyFix(problem.unknownPolicy, policies, pack) : problem.fix,
        );
    }
    return problems;
}

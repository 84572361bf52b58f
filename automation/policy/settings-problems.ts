import { policyConfigProblems } from "../../policy-packs/lib/config";
import { isCalendarDate } from "../../policy-packs/lib/dates";
import type { PolicyDefinition } from "../../policy-packs/lib/model";
import type { Problem } from "../errors";
import { closestName } from "../../policy-packs/lib/names";
import type { LoadedSpec } from "../spec/types";
import { pointer } from "../spec/yaml-lines";
import { PIPELINE_POLICY, PolicySection } from "./section";

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
 * One section's `enforcement` and `config` (`policy.*` for the pipeline pack, `inspect.policy.*`
 * for the runtime pack) against that section's pack, each problem at its own key and line: policy
 * ids the pack has (with a near id suggested), `enforceAfter` a real calendar day, config values
 * valid for each policy's `configSchema`.
 */
export function policySettingsProblems(
    loaded: LoadedSpec,
    policies: readonly PolicyDefinition[],
    pack: string,
    section: PolicySection = PIPELINE_POLICY,
): Problem[] {
    const settings = section.settings(loaded.spec);
    const within = (...segments: (string | number)[]): string => `${section.pointer}${pointer(...segments)}`;
    const problems: Problem[] = [];
    const at = (path: string, message: string, fix: string): void => {
        problems.push({ file: loaded.file, path, line: loaded.lineOf(path), message, fix });
    };
    const known = new Set(policies.map((p) => p.id));
    for (const [id, level] of Object.entries(settings?.enforcement ?? {})) {
        if (id === "all") continue;
        if (!known.has(id)) {
            at(within("enforcement", id), `\`${id}\` is not a policy of the pack \`${pack}\``, unknownPolicyFix(id, policies, pack));
        } else if (typeof level === "object" && level.enforceAfter !== undefined && !isCalendarDate(level.enforceAfter)) {
            at(
                within("enforcement", id, "enforceAfter"),
                `\`enforceAfter\` \`${level.enforceAfter}\` is not a real calendar day`,
                "write a day that exists, YYYY-MM-DD (e.g. `2027-03-01`).",
            );
        }
    }
    for (const problem of policyConfigProblems(policies, settings?.config ?? {})) {
        at(
            within("config", ...problem.path),
            problem.unknownPolicy !== undefined ? `\`${problem.unknownPolicy}\` is not a policy of the pack \`${pack}\`` : problem.message,
            problem.unknownPolicy !== undefined ? unknownPolicyFix(problem.unknownPolicy, policies, pack) : problem.fix,
        );
    }
    return problems;
}

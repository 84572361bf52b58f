import type { ConfigMap } from "@pulumi/pulumi/automation";
import type { ResolvedInput } from "../inputs/types";
import { deploymentTarget, EXTERNAL_ID_INPUT } from "../spec/targets";
import type { EnvironmentSpec } from "../spec/types";
import { INPUT_CONFIG_NAMESPACE } from "../../unit/inputs";
import { UNIT_CONFIG_NAMESPACE } from "../../unit/define";

/**
 * The complete stack config of one unit: unit selection, environment facts, the
 * unit's own config and its injected inputs. Strings are written as-is; everything
 * else as JSON (read back with `getObject`/`getNumber`/`getBoolean`).
 */
export function stackConfig(spec: EnvironmentSpec, unit: string, inputs: readonly ResolvedInput[]): ConfigMap {
    const unitSpec = spec.units[unit]!;
    const config: ConfigMap = {
        [`${UNIT_CONFIG_NAMESPACE}:unit`]: { value: unitSpec.path },
        [`${UNIT_CONFIG_NAMESPACE}:environment`]: { value: spec.environment },
    };
    if (spec.region) {
        config[`${UNIT_CONFIG_NAMESPACE}:region`] = { value: spec.region };
        config["aws:region"] = { value: spec.region };
    }
    const target = deploymentTarget(spec, unit);
    if (target.account) {
        config[`${UNIT_CONFIG_NAMESPACE}:account`] = { value: target.account };
        // The AWS provider refuses to touch any other account: a wrong profile cannot deploy dev into prod,
        // and a role assumed in the wrong account is refused too.
        config["aws:allowedAccountIds"] = { value: JSON.stringify([target.account]) };
    }
    if (target.assumeRole) {
        const { roleArn, sessionName, durationSeconds } = target.assumeRole;
        const externalId = inputs.find((i) => i.name === EXTERNAL_ID_INPUT);
        const role = { roleArn, sessionName, duration: `${durationSeconds}s`, ...(externalId ? { externalId: externalId.value } : {}) };
        // The provider's own setting: every resource and invoke of the stack runs as this role.
        config["aws:assumeRoles"] = { value: JSON.stringify([role]), secret: externalId !== undefined };
        config[`${UNIT_CONFIG_NAMESPACE}:deploymentRole`] = { value: roleArn };
    }
    if (spec.tags && Object.keys(spec.tags).length > 0) {
        config[`${UNIT_CONFIG_NAMESPACE}:tags`] = { value: JSON.stringify(spec.tags) };
        config["aws:defaultTags"] = { value: JSON.stringify({ tags: spec.tags }) };
    }
    for (const [key, value] of Object.entries(unitSpec.config ?? {})) {
        config[`${UNIT_CONFIG_NAMESPACE}:${key}`] = { value: typeof value === "string" ? value : JSON.stringify(value) };
    }
    for (const input of inputs.filter((i) => i.name !== EXTERNAL_ID_INPUT)) {
        config[`${INPUT_CONFIG_NAMESPACE}:${input.name}`] = { value: JSON.stringify(input.value), secret: input.secret };
    }
    return config;
}

import { asArray } from "./props";

/** One Elastic Beanstalk option setting (`settings` of an environment or configuration template). */
export interface BeanstalkSetting {
    readonly namespace?: string;
    readonly name?: string;
    readonly value?: unknown;
}

/**
 * The option setting `namespace`/`name` of an environment's or template's `settings`, or
 * undefined. Reads only namespaces and names, so a setting whose value is another resource's
 * output is still found; the caller reads `value` when it judges the value.
 */
export function beanstalkSetting(settings: unknown, namespace: string, name: string): BeanstalkSetting | undefined {
    return asArray(settings as BeanstalkSetting[]).find((s) => s.namespace === namespace && s.name === name);
}

/** Whether a setting's value is true the way Beanstalk spells it (`"true"`, `"True"`, `true`). */
export function beanstalkTrue(setting: BeanstalkSetting | undefined): boolean {
    return setting !== undefined && String(setting.value).toLowerCase() === "true";
}

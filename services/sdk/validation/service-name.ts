/**
 * Service names become the unit folder (`services/<name>`), the driver's unit name, and
 * part of every AWS name (ECR repository, ECS service, IAM roles, target group). The
 * rule is the intersection of those: lowercase letters, digits and single hyphens,
 * starting with a letter, 2–28 characters (a target group name is at most 32 and carries
 * a 4-character environment suffix at least).
 */
export const SERVICE_NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const MIN_SERVICE_NAME_LENGTH = 2;
export const MAX_SERVICE_NAME_LENGTH = 28;

/** Names that would collide with the SDK's own folders under `services/`. */
export const RESERVED_SERVICE_NAMES = ["sdk", "scaffold", "template", "test"] as const;

/** Why `name` is not a valid service name, with a corrected suggestion; empty when valid. Pure. */
export function serviceNameProblems(name: unknown, argument = "name"): string[] {
    if (typeof name !== "string" || name.length === 0) {
        return [`\`${argument}\` must be a service name such as \`payments-api\`.`];
    }
    const suggestion = suggestServiceName(name);
    const hint = suggestion && suggestion !== name ? ` For example \`${suggestion}\`.` : "";
    if (name.length < MIN_SERVICE_NAME_LENGTH || name.length > MAX_SERVICE_NAME_LENGTH) {
        return [
            `\`${argument}\` \`${name}\` has ${name.length} characters: use ${MIN_SERVICE_NAME_LENGTH}–${MAX_SERVICE_NAME_LENGTH} ` +
                "(it goes into AWS names with length limits)." +
                hint,
        ];
    }
    if (!SERVICE_NAME_PATTERN.test(name)) {
        return [
            `\`${argument}\` \`${name}\` is not a valid service name: use lowercase letters, digits and single hyphens, ` +
                "starting with a letter and not ending with a hyphen." +
                hint,
        ];
    }
    if ((RESERVED_SERVICE_NAMES as readonly string[]).includes(name)) {
        return [`\`${argument}\` \`${name}\` is reserved by the service SDK's own folders: choose another name, e.g. \`${name}-service\`.`];
    }
    return [];
}

/** A valid name close to `name` (lowercased, separators as hyphens), or undefined when none. Pure. */
export function suggestServiceName(name: string): string | undefined {
    const candidate = name
        .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^[^a-z]+/, "")
        .replace(/-+$/, "")
        .slice(0, MAX_SERVICE_NAME_LENGTH)
        .replace(/-+$/, "");
    return candidate.length >= MIN_SERVICE_NAME_LENGTH && SERVICE_NAME_PATTERN.test(candidate) ? candidate : undefined;
}

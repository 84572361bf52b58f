import type { ServiceIdentity } from "./service-identity";

/** Names of a service's dependencies: they go into AWS names next to the service name. */
export const DEPENDENCY_NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const MAX_DEPENDENCY_NAME_LENGTH = 24;

/**
 * Problems shared by every dependency component: a usable name and a service to belong
 * to. Pure.
 */
export function dependencyProblems(name: string, service: ServiceIdentity | undefined): string[] {
    const problems: string[] = [];
    if (typeof name !== "string" || !DEPENDENCY_NAME_PATTERN.test(name) || name.length > MAX_DEPENDENCY_NAME_LENGTH) {
        problems.push(
            `\`name\` \`${String(name)}\` must be 1–${MAX_DEPENDENCY_NAME_LENGTH} lowercase letters, digits and single hyphens, ` +
                "starting with a letter (it goes into AWS names), e.g. `ledger-jobs`.",
        );
    }
    if (!service || typeof service.serviceName !== "string") {
        problems.push("`service` is missing: pass the `ServiceIdentity` of the service that owns this dependency.");
    }
    return problems;
}

/** The logical name of a dependency's child resource: `<service>-<dependency>-<suffix>`, unique in the stack. */
export function childName(service: ServiceIdentity, name: string, suffix?: string): string {
    return [service.serviceName, name, suffix].filter((p) => p !== undefined && p !== "").join("-");
}

/** Tls-only statement shared by bucket and queue resource policies: deny any request not over TLS. */
export function denyInsecureTransport(action: string, resources: readonly unknown[]): Record<string, unknown> {
    return {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: action,
        Resource: resources,
        Condition: { Bool: { "aws:SecureTransport": "false" } },
    };
}

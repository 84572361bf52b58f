import { inspect, InspectionResult } from "../../../../policy-packs/lib/inspect";
import { pipelinePolicies } from "../../../../policy-packs/pipeline/policy-list";
import { ServiceIdentity, ServiceIdentityArgs } from "../../../../services/sdk";
import type { CapturedResource } from "../../platform/support/mock-run";
import { recordsOf } from "./records";
import { landingZoneFor } from "./service-fixtures";

/** Governance of the service the component tests build on. */
export const TEST_SERVICE_GOVERNANCE = { owner: "orders-team", dataClassification: "confidential", pciScope: "in-scope" } as const;

/** Arguments of a valid `ServiceIdentity` in `environment` (sized like it: prod is prod). */
export function identityArgs(environment: "dev" | "prod" = "dev"): ServiceIdentityArgs {
    return { landingZone: landingZoneFor(environment), environment, size: environment, governance: TEST_SERVICE_GOVERNANCE };
}

/** The `orders` service's identity, for components to belong to. */
export function ordersIdentity(environment: "dev" | "prod" = "dev"): ServiceIdentity {
    return new ServiceIdentity("orders", identityArgs(environment));
}

/**
 * Inspects what a mocked run registered with every pipeline policy, as `edf synth` does
 * for the stack `<environment>.orders`.
 */
export function inspectComponents(resources: readonly CapturedResource[], environment: "dev" | "prod"): Promise<InspectionResult> {
    const stack = `${environment}.orders`;
    return inspect({
        policies: pipelinePolicies,
        resources: recordsOf(resources, stack),
        environment,
        stack: { name: stack, project: "edf", tags: { "edf:environment": environment } },
    });
}

/** `policy: message` of each mandatory finding, for a readable assertion. */
export function mandatoryFindings(result: InspectionResult): string[] {
    return result.findings.filter((f) => f.level === "mandatory").map((f) => `${f.policyId}: ${f.message}`);
}

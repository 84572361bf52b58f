import { ServiceIdentity, ServiceIdentityArgs } from "../../../../services/sdk";
import { MockRunResult, runUnderMocks } from "../../platform/support/mock-run";
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
 * Builds components of the `orders` service on its identity, as synth evaluates the stack
 * `<environment>.orders` (the environment's stack config included).
 */
export function runOrders(environment: "dev" | "prod", build: (service: ServiceIdentity) => unknown): Promise<MockRunResult<unknown>> {
    return runUnderMocks(
        () => {
            build(ordersIdentity(environment));
        },
        { environment, unit: "services/orders" },
    );
}

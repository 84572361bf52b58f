import type { Pin } from "./core";

/** The infra area's policies: id → [default level, severity, waivable, PCI DSS v4.0 requirements]. */
export const INFRA_PINS: Record<string, Pin> = {};

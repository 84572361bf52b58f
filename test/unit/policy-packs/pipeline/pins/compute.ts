import type { Pin } from "./core";

/** The compute area's policies: id → [default level, severity, waivable, PCI DSS v4.0 requirements]. */
export const COMPUTE_PINS: Record<string, Pin> = {};

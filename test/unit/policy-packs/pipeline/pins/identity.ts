import type { Pin } from "./core";

/** The identity area's policies: id → [default level, severity, waivable, PCI DSS v4.0 requirements]. */
export const IDENTITY_PINS: Record<string, Pin> = {};

import type { Pin } from "./core";

/** The data area's policies: id → [default level, severity, waivable, PCI DSS v4.0 requirements]. */
export const DATA_PINS: Record<string, Pin> = {};

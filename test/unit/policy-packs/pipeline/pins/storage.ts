import type { Pin } from "./core";

/** The storage area's policies: id → [default level, severity, waivable, PCI DSS v4.0 requirements]. */
export const STORAGE_PINS: Record<string, Pin> = {};

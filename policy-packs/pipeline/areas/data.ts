import type { PolicyDefinition } from "../../lib/model";

/** Databases (RDS and Aurora, DynamoDB, ElastiCache/MemoryDB, Redshift, Neptune, DocumentDB, DMS, Timestream, QLDB, Keyspaces, ...), in pack order. */
export const dataPolicies: readonly PolicyDefinition[] = [];

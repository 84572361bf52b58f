import type { PolicyDefinition } from "../../lib/model";

/** Data services (RDS/Aurora, S3, DynamoDB, ElastiCache/MemoryDB, OpenSearch, Redshift, EFS, Backup, SageMaker, ...), in pack order. */
export const dataPolicies: readonly PolicyDefinition[] = [];

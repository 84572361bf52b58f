import type { PolicyDefinition } from "../../lib/model";

/** Storage, analytics and machine learning (S3, OpenSearch, EFS, FSx, Backup, SageMaker, Athena, EMR, Glue, ...), in pack order. */
export const storagePolicies: readonly PolicyDefinition[] = [];

import taggable from "./taggable-types.json";

/** AWS resource types that take `tags` (generated from @pulumi/aws by scripts/taggable-types.ts). */
export const TAGGABLE_TYPES: ReadonlySet<string> = new Set(taggable.types);
export const TAGGABLE_TYPES_AWS_VERSION: string = taggable.awsVersion;

// The service SDK's public surface (docs/services.md): what a service program writes with.
// Validators, document builders, defaults and other helpers stay in their modules; the
// scaffold and the tests import those by path.

// A service unit's program.
export { serviceUnit, SETTINGS_INPUT } from "./service-unit";
export type { ServiceBuild, ServiceContainer, ServiceDependencies, ServiceUnitArgs, ServiceUnitOutputs } from "./service-unit";

// Components and their arguments.
export { ServiceIdentity } from "./service-identity";
export type { ServiceIdentityArgs } from "./service-identity";
export { ContainerService } from "./container-service";
export type { ContainerServiceArgs } from "./container-service";
export type { HttpRouting, ServiceScaling } from "./container-routing";
export type { SecretReference, SecretStore, ServiceSecret } from "./container-secrets";
export type { ContainerShape } from "./container-service-validation";
export type { ImageSelection } from "./validation/image";
export { PostgresDatabase } from "./postgres-database";
export type { PostgresCredentials, PostgresDatabaseArgs, VaultDestination } from "./postgres-database";
export type { PostgresEngine } from "./postgres-engines";
export { Queue } from "./queue";
export type { QueueArgs } from "./queue";
export { Bucket } from "./bucket";
export type { BucketArgs } from "./bucket";
export { Table } from "./table";
export type { TableArgs, TableKey } from "./table";
export type { BucketAccess, PolicyStatement, QueueAccess, TableAccess } from "./iam-documents";
export { Function } from "./function";
export type { FunctionArgs, FunctionCodeSigning, FunctionInvoker, FunctionUrlOptions } from "./function";
export type { FunctionRuntime } from "./validation/lambda-runtime";
export { Cache } from "./cache";
export type { CacheArgs, CacheEngine } from "./cache";
export { Topic } from "./topic";
export type { TopicArgs, TopicServicePublisher } from "./topic";
export { Secret } from "./secret";
export type { SecretArgs, SecretRotation } from "./secret";
export { HttpApi } from "./http-api";
export type { HttpApiArgs, HttpApiAuthorizer, HttpApiDomain, HttpApiRoute, HttpApiTarget } from "./http-api";
export type { HttpMethod } from "./http-api-routes";

// What a service stack tells `edf inspect` about what it runs (the `runtime` output every service unit exports).
export { RUNTIME_OUTPUT, RUNTIME_OUTPUT_VERSION, runtimeOutput } from "./runtime-output";
export type { RuntimeContainer, RuntimeOutput, ServiceRuntime } from "./runtime-output";

// The typed error every component and reader throws on bad input (code EDF_SERVICE_INVALID).
export { ServiceArgumentError } from "./errors";

// Readers of a service unit's settings, for programs that do not use `serviceUnit`.
export { assertContainerShape, configEnvironment, containerSettings, IMAGE_DIGEST_INPUT, readServiceSettings, taskSize } from "./settings";
export type { ContainerSettings, ServiceUnitSettings, TaskSize } from "./settings";
export { resolveLandingZone } from "./landing-zone";
export type { LandingZoneSource, ServiceLandingZone } from "./landing-zone";

// The landing zone as a library (`@edf/platform-sdk/platform`): the typed contract between the
// platform and its services, and the components the landing-zone units are built from. The units
// themselves are entry points of their own (`@edf/platform-sdk/platform/network`, …).
export * from "./contract";
export * from "./contract-reference";
export * from "./contract-validate";
export * from "./contract-version";
export * from "./common/governance";
export * from "./common/naming";
export * from "./common/unit-config";
export * from "./network/cidr";
export * from "./network/endpoints";
export * from "./network/flow-logs";
export * from "./network/vpc";
export * from "./publication/layout";
export * from "./publication/publication";
export * from "./security/account-baseline";
export * from "./security/audit";
export * from "./security/boundary";
export * from "./security/detection";
export * from "./security/hardened-bucket";
export * from "./security/keys";
export * from "./security/security-alarms";
export * from "./shared-services/api-gateway-logging";
export * from "./shared-services/cluster";
export * from "./shared-services/discovery";
export * from "./shared-services/ingress";
export * from "./shared-services/registry";

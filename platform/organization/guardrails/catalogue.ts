import { denyAccountBaselineChanges } from "./deny-account-baseline-changes";
import { denyIamUsers } from "./deny-iam-users";
import { denyLeavingOrganization } from "./deny-leaving-organization";
import { denyLogArchiveChanges } from "./deny-log-archive-changes";
import { denyProtectedRolesChanges } from "./deny-protected-roles-changes";
import { denyRegionsOutsideAllowList } from "./deny-regions-outside-allow-list";
import { denyRootUser } from "./deny-root-user";
import { denySecurityServicesChanges } from "./deny-security-services-changes";
import type { Guardrail } from "./model";

/**
 * The guardrail baseline, in attachment order. AWS Organizations attaches at most five SCPs to a root
 * or an OU, one of them `FullAWSAccess`: so four live at the root (every member account inherits them)
 * and four at each top-level OU (three, plus `deny-iam-users` where the OU holds workloads).
 */
export const GUARDRAILS: readonly Guardrail[] = [
    denyLeavingOrganization,
    denyRootUser,
    denySecurityServicesChanges,
    denyLogArchiveChanges,
    denyProtectedRolesChanges,
    denyRegionsOutsideAllowList,
    denyAccountBaselineChanges,
    denyIamUsers,
];

/** The guardrail ids. */
export const GUARDRAIL_IDS = GUARDRAILS.map((g) => g.id);

/** SCPs AWS Organizations attaches to one target at most, `FullAWSAccess` included. */
export const MAX_SCPS_PER_TARGET = 5;

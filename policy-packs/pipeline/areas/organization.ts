import type { PolicyDefinition } from "../../lib/model";
import { organizationAccountsInOrganizationalUnits } from "../policies/organization-accounts-in-organizational-units";
import { organizationDelegatedAdministratorsSet } from "../policies/organization-delegated-administrators-set";
import { organizationScpNoAllowBypass } from "../policies/organization-scp-no-allow-bypass";
import { organizationTrailMultiRegionValidated } from "../policies/organization-trail-multi-region-validated";
import { organizationWorkloadOusGuardrailsAttached } from "../policies/organization-workload-ous-guardrails-attached";

/** The organisation: its guardrails, its accounts' placement, its trail and its delegated administrators, in pack order. */
export const organizationPolicies: readonly PolicyDefinition[] = [
    organizationWorkloadOusGuardrailsAttached,
    organizationAccountsInOrganizationalUnits,
    organizationTrailMultiRegionValidated,
    organizationDelegatedAdministratorsSet,
    organizationScpNoAllowBypass,
];

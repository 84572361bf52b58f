import { policyDocument } from "../../security/policy-document";
import type { Guardrail } from "./model";

/** No member account may leave the organisation: it would take itself out of every guardrail and the organisation trail. */
export const denyLeavingOrganization: Guardrail = {
    id: "deny-leaving-organization",
    description: "EDF baseline: member accounts cannot leave the organization.",
    rationale:
        "An account that leaves the organisation escapes every SCP and stops feeding the organisation trail and the " +
        "delegated security services: a compromised administrator's first step to hide. PCI DSS 10.2, 11.5.",
    level: "root",
    document: () =>
        policyDocument([{ Sid: "DenyLeavingOrganization", Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }]),
};

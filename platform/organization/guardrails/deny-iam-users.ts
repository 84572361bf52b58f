import { policyDocument } from "../../security/policy-document";
import type { Guardrail } from "./model";

/** Long-lived credentials: IAM users, their passwords and their access keys. */
export const IAM_USER_ACTIONS = ["iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:CreateUser", "iam:UpdateLoginProfile"] as const;

/** Workload accounts have no IAM users and no access keys: people federate, workloads use roles. */
export const denyIamUsers: Guardrail = {
    id: "deny-iam-users",
    description: "EDF baseline for workload OUs: no IAM users, passwords or access keys.",
    rationale:
        "Access keys are the credential most often leaked; in a workload account every human signs in through IAM " +
        "Identity Center and every workload runs as a role with short-lived credentials. PCI DSS 8.2.1, 8.2.2, 8.3.1, 8.6.3.",
    level: "workload",
    document: () => policyDocument([{ Sid: "DenyIamUsersAndKeys", Effect: "Deny", Action: [...IAM_USER_ACTIONS], Resource: "*" }]),
};

import { policyDocument } from "../../security/policy-document";
import type { Guardrail } from "./model";

/** The root user of a member account can do nothing: every task it could do has a role that can, logged and scoped. */
export const denyRootUser: Guardrail = {
    id: "deny-root-user",
    description: "EDF baseline: the root user of member accounts is denied every action.",
    rationale:
        "The root user cannot be limited by IAM policies and its credentials are rarely rotated; in a member account " +
        "nothing needs it (password recovery goes through the management account). PCI DSS 2.2.2, 7.2.1, 8.2.2.",
    level: "root",
    document: (context) =>
        policyDocument([
            {
                Sid: "DenyRootUser",
                Effect: "Deny",
                Action: "*",
                Resource: "*",
                Condition: { StringLike: { "aws:PrincipalArn": `arn:${context.partition}:iam::*:root` } },
            },
        ]),
};

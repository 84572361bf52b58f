import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { textHasSecret } from "../support/secret-values";
import { T } from "../support/types";

const TYPES = [T.ec2Instance, T.launchTemplate, T.launchConfiguration];

const WHAT: Record<string, string> = {
    [T.ec2Instance]: "EC2 instance",
    [T.launchTemplate]: "Launch template",
    [T.launchConfiguration]: "Launch configuration",
};

/** Base64 as user data is given to launch templates and in `userDataBase64`. */
const BASE64 = /^[A-Za-z0-9+/=\s]+$/;

function texts(type: string, props: Record<string, unknown>): string[] {
    const out: string[] = [];
    const plain = props.userData;
    const encoded = type === T.launchTemplate ? plain : props.userDataBase64;
    if (typeof plain === "string" && type !== T.launchTemplate) out.push(plain);
    if (typeof encoded === "string") {
        out.push(encoded);
        if (BASE64.test(encoded)) out.push(Buffer.from(encoded, "base64").toString("utf8"));
    }
    return out;
}

/**
 * User data is readable by anyone who can describe the instance or reach its metadata service,
 * and lands in every AMI and log made from it: credentials never go there; the host fetches
 * them from Secrets Manager with its role. The message never quotes the value.
 */
export const ec2UserDataNoSecrets: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ec2-user-data-no-secrets",
    description: "Checks whether EC2 user data (instances, launch templates, launch configurations) is free of credentials.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        "Remove the credential from the user data, rotate it, and have the " +
        "host read it at boot from Secrets Manager or SSM Parameter Store with " +
        "its instance role.",
    peerChecks: { full: ["CKV_AWS_46"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        if (texts(args.type, args.props).some(textHasSecret))
            report(
                `${WHAT[args.type]} \`${args.name}\` must not carry credentials in its ` +
                    `user data (an access key, private key, token or password was found).`,
            );
    }),
};

import { stableHex, SynthWorld } from "./synth-world";

type State = Record<string, unknown>;

/** The organisation's id, root and ARNs as AWS Organizations forms them, derived from the management account. */
function organizationIds(world: SynthWorld): { id: string; root: string; arn: (kind: string) => string } {
    const id = `o-${stableHex(10, "organization", world.account)}`;
    return {
        id,
        root: `r-${stableHex(4, "root", world.account)}`,
        arn: (kind) => `arn:${world.partition}:organizations::${world.account}:${kind}`,
    };
}

/** AWS Organizations resources: the organisation, its OUs, accounts, policies and attachments. */
export function organizationsResourceState(
    world: SynthWorld,
    type: string,
    name: string,
    inputs: State,
    importId?: string,
): { id: string; state: State } | undefined {
    const org = organizationIds(world);
    const state: State = { ...inputs };
    switch (type) {
        case "aws:organizations/organization:Organization": {
            const id = importId ?? org.id;
            Object.assign(state, {
                arn: org.arn(`organization/${id}`),
                masterAccountId: world.account,
                masterAccountArn: org.arn(`account/${id}/${world.account}`),
                masterAccountEmail: `management@${id}.example`,
                masterAccountName: "management",
                roots: [{ id: org.root, arn: org.arn(`root/${id}/${org.root}`), name: "Root", policyTypes: [] }],
                accounts: [],
                nonMasterAccounts: [],
            });
            return { id, state };
        }
        case "aws:organizations/organizationalUnit:OrganizationalUnit": {
            const id = importId ?? `ou-${org.root.slice(2)}-${stableHex(8, world.stack, type, name)}`;
            Object.assign(state, { arn: org.arn(`ou/${org.id}/${id}`), accounts: [] });
            return { id, state };
        }
        case "aws:organizations/account:Account": {
            // A created account gets a 12-digit id of its own; an adopted one keeps its id.
            const id = importId ?? String(parseInt(stableHex(12, world.stack, type, name), 16) % 1e12).padStart(12, "9");
            Object.assign(state, { arn: org.arn(`account/${org.id}/${id}`), status: "ACTIVE", state: "ACTIVE", joinedMethod: "CREATED" });
            return { id, state };
        }
        case "aws:organizations/policy:Policy": {
            const id = importId ?? `p-${stableHex(8, world.stack, type, name)}`;
            const kind = String(inputs.type ?? "SERVICE_CONTROL_POLICY").toLowerCase();
            Object.assign(state, { arn: org.arn(`policy/${org.id}/${kind}/${id}`) });
            return { id, state };
        }
        case "aws:organizations/policyAttachment:PolicyAttachment":
            return { id: importId ?? `${String(inputs.targetId)}:${String(inputs.policyId)}`, state };
        case "aws:organizations/delegatedAdministrator:DelegatedAdministrator":
            return { id: importId ?? `${String(inputs.accountId)}/${String(inputs.servicePrincipal)}`, state };
    }
    return undefined;
}

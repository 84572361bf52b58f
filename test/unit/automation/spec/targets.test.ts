import * as assert from "assert";
import { toMermaid, toDot } from "../../../../automation/graph/render";
import { buildGraph } from "../../../../automation/graph/graph";
import { EdfError } from "../../../../automation/errors";
import { stackConfig } from "../../../../automation/run/stack-config";
import { parseSpec } from "../../../../automation/spec/load";
import { deploymentTarget, EXTERNAL_ID_INPUT, unitsByAccount } from "../../../../automation/spec/targets";

// An estate in three accounts: the management account's own stack (no role), a member account's
// stack with an override, and the environment's default account behind the deployment role.
const SPEC = `
environment: organization
region: eu-west-1
account: "999999999999"
assumeRole:
  roleName: edf-deployment
  externalId: { from: env, name: EDF_EXTERNAL_ID }
injectors:
  vault: { address: https://vault:8200, auth: { method: token } }
units:
  organization:
    path: platform/organization
    assumeRole: false
  log-archive:
    path: platform/log-archive
    account: "333333333333"
    assumeRole: { sessionName: archive-pipeline, durationSeconds: 1800 }
    dependsOn: [organization]
  workload:
    path: platform/security
    dependsOn: [log-archive]
`;

const loaded = () => parseSpec(SPEC, "organization.yaml", { specDir: "/tmp", projectRoot: "/tmp" });

function problemsOf(text: string): string[] {
    try {
        parseSpec(text, "bad.yaml", { specDir: "/tmp", projectRoot: "/tmp" });
    } catch (error) {
        assert.ok(error instanceof EdfError);
        return error.problems.map((p) => `${p.path} ${p.message}`);
    }
    return assert.fail("the spec was accepted");
}

describe("stacks that target accounts", () => {
    it("resolves each unit's account and role: the environment's, overridden field by field, or none", () => {
        const { spec } = loaded();
        assert.deepStrictEqual(deploymentTarget(spec, "organization"), { account: "999999999999", assumeRole: undefined });
        assert.deepStrictEqual(deploymentTarget(spec, "log-archive"), {
            account: "333333333333",
            assumeRole: {
                roleArn: "arn:aws:iam::333333333333:role/edf-deployment",
                sessionName: "archive-pipeline",
                durationSeconds: 1800,
                externalId: { from: "env", name: "EDF_EXTERNAL_ID" },
            },
        });
        assert.equal(deploymentTarget(spec, "workload").assumeRole!.sessionName, "edf-organization-workload");
        assert.equal(deploymentTarget(spec, "workload").assumeRole!.durationSeconds, 3600);
    });

    it("resolves the external id as a secret input of each stack that assumes a role, never of one that does not", () => {
        const { spec } = loaded();
        assert.deepStrictEqual(spec.units["log-archive"]!.inputs![EXTERNAL_ID_INPUT], {
            from: "env",
            name: "EDF_EXTERNAL_ID",
            secret: true,
        });
        assert.equal(spec.units.organization!.inputs?.[EXTERNAL_ID_INPUT], undefined);
    });

    it("writes the provider's assume-role config per stack, the external id secret, and pins the target account", () => {
        const { spec } = loaded();
        const config = stackConfig(spec, "log-archive", [
            {
                name: EXTERNAL_ID_INPUT,
                value: "sample-external-id",
                secret: true,
                provenance: { source: "env", key: "EDF_EXTERNAL_ID", secret: true },
            },
        ]);
        assert.deepStrictEqual(config["aws:allowedAccountIds"], { value: '["333333333333"]' });
        assert.deepStrictEqual(config["edf:account"], { value: "333333333333" });
        assert.deepStrictEqual(config["aws:assumeRoles"], {
            value: JSON.stringify([
                {
                    roleArn: "arn:aws:iam::333333333333:role/edf-deployment",
                    sessionName: "archive-pipeline",
                    duration: "1800s",
                    externalId: "sample-external-id",
                },
            ]),
            secret: true,
        });
        assert.deepStrictEqual(config["edf:deploymentRole"], { value: "arn:aws:iam::333333333333:role/edf-deployment" });
        assert.equal(config[`edf-input:${EXTERNAL_ID_INPUT}`], undefined, "the external id never becomes unit config");
        const management = stackConfig(spec, "organization", []);
        assert.equal(management["aws:assumeRoles"], undefined);
        assert.deepStrictEqual(management["aws:allowedAccountIds"], { value: '["999999999999"]' });
    });

    it("groups the stacks by account, and edf graph draws each account as a subgraph", () => {
        const { spec } = loaded();
        assert.deepStrictEqual(
            [...unitsByAccount(spec)],
            [
                ["999999999999", ["organization", "workload"]],
                ["333333333333", ["log-archive"]],
            ],
        );
        const graph = buildGraph(spec);
        const accounts = Object.fromEntries(graph.units.map((u) => [u, deploymentTarget(spec, u).account]));
        const mermaid = toMermaid(graph, { accounts });
        assert.match(mermaid, /subgraph account_333333333333\["account 333333333333"\]\n {8}log_archive\["log-archive"\]\n {4}end/);
        assert.match(
            toDot(graph, { accounts }),
            /subgraph "cluster_999999999999" \{\n {8}label="account 999999999999";\n {8}"organization"/,
        );
    });

    it("refuses a role without an account, a role without a name, and an external id from an injector that is not configured", () => {
        assert.deepStrictEqual(
            problemsOf(`
environment: dev
assumeRole: { roleName: edf-deployment }
units:
  a: { path: platform/network }
  b: { path: platform/network, account: "111111111111", assumeRole: { externalId: { from: consul, key: k } } }
`),
            [
                "/assumeRole unit `a` assumes a role but names no account to assume it in",
                "/units/b/assumeRole/externalId/from the external id reads Consul, but `injectors.consul` is not configured",
            ],
        );
        assert.deepStrictEqual(
            problemsOf(`
environment: dev
units:
  a: { path: platform/network, account: "111111111111", assumeRole: { sessionName: s1 } }
  b: { path: platform/network, assumeRole: true }
  c: { path: platform/network, account: "11", assumeRole: { roleName: "bad role", durationSeconds: 60 } }
`),
            [
                "/units/b/assumeRole `assumeRole` must be `false`",
                '/units/c/account `account` is not a 12-digit AWS account id, quoted (`"123456789012"`)',
                "/units/c/assumeRole/roleName `roleName` is not an IAM role name (1–64 letters, digits or `+=,.@_-`)",
                "/units/c/assumeRole/durationSeconds `durationSeconds` must be at least 900",
                "/units/a/assumeRole unit `a` assumes a role without a `roleName`",
            ],
        );
    });
});

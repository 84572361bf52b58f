import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { consulPrefix, encodeFact, publicationProblems, vaultSecretName } from "../../../../platform/publication/layout";
import { LandingZonePublication } from "../../../../platform/publication/publication";
import { isSecretInput, ofType, plainInput, runUnderMocks, single } from "../support/mock-run";

describe("landing-zone publication", () => {
    describe("layout", () => {
        it("puts each part under <root>/<environment>/landing-zone/<unit folder>", () => {
            assert.equal(consulPrefix("edf", "prod", "sharedServices"), "edf/prod/landing-zone/shared-services/");
            assert.equal(vaultSecretName("acme/platform", "dev", "network"), "acme/platform/dev/landing-zone/network");
        });

        it("stores strings as-is and everything else as JSON", () => {
            assert.equal(encodeFact("vpc-1"), "vpc-1");
            assert.equal(encodeFact(["a", "b"]), '["a","b"]');
        });

        it("names each malformed publication field and the fix", () => {
            assert.deepEqual(publicationProblems(undefined), []);
            assert.deepEqual(publicationProblems({ consul: { enabled: true, root: "edf" }, vault: { enabled: false, mount: "kv" } }), []);
            assert.match(publicationProblems("yes")[0], /`publication` must be an object/);
            assert.match(publicationProblems({ consul: { enabled: "yes" } })[0], /`publication.consul.enabled` must be `true` or `false`/);
            assert.match(publicationProblems({ vault: { root: "/edf/" } })[0], /`publication.vault.root` must be path segments/);
            assert.match(publicationProblems({ vault: [] })[0], /`publication.vault` must be an object/);
        });
    });

    describe("component", () => {
        const publish = (facts: Record<string, pulumi.Input<unknown>>, secrets?: Record<string, pulumi.Input<string>>) =>
            runUnderMocks(() => {
                const publication = new LandingZonePublication("pub", {
                    environment: "dev",
                    part: "network",
                    facts,
                    secrets,
                    publication: { consul: { enabled: true }, vault: { enabled: true } },
                });
                return { consulPrefix: publication.consulPrefix, vaultPath: publication.vaultPath };
            });

        it("sends facts to Consul and facts plus secrets to Vault, never a secret to Consul", async () => {
            const run = await publish({ vpcId: pulumi.output("vpc-1"), azs: ["a", "b"] }, { token: pulumi.secret("s3cr3t-canary") });
            assert.equal(run.error, undefined);
            assert.deepEqual(run.outputs, {
                consulPrefix: "edf/dev/landing-zone/network/",
                vaultPath: "secret/edf/dev/landing-zone/network",
            });
            const consul = single(run.resources, "consul:index/keyPrefix:KeyPrefix");
            assert.deepEqual(consul.props.subkeys, { vpcId: "vpc-1", azs: '["a","b"]' });
            assert.ok(!JSON.stringify(consul.props).includes("s3cr3t-canary"));
            const vault = single(run.resources, "vault:kv/secretV2:SecretV2");
            assert.ok(isSecretInput(vault.props.dataJson));
            assert.deepEqual(JSON.parse(plainInput<string>(vault.props.dataJson)), {
                vpcId: "vpc-1",
                azs: '["a","b"]',
                token: "s3cr3t-canary",
            });
        });

        it("fails the run instead of writing a secret passed as a fact to Consul", async () => {
            const run = await publish({ vpcId: "vpc-1", password: pulumi.secret("s3cr3t-canary") });
            assert.match(
                run.error?.message ?? "",
                /Fact `password` is a secret and cannot be published to Consul: pass it as a Vault secret/,
            );
            assert.ok(!(run.error?.message ?? "").includes("s3cr3t-canary"), "the error never shows the secret");
            assert.equal(ofType(run.resources, "consul:index/keyPrefix:KeyPrefix").length, 0);
        });

        it("registers nothing but itself when both targets are off", async () => {
            const run = await runUnderMocks(() => {
                new LandingZonePublication("pub", { environment: "dev", part: "security", facts: { a: "b" } });
                return {};
            });
            assert.deepEqual(
                run.resources.map((r) => r.type),
                ["edf:publication:LandingZonePublication"],
            );
        });
    });
});

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { embeddedPassphrase, resolveBackend } from "../../../../automation/backend/backend";
import { EdfError } from "../../../../automation/errors";
import { Redactor } from "../../../../automation/redact";
import { race } from "../../../support/race/race";
import { PROJECT_ROOT } from "../../../support/toolchain";

describe("backends", () => {
    let home: string;
    beforeEach(() => {
        home = fs.mkdtempSync(path.join(os.tmpdir(), "edf-backend-"));
    });
    afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

    it("generates the embedded passphrase once into a 0600 file and reuses it", () => {
        const first = embeddedPassphrase(home, {}, new Redactor());
        const file = path.join(home, "passphrase");
        assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
        assert.ok(first.length >= 40);
        assert.strictEqual(embeddedPassphrase(home, {}, new Redactor()), first);
    });

    it("gives every one of many first runs started at once the same, complete passphrase", async function () {
        this.timeout(120_000);
        const homes = 200;
        const seen = (await race(6, "passphrase.ts", [home, String(homes)])).map((out) => out.split("\n"));
        for (let i = 0; i < homes; i++) {
            const forHome = seen.map((racer) => racer[i]!);
            assert.ok(
                forHome.every((p) => p.length >= 40 && !p.startsWith("(")),
                `home ${i}: a run read no, or a partial, passphrase: ${JSON.stringify(forHome)}`,
            );
            assert.strictEqual(new Set(forHome).size, 1, `home ${i}: runs got different passphrases`);
            assert.deepStrictEqual(fs.readdirSync(path.join(home, String(i))), ["passphrase"], "no temporary file is left behind");
        }
    });

    it("prefers EDF_PASSPHRASE, then PULUMI_CONFIG_PASSPHRASE, and registers it for scrubbing", () => {
        const redactor = new Redactor();
        assert.strictEqual(
            embeddedPassphrase(home, { EDF_PASSPHRASE: "from-edf", PULUMI_CONFIG_PASSPHRASE: "from-pulumi" }, redactor),
            "from-edf",
        );
        assert.strictEqual(embeddedPassphrase(home, { PULUMI_CONFIG_PASSPHRASE: "from-pulumi" }, new Redactor()), "from-pulumi");
        assert.strictEqual(redactor.scrub("x from-edf y"), "x [secret] y");
        assert.ok(!fs.existsSync(path.join(home, "passphrase")));
    });

    it("refuses a passphrase file others can read, naming the chmod", () => {
        fs.writeFileSync(path.join(home, "passphrase"), "open\n", { mode: 0o644 });
        fs.chmodSync(path.join(home, "passphrase"), 0o644);
        assert.throws(
            () => embeddedPassphrase(home, {}, new Redactor()),
            (e: unknown) => e instanceof EdfError && /chmod 600/.test(e.problems[0]!.fix!),
        );
    });

    it("puts the embedded file backend under the edf home and names stacks <env>.<unit>", () => {
        const backend = resolveBackend(undefined, {
            projectRoot: PROJECT_ROOT,
            edfHome: home,
            env: { EDF_PASSPHRASE: "x-pass" },
            redactor: new Redactor(),
        });
        assert.strictEqual(backend.url, `file://${home}/backend`);
        assert.ok(fs.existsSync(path.join(home, "backend")));
        assert.strictEqual(backend.secretsProvider, "passphrase");
        assert.strictEqual(backend.stackName("dev", "network"), "dev.network");
        assert.strictEqual(backend.qualifiedStackName("dev", "network"), "organization/edf/dev.network");
        assert.ok(!backend.description.includes("x-pass"));
    });

    it("selects S3 with KMS secrets, and Pulumi Cloud with organization-qualified stacks", () => {
        const s3 = resolveBackend(
            { kind: "s3", bucket: "edf-state", prefix: "/team/", region: "eu-west-1", kmsKey: "alias/edf" },
            { projectRoot: PROJECT_ROOT, edfHome: home, env: {}, redactor: new Redactor() },
        );
        assert.strictEqual(s3.url, "s3://edf-state/team?region=eu-west-1");
        assert.strictEqual(s3.secretsProvider, "awskms://alias/edf?region=eu-west-1");
        const cloud = resolveBackend(
            { kind: "cloud", organization: "acme" },
            { projectRoot: PROJECT_ROOT, edfHome: home, env: {}, redactor: new Redactor() },
        );
        assert.strictEqual(cloud.url, undefined);
        assert.strictEqual(cloud.secretsProvider, undefined);
        assert.strictEqual(cloud.stackName("prod", "network"), "acme/edf/prod.network");
    });
});

import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ConsulClient } from "../../../../automation/inputs/consul";
import { InputError } from "../../../../automation/inputs/types";
import { Redactor } from "../../../../automation/redact";
import { ConsulKvDouble } from "../support/consul-kv-double";

/** A self-signed certificate for 127.0.0.1 (also used as its own CA), made with openssl. */
function selfSigned(dir: string, name: string): { key: string; cert: string } {
    const key = path.join(dir, `${name}-key.pem`);
    const cert = path.join(dir, `${name}.pem`);
    execFileSync(
        "openssl",
        [
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            `/CN=${name}`,
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            key,
            "-out",
            cert,
        ],
        { stdio: "ignore" },
    );
    return { key, cert };
}

// TLS to Consul (contract double of the KV API, see consul-kv-double.ts) with a private CA and a client certificate.
describe("the Consul injector over TLS", function () {
    this.timeout(30_000);
    let dir: string;
    let consul: ConsulKvDouble;
    let url: string;
    let server: { key: string; cert: string };
    let client: { key: string; cert: string };

    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-consul-tls-"));
        server = selfSigned(dir, "server");
        client = selfSigned(dir, "client");
        consul = new ConsulKvDouble();
        consul.put("edf/dev/region", "eu-west-1");
        url = await consul.start({
            key: fs.readFileSync(server.key),
            cert: fs.readFileSync(server.cert),
            ca: fs.readFileSync(client.cert),
        });
    });
    after(async () => {
        await consul.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("trusts the server through the configured CA and presents the client certificate", async () => {
        const consulClient = new ConsulClient(
            { address: url, tls: { caFile: server.cert, certFile: client.cert, keyFile: client.key } },
            new Redactor(),
            {},
        );
        assert.strictEqual((await consulClient.read("edf/dev/region")).value, "eu-west-1");
    });

    it("refuses a server its CA does not vouch for, naming the TLS problem", async () => {
        const consulClient = new ConsulClient({ address: url, tls: { certFile: client.cert, keyFile: client.key } }, new Redactor(), {});
        await assert.rejects(
            consulClient.read("edf/dev/region"),
            (e: unknown) =>
                e instanceof InputError && /cannot reach Consul .*SELF_SIGNED|cannot reach Consul .*self.signed/i.test(e.message),
        );
    });
});

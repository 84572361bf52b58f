import * as assert from "assert";
import {
    DEFAULT_SECRET_NAME_PATTERN,
    looksLikeCredential,
    plaintextSecretNames,
    secretNameRegExp,
} from "../../../../../policy-packs/pipeline/support/plaintext-secrets";

describe("plaintext secrets", () => {
    it("flags secret-announcing names with a value, and credential-shaped values under any name", () => {
        const names = plaintextSecretNames(
            {
                DB_PASSWORD: "x",
                EMPTY_TOKEN: "",
                KEY_ID: "AKIAABCDEFGHIJKLMNOP",
                UPSTREAM: "postgres://app:pw@db:5432/x",
                QUEUE_URL: "https://sqs.eu-west-1.amazonaws.com/1/jobs",
            },
            DEFAULT_SECRET_NAME_PATTERN,
        );
        assert.deepStrictEqual(names, ["DB_PASSWORD", "KEY_ID", "UPSTREAM"]);
    });

    it("recognises private keys and JWTs, not ordinary values", () => {
        assert.strictEqual(looksLikeCredential("-----BEGIN RSA PRIVATE KEY-----\nabc"), true);
        assert.strictEqual(looksLikeCredential("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc"), true);
        assert.strictEqual(looksLikeCredential("info"), false);
    });

    it("compiles each configured pattern once", () => {
        assert.strictEqual(secretNameRegExp("(A|B)"), secretNameRegExp("(A|B)"));
        assert.deepStrictEqual(plaintextSecretNames(undefined, "X"), []);
    });
});

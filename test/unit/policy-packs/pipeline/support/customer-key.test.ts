import * as assert from "assert";
import { customerKeyProblem, isCustomerManagedKey, valueAt } from "../../../../../policy-packs/pipeline/support/customer-key";

describe("customer managed keys", () => {
    it("accepts key ids, key ARNs and the account's own aliases", () => {
        for (const key of ["1234abcd-12ab-34cd-56ef-1234567890ab", "arn:aws:kms:eu-west-1:111111111111:key/k", "alias/edf-data"]) {
            assert.ok(isCustomerManagedKey(key), key);
            assert.strictEqual(customerKeyProblem(key, "kmsKeyId"), undefined);
        }
    });

    it("refuses unset keys and the AWS managed keys' aliases, saying which", () => {
        for (const key of [undefined, "", "  ", 42]) assert.ok(!isCustomerManagedKey(key));
        assert.strictEqual(customerKeyProblem(undefined, "kmsKeyId"), "`kmsKeyId` is not set");
        assert.match(customerKeyProblem("alias/aws/s3", "kmsKeyId") ?? "", /AWS managed key `alias\/aws\/s3`/);
        assert.ok(!isCustomerManagedKey("arn:aws:kms:eu-west-1:111111111111:alias/aws/backup"));
    });

    it("reads nested single blocks and stops at the first missing step", () => {
        const props = { a: { b: { c: "x" } }, list: [{ c: "y" }] };
        assert.strictEqual(valueAt(props, ["a", "b", "c"]), "x");
        assert.strictEqual(valueAt(props, ["a", "missing", "c"]), undefined);
        assert.strictEqual(valueAt(props, ["a", "b", "c", "d"]), undefined);
    });
});

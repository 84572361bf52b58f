import * as assert from "assert";
import { isAwsManagedKey, isCustomerManagedKey, isKeySet } from "../../../../../policy-packs/pipeline/support/encryption-keys";
import { isPresent } from "../../../../../policy-packs/pipeline/support/present";

describe("encryption key references", () => {
    it("tells AWS managed keys from customer managed ones", () => {
        for (const k of ["alias/aws/sqs", "aws/secretsmanager", "arn:aws:kms:eu-west-1:111111111111:alias/aws/sns"])
            assert.strictEqual(isAwsManagedKey(k), true, k);
        for (const k of ["alias/edf-data", "arn:aws:kms:eu-west-1:111111111111:key/1234", "1234abcd-12ab-34cd-56ef-1234567890ab"]) {
            assert.strictEqual(isAwsManagedKey(k), false, k);
            assert.strictEqual(isCustomerManagedKey(k), true, k);
        }
    });

    it("needs a non-empty string", () => {
        assert.strictEqual(isKeySet(""), false);
        assert.strictEqual(isKeySet(undefined), false);
        assert.strictEqual(isCustomerManagedKey("  "), false);
        assert.strictEqual(isPresent("arn"), true);
        assert.strictEqual(isPresent(" "), false);
        assert.strictEqual(isPresent(3), false);
    });
});

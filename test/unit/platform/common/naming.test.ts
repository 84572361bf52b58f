import { strict as assert } from "assert";
import fc from "fast-check";
import { NAME_LIMITS, resourceName } from "../../../../platform/common/naming";

describe("resource naming", () => {
    it("joins parts into a lowercase hyphenated name", () => {
        assert.equal(resourceName(["EDF", "dev", "log archive", "123456789012"]), "edf-dev-log-archive-123456789012");
    });

    it("always fits the limit, uses only [a-z0-9-] and keeps distinct long names distinct (property)", () => {
        fc.assert(
            fc.property(
                fc.array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 6 }),
                fc.constantFrom(NAME_LIMITS.s3Bucket, NAME_LIMITS.loadBalancer, NAME_LIMITS.iam),
                (parts, max) => {
                    if (!parts.join("").match(/[A-Za-z0-9]/)) {
                        assert.throws(() => resourceName(parts, max), /produce an empty name/);
                        return;
                    }
                    const name = resourceName(parts, max);
                    assert.ok(name.length <= max, name);
                    assert.match(name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
                    const other = resourceName([...parts, "x"], max);
                    assert.notEqual(name, other);
                },
            ),
        );
    });

    it("refuses a limit too short for the hash suffix", () => {
        assert.throws(() => resourceName(["a"], 8), /`maxLength` is 8/);
    });
});

import { strict as assert } from "assert";
import * as fc from "fast-check";
import { serviceNameProblems, SERVICE_NAME_PATTERN, suggestServiceName } from "../../../../../services/sdk/validation/service-name";

describe("service names", () => {
    it("accepts lowercase names with single hyphens", () => {
        for (const name of ["payments-api", "ledger-worker", "a1", "orders2-v3"]) {
            assert.deepEqual(serviceNameProblems(name), [], name);
        }
    });

    it("refuses names that are not identifiers and suggests a fixed one", () => {
        assert.equal(
            serviceNameProblems("Payments_API")[0],
            "`name` `Payments_API` is not a valid service name: use lowercase " +
                "letters, digits and single hyphens, starting with a letter and not " +
                "ending with a hyphen. For example `payments-api`.",
        );
        assert.match(serviceNameProblems("2fa-service")[0], /starting with a letter.*For example `fa-service`/);
        assert.match(serviceNameProblems("orders--api")[0], /single hyphens/);
        assert.match(serviceNameProblems("orders-")[0], /not ending with a hyphen/);
    });

    it("refuses names too short or too long for the AWS names they go into", () => {
        assert.match(serviceNameProblems("a")[0], /has 1 characters: use 2–28/);
        assert.match(serviceNameProblems("a".repeat(29))[0], /has 29 characters/);
    });

    it("refuses the SDK's own folder names and anything that is not a string", () => {
        assert.match(serviceNameProblems("sdk")[0], /is reserved/);
        assert.match(serviceNameProblems(undefined)[0], /must be a service name such as `payments-api`/);
    });

    it("suggests only valid names (property)", () => {
        fc.assert(
            fc.property(fc.string({ maxLength: 40 }), (raw) => {
                const suggestion = suggestServiceName(raw);
                if (suggestion !== undefined) {
                    assert.ok(SERVICE_NAME_PATTERN.test(suggestion) && suggestion.length >= 2 && suggestion.length <= 28, suggestion);
                }
            }),
        );
    });
});

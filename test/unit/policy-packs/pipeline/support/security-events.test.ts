import * as assert from "assert";
import { SECURITY_EVENTS } from "../../../../../platform/security/security-events";
import { containsWord, patternCovers, SECURITY_EVENT_CLASSES } from "../../../../../policy-packs/pipeline/support/security-events";

describe("security event classes", () => {
    it("matches event names as whole words", () => {
        assert.ok(containsWord("($.eventName = CreateRoute) || ($.eventName = CreateRouteTable)", "CreateRoute"));
        assert.ok(!containsWord("($.eventName = CreateRouteTable)", "CreateRoute"));
        assert.ok(containsWord('($.errorCode = "*UnauthorizedOperation")', "UnauthorizedOperation"));
    });

    it("are each covered by exactly the landing zone's pattern written for it (CIS 4.1–4.15)", () => {
        assert.strictEqual(SECURITY_EVENTS.length, SECURITY_EVENT_CLASSES.length);
        SECURITY_EVENT_CLASSES.forEach((c, i) =>
            assert.ok(patternCovers(SECURITY_EVENTS[i].pattern, c), `${c.id} by ${SECURITY_EVENTS[i].id}`),
        );
        // A pattern for one kind does not pass for the others (console failures vs sign-in without MFA share `ConsoleLogin`).
        const consoleFailures = SECURITY_EVENTS.find((e) => e.id === "ConsoleAuthenticationFailures")!.pattern;
        assert.deepStrictEqual(
            SECURITY_EVENT_CLASSES.filter((c) => patternCovers(consoleFailures, c)).map((c) => c.id),
            ["console-authentication-failures"],
        );
    });
});

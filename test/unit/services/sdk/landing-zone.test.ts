import { strict as assert } from "assert";
import { encodeFact } from "../../../../platform/publication/layout";
import { decodePublishedPart, landingZoneInputName, landingZoneProblems } from "../../../../services/sdk/landing-zone";
import { validNetworkOutputs } from "../../platform/support/contract-fixtures";
import { landingZoneFor } from "../support/service-fixtures";

describe("the landing zone a service consumes", () => {
    it("accepts valid parts of the service's environment", () => {
        assert.deepEqual(landingZoneProblems(landingZoneFor("prod"), "prod"), []);
    });

    it("lists every problem of every part at once, naming part and key", () => {
        const lz = landingZoneFor("dev") as unknown as Record<string, Record<string, unknown>>;
        const problems = landingZoneProblems(
            {
                ...lz,
                network: { ...lz.network, vpcId: undefined },
                security: { ...lz.security, contractVersion: "0.9" },
                sharedServices: undefined,
            },
            "dev",
        );
        assert.deepEqual(problems, [
            "`landingZone.network`: output `vpcId` is missing: redeploy `platform/network` so it exports a non-empty string.",
            "`landingZone.security`: `contractVersion` is 0.9 but this consumer " +
                "needs major 1: upgrade the landing zone so both speak contract 1.x.",
            "`landingZone.sharedServices` is missing: pass the part `platform/shared-services` publishes.",
        ]);
    });

    it("refuses parts published by another environment", () => {
        assert.match(
            landingZoneProblems(landingZoneFor("dev"), "prod")[0],
            /^`landingZone.network` was published by environment `dev` but this service runs in `prod`/,
        );
    });

    it("refuses something that is not a landing zone", () => {
        assert.match(landingZoneProblems("vpc-123", "dev")[0], /must be a `LandingZoneReference` or an object/);
    });

    it("decodes a part read from Consul, where lists are stored as JSON text", () => {
        const network = validNetworkOutputs();
        const fromConsul = Object.fromEntries(Object.entries(network).map(([k, v]) => [k, encodeFact(v)]));
        assert.equal(typeof fromConsul.azs, "string");
        assert.deepEqual(decodePublishedPart("network", fromConsul), network);
    });

    it("names the injected input of each part after its producing unit", () => {
        assert.deepEqual(
            ["network", "security", "sharedServices"].map((p) => landingZoneInputName(p as never)),
            ["landing-zone-network", "landing-zone-security", "landing-zone-shared-services"],
        );
    });
});

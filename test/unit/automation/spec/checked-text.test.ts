import * as assert from "assert";
import * as path from "path";
import { EdfError } from "../../../../automation/errors";
import { parseSpec } from "../../../../automation/spec/load";

const TEXT = `environment: prod
region: eu-west-1
policy:
  waivers: waivers/a.yaml
units:
  network:
    path: platform/network
    config: { cidr: "10.0.0.0/16" }
  api:
    path: services/api
    dependsOn: [network]
`;

describe("a spec text read again (the plan, then the units' fingerprints; a watch's rounds)", () => {
    const location = (exists: boolean) => ({ specDir: "/p/environments", projectRoot: "/p", isFile: () => exists });

    it("gives each reader its own spec, equal to the first, that it can change without changing another's", () => {
        const first = parseSpec(TEXT, "environments/prod.yaml", location(true));
        const second = parseSpec(TEXT, "environments/prod.yaml", location(true));
        assert.deepStrictEqual(second.spec, first.spec);
        assert.notStrictEqual(second.spec.units, first.spec.units);
        (first.spec.units.network!.config as Record<string, unknown>).cidr = "changed";
        const third = parseSpec(TEXT, "environments/prod.yaml", location(true));
        assert.strictEqual((third.spec.units.network!.config as Record<string, unknown>).cidr, "10.0.0.0/16");
        assert.strictEqual((second.spec.units.network!.config as Record<string, unknown>).cidr, "10.0.0.0/16");
        assert.strictEqual(third.lineOf("/units/api/dependsOn"), 11);
    });

    it("checks the files it names every time: the same text is refused where its waiver file is missing", () => {
        parseSpec(TEXT, "environments/prod.yaml", location(true));
        let refused: unknown;
        try {
            parseSpec(TEXT, "environments/prod.yaml", location(false));
        } catch (error) {
            refused = error;
        }
        assert.ok(refused instanceof EdfError, "refused");
        assert.strictEqual(refused.code, "EDF_SPEC_INVALID");
        assert.ok(
            refused.problems.some((p) => p.path === "/policy/waivers" && p.file === "environments/prod.yaml"),
            JSON.stringify(refused.problems),
        );
        // And the other way round: the kept text does not carry the refusal to a reader whose file exists.
        assert.deepStrictEqual(parseSpec(TEXT, "environments/prod.yaml", location(true)).spec.policy?.waivers, [
            path.resolve("/p/environments/waivers/a.yaml"),
        ]);
    });

    it("names each reader's own file in what it refuses", () => {
        const broken = TEXT.replace("path: services/api", "path: 42");
        for (const display of ["environments/prod.yaml", "commit abc: environments/prod.yaml"]) {
            let refused: unknown;
            try {
                parseSpec(broken, display, location(true));
            } catch (error) {
                refused = error;
            }
            assert.ok(refused instanceof EdfError);
            assert.ok(refused.problems.every((p) => p.file === display));
            assert.ok(
                refused.problems.some((p) => p.line === 10),
                JSON.stringify(refused.problems),
            );
        }
    });
});

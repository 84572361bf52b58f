import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { isCustomerManagedKey, flag } from "../../../../../policy-packs/pipeline/support/data-settings";
import {
    engineFamily,
    requiredRdsLogTypes,
    supportsIamAuthentication,
} from "../../../../../policy-packs/pipeline/support/database-engines";
import { T } from "../../../../../policy-packs/pipeline/support/types";

describe("data policy support", () => {
    it("tells customer managed keys from AWS managed ones", () => {
        assert.strictEqual(isCustomerManagedKey("arn:aws:kms:eu-west-1:111111111111:key/abc"), true);
        assert.strictEqual(isCustomerManagedKey("alias/edf-data"), true);
        assert.strictEqual(isCustomerManagedKey("alias/aws/rds"), false);
        assert.strictEqual(isCustomerManagedKey("arn:aws:kms:eu-west-1:111111111111:alias/aws/dynamodb"), false);
        assert.strictEqual(isCustomerManagedKey(""), false);
        assert.strictEqual(isCustomerManagedKey(undefined), false);
    });

    it("reads flags the provider types as strings", () => {
        assert.deepStrictEqual(
            [flag(true), flag("true"), flag(false), flag("false"), flag(undefined), flag("yes")],
            [true, true, false, false, undefined, undefined],
        );
    });

    it("knows the RDS engine families, their log types and IAM authentication", () => {
        assert.deepStrictEqual(
            ["aurora", "aurora-mysql", "mariadb", "aurora-postgresql", "postgres", "oracle-se2", "sqlserver-ex", "db2-se", "neptune"].map(
                engineFamily,
            ),
            ["mysql", "mysql", "mysql", "postgres", "postgres", "oracle", "sqlserver", "db2", "other"],
        );
        assert.deepStrictEqual(requiredRdsLogTypes("aurora-postgresql"), ["postgresql"]);
        assert.deepStrictEqual(requiredRdsLogTypes("postgres"), ["postgresql", "upgrade"]);
        assert.deepStrictEqual(requiredRdsLogTypes("neptune"), []);
        assert.strictEqual(supportsIamAuthentication("aurora-mysql"), true);
        assert.strictEqual(supportsIamAuthentication("oracle-ee"), false);
    });

    it("names real @pulumi/aws types in the data area's tokens", () => {
        const root = path.dirname(require.resolve("@pulumi/aws/package.json"));
        const source = fs.readFileSync(path.join(__dirname, "../../../../../policy-packs/pipeline/support/types.ts"), "utf8");
        const block = source.slice(source.indexOf("---- data area"), source.indexOf("---- end of the data area"));
        const keys = [...block.matchAll(/^\s+(\w+): "/gm)].map((m) => m[1]);
        assert.ok(keys.length > 30);
        for (const key of keys) {
            const token = (T as Record<string, string>)[key];
            const [pkg, rest] = token.replace(/^aws:/, "").split(":");
            const [dir, file] = pkg.split("/");
            const js = fs.readFileSync(path.join(root, dir, `${file === "s3Endpoint" ? "s3endpoint" : file}.js`), "utf8");
            assert.ok(js.includes(`__pulumiType = '${token}'`), `${key}: ${token} (${rest}) is not a @pulumi/aws type`);
        }
    });
});

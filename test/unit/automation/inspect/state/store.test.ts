import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { S3Client } from "@aws-sdk/client-s3";
import { FileStateStore, S3StateStore, stateStoreFromLocation } from "../../../../../automation/inspect/state/store";

describe("inspection state stores", () => {
    const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), "edf-inspection-state-"));

    it("round-trips a document in a folder and leaves only the document", async () => {
        const folder = dir();
        const store = new FileStateStore(path.join(folder, "prod"));
        assert.equal(await store.read("securityhub.json"), undefined);
        await store.write("securityhub.json", { version: 1, active: { a: 1 } });
        await store.write("securityhub.json", { version: 1, active: { b: 2 } });
        assert.deepEqual(await store.read("securityhub.json"), { version: 1, active: { b: 2 } });
        assert.deepEqual(fs.readdirSync(path.join(folder, "prod")), ["securityhub.json"]);
    });

    it("reads the last whole document when a writer died before its rename", async () => {
        const folder = dir();
        const store = new FileStateStore(folder);
        await store.write("securityhub.json", { generation: 1 });
        fs.writeFileSync(path.join(folder, "securityhub.json.123.x.partial"), '{"generation": 2, "act');
        assert.deepEqual(await store.read("securityhub.json"), { generation: 1 });
    });

    it("refuses document names that could leave the store's folder", async () => {
        await assert.rejects(new FileStateStore(dir()).write("../escape.json", {}), /must be a lowercase `<name>.json`/);
    });

    it("takes S3 prefixes and folders, and says which forms it accepts", () => {
        const s3 = () => new S3Client({ region: "eu-west-1" });
        const bucket = stateStoreFromLocation("s3://edf-state-prod/edf/edf-inspections/prod", s3);
        assert.ok(bucket instanceof S3StateStore);
        assert.equal(bucket.description, "s3://edf-state-prod/edf/edf-inspections/prod");
        assert.ok(stateStoreFromLocation("file:///tmp/edf-state", s3) instanceof FileStateStore);
        assert.equal(stateStoreFromLocation("./state", s3).description, `folder ${path.resolve("state")}`);
        assert.throws(() => stateStoreFromLocation("s3://Bad_Bucket/x", s3), /not `s3:\/\/<bucket>\[\/<prefix>\]`/);
        assert.throws(
            () => stateStoreFromLocation("gs://bucket/x", s3),
            /use `s3:\/\/<bucket>\[\/<prefix>\]`, `file:\/\/<folder>` or a folder path/,
        );
    });
});

import * as assert from "assert";
import { s3ObjectEventCoverage } from "../../../../../policy-packs/pipeline/support/cloudtrail";

const advanced = (...fieldSelectors: object[]) => ({ s3BucketName: "edf-logs", advancedEventSelectors: [{ fieldSelectors }] });
const DATA = { field: "eventCategory", equals: ["Data"] };
const OBJECTS = { field: "resources.type", equals: ["AWS::S3::Object"] };

describe("CloudTrail S3 data-event coverage", () => {
    it("reads basic selectors: every bucket, by read/write type", () => {
        const basic = (readWriteType: string | undefined, values: string[]) => ({
            eventSelectors: [{ readWriteType, dataResources: [{ type: "AWS::S3::Object", values }] }],
        });
        assert.deepStrictEqual(s3ObjectEventCoverage(basic(undefined, ["arn:aws:s3"])), { writes: true, reads: true });
        assert.deepStrictEqual(s3ObjectEventCoverage(basic("WriteOnly", ["arn:aws:s3:::"])), { writes: true, reads: false });
        assert.deepStrictEqual(s3ObjectEventCoverage(basic("All", ["arn:aws:s3:::edf-data/"])), { writes: false, reads: false });
    });

    it("reads advanced selectors: data category, S3 objects, readOnly", () => {
        assert.deepStrictEqual(s3ObjectEventCoverage(advanced(DATA, OBJECTS)), { writes: true, reads: true });
        assert.deepStrictEqual(s3ObjectEventCoverage(advanced(DATA, OBJECTS, { field: "readOnly", equals: ["false"] })), {
            writes: true,
            reads: false,
        });
        assert.deepStrictEqual(s3ObjectEventCoverage(advanced(OBJECTS)), { writes: false, reads: false });
        assert.deepStrictEqual(s3ObjectEventCoverage(advanced({ field: "eventCategory", equals: ["Management"] })), {
            writes: false,
            reads: false,
        });
    });

    it("accepts leaving out the trail's own log bucket, and nothing narrower", () => {
        const own = { field: "resources.ARN", notStartsWiths: ["arn:aws:s3:::edf-logs/"] };
        assert.deepStrictEqual(s3ObjectEventCoverage(advanced(DATA, OBJECTS, own)), { writes: true, reads: true });
        const other = { field: "resources.ARN", notStartsWiths: ["arn:aws:s3:::edf-data/"] };
        assert.deepStrictEqual(s3ObjectEventCoverage(advanced(DATA, OBJECTS, other)), { writes: false, reads: false });
        const only = { field: "resources.ARN", startsWiths: ["arn:aws:s3:::edf-data/"] };
        assert.deepStrictEqual(s3ObjectEventCoverage(advanced(DATA, OBJECTS, only)), { writes: false, reads: false });
        const byName = { field: "eventName", equals: ["PutObject"] };
        assert.deepStrictEqual(s3ObjectEventCoverage(advanced(DATA, OBJECTS, byName)), { writes: false, reads: false });
    });
});

import { asArray } from "./props";

interface FieldSelector {
    field?: string;
    equals?: string[];
    startsWiths?: string[];
    endsWiths?: string[];
    notEquals?: string[];
    notStartsWiths?: string[];
    notEndsWiths?: string[];
}

interface EventSelector {
    readWriteType?: string;
    dataResources?: { type?: string; values?: string[] }[];
}

/** What part of S3 object activity a selector records. */
interface Coverage {
    writes: boolean;
    reads: boolean;
}

const EVERY_BUCKET = /^arn:aws[a-z-]*:s3(:::)?$/;
const NONE: Coverage = { writes: false, reads: false };

function basicCoverage(s: EventSelector): Coverage {
    if (!asArray(s.dataResources).some((d) => d.type === "AWS::S3::Object" && asArray(d.values).some((v) => EVERY_BUCKET.test(v))))
        return NONE;
    const rw = s.readWriteType ?? "All";
    return { writes: rw === "All" || rw === "WriteOnly", reads: rw === "All" || rw === "ReadOnly" };
}

/**
 * An advanced selector records S3 object events of every bucket when it selects the data
 * category and S3 objects, and narrows ARNs at most by leaving out the trail's own destination
 * bucket (AWS advises against logging the bucket that receives the logs). `readOnly` picks reads or writes.
 */
function advancedCoverage(fields: FieldSelector[], ownBucket: string | undefined): Coverage {
    const by = (name: string) => fields.filter((f) => f.field === name);
    if (!by("eventCategory").some((f) => asArray(f.equals).includes("Data"))) return NONE;
    if (!by("resources.type").some((f) => asArray(f.equals).includes("AWS::S3::Object"))) return NONE;
    for (const f of fields) {
        if (["eventCategory", "resources.type", "readOnly"].includes(f.field ?? "")) continue;
        if (f.field !== "resources.ARN" || [f.equals, f.startsWiths, f.endsWiths].some((v) => asArray(v).length > 0)) return NONE;
        const excluded = [...asArray(f.notEquals), ...asArray(f.notStartsWiths), ...asArray(f.notEndsWiths)];
        if (ownBucket === undefined || excluded.some((arn) => !(arn.split(":::")[1] ?? "").startsWith(ownBucket))) return NONE;
    }
    const readOnly = by("readOnly").map((f) => asArray(f.equals));
    if (readOnly.length === 0) return { writes: true, reads: true };
    return { writes: readOnly.every((v) => v.includes("false")), reads: readOnly.every((v) => v.includes("true")) };
}

/** What object-level S3 activity of every bucket a trail (its props) records, from basic and advanced selectors. */
export function s3ObjectEventCoverage(props: Record<string, unknown>): Coverage {
    const bucket = typeof props.s3BucketName === "string" ? props.s3BucketName : undefined;
    const all = [
        ...asArray(props.eventSelectors as EventSelector[]).map(basicCoverage),
        ...asArray(props.advancedEventSelectors as { fieldSelectors?: FieldSelector[] }[]).map((s) =>
            advancedCoverage(asArray(s.fieldSelectors), bucket),
        ),
    ];
    return { writes: all.some((c) => c.writes), reads: all.some((c) => c.reads) };
}

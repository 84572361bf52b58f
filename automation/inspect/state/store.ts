import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { randomUUID } from "crypto";
import * as fs from "fs";
import * as path from "path";

/**
 * Where a scheduled inspection keeps what it must remember between runs (what it published to
 * Security Hub, the previous findings), beside the environment's stack state in the team backend:
 * the S3 bucket (`s3://<bucket>/<prefix>`) or, locally, a folder. Every document is written
 * aside and then renamed into place, so a run killed while writing leaves the previous document
 * whole, and a re-run starts from it.
 */
export interface InspectionStateStore {
    /** Where the state lives, for people. */
    readonly description: string;
    /** The document `name` (e.g. `securityhub.json`), or `undefined` when none was written yet. */
    read<T>(name: string): Promise<T | undefined>;
    /** Replaces the document `name` whole: a reader sees the old or the new document, never a part. */
    write(name: string, value: unknown): Promise<void>;
}

const NAME = /^[a-z0-9][a-z0-9._-]*\.json$/;

function checkName(name: string): void {
    if (!NAME.test(name)) throw new Error(`inspection state document \`${name}\` must be a lowercase \`<name>.json\``);
}

/** A folder on this machine (the file backend's `.edf` home, or any folder). */
export class FileStateStore implements InspectionStateStore {
    readonly description: string;

    constructor(private readonly dir: string) {
        this.description = `folder ${dir}`;
    }

    async read<T>(name: string): Promise<T | undefined> {
        checkName(name);
        try {
            return JSON.parse(await fs.promises.readFile(path.join(this.dir, name), "utf8")) as T;
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
            throw error;
        }
    }

    async write(name: string, value: unknown): Promise<void> {
        checkName(name);
        await fs.promises.mkdir(this.dir, { recursive: true });
        const target = path.join(this.dir, name);
        // Same folder, so the rename is atomic on one filesystem.
        const aside = `${target}.${process.pid}.${randomUUID()}.partial`;
        await fs.promises.writeFile(aside, `${JSON.stringify(value, null, 1)}\n`, { mode: 0o600 });
        await fs.promises.rename(aside, target);
    }
}

/**
 * A prefix of an S3 bucket (the team backend's). A document is put under `<prefix>/partial/`, then
 * copied onto `<prefix>/<name>` (a single S3 write, which readers see whole), then the partial copy
 * is deleted; a run killed between the steps leaves at most a stray partial object, never a torn
 * document.
 */
export class S3StateStore implements InspectionStateStore {
    readonly description: string;

    constructor(
        private readonly s3: S3Client,
        private readonly bucket: string,
        private readonly prefix: string,
    ) {
        this.prefix = prefix.replace(/^\/+|\/+$/g, "");
        this.description = `s3://${bucket}/${this.prefix}`;
    }

    private key(name: string): string {
        return this.prefix === "" ? name : `${this.prefix}/${name}`;
    }

    async read<T>(name: string): Promise<T | undefined> {
        checkName(name);
        try {
            const answer = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.key(name) }));
            return JSON.parse(await answer.Body!.transformToString("utf8")) as T;
        } catch (error) {
            if (error instanceof NoSuchKey || (error as { name?: string }).name === "NoSuchKey") return undefined;
            throw error;
        }
    }

    async write(name: string, value: unknown): Promise<void> {
        checkName(name);
        const aside = this.key(`partial/${randomUUID()}-${name}`);
        await this.s3.send(
            new PutObjectCommand({
                Bucket: this.bucket,
                Key: aside,
                Body: `${JSON.stringify(value, null, 1)}\n`,
                ContentType: "application/json",
            }),
        );
        await this.s3.send(
            new CopyObjectCommand({
                Bucket: this.bucket,
                Key: this.key(name),
                CopySource: `${this.bucket}/${encodeURIComponent(aside).replace(/%2F/g, "/")}`,
                ContentType: "application/json",
                MetadataDirective: "REPLACE",
            }),
        );
        await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: aside }));
    }
}

/**
 * The store `EDF_INSPECTION_STATE` (or `--state`) names: `s3://<bucket>[/<prefix>]` or a folder
 * (`file://<dir>` or a path). Throws with the accepted forms on anything else.
 */
export function stateStoreFromLocation(location: string, s3: () => S3Client): InspectionStateStore {
    const s3Match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(location);
    if (s3Match) return new S3StateStore(s3(), s3Match[1], s3Match[2] ?? "");
    if (location.startsWith("s3://")) {
        throw new Error(`inspection state \`${location}\` is not \`s3://<bucket>[/<prefix>]\` with a valid bucket name`);
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(location) && !location.startsWith("file://")) {
        throw new Error(`inspection state \`${location}\`: use \`s3://<bucket>[/<prefix>]\`, \`file://<folder>\` or a folder path`);
    }
    return new FileStateStore(path.resolve(location.replace(/^file:\/\//, "")));
}

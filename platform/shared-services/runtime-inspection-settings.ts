/** Where a scheduled inspection may publish its findings (besides its own state). */
export const INSPECTION_PUBLISH_TARGETS = ["securityhub"] as const;
export type InspectionPublishTarget = (typeof INSPECTION_PUBLISH_TARGETS)[number];

/** The unit input that names the inspector image's digest (`image` then names its repository). */
export const INSPECTOR_IMAGE_DIGEST_INPUT = "inspector-image-digest";

/** Every six hours: a CVE published tonight is in Security Hub by the morning. */
export const DEFAULT_INSPECTION_SCHEDULE = "rate(6 hours)";
/** Fargate size of one run: image analysis is memory-bound (layers stream, the inventory stays). */
export const DEFAULT_INSPECTION_CPU = 1024;
export const DEFAULT_INSPECTION_MEMORY = 2048;
/** Days the inspection's logs are kept (a year: PCI DSS 10.5.1). */
export const DEFAULT_INSPECTION_LOG_RETENTION_DAYS = 365;

/** The opt-in `runtimeInspection` config of `platform/shared-services`, validated and defaulted. */
export interface RuntimeInspectionSettings {
    /** An EventBridge Scheduler expression: `rate(...)` or `cron(...)`. */
    readonly schedule: string;
    /** IANA time zone of a `cron(...)` schedule. */
    readonly scheduleTimezone: string;
    readonly publishTo: readonly InspectionPublishTarget[];
    /** The inspector image in this account's ECR, by digest. */
    readonly image: string;
    /** The repository part of {@link image} (`<name>`), for the execution role's pull grant. */
    readonly imageRepository: string;
    /** The team backend's bucket: stack state is read from it, inspection state kept under `statePrefix`. */
    readonly stateBucket: string;
    /** The backend's key prefix (the spec's `backend.prefix`): Pulumi keeps stacks under `<prefix>/.pulumi/`. */
    readonly backendPrefix: string;
    readonly statePrefix: string;
    /** The key the state bucket is encrypted with (SSE-KMS), if any. */
    readonly stateKmsKeyArn?: string;
    /** Publish a summary to an SNS topic when new mandatory findings appear. */
    readonly notifications: boolean;
    readonly cpu: number;
    readonly memory: number;
    readonly logRetentionDays: number;
}

/** `<account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repository>@sha256:<64 hex>`. */
const ECR_IMAGE_BY_DIGEST =
    /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9][a-z0-9._/-]{1,255})@sha256:[0-9a-f]{64}$/;
const SCHEDULE = /^(rate\(([1-9]\d*) (minute|minutes|hour|hours|day|days)\)|cron\((\S+ ){5}\S+\))$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;
/** Fargate's CPU units and the memory each allows (MiB). */
const FARGATE_MEMORY: Readonly<Record<number, readonly [number, number]>> = {
    256: [512, 2048],
    512: [1024, 4096],
    1024: [2048, 8192],
    2048: [4096, 16384],
    4096: [8192, 30720],
};

const KNOWN_KEYS = [
    "schedule",
    "scheduleTimezone",
    "publishTo",
    "image",
    "stateBucket",
    "backendPrefix",
    "statePrefix",
    "stateKmsKeyArn",
    "notifications",
    "cpu",
    "memory",
    "logRetentionDays",
];

/**
 * Reads `runtimeInspection` (a JSON object; absent means off). Pure: returns the settings, or the
 * problems, each naming the field and the fix.
 */
export function parseRuntimeInspection(
    raw: unknown,
    environment: string,
    /**
     * The input `inspector-image-digest`, when the spec injects it (from the variable a pipeline sets
     * after it pushes the inspector's image, or the sample inputs under `edf synth`): it names the digest,
     * and `image` may then name the repository only. As a service's `image-digest` does.
     */
    injectedDigest?: unknown,
): { readonly settings?: RuntimeInspectionSettings; readonly problems: readonly string[] } {
    if (raw === undefined) return { problems: [] };
    const at = (field: string) => `\`runtimeInspection.${field}\``;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
        return { problems: ['`runtimeInspection` must be an object such as `{"image": "…@sha256:…", "stateBucket": "…"}`.'] };
    }
    const value = raw as Record<string, unknown>;
    const problems: string[] = [];
    for (const key of Object.keys(value).filter((k) => !KNOWN_KEYS.includes(k))) {
        problems.push(`${at(key)} is not a setting: use ${KNOWN_KEYS.map((k) => `\`${k}\``).join(", ")}.`);
    }

    const schedule = value.schedule ?? DEFAULT_INSPECTION_SCHEDULE;
    if (typeof schedule !== "string" || !SCHEDULE.test(schedule)) {
        problems.push(`${at("schedule")} must be an EventBridge Scheduler expression such as \`rate(6 hours)\` or \`cron(0 6 * * ? *)\`.`);
    }
    const scheduleTimezone = value.scheduleTimezone ?? "UTC";
    if (typeof scheduleTimezone !== "string" || !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(scheduleTimezone)) {
        problems.push(`${at("scheduleTimezone")} must be an IANA time zone such as \`UTC\` or \`Europe/Paris\`.`);
    }
    const publishTo = value.publishTo ?? ["securityhub"];
    if (!Array.isArray(publishTo) || publishTo.some((t) => !(INSPECTION_PUBLISH_TARGETS as readonly unknown[]).includes(t))) {
        problems.push(
            `${at("publishTo")} must list targets among ${INSPECTION_PUBLISH_TARGETS.map((t) => `\`${t}\``).join(", ")} (or be \`[]\`).`,
        );
    }

    let image = value.image;
    if (injectedDigest !== undefined) {
        if (typeof injectedDigest !== "string" || !/^sha256:[0-9a-f]{64}$/.test(injectedDigest)) {
            problems.push(`input \`${INSPECTOR_IMAGE_DIGEST_INPUT}\` must be an image digest \`sha256:<64 hex>\`.`);
        } else if (typeof image === "string") {
            image = `${image.replace(/@sha256:[0-9a-f]*$/, "")}@${injectedDigest}`;
        }
    }
    const imageMatch = typeof image === "string" ? ECR_IMAGE_BY_DIGEST.exec(image) : null;
    if (image === undefined) {
        problems.push(
            `${at("image")} is not set: build inspector/Dockerfile, push it to this account's ECR and set the image by digest ` +
                "(`<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<digest>`).",
        );
    } else if (!imageMatch) {
        problems.push(
            `${at("image")} must be an image in ECR named by digest (\`<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<digest>\`), ` +
                `not a tag; or name the repository and inject the digest as input \`${INSPECTOR_IMAGE_DIGEST_INPUT}\`.`,
        );
    }

    const stateBucket = value.stateBucket;
    if (stateBucket === undefined) {
        problems.push(`${at("stateBucket")} is not set: name the S3 bucket of the environment's backend (\`s3://<bucket>\` in its spec).`);
    } else if (typeof stateBucket !== "string" || !BUCKET.test(stateBucket)) {
        problems.push(`${at("stateBucket")} must be an S3 bucket name (no \`s3://\`, no path).`);
    }
    const backendPrefix = value.backendPrefix ?? "";
    const PREFIX = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9._-]+)*$/;
    if (typeof backendPrefix !== "string" || (backendPrefix !== "" && !PREFIX.test(backendPrefix))) {
        problems.push(`${at("backendPrefix")} must be the spec's \`backend.prefix\` without leading or trailing \`/\` (or unset).`);
    }
    const within = typeof backendPrefix === "string" && backendPrefix !== "" ? `${backendPrefix}/` : "";
    const statePrefix = value.statePrefix ?? `${within}edf-inspections/${environment}`;
    if (
        typeof statePrefix !== "string" ||
        !/^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9._-]+)*$/.test(statePrefix) ||
        statePrefix.startsWith(".pulumi")
    ) {
        problems.push(`${at("statePrefix")} must be a key prefix without leading or trailing \`/\`, outside \`.pulumi/\`.`);
    }
    const stateKmsKeyArn = value.stateKmsKeyArn;
    if (stateKmsKeyArn !== undefined && (typeof stateKmsKeyArn !== "string" || !KMS_KEY_ARN.test(stateKmsKeyArn))) {
        problems.push(`${at("stateKmsKeyArn")} must be a KMS key ARN (\`arn:aws:kms:<region>:<account>:key/<id>\`).`);
    }
    const notifications = value.notifications ?? false;
    if (typeof notifications !== "boolean") problems.push(`${at("notifications")} must be \`true\` or \`false\`.`);

    const cpu = value.cpu ?? DEFAULT_INSPECTION_CPU;
    const memory = value.memory ?? DEFAULT_INSPECTION_MEMORY;
    const range = typeof cpu === "number" ? FARGATE_MEMORY[cpu] : undefined;
    if (range === undefined) {
        problems.push(`${at("cpu")} must be a Fargate CPU size: ${Object.keys(FARGATE_MEMORY).join(", ")}.`);
    } else if (typeof memory !== "number" || !Number.isInteger(memory) || memory < range[0] || memory > range[1]) {
        problems.push(`${at("memory")} must be from ${range[0]} to ${range[1]} MiB with \`cpu\` ${cpu}.`);
    }
    const logRetentionDays = value.logRetentionDays ?? DEFAULT_INSPECTION_LOG_RETENTION_DAYS;
    if (typeof logRetentionDays !== "number" || !Number.isInteger(logRetentionDays) || logRetentionDays < 365) {
        problems.push(`${at("logRetentionDays")} must be a whole number of days, at least 365 (PCI DSS 10.5.1 keeps audit logs a year).`);
    }

    if (problems.length > 0) return { problems };
    return {
        problems: [],
        settings: {
            schedule: schedule as string,
            scheduleTimezone: scheduleTimezone as string,
            publishTo: [...new Set(publishTo as InspectionPublishTarget[])],
            image: image as string,
            imageRepository: imageMatch![3],
            stateBucket: stateBucket as string,
            backendPrefix: backendPrefix as string,
            statePrefix: statePrefix as string,
            ...(stateKmsKeyArn ? { stateKmsKeyArn: stateKmsKeyArn as string } : {}),
            notifications: notifications as boolean,
            cpu: cpu as number,
            memory: memory as number,
            logRetentionDays: logRetentionDays as number,
        },
    };
}

import { DEFAULT_DETECTIVE_CONTROL_MODE, DETECTIVE_CONTROL_MODES, DetectiveControlMode } from "./detective-controls";
import { BaseSettings, readBaseSettings } from "../common/unit-base";
import { ConfigReader, EnvironmentSize, RawConfig } from "../common/unit-config";
import { DEFAULT_PCI_DSS_STANDARD_VERSION, PciDssStandardVersion, PCI_DSS_STANDARD_VERSIONS } from "./detection";
import type { LogLifecycle, ObjectLockSettings } from "./hardened-bucket";
import { DEFAULT_KEY_DELETION_WINDOW_DAYS } from "./keys";

export const SECURITY_UNIT = "platform/security";

/** What each environment size means for the security unit, before explicit config. */
export const SECURITY_PROFILES: Readonly<Record<EnvironmentSize, { objectLock?: ObjectLockSettings; lifecycle: LogLifecycle }>> = {
    // Dev keeps PCI's year of history, but no lock so a test environment can be torn down.
    dev: { lifecycle: { coldAfterDays: 90, expireAfterDays: 400 } },
    // Prod: seven years of history, each version locked for a year.
    prod: { objectLock: { mode: "GOVERNANCE", days: 365 }, lifecycle: { coldAfterDays: 90, expireAfterDays: 2557 } },
};

/** PCI DSS 10.5.1: at least twelve months of audit history. */
export const MIN_LOG_HISTORY_DAYS = 365;

/**
 * Who runs GuardDuty and Security Hub for the account: the account itself (a single-account
 * landing zone), or the organisation's audit account as delegated administrator (`platform/audit`
 * auto-enables both in every member: the unit reads the detector instead of creating one).
 */
export const SECURITY_SERVICE_MODES = ["account", "organization"] as const;
export type SecurityServiceMode = (typeof SECURITY_SERVICE_MODES)[number];

export interface SecuritySettings {
    readonly base: BaseSettings;
    readonly securityServices: SecurityServiceMode;
    readonly protect: boolean;
    readonly keyAdministratorArns?: readonly string[];
    readonly keyDeletionWindowDays: number;
    readonly objectLock?: ObjectLockSettings;
    readonly lifecycle: LogLifecycle;
    readonly logRetentionDays: number;
    readonly pciDssVersion: PciDssStandardVersion;
    readonly allowedRegions: readonly string[];
    /** The pipeline policies' AWS Config counterparts: one conformance pack, each rule, or none. */
    readonly detectiveControls: DetectiveControlMode;
}

const ARN = /^arn:aws[a-z-]*:iam::\d{12}:(root|role\/.+|user\/.+)$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** Reads and validates the security unit's config; throws a `UnitConfigError` listing every problem. */
export function readSecuritySettings(config: RawConfig, environment: string): SecuritySettings {
    const reader = new ConfigReader(config);
    const base = readBaseSettings(reader, environment);
    const profile = SECURITY_PROFILES[base.size];
    const protect = reader.boolean("protect") ?? true;
    const keyDeletionWindowDays = reader.integer("keyDeletionWindowDays", 7, 30) ?? DEFAULT_KEY_DELETION_WINDOW_DAYS;
    const logRetentionDays = reader.integer("logRetentionDays", MIN_LOG_HISTORY_DAYS, 3653) ?? MIN_LOG_HISTORY_DAYS;
    const pciDssVersion = reader.enumValue("pciDssVersion", PCI_DSS_STANDARD_VERSIONS) ?? DEFAULT_PCI_DSS_STANDARD_VERSION;
    const securityServices = reader.enumValue("securityServices", SECURITY_SERVICE_MODES) ?? "account";
    const detectiveControls = reader.enumValue("detectiveControls", DETECTIVE_CONTROL_MODES) ?? DEFAULT_DETECTIVE_CONTROL_MODE;

    const administrators = reader.json("keyAdministratorArns");
    if (
        administrators !== undefined &&
        (!Array.isArray(administrators) ||
            administrators.length === 0 ||
            !administrators.every((a) => typeof a === "string" && ARN.test(a)))
    ) {
        reader.add([
            "`keyAdministratorArns` must be a non-empty list of IAM role, user or account-root ARNs: drop it to let IAM policies decide.",
        ]);
    }

    const regions = reader.json("allowedRegions") ?? [];
    if (!Array.isArray(regions) || !regions.every((r) => typeof r === "string" && REGION.test(r))) {
        reader.add(['`allowedRegions` must be a list of region names such as `["eu-west-1"]` (empty for any region).']);
    }

    const objectLock = readObjectLock(reader, profile.objectLock);
    const lifecycle = readLifecycle(reader, profile.lifecycle);
    reader.throwIfInvalid(SECURITY_UNIT);
    return {
        base,
        securityServices,
        protect,
        keyAdministratorArns: administrators as string[] | undefined,
        keyDeletionWindowDays,
        objectLock,
        lifecycle,
        logRetentionDays,
        pciDssVersion,
        allowedRegions: regions as string[],
        detectiveControls,
    };
}

function readObjectLock(reader: ConfigReader, fallback: ObjectLockSettings | undefined): ObjectLockSettings | undefined {
    const raw = reader.json("objectLock");
    if (raw === undefined) {
        return fallback;
    }
    if (raw === false) {
        return undefined;
    }
    const lock = raw as Partial<ObjectLockSettings>;
    const valid =
        typeof raw === "object" &&
        raw !== null &&
        (lock.mode === "GOVERNANCE" || lock.mode === "COMPLIANCE") &&
        Number.isInteger(lock.days) &&
        (lock.days as number) >= 1 &&
        (lock.days as number) <= 36500;
    if (!valid) {
        reader.add(['`objectLock` must be `false` or `{"mode": "GOVERNANCE"|"COMPLIANCE", "days": 1..36500}`.']);
        return undefined;
    }
    return { mode: lock.mode!, days: lock.days! };
}

function readLifecycle(reader: ConfigReader, fallback: LogLifecycle): LogLifecycle {
    const raw = reader.json("logArchiveLifecycle");
    if (raw === undefined) {
        return fallback;
    }
    const l = raw as Partial<LogLifecycle>;
    const cold = l.coldAfterDays ?? fallback.coldAfterDays;
    const expire = l.expireAfterDays ?? fallback.expireAfterDays;
    if (typeof raw !== "object" || raw === null || !Number.isInteger(cold) || !Number.isInteger(expire) || cold < 1) {
        reader.add(['`logArchiveLifecycle` must be `{"coldAfterDays": n, "expireAfterDays": m}` with whole numbers of days.']);
        return fallback;
    }
    if (expire < MIN_LOG_HISTORY_DAYS) {
        reader.add([
            `\`logArchiveLifecycle.expireAfterDays\` is ${expire}: PCI DSS 10.5.1 needs at least ${MIN_LOG_HISTORY_DAYS} days of history.`,
        ]);
    } else if (cold >= expire) {
        reader.add([
            `\`logArchiveLifecycle.coldAfterDays\` is ${cold} but objects expire ` +
                `after ${expire}: move them to cold storage before they expire.`,
        ]);
    }
    return { coldAfterDays: cold, expireAfterDays: expire };
}

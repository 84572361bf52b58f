/**
 * Transient failures worth retrying: another update holds the stack (the automation
 * API's `ConcurrentUpdateError`, a file-backend lock, a service 409) or the cloud
 * throttled us. Everything else fails the stack at once — including a program error,
 * which is always the stack's own: each program runs in a thread of its own
 * (program-host/), so one stack's failure cannot surface in another.
 */
const TRANSIENT_PATTERNS: readonly RegExp[] = [
    /the stack is currently locked by/i,
    /\[409\] Conflict/i,
    /another update is currently in progress/i,
    /\bthrottl(ed|ing)\b/i,
    /rate exceeded/i,
    /too many requests/i,
    /\bRequestLimitExceeded\b/,
    /\bSlowDown\b/,
    /\b503 Service Unavailable\b/i,
];

/** Whether an automation-API error is transient. */
export function isTransientError(error: unknown): boolean {
    const e = error as { name?: string; message?: string };
    if (e?.name === "ConcurrentUpdateError") {
        return true;
    }
    const text = String(e?.message ?? error);
    return TRANSIENT_PATTERNS.some((pattern) => pattern.test(text));
}

/** How many times and how long to back off. */
export interface RetryPolicy {
    /** Attempts in total, first included. @default 4 */
    readonly attempts: number;
    /** Delay before the first retry; doubles each time. @default 1000 */
    readonly baseDelayMs: number;
    /** Upper bound of one delay. @default 8000 */
    readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 8000 };

/** Delay before retry number `retry` (1-based): exponential with ±20 % jitter, bounded. */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
    const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
    return Math.round(exponential * (0.8 + 0.4 * random()));
}

/** Sleeps, waking early (and rejecting) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(new Error("aborted"));
            return;
        }
        const timer = setTimeout(() => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
        }, ms);
        const onAbort = (): void => {
            clearTimeout(timer);
            reject(new Error("aborted"));
        };
        signal?.addEventListener("abort", onAbort, { once: true });
    });
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `text` is a real calendar day written YYYY-MM-DD: `2026-02-28` is, `2026-02-30` and `2026-13-01` are not. */
export function isCalendarDate(text: unknown): text is string {
    if (typeof text !== "string" || !DAY.test(text)) return false;
    const time = Date.parse(`${text}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

/** Whether a property is set to a non-empty string (an ARN, a name, an id). */
export function isPresent(value: unknown): value is string {
    return typeof value === "string" && value.trim().length > 0;
}

import { known } from "./props";

/**
 * Whether a resource sets a property, even to a value unknown at preview. Reading an unknown
 * value stops a policy; asking whether it is there does not (records and the engine leave
 * unset properties out, so presence is exactly "set").
 */
export function isSet(props: object, key: string): boolean {
    return Object.prototype.hasOwnProperty.call(props, key);
}

/**
 * The items of a list property that are known, for cross-resource lookups in stack policies:
 * a list of ids often holds outputs of other resources (unknown at preview), and one unknown
 * item must not hide the others. [] when the list itself is unknown or absent.
 */
export function knownItems(read: () => unknown): unknown[] {
    const list = known(read);
    if (!Array.isArray(list)) return list === undefined || list === null ? [] : [list];
    const out: unknown[] = [];
    for (let i = 0; i < list.length; i++) {
        const item = known(() => list[i] as unknown);
        if (item !== undefined) out.push(item);
    }
    return out;
}

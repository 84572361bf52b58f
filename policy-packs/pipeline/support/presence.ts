/**
 * Whether a resource sets a property, even to a value unknown at preview. Reading an unknown
 * value stops a policy; asking whether it is there does not (records and the engine leave
 * unset properties out, so presence is exactly "set").
 */
export function isSet(props: object, key: string): boolean {
    return Object.prototype.hasOwnProperty.call(props, key);
}

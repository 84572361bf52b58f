import type { ContractPartName, LandingZoneOutputs } from "../contract";
import { CONTRACT_FIELDS, CONTRACT_PRODUCERS, FIELD_KINDS, FieldKind } from "../contract-validate";
import { describeValue } from "../contract-version";
import type { ConfigReader } from "./unit-config";

/** Source of driver-injected inputs (a unit context's `inputs`). */
export interface InputSource {
    get<T = unknown>(name: string): T | undefined;
}

/**
 * Reads facts another landing-zone unit published, injected by the driver as inputs
 * named like the contract keys (input `vpcId` ← `platform/network`'s output `vpcId`).
 * Each is checked against the contract's shape; problems go to `reader`, naming the
 * input, the producing unit and how to wire it.
 */
export function readContractInputs<P extends ContractPartName, K extends keyof LandingZoneOutputs[P] & string>(
    inputs: InputSource,
    reader: ConfigReader,
    part: P,
    keys: readonly K[],
): Pick<LandingZoneOutputs[P], K> {
    const values: Partial<Pick<LandingZoneOutputs[P], K>> = {};
    const fields = CONTRACT_FIELDS[part] as Record<string, keyof typeof FIELD_KINDS>;
    for (const key of keys) {
        const kind: FieldKind = FIELD_KINDS[fields[key]];
        const value = inputs.get(key);
        if (value === undefined) {
            reader.add([
                `input \`${key}\` is missing: inject \`${CONTRACT_PRODUCERS[part]}\`'s \`${key}\` output as input \`${key}\` ` +
                    `in the environment spec (or set config \`edf-input:${key}\`).`,
            ]);
        } else if (!kind.accepts(value)) {
            reader.add([
                `input \`${key}\` is ${describeValue(value)} but must be ` +
                    `${kind.expectation}, as \`${CONTRACT_PRODUCERS[part]}\` publishes it.`,
            ]);
        } else {
            (values as Record<string, unknown>)[key] = value;
        }
    }
    return values as Pick<LandingZoneOutputs[P], K>;
}

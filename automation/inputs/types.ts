/** Where an injected value came from. Never holds the value itself. */
export interface Provenance {
    readonly source: "stack" | "consul" | "vault" | "env";
    /** The stack name, Consul key, Vault `<mount>/<path>#<field>` or variable name. */
    readonly key: string;
    /** Vault: the KV v2 version read. */
    readonly version?: number;
    /** Consul: the key's `ModifyIndex` (the `X-Consul-Index` of the read is `index`). */
    readonly modifyIndex?: number;
    /** Consul: the `X-Consul-Index` header of the response. */
    readonly index?: number;
    /** Whether the value was injected as a Pulumi secret. */
    readonly secret: boolean;
}

/** One resolved input of one stack. */
export interface ResolvedInput {
    readonly name: string;
    readonly value: unknown;
    readonly secret: boolean;
    readonly provenance: Provenance;
    /**
     * A preview before the producing stack's first deployment: `value` is the unit runtime's
     * unknown-input marker, which programs see as a Pulumi unknown. Never set for `up`.
     */
    readonly unknown?: { readonly unit: string; readonly output: string };
}

/** Thrown by an injector for one input: what failed and how to fix it (never a secret). */
export class InputError extends Error {
    readonly fix: string;

    constructor(message: string, fix: string) {
        super(message);
        this.name = "InputError";
        this.fix = fix;
    }
}

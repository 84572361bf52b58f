/** A `WWW-Authenticate` challenge of a registry (RFC 7235; the distribution token spec's Bearer form). */
export interface AuthChallenge {
    readonly scheme: "basic" | "bearer";
    readonly params: Readonly<Record<string, string>>;
}

/** Parses the first challenge of a `WWW-Authenticate` header; `undefined` when there is none we know. */
export function parseChallenge(header: string | null): AuthChallenge | undefined {
    if (!header) return undefined;
    const match = /^\s*(Basic|Bearer)\b(.*)$/i.exec(header);
    if (!match) return undefined;
    const params: Record<string, string> = {};
    const pairs = /([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
    for (let m = pairs.exec(match[2]!); m; m = pairs.exec(match[2]!)) {
        params[m[1]!.toLowerCase()] = (m[2] ?? m[3] ?? "").replace(/\\(.)/g, "$1");
    }
    return { scheme: match[1]!.toLowerCase() as AuthChallenge["scheme"], params };
}

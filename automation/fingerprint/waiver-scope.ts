import type { Waiver } from "../../policy-packs/lib/waivers";

/**
 * Whether a waiver can match any resource of `stack`: a URN selector is a glob over URNs,
 * and every URN of a stack starts `urn:pulumi:<stack>::<project>::`, so a glob that cannot
 * match any string with that prefix can never waive anything there. Type and tag selectors
 * can match in any stack (what a program registers is not known before it runs), so a
 * waiver without a URN selector is in scope everywhere in its environment.
 */
export function waiverCanMatchStack(waiver: Pick<Waiver, "selector">, stack: string, project: string): boolean {
    const urn = waiver.selector?.urn;
    return urn === undefined || globCanMatchPrefix(urn, `urn:pulumi:${stack}::${project}::`);
}

/**
 * Whether some string that starts with `prefix` matches `glob` (the waiver glob: `*` any run
 * of characters, `?` one character, everything else literal). Runs the glob as an NFA over
 * the prefix: any state still alive at its end can be completed, since every glob matches
 * some string.
 */
export function globCanMatchPrefix(glob: string, prefix: string): boolean {
    const closure = (states: Set<number>): Set<number> => {
        for (const s of [...states]) {
            for (let i = s; i < glob.length && glob[i] === "*"; i++) states.add(i + 1);
        }
        return states;
    };
    let states = closure(new Set([0]));
    for (const c of prefix) {
        const next = new Set<number>();
        for (const s of states) {
            if (s >= glob.length) continue;
            const g = glob[s];
            if (g === "*") next.add(s);
            else if (g === "?" || g === c) next.add(s + 1);
        }
        states = closure(next);
        if (states.size === 0) return false;
    }
    return true;
}

/**
 * Where a `--cpu-prof` profile's time goes, by what the code was doing: transpiling TypeScript,
 * loading modules (reading and compiling JavaScript), programs under the mock runtime, inspection,
 * the fingerprint and cache, reports, garbage collection. Each sample goes to the first category
 * whose frames are on its stack, innermost work first (a module load inside a program counts as
 * module loading). Used by the note's profile of a cold synth:
 *
 *     node --cpu-prof --cpu-prof-dir=prof automation/cli/bin.js synth --env …
 *     npx ts-node -T bench/support/profile-summary.ts prof/*.cpuprofile
 */
import * as fs from "fs";

interface ProfileNode {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string };
    readonly children?: readonly number[];
}
interface Profile {
    readonly nodes: readonly ProfileNode[];
    readonly samples: readonly number[];
    readonly timeDeltas: readonly number[];
}

/** Categories, tested in order against every frame of a sample's stack. */
const CATEGORIES: readonly (readonly [string, (frame: ProfileNode["callFrame"]) => boolean])[] = [
    ["idle", (f) => f.functionName === "(idle)"],
    ["garbage collection", (f) => f.functionName === "(garbage collector)"],
    ["transpiling TypeScript", (f) => f.functionName === "transpileModule"],
    [
        "module loading (read, compile, run module tops)",
        (f) =>
            /^(wrapSafe|compileForInternalLoader|Module\._load|Module\._resolveFilename|Module\._findPath|readPackage)$/.test(
                f.functionName,
            ),
    ],
    ["inspection (policies)", (f) => /policy-packs\/lib\/(inspect|harness)\.ts$/.test(f.url)],
    ["fingerprint and synth cache", (f) => /automation\/(fingerprint|synth\/cache)\//.test(f.url)],
    ["reports", (f) => /automation\/synth\/report\//.test(f.url)],
    [
        "programs under the mock runtime",
        (f) =>
            /automation\/synth\/(evaluate|capture|mock-cloud|invokes)\.ts$|node_modules\/@pulumi\/pulumi\/|\/(platform|services|unit)\//.test(
                f.url,
            ),
    ],
    ["moving results between threads", (f) => /worker\/worker\.ts$|synth\/pool\.ts$/.test(f.url)],
];

function summarise(file: string): Map<string, number> {
    const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, ProfileNode>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
    const totals = new Map<string, number>();
    profile.samples.forEach((id, i) => {
        const ms = (profile.timeDeltas[i] ?? 0) / 1000;
        const stack: ProfileNode[] = [];
        for (let n = byId.get(id); n; n = parent.get(n.id)) stack.push(n);
        const category = CATEGORIES.find(([, test]) => stack.some((n) => test(n.callFrame)))?.[0] ?? "other (driver, spec, policy module)";
        totals.set(category, (totals.get(category) ?? 0) + ms);
    });
    return totals;
}

const files = process.argv.slice(2);
const all = new Map<string, number>();
for (const file of files) {
    for (const [k, v] of summarise(file)) all.set(k, (all.get(k) ?? 0) + v);
}
const busy = [...all].filter(([k]) => k !== "idle").reduce((n, [, v]) => n + v, 0);
console.log(`${files.length} profile(s), ${(busy / 1000).toFixed(1)} s busy (idle excluded)`);
for (const [k, v] of [...all].filter(([k]) => k !== "idle").sort((a, b) => b[1] - a[1])) {
    console.log(`${(v / 1000).toFixed(2).padStart(8)} s ${((100 * v) / busy).toFixed(0).padStart(4)} %  ${k}`);
}

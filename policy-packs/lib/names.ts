/**
 * The closest known name, for "did you mean" fixes: the nearest by edit distance (at most 2, or
 * one edit per six characters for long names such as policy ids), else the one known name that
 * starts with `name` (a shortened id: `rds-multi-az-in-prod`).
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
    const limit = Math.max(2, Math.floor(name.length / 6));
    let best: { name: string; distance: number } | undefined;
    for (const candidate of known) {
        // Names far apart in length cannot be within the limit: skip the quadratic comparison.
        if (Math.abs(candidate.length - name.length) > limit) continue;
        const distance = editDistance(name, candidate);
        if (distance <= limit && (!best || distance < best.distance)) {
            best = { name: candidate, distance };
        }
    }
    if (best) return best.name;
    const extended = name.length >= 4 ? known.filter((candidate) => candidate.startsWith(name)) : [];
    return extended.length === 1 ? extended[0] : undefined;
}

function editDistance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0]!;
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const current = row[j]!;
            row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length]!;
}

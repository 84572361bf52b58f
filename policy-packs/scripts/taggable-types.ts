/**
 * Regenerates pipeline/support/taggable-types.json: every @pulumi/aws resource type whose
 * Args take `tags`. Run after upgrading @pulumi/aws:
 *   npx ts-node --transpile-only policy-packs/scripts/taggable-types.ts
 */
import * as fs from "fs";
import * as path from "path";

export function taggableTypes(awsRoot: string): string[] {
    const out: string[] = [];
    for (const dir of fs.readdirSync(awsRoot)) {
        const d = path.join(awsRoot, dir);
        if (dir === "types" || dir === "node_modules" || !fs.statSync(d).isDirectory()) continue;
        for (const f of fs.readdirSync(d)) {
            if (!f.endsWith(".d.ts")) continue;
            const args = fs.readFileSync(path.join(d, f), "utf8").match(/export interface (\w+)Args \{[\s\S]*?\n\}/);
            if (!args || !/\n {4}tags\?: pulumi\.Input/.test(args[0])) continue;
            const js = path.join(d, f.replace(/\.d\.ts$/, ".js"));
            if (!fs.existsSync(js)) continue;
            const token = fs.readFileSync(js, "utf8").match(/__pulumiType = ['"](aws:[^'"]+)['"]/);
            if (token) out.push(token[1]);
        }
    }
    return out.sort();
}

if (require.main === module) {
    const root = path.dirname(require.resolve("@pulumi/aws/package.json"));
    const version = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;
    const types = taggableTypes(root);
    const target = path.join(__dirname, "..", "pipeline", "support", "taggable-types.json");
    fs.writeFileSync(target, `${JSON.stringify({ awsVersion: version, types }, null, 1)}\n`);
    console.log(`${types.length} taggable types from @pulumi/aws ${version} -> ${path.relative(process.cwd(), target)}`);
}

// A STAND-IN for the pulumi-aws provider plugin, which no registry reachable here ships.
// It is not AWS and creates nothing: it lets the real Pulumi engine run real `@pulumi/aws`
// registrations through preview and up (type tokens, inputs, default providers, provider
// config, policy packs) where the engine needs a provider process to answer. Check returns
// the inputs unchanged, Diff compares them, Create/Update echo them as outputs with a
// made-up id, Read returns the state it is given, Delete does nothing. Invokes are refused,
// so a program that needs cloud answers fails loudly instead of getting invented ones.
// Tests that use it say so; everything the engine itself does around it is real.
"use strict";
const path = require("path");
const provider = require(require.resolve("@pulumi/pulumi/provider", { paths: [path.resolve(__dirname, "..", "..", "..")] }));

const VERSION = process.env.EDF_STUB_AWS_VERSION || "7.48.0";
const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

provider
    .main(
        {
            version: VERSION,
            async check(_urn, _olds, news) {
                return { inputs: news, failures: [] };
            },
            async diff(_id, _urn, olds, news) {
                const keys = [...new Set([...Object.keys(olds ?? {}), ...Object.keys(news ?? {})])].filter(
                    (k) => !same(olds?.[k], news?.[k]),
                );
                return { changes: keys.length > 0, diffs: keys };
            },
            async create(urn, inputs) {
                return { id: `stub-${urn.split("::").pop()}`, outs: inputs };
            },
            async read(id, _urn, props) {
                return { id, props };
            },
            async update(_id, _urn, _olds, news) {
                return { outs: news };
            },
            async delete() {},
            async invoke(token) {
                throw new Error(`the stand-in AWS provider answers no invokes (\`${token}\`): give the program its values as config`);
            },
        },
        process.argv.slice(2),
    )
    .catch((error) => {
        console.error(error);
        process.exit(1);
    });

// ESLint for the whole TypeScript tree: typescript-eslint's recommended rules (type-aware where
// they catch real bugs: floating promises, misused promises), Prettier owning layout.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
    {
        ignores: [
            "node_modules/**",
            ".tools/**",
            ".edf/**",
            "dist/**",
            "bench/.peer/**",
            "bench/.generated/**",
            // The peer's own app, kept verbatim as the anchor gives it.
            "bench/peer/cdk-estate/**",
            "**/*.d.ts",
            "test-artifacts/**",
        ],
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        files: ["**/*.ts"],
        languageOptions: {
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
            globals: { ...globals.node, ...globals.mocha },
        },
        rules: {
            // Promises are always awaited, or explicitly voided where fire-and-forget is meant.
            "@typescript-eslint/no-floating-promises": "error",
            "@typescript-eslint/no-misused-promises": "error",
            "@typescript-eslint/no-unused-vars": [
                "error",
                { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
            ],
        },
    },
    {
        // Tests read what the mock runtime captured: resource inputs of any shape, checked by the assertions themselves.
        files: ["test/**/*.ts"],
        rules: { "@typescript-eslint/no-explicit-any": "off" },
    },
    {
        files: ["**/*.js", "**/*.mjs"],
        languageOptions: { globals: { ...globals.node }, sourceType: "commonjs" },
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
    { files: ["eslint.config.mjs"], languageOptions: { sourceType: "module" } },
    prettier,
    {
        // Prettier's width, for what Prettier cannot wrap (long strings, comments); after the Prettier
        // config, which turns max-len off. Template literals are exempt: their text is output (generated
        // code, HTML, CSS), where a line break would change it.
        rules: {
            "max-len": [
                "error",
                {
                    code: 140,
                    tabWidth: 4,
                    ignoreTemplateLiterals: true,
                    ignoreRegExpLiterals: true,
                    ignoreUrls: true,
                    ignorePattern: '^import \\{ \\w+ \\} from "[^"]+";$',
                },
            ],
        },
    },
);

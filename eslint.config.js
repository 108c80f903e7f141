// Lint rules for the whole workspace. Type-aware rules catch floating promises; library packages
// never print (only the CLI, scripts, benchmarks and examples may use the console).
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "**/*.js", "**/*.mjs", "**/*.cjs", "**/__fixtures__/**", "coverage/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: { parserOptions: { project: ["./tsconfig.json"], tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "error",
    },
  },
  {
    files: ["packages/cli/**/*.ts", "scripts/**/*.ts", "bench/**/*.ts", "examples/**/*.ts", "**/*.test.ts", "packages/*/test/**/*.ts", "test/**/*.ts"],
    rules: { "no-console": "off" },
  },
);

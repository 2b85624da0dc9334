import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Pages and components reach data only through lib/ and the JSON API, so
// SQL stays in db/ behind functions that validate their input.
const noDatabaseImports = {
  files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: ["@/db", "@/db/*", "**/db/*", "postgres", "@electric-sql/pglite", "drizzle-orm", "drizzle-orm/*"],
            message: "app/ and components/ must not import the database; call a function in lib/ instead.",
          },
        ],
      },
    ],
  },
};

const config = [
  { ignores: [".next/**", "node_modules/**", ".data/**", "drizzle/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  ...nextVitals,
  ...nextTypescript,
  noDatabaseImports,
];

export default config;

import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder,
  // so it must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pino"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;

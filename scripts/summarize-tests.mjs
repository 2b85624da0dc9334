// Totals the JSON reports of vitest and Playwright in a folder and prints
// "N passed, N failed[, N skipped]"; exits 1 when a test failed or a suite
// reported nothing at all.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const folder = process.argv[2] ?? ".test-results";
let passed = 0;
let failed = 0;
let skipped = 0;

for (const file of readdirSync(folder).filter((name) => name.endsWith(".json"))) {
  const report = JSON.parse(readFileSync(path.join(folder, file), "utf8"));
  if (report.stats) {
    // Playwright: expected = passed, unexpected = failed, flaky passed on retry.
    passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected ?? 0;
    skipped += report.stats.skipped ?? 0;
  } else {
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // A file that failed to load has no failed test of its own: count it once.
    for (const file of report.testResults ?? []) {
      const failedTests = (file.assertionResults ?? []).filter((test) => test.status === "failed");
      if (file.status === "failed" && failedTests.length === 0) failed += 1;
    }
    if (report.success === false && failed === 0) failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

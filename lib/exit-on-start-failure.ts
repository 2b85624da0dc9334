/**
 * Stops the process after a failed start. Next.js logs a failed
 * instrumentation hook and keeps serving every request with a 500, so an
 * invalid environment must end the process instead.
 */
export function exitOnStartFailure(error: unknown): never {
  console.error(`start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

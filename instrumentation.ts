export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    const { startServer } = await import("./lib/server-lifecycle");
    await startServer();
  } catch (error) {
    // Next.js logs a failed hook and keeps serving every request with a 500,
    // so an invalid environment must stop the process here instead.
    console.error(`start-up failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

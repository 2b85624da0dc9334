export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    const { startServer } = await import("./lib/server-lifecycle");
    await startServer();
  } catch (error) {
    const { exitOnStartFailure } = await import("./lib/exit-on-start-failure");
    exitOnStartFailure(error);
  }
}

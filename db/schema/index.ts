export { apiKeys } from "./keys";
export { outcomeEvents, runs, workflowDaily } from "./runs";
export { spans } from "./spans";
export { customPrices } from "./prices";
export { auditEvents } from "./audit";
export { budgets } from "./budgets";
export { signInFailures, users } from "./users";

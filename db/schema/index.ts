export { apiKeys } from "./keys";
export { outcomeEvents, runs, workflowDaily } from "./runs";
export { spans } from "./spans";
export { customPrices } from "./prices";

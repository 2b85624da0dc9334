export { apiKeys } from "./keys";
export { outcomeEvents, runs, workflowDaily } from "./runs";
export { spans } from "./spans";
export { customPrices } from "./prices";
export { auditEvents } from "./audit";
export { signInFailures, users } from "./users";
export { billingImportLines, billingImportRejects, billingImports, billingLines } from "./billing";
export { gatewayPulls } from "./gateway-pulls";
export { budgetAlerts, policyDrafts, policyVersions, webhookDeliveries, webhooks } from "./policy";

export * from "./program";
export * from "./partners";
export * from "./catalog";
export * from "./tracking";
export * from "./orders";
export * from "./commissions";
export * from "./stats";
export * from "./rate-limits";

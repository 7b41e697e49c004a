/**
 * The OCOP rules, one home for each (docs/domain.md). This entry is browser-safe — no Node built-ins, no
 * spreadsheet reader — so the shop imports it as well as the backend, the search index and the list reader.
 * Place data and the QĐ 148 tree read files at load time: they are the `/places` and `/taxonomy` subpaths.
 */
export * from "./text"
export * from "./certification"
export * from "./producers"
export * from "./stock"
export * from "./events"
export * from "./shipping"
export * from "./refunds"
export * from "./lots"

/**
 * The API's contracts, one home for each: zod schemas and inferred types of the request and response bodies the
 * shop, the admin extensions and the import CLI consume. Browser-safe (zod and @ocop/domain only). The backend's
 * presenters `satisfies` these types; the clients parse answers with the schemas.
 */
export * from "./common"
export * from "./certification"
export * from "./store"
export * from "./producer"
export * from "./curator"
export * from "./import"
export * from "./admin"
export * from "./lots"
export * from "./orders"

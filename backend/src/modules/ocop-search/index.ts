import { Module } from "@medusajs/framework/utils"
import OcopSearchService from "./service"

export const OCOP_SEARCH_MODULE = "ocopSearch"

/**
 * Registered in medusa-config.ts with Medusa's Search Module and Query as dependencies and its cache options
 * read from src/lib/config.ts.
 */
export default Module(OCOP_SEARCH_MODULE, { service: OcopSearchService })

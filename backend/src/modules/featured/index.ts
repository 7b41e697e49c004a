import { Module } from "@medusajs/framework/utils"
import FeaturedModuleService from "./service"

export const FEATURED_MODULE = "featured"

export default Module(FEATURED_MODULE, { service: FeaturedModuleService })

/** Emitted by every featured-list workflow; the storefront's catalogue cache is dropped on it. */
export const FEATURED_LIST_CHANGED = "featured_list.changed"

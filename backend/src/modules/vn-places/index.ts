import { Module } from "@medusajs/framework/utils"
import VnPlacesModuleService from "./service"

export const VN_PLACES_MODULE = "vnPlaces"

export default Module(VN_PLACES_MODULE, { service: VnPlacesModuleService })

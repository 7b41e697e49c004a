import { Module } from "@medusajs/framework/utils"
import OcopModuleService from "./service"

export const OCOP_MODULE = "ocop"

export default Module(OCOP_MODULE, { service: OcopModuleService })

import { Module } from "@medusajs/framework/utils"
import OcopImportModuleService from "./service"

export const OCOP_IMPORT_MODULE = "ocopImport"

export default Module(OCOP_IMPORT_MODULE, { service: OcopImportModuleService })

import { Module } from "@medusajs/framework/utils"
import CuratorModuleService from "./service"

export const CURATOR_MODULE = "curator"

export default Module(CURATOR_MODULE, { service: CuratorModuleService })

import { MedusaService } from "@medusajs/framework/utils"
import { ImportRun } from "./models/import-run"

export default class OcopImportModuleService extends MedusaService({ ImportRun }) {}

import { MedusaService } from "@medusajs/framework/utils"
import { FeaturedList } from "./models/featured-list"

export default class FeaturedModuleService extends MedusaService({ FeaturedList }) {}
